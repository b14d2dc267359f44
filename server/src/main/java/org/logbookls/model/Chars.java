package org.logbookls.model;

/**
 * The character classes the model's hand-written scans share, each what the regular expression it
 * replaced matched (java.util.regex without {@code UNICODE_CHARACTER_CLASS}).
 */
final class Chars {
    private Chars() {
    }

    /** {@code \s}: ASCII white space only; a no-break space is not one. */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** {@code [A-Za-z]}. */
    static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** {@code \d}: ASCII digits only. */
    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Where {@code c} is first in {@code text[from, to)}, or -1: a bounded search for any text (a string's searches the rest of it). */
    static int indexOf(CharSequence text, char c, int from, int to) {
        int end = Math.min(to, text.length());
        for (int i = Math.max(from, 0); i < end; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** {@link String#startsWith(String, int)} for any text: the masked text is a view after an edit. */
    static boolean startsWith(CharSequence text, String prefix, int offset) {
        if (offset < 0 || offset > text.length() - prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(offset + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@link String#regionMatches(int, String, int, int)} of one text with itself. */
    static boolean sameChars(CharSequence text, int first, int second, int length) {
        if (first < 0 || second < 0 || first + length > text.length() || second + length > text.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text.charAt(first + i) != text.charAt(second + i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code text} holds {@code lowerPrefix} at {@code offset}, ASCII letters in either case. */
    static boolean startsWithIgnoringAsciiCase(CharSequence text, int offset, String lowerPrefix) {
        if (offset < 0 || offset > text.length() - lowerPrefix.length()) {
            return false;
        }
        for (int i = 0; i < lowerPrefix.length(); i++) {
            char c = text.charAt(offset + i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c) != lowerPrefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
