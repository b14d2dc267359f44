package org.logbookls.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.logbookls.config.Settings;
import org.logbookls.syntax.MarkdownParser;

/** Hazards from FORMATS.md that fixtures cannot hold comfortably: very long lines. */
class HazardsTest {
    private static Logbook build(String text) {
        return LogbookBuilder.build(MarkdownParser.parse(text), new ModelOptions("logbook.md", Optional.empty(),
                Settings.DEFAULT_FAMILIES, List.of(), Optional.empty(), LocalDate.of(2026, 11, 22), Optional.empty()));
    }

    @Test
    void anEmbeddedImageOnALineOfHalfAMegabyteIsNotAnEntryAndHidesNone() {
        String image = "![plot](data:image/png;base64," + "iVBORw0KGgo2024-02-30AAAA".repeat(20_000) + ")";
        String text = "# Log\n\n## 2024-03-02\nResults: " + image + "\n\n## 2024-03-01\nResults: fine.\n";
        Logbook logbook = build(text);
        assertEquals(2, logbook.entries().size());
        assertEquals(LocalDate.of(2024, 3, 1), logbook.entries().get(1).date().get().start().get());
        assertTrue(logbook.references().isEmpty());
    }

    @Test
    void aLongHeadingLineIsReadWithoutTrouble() {
        String text = "# Log\n\n## 2024-03-02 " + "word ".repeat(50_000) + "\n## 2024-03-01\n## 2024-02-29\n";
        Logbook logbook = build(text);
        assertEquals(3, logbook.entries().size());
    }
}
