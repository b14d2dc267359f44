package org.logbookls.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Loops that replaced regular expressions on hot paths give what the expressions gave: each
 * expression is kept here as the reference, and both run on random strings of the characters that
 * matter to it.
 */
class ReplacedExpressionsTest {
    /** What plainTitle used before. */
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\]\\)\\-–—:|.\\s]+");
    /** What HeadingReader found a paragraph's leading hashes with before. */
    private static final Pattern HASH_PARAGRAPH = Pattern.compile("^ {0,3}(#+)(?=\\S)");

    /** What IdScheme and IdReader.scheme read an ID with before. */
    private static final Pattern ID_TOKEN = Pattern.compile("([A-Za-z]{1,8})([-_]?)(\\d{1,6})");

    @Test
    void idSchemesReadWhatTheExpressionRead() {
        List<IdScheme> schemes = List.of(new IdScheme("e", 4), new IdScheme("e", 0), new IdScheme("EXP-", 0), new IdScheme("ab_", 3),
                new IdScheme("abcdefgh", 0));
        eachRandomText(11, "eEXPabcdefghz0123456789-_ é٣", 14, id -> {
            Matcher matcher = ID_TOKEN.matcher(id);
            boolean matches = matcher.matches();
            Optional<IdScheme> expected = matches
                    ? Optional.of(new IdScheme(matcher.group(1) + matcher.group(2),
                            matcher.group(3).length() > 1 && matcher.group(3).charAt(0) == '0' ? matcher.group(3).length() : 0))
                    : Optional.empty();
            assertEquals(expected, IdScheme.of(id), () -> "scheme of " + id);
            assertEquals(matches ? (matcher.group(1) + matcher.group(2)).toLowerCase(Locale.ROOT) : "", IdReader.scheme(id),
                    () -> "scheme key of " + id);
            for (IdScheme scheme : schemes) {
                boolean accepted = matches && (matcher.group(1) + matcher.group(2)).equals(scheme.prefix())
                        && (scheme.width() == 0 || matcher.group(3).length() == scheme.width());
                assertEquals(accepted, scheme.accepts(id), () -> scheme + " accepts " + id);
            }
        });
    }

    @Test
    void plainTitleStripsWhatTheExpressionStripped() {
        eachRandomText(3, "])-–—:|. \t\n\u000B\f\r\u00A0\u2003[(#ab1é🧪_,;", 8,
                text -> assertEquals(LEADING_PUNCTUATION.matcher(text).replaceFirst(""), Entry.withoutLeadingPunctuation(text),
                        () -> "for " + text));
    }

    @Test
    void hashParagraphLevelCountsWhatTheExpressionMatched() {
        eachRandomText(7, "#### \t\u000B\f\u00A0\u2003ab1é🧪", 12, text -> {
            for (int from = 0; from <= text.length(); from++) {
                for (int end = from; end <= text.length(); end++) {
                    if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
                        continue; // a line ends at a line break, never inside a character
                    }
                    Matcher hashes = HASH_PARAGRAPH.matcher(text).region(from, end);
                    int expected = hashes.find() ? hashes.group(1).length() : 0;
                    int start = from;
                    while (start < Math.min(end, from + 3) && text.charAt(start) == ' ') {
                        start++;
                    }
                    int actual = HeadingReader.hashParagraphLevel(text, start, end);
                    int f = from;
                    int e = end;
                    assertEquals(expected, actual, () -> "for [" + text + "] from " + f + " to " + e);
                    if (expected > 0) {
                        assertEquals(hashes.end(), start + actual, "where the title starts");
                    }
                }
            }
        });
    }

    /** Runs {@code check} on 200,000 random strings of up to {@code maxLength} code points of {@code alphabet}. */
    private static void eachRandomText(long seed, String alphabet, int maxLength, Consumer<String> check) {
        Random random = new Random(seed);
        int[] codePoints = alphabet.codePoints().toArray();
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(maxLength + 1);
            for (int j = 0; j < length; j++) {
                text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
            }
            check.accept(text.toString());
        }
    }
}
