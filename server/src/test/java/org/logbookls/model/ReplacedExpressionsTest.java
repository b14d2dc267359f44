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
import org.logbookls.syntax.MaskedText;
import org.logbookls.text.Text;
import org.logbookls.text.TextRange;

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

    /** What IdScheme and IdReader.scheme read an ID with before, and IdReader.definitions each ID of a list. */
    private static final Pattern ID_TOKEN = Pattern.compile("([A-Za-z]{1,8})([-_]?)(\\d{1,6})");
    /** What HeadingReader.leadingIds matched before. */
    private static final Pattern ID = Pattern.compile("[A-Za-z]{1,8}[-_]?\\d{1,6}");
    private static final Pattern BRACKETED_IDS = Pattern.compile(
            "^\\[\\s*(" + ID + "(?:\\s*[-–]\\s*" + ID + ")?(?:\\s*,\\s*" + ID + "(?:\\s*[-–]\\s*" + ID + ")?)*)\\s*\\]");
    private static final Pattern LEADING_ID = Pattern.compile("^(" + ID + ")\\s*(?::|\\s[-–—]\\s)");
    /** What SectionReader.isEmpty removed before looking for content. */
    private static final Pattern TAGS = Pattern.compile("<!--.*?-->|<[^>\\n]*>", Pattern.DOTALL);

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
                    int actual = HeadingReader.hashParagraphLevel(MaskedText.written(text), start, end);
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

    @Test
    void leadingIdsAreWhatTheExpressionsMatched() {
        eachRandomText(13, "[]e1-–—,_ \t:xE9a\u00A0", 16, text -> {
            for (int from = 0; from <= text.length(); from++) {
                for (int end = from; end <= text.length(); end++) {
                    Optional<TextRange> expected = Optional.empty();
                    Matcher bracketed = BRACKETED_IDS.matcher(text).region(from, end);
                    Matcher single = LEADING_ID.matcher(text).region(from, end);
                    if (bracketed.lookingAt()) {
                        expected = Optional.of(TextRange.of(bracketed.start(1), bracketed.end(1)));
                    } else if (single.lookingAt()) {
                        expected = Optional.of(TextRange.of(single.start(1), single.end(1)));
                    }
                    int f = from;
                    int e = end;
                    assertEquals(expected, HeadingReader.leadingIds(MaskedText.written(text), from, end), () -> "for [" + text + "] from " + f + " to " + e);
                }
            }
        });
    }

    @Test
    void idListsDefineWhatTheExpressionRead() {
        eachRandomText(17, "e1290-–, _aB ", 24, text -> assertEquals(definitionsByExpression(text, TextRange.of(0, text.length())),
                IdReader.definitions(MaskedText.written(text), TextRange.of(0, text.length())), () -> "for [" + text + "]"));
    }

    /** IdReader.definitions as it was, with a matcher for each ID. */
    private static List<IdDefinition> definitionsByExpression(String masked, TextRange list) {
        List<IdDefinition> ids = new java.util.ArrayList<>();
        int partStart = list.start();
        while (partStart < list.end()) {
            int partEnd = partStart;
            while (partEnd < list.end() && masked.charAt(partEnd) != ',') {
                partEnd++;
            }
            TextRange part = HeadingReader.trim(masked, TextRange.of(partStart, partEnd));
            Matcher first = ID_TOKEN.matcher(masked).region(part.start(), part.end());
            if (first.lookingAt()) {
                int afterFirst = first.end();
                int dash = afterFirst;
                while (dash < part.end() && masked.charAt(dash) == ' ') {
                    dash++;
                }
                if (dash < part.end() && (masked.charAt(dash) == '-' || masked.charAt(dash) == '–')) {
                    dash++;
                    while (dash < part.end() && masked.charAt(dash) == ' ') {
                        dash++;
                    }
                } else {
                    dash = afterFirst;
                }
                Matcher second = ID_TOKEN.matcher(masked).region(dash, part.end());
                if (dash > afterFirst && second.lookingAt() && first.group(1).equals(second.group(1))) {
                    long from = Long.parseLong(first.group(3));
                    long to = Long.parseLong(second.group(3));
                    if (to >= from && to - from <= 1000) {
                        for (long n = from; n <= to; n++) {
                            ids.add(new IdDefinition(first.group(1) + first.group(2)
                                    + String.format(Locale.ROOT, "%0" + first.group(3).length() + "d", n), TextRange.of(first.start(), second.end())));
                        }
                        partStart = partEnd + 1;
                        continue;
                    }
                }
                ids.add(new IdDefinition(first.group(), TextRange.of(first.start(), first.end())));
            }
            partStart = partEnd + 1;
        }
        return ids;
    }

    @Test
    void labelWordsAreCountedAsTheSplitCountedThem() {
        eachRandomText(19, " \t\n\u000B\f\r\u00A0ab", 8,
                text -> assertEquals(text.split("\\s+").length, SectionReader.splitLength(text), () -> "for [" + text + "]"));
    }

    @Test
    void emptySectionsAreWhatTheExpressionLeftEmpty() {
        eachRandomText(23, "<!->a1 ![\n\u00A0", 10, text -> {
            String withoutMarkup = TAGS.matcher(text).replaceAll(" ");
            boolean expected = !withoutMarkup.contains("![") && withoutMarkup.codePoints().noneMatch(Character::isLetterOrDigit);
            assertEquals(expected, SectionReader.isEmpty(text), () -> "for [" + text + "]");
            for (int from = 0; from <= text.length(); from++) {
                String inner = text.substring(from);
                assertEquals(SectionReader.isEmpty(inner), SectionReader.isEmpty(Text.of(text), TextRange.of(from, text.length())),
                        () -> "for [" + inner + "]");
            }
        });
    }

    @Test
    void dateWordsAreLookedUpAsLowerCaseCopiesWere() {
        // The key was the word lower-cased, less one full stop; no name holds a full stop, so a key that
        // still ends with one names nothing, and any other key is looked up as itself.
        eachRandomText(29, "septSEPT.monMONİΣé", 7, word -> {
            String lower = word.toLowerCase(Locale.ROOT);
            String key = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
            assertEquals(key.endsWith(".") ? Optional.empty() : DateLexicon.month(key), DateLexicon.month(word), () -> "month " + word);
            assertEquals(key.endsWith(".") ? Optional.empty() : DateLexicon.weekday(key), DateLexicon.weekday(word), () -> "weekday " + word);
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
