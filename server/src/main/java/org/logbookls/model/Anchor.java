package org.logbookls.model;

import org.logbookls.text.TextRange;

/**
 * A heading as a link can point to it: its range, its title's range and text, and its level
 * (1–6). Its GitHub slug ({@code #2905-cnn-simple-cnn-model} for "[29/05] CNN: Simple CNN model")
 * is the logbook's {@link Logbook#slugs()} at the same index. Immutable.
 */
public record Anchor(int headingStart, int headingEnd, int titleStart, int titleEnd, String text, int level) {
    // The ranges are kept as ints: a large workspace's models hold a hundred thousand anchors.
    public Anchor {
        TextRange.check(headingStart, headingEnd);
        TextRange.check(titleStart, titleEnd);
    }

    public Anchor(TextRange heading, TextRange title, String text, int level) {
        this(heading.start(), heading.end(), title.start(), title.end(), text, level);
    }

    public TextRange heading() {
        return new TextRange(headingStart, headingEnd);
    }

    public TextRange title() {
        return new TextRange(titleStart, titleEnd);
    }

    /** The same anchor, {@code delta} characters further on (an edit before it). */
    public Anchor shift(int delta) {
        return new Anchor(headingStart + delta, headingEnd + delta, titleStart + delta, titleEnd + delta, text, level);
    }
}
