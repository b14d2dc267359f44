package org.logbookls.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.logbookls.syntax.Block;
import org.logbookls.syntax.BlockKind;
import org.logbookls.text.TextRange;

/**
 * The model's most numerous records keep their ranges as ints, not range objects: they answer with
 * the ranges they were made from, move as a whole, compare by value, and refuse a range that
 * {@link TextRange} refuses, as before.
 */
class CompactRangesTest {
    private static final TextRange A = TextRange.of(3, 9);
    private static final TextRange B = TextRange.of(5, 7);

    @Test
    void rangesReadBackAndMove() {
        Section section = new Section("Results", A, B, SectionStyle.LABEL_LINE, 0, false);
        assertEquals(A, section.labelRange());
        assertEquals(B, section.content());
        assertEquals(new Section("Results", A.shift(4), B.shift(4), SectionStyle.LABEL_LINE, 0, false), section.shift(4));

        Anchor anchor = new Anchor(A, B, "title", 2);
        assertEquals(List.of(A, B), List.of(anchor.heading(), anchor.title()));
        assertEquals(new Anchor(A.shift(-3), B.shift(-3), "title", 2), anchor.shift(-3));

        Block block = new Block(BlockKind.PARAGRAPH, A, B, 0, 1);
        assertEquals(List.of(A, B), List.of(block.range(), block.content()));
        assertEquals(new Block(BlockKind.PARAGRAPH, A.shift(2), B.shift(2), 0, 1), block.shift(2));

        assertEquals(A.shift(1), new Tag("gpu", A).shift(1).range());
        assertEquals(A.shift(1), new Reference("e0001", A).shift(1).range());
        assertEquals(A.shift(1), new IdDefinition("e0001", A).shift(1).range());

        Entry entry = new Entry(TextRange.of(0, 20), A, B, "2024-03-12 x", 2, false, Optional.empty(), List.of(), List.of(section), 0, "x");
        assertEquals(List.of(TextRange.of(0, 20), A, B), List.of(entry.range(), entry.heading(), entry.title()));
        assertEquals(TextRange.of(10, 30), entry.shift(10).range());
        assertEquals(B.shift(10), entry.shift(10).sections().get(0).content());
    }

    @Test
    void aDateKeepsItsDayAsANumber() {
        java.time.LocalDate day = java.time.LocalDate.of(2024, 2, 29);
        EntryDate real = date(Optional.of(day));
        assertEquals(Optional.of(day), real.start());
        assertEquals(day.toEpochDay(), real.startDay());
        assertEquals(true, real.valid());
        assertEquals(real, date(Optional.of(java.time.LocalDate.of(2024, 2, 29))));
        assertEquals(Optional.of(day), real.shift(7).start());
        assertEquals(A.shift(7), real.shift(7).range());
        EntryDate impossible = date(Optional.empty());
        assertEquals(Optional.empty(), impossible.start());
        assertEquals(EntryDate.NO_DAY, impossible.startDay());
        assertEquals(false, impossible.valid());
        assertEquals(false, real.sameMoved(0, impossible));
        assertEquals(true, real.sameMoved(7, real.shift(7)));
    }

    private static EntryDate date(Optional<java.time.LocalDate> start) {
        return new EntryDate(A, "2024-02-29", start, Optional.empty(), EntryDate.YearSource.WRITTEN, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A plain title is the very string its heading's anchor keeps; a title with markup stays as written. */
    @Test
    void anEntrysTitleSharesItsAnchorsText() {
        String text = "# Log\n\n## 2024-03-12 [e0002] plain title here, longer than the pool keeps\nResults: ok\n\n"
                + "## 2024-03-11 [e0001] **bold** `code` title\nResults: ok\n";
        Logbook logbook = new org.logbookls.workspace.DocumentSnapshot("file:///t.md", "t.md", 0, text)
                .logbook(org.logbookls.config.Settings.DEFAULT);
        Entry plain = logbook.entries().get(0);
        Entry marked = logbook.entries().get(1);
        assertEquals("2024-03-12 [e0002] plain title here, longer than the pool keeps", plain.titleText());
        org.junit.jupiter.api.Assertions.assertSame(logbook.anchors().get(1).text(), plain.titleText());
        assertEquals("2024-03-11 [e0001] **bold** `code` title", marked.titleText());
        assertEquals("2024-03-11 [e0001] bold code title", logbook.anchors().get(2).text());
    }

    @Test
    void aBackwardRangeIsRefusedAsBefore() {
        assertThrows(IllegalArgumentException.class, () -> new Tag("gpu", 5, 4));
        assertThrows(IllegalArgumentException.class, () -> new Reference("e0001", -1, 4));
        assertThrows(IllegalArgumentException.class, () -> new Section("Results", 0, 4, 9, 8, SectionStyle.LABEL_LINE, 0, false));
        assertThrows(IllegalArgumentException.class, () -> A.shift(-5));
        assertThrows(IllegalArgumentException.class, () -> new Anchor(A, B, "t", 1).shift(-5));
    }
}
