package org.logbookls.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineIndexTest {
    /** An index updated by an edit equals one built from the new text, whatever line breaks the edit adds, removes or splits. */
    @Test
    void editedIndexEqualsAFreshOne() {
        java.util.Random random = new java.util.Random(13);
        String alphabet = "ab\r\n\r\n";
        for (int round = 0; round < 50_000; round++) {
            String text = randomText(random, alphabet, 12);
            LineIndex lines = LineIndex.of(text);
            int start = random.nextInt(text.length() + 1);
            int end = start + random.nextInt(text.length() - start + 1);
            String inserted = randomText(random, alphabet, 4);
            String next = text.substring(0, start) + inserted + text.substring(end);
            LineIndex edited = lines.edited(Text.of(next), new TextChange(TextRange.of(start, end), inserted.length()));
            LineIndex fresh = LineIndex.of(next);
            String what = java.util.List.of(text, start, end, inserted).toString().replace("\r", "\\r").replace("\n", "\\n");
            assertEquals(fresh.lineCount(), edited.lineCount(), what);
            for (int line = 0; line < fresh.lineCount(); line++) {
                assertEquals(fresh.lineStart(line), edited.lineStart(line), what + " line " + line);
            }
        }
    }

    /**
     * An index edited many times in a row, mostly by typing within a line (kept as shifts of the lines
     * after it, written out again now and then) and sometimes across lines, answers as one built afresh.
     */
    @Test
    void anIndexEditedManyTimesAnswersAsAFreshOne() {
        java.util.Random random = new java.util.Random(19);
        for (int round = 0; round < 40; round++) {
            String text = randomText(random, "abc\n\r\n", 400);
            LineIndex lines = LineIndex.of(text);
            for (int edit = 0; edit < 200; edit++) {
                int start = random.nextInt(text.length() + 1);
                int end = Math.min(text.length(), start + (random.nextInt(4) == 0 ? random.nextInt(3) : 0));
                String inserted = randomText(random, random.nextInt(10) == 0 ? "x\n" : "xy", random.nextInt(3));
                String next = text.substring(0, start) + inserted + text.substring(end);
                lines = lines.edited(Text.of(next), new TextChange(TextRange.of(start, end), inserted.length()));
                text = next;
                LineIndex fresh = LineIndex.of(text);
                assertEquals(fresh.lineCount(), lines.lineCount());
                for (int line = 0; line < fresh.lineCount(); line++) {
                    assertEquals(fresh.lineStart(line), lines.lineStart(line), "line " + line + " after edit " + edit);
                    assertEquals(fresh.lineContentEnd(line), lines.lineContentEnd(line));
                }
                for (int probe = 0; probe < 20; probe++) {
                    int offset = random.nextInt(text.length() + 1);
                    assertEquals(fresh.lineOf(offset), lines.lineOf(offset), "offset " + offset);
                    assertEquals(fresh.position(offset), lines.position(offset));
                }
            }
        }
    }

    /** Asked in order, backwards or at random, the line of an offset is the last line starting at or before it. */
    @Test
    void lineOfAnswersTheSameInAnyOrder() {
        java.util.Random random = new java.util.Random(17);
        for (int round = 0; round < 2_000; round++) {
            String text = randomText(random, "ab\r\n\r\n", 200);
            LineIndex lines = LineIndex.of(text);
            for (int ask = 0; ask < 60; ask++) {
                int offset = switch (ask % 3) {
                    case 0 -> ask * text.length() / 60;
                    case 1 -> text.length() - ask * text.length() / 60;
                    default -> random.nextInt(text.length() + 3) - 1;
                };
                int expected = 0;
                for (int line = 0; line < lines.lineCount(); line++) {
                    if (lines.lineStart(line) <= Math.max(0, Math.min(offset, text.length()))) {
                        expected = line;
                    }
                }
                assertEquals(expected, lines.lineOf(offset), text.replace("\r", "\\r").replace("\n", "\\n") + " at " + offset);
            }
        }
    }

    private static String randomText(java.util.Random random, String alphabet, int maxLength) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

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
