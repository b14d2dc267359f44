package org.logbookls.workspace;

import org.logbookls.text.TextRange;

/** Applies a client's text change to a document's text. */
public final class TextEdits {
    private TextEdits() {
    }

    /** {@code text} with {@code range} replaced by {@code replacement}; the range is clamped into the text. */
    public static String apply(String text, TextRange range, String replacement) {
        int start = Math.min(range.start(), text.length());
        int end = Math.max(start, Math.min(range.end(), text.length()));
        return new StringBuilder(text.length() - (end - start) + replacement.length())
                .append(text, 0, start)
                .append(replacement)
                .append(text, end, text.length())
                .toString();
    }
}
