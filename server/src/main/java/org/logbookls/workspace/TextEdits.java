package org.logbookls.workspace;

import org.logbookls.text.TextRange;

/** Applies a client's text change to a document's text. */
public final class TextEdits {
    private TextEdits() {
    }

    /** {@code text} with {@code range} replaced by {@code replacement}; the range is clamped into the text. */
    public static String apply(String text, TextRange range, String replacement) {
        TextRange clamped = clamp(text, range);
        int start = clamped.start();
        int end = clamped.end();
        return new StringBuilder(text.length() - (end - start) + replacement.length())
                .append(text, 0, start)
                .append(replacement)
                .append(text, end, text.length())
                .toString();
    }

    /** {@code range} cut to fit inside {@code text}. */
    public static TextRange clamp(String text, TextRange range) {
        int start = Math.min(range.start(), text.length());
        return TextRange.of(start, Math.max(start, Math.min(range.end(), text.length())));
    }
}
