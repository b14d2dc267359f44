package org.logbookls.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextChangeTest {
    /** Each case: the text, the range replaced, what replaces it, and whether the line breaks stay as they were. */
    @Test
    void keepsLinesOnlyWhenNoLineBreakIsAddedRemovedJoinedOrParted() {
        Object[][] cases = {
            {"ab\ncd", 1, 1, "x", true}, {"ab\ncd", 0, 2, "", true}, {"ab\ncd", 3, 5, "xyz", true}, {"ab\ncd", 5, 5, "x", true},
            {"ab\ncd", 1, 1, "\n", false}, {"ab\ncd", 1, 1, "\r", false}, {"ab\ncd", 2, 3, "", false}, {"ab\ncd", 2, 3, " ", false},
            {"ab\ncd", 1, 4, "b\nc", false}, {"", 0, 0, "", true}, {"", 0, 0, "\r\n", false},
            // A CR and the LF after it are one line break: typing between them parts it, deleting what is between them joins it.
            {"a\r\nb", 2, 2, "x", false}, {"a\rx\nb", 2, 3, "", false}, {"a\rx\nb", 2, 3, "y", true}, {"a\r\nb", 2, 2, "", true},
            {"a\r\nb", 1, 1, "x", true}, {"a\r\nb", 3, 3, "x", true},
        };
        for (Object[] c : cases) {
            String before = (String) c[0];
            TextRange range = TextRange.of((int) c[1], (int) c[2]);
            String inserted = (String) c[3];
            String after = before.substring(0, range.start()) + inserted + before.substring(range.end());
            assertEquals(c[4], new TextChange(range, inserted.length()).keepsLines(before, after),
                    before.replace("\r", "\\r").replace("\n", "\\n") + " " + range + " " + inserted.replace("\r", "\\r").replace("\n", "\\n"));
        }
    }

    @Test
    void trimmedLeavesOutWhatWasReplacedWithItself() {
        String before = "Results: fine\n";
        String after = "Results: fine too\n";
        assertEquals(new TextChange(TextRange.of(13, 13), 4), new TextChange(TextRange.of(0, 14), 18).trimmed(before, after));
        assertEquals(new TextChange(TextRange.of(13, 13), 4), new TextChange(TextRange.of(13, 13), 4).trimmed(before, after));
        assertEquals(new TextChange(TextRange.of(13, 13), 0), new TextChange(TextRange.of(9, 13), 4).trimmed("Results: fine", "Results: fine"));
        // The common start is taken first: "aa" replaced by "aaa" is one "a" typed after them.
        assertEquals(new TextChange(TextRange.of(2, 2), 1), new TextChange(TextRange.of(0, 2), 3).trimmed("aa", "aaa"));
        assertEquals(new TextChange(TextRange.of(1, 2), 0), new TextChange(TextRange.of(0, 2), 1).trimmed("ab", "a"));
        assertEquals(new TextChange(TextRange.of(0, 1), 0), new TextChange(TextRange.of(0, 2), 1).trimmed("ab", "b"));
    }
}
