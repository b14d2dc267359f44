package org.logbookls.workspace;

import org.logbookls.text.Text;
import org.logbookls.text.TextRange;

/** Applies a client's text change to a document's text. */
public final class TextEdits {
    private TextEdits() {
    }

    /**
     * {@code text} with {@code range} replaced by {@code replacement}; the range is clamped into the
     * text. The result shares what the edit does not touch with {@code text} (see {@link Text}).
     */
    public static Text apply(Text text, TextRange range, String replacement) {
        return text.replace(range.start(), range.end(), replacement);
    }

    /** {@code range} cut to fit inside {@code text}. */
    public static TextRange clamp(CharSequence text, TextRange range) {
        int start = Math.min(range.start(), text.length());
        return TextRange.of(start, Math.max(start, Math.min(range.end(), text.length())));
    }
}
