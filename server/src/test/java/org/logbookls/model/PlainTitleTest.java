package org.logbookls.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Stripping a title's leading punctuation by a loop gives what the regular expression it replaced gave. */
class PlainTitleTest {
    /** The expression plainTitle used before: the reference the loop must match. */
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\]\\)\\-–—:|.\\s]+");
    private static final String ALPHABET = "])-–—:|. \t\n\u000B\f\r\u00A0\u2003[(#ab1é🧪_,;";

    @Test
    void theLoopStripsWhatTheExpressionStripped() {
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder title = new StringBuilder();
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                title.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0, random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
            }
            String text = title.toString();
            assertEquals(LEADING_PUNCTUATION.matcher(text).replaceFirst(""), Entry.withoutLeadingPunctuation(text), () -> "for " + text);
        }
    }
}
