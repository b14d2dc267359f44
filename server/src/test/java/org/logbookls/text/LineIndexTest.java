package org.logbookls.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineIndexTest {
    @Test
    void crlfLoneCrAndLfAreEachOneBreak() {
        LineIndex lines = LineIndex.of("a\r\nb\rc\nd");
        assertEquals(4, lines.lineCount());
        assertEquals(new LineColumn(1, 0), lines.position(3));
        assertEquals(new LineColumn(2, 0), lines.position(5));
        assertEquals(new LineColumn(3, 0), lines.position(7));
        assertEquals("b", lines.lineText(1));
        assertEquals(1, lines.lineContentEnd(0));
    }

    @Test
    void columnsPastTheEndOfALineClampToItsContent() {
        LineIndex lines = LineIndex.of("ab\r\ncd");
        assertEquals(2, lines.offset(0, 99));
        assertEquals(6, lines.offset(9, 0));
        assertEquals(0, lines.offset(-1, 5));
    }

    @Test
    void utf8ColumnsCountBytesAndNeverSplitACharacter() {
        // "é" is 2 bytes, "🧪" is 4 bytes and 2 UTF-16 units.
        LineIndex lines = LineIndex.of("é🧪x");
        assertEquals(6, lines.utf8Column(3));
        assertEquals(3, lines.offsetOfUtf8(0, 6));
        assertEquals(1, lines.offsetOfUtf8(0, 3));
        assertEquals(4, lines.offsetOfUtf8(0, 99));
    }

    @Test
    void anEmptyTextHasOneEmptyLine() {
        LineIndex lines = LineIndex.of("");
        assertEquals(1, lines.lineCount());
        assertEquals(new LineColumn(0, 0), lines.position(10));
    }
}
