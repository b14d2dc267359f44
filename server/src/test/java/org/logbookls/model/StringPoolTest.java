package org.logbookls.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.logbookls.config.Settings;
import org.logbookls.workspace.DocumentSnapshot;

/** Models share one copy of the short strings they repeat, and sharing changes no value. */
class StringPoolTest {
    @Test
    void equalShortStringsAreOneCopyAndLongOnesAreLeftAlone() {
        String label = new String("Next Steps");
        assertSame(StringPool.shared(label), StringPool.shared(new String("Next Steps")));
        String title = "x".repeat(StringPool.LONGEST + 1);
        assertSame(title, StringPool.shared(title));
        assertNotSame(StringPool.shared(new String(title)), StringPool.shared(new String(title)));
    }

    @Test
    void theSharedStringIsAlwaysEqualToTheOneGiven() {
        // Far more distinct strings than slots: what the pool answers is still the value asked for.
        for (int i = 0; i < 3 * StringPool.SLOTS; i++) {
            String value = "tag" + (i % (StringPool.SLOTS + 7));
            assertEquals(value, StringPool.shared(value));
        }
    }

    @Test
    void twoLogbooksShareTheirLabelsTagsAndDates() {
        StringPool.clear();
        String text = "# Log\n\n## 2024-03-01 [e0001] First\n\nResults: fine #gpu\n\nNext Steps: see [e0001]\n";
        Logbook first = new DocumentSnapshot("file:///w/a.md", "a.md", 0, text).logbook(Settings.DEFAULT);
        Logbook second = new DocumentSnapshot("file:///w/b.md", "b.md", 0, text).logbook(Settings.DEFAULT);
        assertEquals(first.entries(), second.entries());
        Entry a = first.entries().get(0);
        Entry b = second.entries().get(0);
        assertSame(a.sections().get(0).label(), b.sections().get(0).label());
        assertSame(a.date().get().written(), b.date().get().written());
        assertSame(first.tags().get(0).name(), second.tags().get(0).name());
        assertSame(first.references().get(0).id(), second.references().get(0).id());
        assertSame(first.anchors().get(1).text(), second.anchors().get(1).text());
    }
}
