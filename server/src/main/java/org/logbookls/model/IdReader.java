package org.logbookls.model;

import static org.logbookls.model.Chars.isRegexSpace;
import static org.logbookls.model.Chars.isAsciiLetter;
import static org.logbookls.model.Chars.isAsciiDigit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.logbookls.syntax.MaskedText;
import org.logbookls.text.TextRange;

/**
 * Reads experiment IDs: the lists and ranges an entry heading defines ({@code [e0039, e0040]},
 * {@code [e0033-e0034, e0036-e0038]}) and the references elsewhere ({@code [e0038]}, bare
 * {@code e0033}).
 *
 * <p>The scheme is the logbook's own: a reference must use a prefix some definition uses. File
 * names and paths ({@code e0031_model_best.pth}) and URLs are not references; link destinations and
 * code are already masked out by the syntax layer.
 */
final class IdReader {
    /** A range longer than this is a typo, not a thousand experiments. */
    private static final int MAX_RANGE = 1000;

    private IdReader() {
    }

    /** The IDs a heading's ID list defines, ranges expanded. */
    static List<IdDefinition> definitions(MaskedText masked, TextRange list) {
        List<IdDefinition> ids = new ArrayList<>();
        int partStart = list.start();
        while (partStart < list.end()) {
            // Look for the comma inside the list only: searching the rest of the document for each
            // heading made a long logbook without commas quadratic.
            int partEnd = partStart;
            while (partEnd < list.end() && masked.charAt(partEnd) != ',') {
                partEnd++;
            }
            TextRange part = HeadingReader.trim(masked, TextRange.of(partStart, partEnd));
            // TOKEN read with loops: a matcher per part was a tenth of what building a long logbook allocated.
            int firstEnd = idEnd(masked, part.start(), part.end());
            if (firstEnd >= 0) {
                int dash = skipDash(masked, firstEnd, part.end());
                int secondEnd = dash > firstEnd ? idEnd(masked, dash, part.end()) : -1;
                if (secondEnd >= 0 && sameLetters(masked, part.start(), dash)
                        && expand(masked, part.start(), firstEnd, dash, secondEnd, ids)) {
                    partStart = partEnd + 1;
                    continue;
                }
                ids.add(new IdDefinition(masked.substring(part.start(), firstEnd), TextRange.of(part.start(), firstEnd)));
            }
            partStart = partEnd + 1;
        }
        return ids;
    }

    /**
     * Where the ID ({@code [A-Za-z]{1,8}[-_]?\d{1,6}}) that starts at {@code from} ends, its digits
     * cut at six as the expression's {@code lookingAt} cuts them; -1 when none starts there.
     */
    static int idEnd(CharSequence text, int from, int end) {
        int i = from;
        while (i < end && i - from <= 8 && isAsciiLetter(text.charAt(i))) {
            i++;
        }
        if (i == from || i - from > 8) {
            return -1;
        }
        if (i + 1 < end && (text.charAt(i) == '-' || text.charAt(i) == '_') && isAsciiDigit(text.charAt(i + 1))) {
            i++;
        }
        int digits = i;
        while (i < end && i - digits < 6 && isAsciiDigit(text.charAt(i))) {
            i++;
        }
        return i > digits ? i : -1;
    }

    /** Where the digits of the ID starting at {@code from} start. */
    private static int digitsStart(CharSequence text, int from) {
        int i = from;
        while (!isAsciiDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Where the letters of the ID starting at {@code from} end. */
    private static int lettersEnd(CharSequence text, int from) {
        int i = from;
        while (isAsciiLetter(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** True when the IDs starting at {@code first} and {@code second} have the same letters (a range's two ends). */
    private static boolean sameLetters(CharSequence text, int first, int second) {
        int length = lettersEnd(text, first) - first;
        return lettersEnd(text, second) - second == length && Chars.sameChars(text, first, second, length);
    }

    private static int skipDash(CharSequence text, int from, int to) {
        int p = from;
        while (p < to && text.charAt(p) == ' ') {
            p++;
        }
        if (p < to && (text.charAt(p) == '-' || text.charAt(p) == '–')) {
            p++;
            while (p < to && text.charAt(p) == ' ') {
                p++;
            }
            return p;
        }
        return from;
    }

    private static boolean expand(CharSequence text, int firstStart, int firstEnd, int secondStart, int secondEnd, List<IdDefinition> ids) {
        int firstDigits = digitsStart(text, firstStart);
        long from = Long.parseLong(text, firstDigits, firstEnd, 10);
        long to = Long.parseLong(text, digitsStart(text, secondStart), secondEnd, 10);
        if (to < from || to - from > MAX_RANGE) {
            return false;
        }
        int width = firstEnd - firstDigits;
        String prefix = text.subSequence(firstStart, firstDigits).toString();
        TextRange range = TextRange.of(firstStart, secondEnd);
        for (long n = from; n <= to; n++) {
            String digits = String.format(Locale.ROOT, "%0" + width + "d", n);
            ids.add(new IdDefinition(prefix + digits, range));
        }
        return true;
    }

    /** The prefix of an ID ("e" for e0039, "exp-" for EXP-12), lower-cased, as a scheme key. */
    static String scheme(String id) {
        int digits = IdScheme.digitsStart(id);
        return digits < 0 ? "" : id.substring(0, digits).toLowerCase(Locale.ROOT);
    }

    /** Every ID-shaped word standing alone, outside the defining headings' ID lists, URLs, paths and code. */
    static List<Reference> tokens(MaskedText masked, List<TextRange> definitionLists) {
        return tokens(masked, definitionLists, 0, masked.length());
    }

    /** The ID-shaped words of the lines in {@code [from, to)} (line starts, or the text's end). */
    static List<Reference> tokens(MaskedText masked, List<TextRange> definitionLists, int from, int to) {
        // A hand-written scan for TOKEN standing alone: the regex, tried at every letter, was a third of
        // building a long logbook's model. Only a token that starts a run of ASCII letters can stand
        // alone, and a run longer than the token's eight letters, or more than six digits, never does.
        // The scan is two small methods called in turn, not one loop over the whole text: such a loop
        // runs once per document, so the compiler got to it only through its loops, and compiled it
        // four times while a workspace's first logbooks were read.
        TokenScan scan = new TokenScan(masked, definitionLists, urls(masked, from, to), from);
        int i = from;
        while (i < to) {
            i = nextWordStart(masked, i, to);
            if (i < to) {
                i = scan.token(i, to);
            }
        }
        return scan.references;
    }

    /** The first offset at or after {@code i}, before {@code to}, where a run of ASCII letters starts; {@code to} if none. */
    private static int nextWordStart(MaskedText masked, int i, int to) {
        while (i < to && (!isAsciiLetter(masked.charAt(i)) || i > 0 && isAsciiLetter(masked.charAt(i - 1)))) {
            i++;
        }
        return i;
    }

    /** The token scan's place in the URLs and ID lists it passes over, and the references it found. */
    private static final class TokenScan {
        final List<Reference> references = new ArrayList<>();
        private final MaskedText masked;
        private final List<TextRange> definitionLists;
        private final List<TextRange> urls;
        private int urlIndex;
        private int listIndex;

        TokenScan(MaskedText masked, List<TextRange> definitionLists, List<TextRange> urls, int from) {
            this.masked = masked;
            this.definitionLists = definitionLists;
            this.urls = urls;
            this.listIndex = firstEndingAfter(definitionLists, from);
        }

        /** Reads the word starting at {@code start} and keeps it if it is a token; returns where to read on. */
        int token(int start, int length) {
            int lettersEnd = start;
            while (lettersEnd < length && isAsciiLetter(masked.charAt(lettersEnd))) {
                lettersEnd++;
            }
            if (lettersEnd - start > 8) {
                return lettersEnd;
            }
            int digits = lettersEnd;
            if (digits + 1 < length && (masked.charAt(digits) == '-' || masked.charAt(digits) == '_') && isAsciiDigit(masked.charAt(digits + 1))) {
                digits++;
            }
            int end = digits;
            while (end < length && isAsciiDigit(masked.charAt(end))) {
                end++;
            }
            if (end == digits || end - digits > 6) {
                return lettersEnd;
            }
            while (urlIndex < urls.size() && urls.get(urlIndex).end() <= start) {
                urlIndex++;
            }
            if (urlIndex < urls.size() && urls.get(urlIndex).start() <= start) {
                return end;
            }
            while (listIndex < definitionLists.size() && definitionLists.get(listIndex).end() <= start) {
                listIndex++;
            }
            if (listIndex < definitionLists.size() && definitionLists.get(listIndex).start() <= start) {
                return end;
            }
            if (standsAlone(masked, start, end)) {
                references.add(new Reference(StringPool.shared(masked.substring(start, end)), TextRange.of(start, end)));
            }
            return end;
        }
    }

    /**
     * What {@code (?i)\\b(?:https?|ftp)://\\S+|\\bwww\\.\\S+} finds, scanned by hand: the regex, tried at
     * every position with its word-boundary checks, was most of what remained of the token scan.
     */
    /** The index of the first range that ends after {@code offset}, in a list in document order. */
    private static int firstEndingAfter(List<TextRange> ranges, int offset) {
        int low = 0;
        int high = ranges.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ranges.get(middle).end() <= offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    static List<TextRange> urls(CharSequence text) {
        return urls(text, 0, text.length());
    }

    private static List<TextRange> urls(CharSequence text, int from, int to) {
        // Small methods called in turn rather than one loop over the whole text, for the compiler (see tokens).
        List<TextRange> urls = new ArrayList<>();
        int i = from;
        while (i < to) {
            i = nextUrlStart(text, i, to);
            if (i >= to) {
                break;
            }
            int end = urlEnd(text, i, to);
            if (end > i) {
                urls.add(TextRange.of(i, end));
                i = end;
            } else {
                i++;
            }
        }
        return urls;
    }

    /** The first offset at or after {@code i} where a URL may start (an h, f or w not inside a word); {@code to} if none. */
    private static int nextUrlStart(CharSequence text, int i, int to) {
        while (i < to) {
            char c = text.charAt(i);
            boolean candidate = (c | 0x20) == 'h' || (c | 0x20) == 'f' || (c | 0x20) == 'w';
            if (candidate && !(i > 0 && isWordChar(text.charAt(i - 1)))) {
                return i;
            }
            i++;
        }
        return to;
    }

    /** Where the URL starting at {@code i} ends (at the first space), or {@code i} when none starts there. */
    private static int urlEnd(CharSequence text, int i, int to) {
        int prefix = Chars.startsWithIgnoringAsciiCase(text, i, "https://") ? 8 : Chars.startsWithIgnoringAsciiCase(text, i, "http://") ? 7
                : Chars.startsWithIgnoringAsciiCase(text, i, "ftp://") ? 6 : Chars.startsWithIgnoringAsciiCase(text, i, "www.") ? 4 : 0;
        if (prefix == 0) {
            return i;
        }
        int end = i + prefix;
        while (end < to && !isRegexSpace(text.charAt(end))) {
            end++;
        }
        return end == i + prefix ? i : end;
    }

    /** {@code \\w} as {@code \\b} sees it in java.util.regex: letters and digits of any script, and '_'. */
    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }


    /** Not glued to a word, a path or a file name: "e0031_model_best.pth" and "fig/e0038" are not IDs. */
    static boolean standsAlone(CharSequence text, int start, int end) {
        if (start > 0) {
            char before = text.charAt(start - 1);
            if (Character.isLetterOrDigit(before) || before == '_' || before == '/' || before == '\\' || before == '-'
                    || before == '.' || before == '#' || before == '@') {
                return false;
            }
        }
        if (end < text.length()) {
            char after = text.charAt(end);
            if (Character.isLetterOrDigit(after) || after == '_' || after == '/' || after == '\\') {
                return false;
            }
            if ((after == '.' || after == '-') && end + 1 < text.length() && Character.isLetterOrDigit(text.charAt(end + 1))) {
                return false;
            }
        }
        return true;
    }
}
