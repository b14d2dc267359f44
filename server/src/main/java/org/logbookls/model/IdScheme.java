package org.logbookls.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a logbook writes its experiment IDs: a letter prefix (case as written: {@code E0495}, a Rust
 * error code, is not in the scheme of {@code e0039}) with an optional separator, and —
 * when the logbook pads its numbers ({@code e0039}) — the width of the digits. A configured
 * pattern replaces inference; it is applied only to short candidate tokens, with a step budget, so
 * no pattern can hang the server.
 */
public record IdScheme(String prefix, int width) {
    /** Steps a configured pattern may take on one token before the token is rejected. */
    private static final int PATTERN_BUDGET = 20_000;

    /** The scheme of one ID as written: width is kept only for zero-padded numbers. */
    public static Optional<IdScheme> of(String id) {
        int digits = digitsStart(id);
        if (digits < 0) {
            return Optional.empty();
        }
        return Optional.of(new IdScheme(id.substring(0, digits), width(id, digits)));
    }

    /** Whether {@link #of}{@code (id)} is this scheme, without making it. */
    boolean isSchemeOf(String id) {
        int digits = digitsStart(id);
        if (digits != prefix.length() || !id.startsWith(prefix)) {
            return false;
        }
        return width == width(id, digits);
    }

    /** The width a scheme keeps for {@code id}, whose digits start at {@code digits}: only zero-padded numbers have one. */
    private static int width(String id, int digits) {
        return id.length() - digits > 1 && id.charAt(digits) == '0' ? id.length() - digits : 0;
    }

    /** True when {@code token} is written in this scheme (any width unless the scheme pads). */
    public boolean accepts(String token) {
        int digits = digitsStart(token);
        return digits == prefix.length() && token.startsWith(prefix) && (width == 0 || token.length() - digits == width);
    }

    /**
     * Where the digits of an ID start ({@code e0039} → 1, {@code EXP-7} → 4), or -1 when {@code id}
     * is not one to eight ASCII letters, an optional {@code -} or {@code _}, and one to six digits
     * (what {@code ([A-Za-z]{1,8})([-_]?)(\d{1,6})} matches whole). By hand: every ID token of a
     * logbook is checked against the schemes on every build.
     */
    static int digitsStart(String id) {
        int letters = 0;
        while (letters < id.length() && (id.charAt(letters) >= 'a' && id.charAt(letters) <= 'z'
                || id.charAt(letters) >= 'A' && id.charAt(letters) <= 'Z')) {
            letters++;
        }
        if (letters == 0 || letters > 8) {
            return -1;
        }
        int digits = letters < id.length() && (id.charAt(letters) == '-' || id.charAt(letters) == '_') ? letters + 1 : letters;
        if (id.length() - digits < 1 || id.length() - digits > 6) {
            return -1;
        }
        for (int i = digits; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return -1;
            }
        }
        return digits;
    }

    /** The number an ID ends with ("e0039" → 39), or -1. */
    public static long number(String id) {
        int digits = id.length();
        while (digits > 0 && Character.isDigit(id.charAt(digits - 1))) {
            digits--;
        }
        String number = id.substring(digits);
        return number.isEmpty() || number.length() > 12 ? -1 : Long.parseLong(number);
    }

    /** The ID after {@code id}, same prefix and zero-padding ("e0039" → "e0040"). */
    public static String next(String id) {
        return withNumber(id, number(id) + 1);
    }

    /** {@code id}'s prefix and width with another number. */
    public static String withNumber(String id, long value) {
        int digits = id.length();
        while (digits > 0 && Character.isDigit(id.charAt(digits - 1))) {
            digits--;
        }
        String number = String.valueOf(value);
        int width = id.length() - digits;
        return id.substring(0, digits) + "0".repeat(Math.max(0, width - number.length())) + number;
    }

    /** True when {@code token} fully matches a user's pattern within the step budget. */
    public static boolean matchesPattern(Pattern pattern, String token) {
        try {
            return pattern.matcher(new Budgeted(token, PATTERN_BUDGET)).matches();
        } catch (BudgetExceeded tooSlow) {
            return false;
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    /** A character sequence that stops a runaway regular expression by counting its reads. */
    private static final class Budgeted implements CharSequence {
        private final String text;
        private int budget;

        Budgeted(String text, int budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--budget < 0) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
