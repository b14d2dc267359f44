package org.logbookls.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.logbookls.config.Settings;

class WorkspaceIndexTest {
    private static DocumentFacts facts(String uri, String text) {
        return DocumentFacts.of(uri, new DocumentSnapshot(uri, "x.md", 1, text).logbook(Settings.DEFAULT.withToday(java.time.LocalDate.of(2026, 11, 20))));
    }

    @Test
    void definedIdsAreOfferedHighestNumberFirstAndSortedOncePerIndex() {
        DocumentFacts first = facts("file:///a-logbook.md", "# Log\n\n## 2024-01-01 [e0002] a\n\n## 2024-01-02 [e0010] b\n\n## 2024-01-03 [e0009] c\n");
        DocumentFacts second = facts("file:///b-logbook.md", "# Log\n\n## 2024-02-01 [x10] d\n\n## 2024-02-02 [e0010] again\n\n## 2024-02-03 [a9] e\n");
        WorkspaceIndex index = WorkspaceIndex.build(Map.of(first.uri(), first, second.uri(), second));
        // By number, highest first; the same number by name.
        assertEquals(List.of("e0010", "x10", "a9", "e0009", "e0002"), index.definedIdsNewestFirst());
        assertSame(index.definedIdsNewestFirst(), index.definedIdsNewestFirst());
        // A title typed changes only summaries: the new index shares the list.
        DocumentFacts retitled = facts("file:///a-logbook.md", "# Log\n\n## 2024-01-01 [e0002] a\n\n## 2024-01-02 [e0010] bb\n\n## 2024-01-03 [e0009] c\n");
        assertSame(index.definedIdsNewestFirst(), index.withSummaries(Map.of(retitled.uri(), retitled, second.uri(), second))
                .definedIdsNewestFirst());
    }
}
