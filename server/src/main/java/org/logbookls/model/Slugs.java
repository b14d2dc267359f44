package org.logbookls.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub's anchor rules: lower-case the rendered heading text, drop everything that is not a
 * letter, digit, space, hyphen or underscore, turn spaces into hyphens; repeated headings get
 * {@code -1}, {@code -2}, … in document order.
 */
public final class Slugs {
    private final Map<String, Integer> seen = new HashMap<>();

    /** The next heading's slug, numbered if an earlier heading took the same one. */
    public String next(String headingText) {
        String base = slug(headingText);
        Integer count = seen.get(base);
        seen.put(base, count == null ? 1 : count + 1);
        return count == null ? base : base + "-" + count;
    }

    public static String slug(String headingText) {
        String lower = headingText.strip().toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder(lower.length());
        lower.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }
}
