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
}
