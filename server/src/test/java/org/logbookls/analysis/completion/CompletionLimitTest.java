package org.logbookls.analysis.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.logbookls.testing.Fixture;
import org.logbookls.testing.FixtureWorkspace;
import org.logbookls.text.Cancellation;

/** A logbook of 250 experiments: "[e" offers the 200 most recent and says there are more; "[e24" offers only matches. */
class CompletionLimitTest {
    @Test
    void idListsAreCutAndMarkedIncomplete() {
        assertIds("e", 200, true, "e0250");
        assertIds("e24", 16, false, "e0249"); // e0024, e0124, e0204, e0214, e0224, e0234, e0240–e0249
    }

    private static void assertIds(String typed, int count, boolean incomplete, String first) {
        StringBuilder text = new StringBuilder("//- /journal.md\n# Journal\n\nSee [" + typed + "$0\n\n");
        for (int id = 250; id >= 1; id--) {
            text.append(String.format("## 2026-%02d-%02d [e%04d] run%n%nResults: fine.%n%n", 1 + (id - 1) / 28 % 12, 1 + (id - 1) % 28, id));
        }
        Fixture fixture = Fixture.parse(text.toString());
        var view = FixtureWorkspace.of(fixture);
        var document = view.document(FixtureWorkspace.uri(fixture.cursor().orElseThrow().path())).orElseThrow();
        Completion.Result result = Completion.list(view, document, fixture.cursor().get().offset(), Cancellation.NONE);
        List<Completion.Item> ids = result.items().stream().filter(item -> item.kind() == Completion.Kind.ID).toList();
        assertEquals(count, ids.size(), typed);
        assertEquals(first, ids.get(0).label(), typed);
        if (incomplete) {
            assertTrue(result.incomplete(), typed);
        } else {
            assertFalse(result.incomplete(), typed);
        }
    }
}
