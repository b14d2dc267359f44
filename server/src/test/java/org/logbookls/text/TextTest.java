package org.logbookls.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextTest {
    /**
     * A text edited thousands of times, by small edits (typing), large ones (pastes, deletions of
     * whole pieces) and edits at the ends, reads exactly as a string edited the same way: every
     * reading method, at random offsets, after every edit.
     */
    @Test
    void anEditedTextReadsAsTheStringEditedTheSameWay() {
        Random random = new Random(29);
        for (int round = 0; round < 12; round++) {
            String expected = randomText(random, 3 * Text.PIECE + random.nextInt(5 * Text.PIECE));
            Text text = Text.of(expected);
            for (int edit = 0; edit < 400; edit++) {
                int start = random.nextInt(expected.length() + 1);
                int kind = random.nextInt(10);
                int removed = kind < 7 ? random.nextInt(3) : kind < 9 ? random.nextInt(2 * Text.LARGEST) : 0;
                int end = Math.min(expected.length(), start + removed);
                String inserted = kind < 7 ? randomText(random, random.nextInt(3)) : kind == 9 ? randomText(random, random.nextInt(3 * Text.LARGEST)) : "";
                if (kind == 8 && random.nextBoolean()) {
                    start = random.nextBoolean() ? 0 : expected.length();
                    end = start;
                    inserted = randomText(random, random.nextInt(100));
                }
                expected = expected.substring(0, start) + inserted + expected.substring(end);
                text = text.replace(start, end, inserted);
                assertReadsAs(expected, text, random);
            }
        }
    }

    /** A text that shrinks below the size kept whole becomes one string again, and an empty one reads as "". */
    @Test
    void aShrunkTextIsOneStringAgain() {
        Random random = new Random(31);
        String expected = randomText(random, 10 * Text.PIECE);
        Text text = Text.of(expected).replace(5, 6, "x");
        assertTrue(text.pieceCount() > 1);
        text = text.replace(0, expected.length() - 100, "");
        assertEquals(1, text.pieceCount());
        assertEquals(expected.substring(expected.length() - 100), text.toString());
        assertEquals("", text.replace(0, text.length(), "").toString());
    }

    /** Equality and hash codes are the characters', however the text is cut; never equal to a String. */
    @Test
    void equalityIsByCharacters() {
        Random random = new Random(37);
        String expected = randomText(random, 6 * Text.PIECE);
        Text flat = Text.of(expected);
        Text pieces = flat.replace(100, 101, "Z").replace(100, 101, expected.substring(100, 101));
        assertTrue(pieces.pieceCount() > 1);
        assertEquals(flat, pieces);
        assertEquals(flat.hashCode(), pieces.hashCode());
        assertEquals(expected.hashCode(), pieces.hashCode());
        assertNotEquals(flat, pieces.replace(7, 8, "?"));
        assertNotEquals((Object) expected, flat);
    }

    private static void assertReadsAs(String expected, Text text, Random random) {
        assertEquals(expected.length(), text.length());
        for (int probe = 0; probe < 20; probe++) {
            int at = expected.isEmpty() ? 0 : random.nextInt(expected.length());
            int to = Math.min(expected.length(), at + random.nextInt(2 * Text.PIECE));
            if (!expected.isEmpty()) {
                assertEquals(expected.charAt(at), text.charAt(at));
            }
            assertEquals(expected.substring(at, to), text.substring(at, to));
            char c = expected.isEmpty() ? 'a' : expected.charAt(at);
            assertEquals(expected.indexOf(c, at), text.indexOf(c, at), "indexOf " + c + " from " + at);
            assertEquals(expected.indexOf('\n', at), text.indexOf('\n', at));
            assertEquals(expected.lastIndexOf(c, to), text.lastIndexOf(c, to));
            String sought = expected.substring(at, Math.min(expected.length(), at + 1 + random.nextInt(5)));
            int from = Math.max(0, at - random.nextInt(50));
            assertEquals(expected.indexOf(sought, from), text.indexOf(sought, from), "indexOf " + sought);
            assertEquals(expected.startsWith(sought, at), text.startsWith(sought, at));
            assertEquals(expected.startsWith("ab", at), text.startsWith("ab", at));
            assertEquals(expected.regionMatches(true, at, "AB\n", 0, 3), text.regionMatches(true, at, "AB\n", 0, 3));
        }
        assertEquals(expected.lastIndexOf('\n'), text.lastIndexOf('\n'));
        if (random.nextInt(20) == 0) {
            assertEquals(expected, text.toString());
            assertTrue(text.contentEquals(expected));
        }
    }

    private static String randomText(Random random, int length) {
        String alphabet = "ab\n #é日";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
