package org.logbookls.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextChangeTest {
    @Test
    void betweenFindsTheEditedRegion() {
        assertEquals(new TextChange(TextRange.of(3, 3), 0), TextChange.between("abc", "abc"));
        assertEquals(new TextChange(TextRange.of(0, 0), 1), TextChange.between("abc", "xabc"));
        assertEquals(new TextChange(TextRange.of(3, 3), 1), TextChange.between("abc", "abcx"));
        assertEquals(new TextChange(TextRange.of(1, 2), 2), TextChange.between("abc", "axyc"));
        assertEquals(new TextChange(TextRange.of(0, 3), 0), TextChange.between("abc", ""));
        assertEquals(new TextChange(TextRange.of(0, 0), 3), TextChange.between("", "abc"));
        // Repeated characters: the common start is taken first, the common end only from what is left.
        assertEquals(new TextChange(TextRange.of(3, 3), 1), TextChange.between("aaa", "aaaa"));
        assertEquals(new TextChange(TextRange.of(2, 3), 0), TextChange.between("aaa", "aa"));
    }

    /** Random edits of texts longer than the block compared at once: the change found turns one text into the other, and is smallest. */
    @Test
    void betweenIsTheSmallestChangeOnLongTexts() {
        Random random = new Random(11);
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(5000);
            for (int i = 0; i < length; i++) {
                text.append("ab\n".charAt(random.nextInt(3)));
            }
            String before = text.toString();
            int start = random.nextInt(before.length() + 1);
            int end = start + random.nextInt(Math.min(40, before.length() - start) + 1);
            String inserted = "abc\n".substring(random.nextInt(4));
            String after = before.substring(0, start) + inserted + before.substring(end);
            TextChange change = TextChange.between(before, after);
            int from = change.replaced().start();
            assertEquals(after, before.substring(0, from) + after.substring(from, from + change.insertedLength())
                    + before.substring(change.replaced().end()), "round " + round);
            assertTrue(from <= start && change.replaced().end() >= end || change.replaced().length() + change.insertedLength()
                    <= end - start + inserted.length(), "round " + round + ": not larger than the edit made");
            assertTrue(from == Math.min(before.length(), after.length()) || before.charAt(from) != after.charAt(from),
                    "round " + round + ": the common start is whole");
            int fromEnd = before.length() - change.replaced().end();
            assertTrue(change.replaced().length() == 0 || change.insertedLength() == 0
                    || before.charAt(change.replaced().end() - 1) != after.charAt(after.length() - fromEnd - 1),
                    "round " + round + ": the common end is whole");
        }
    }
}
