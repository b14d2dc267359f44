package org.logbookls.model;

import org.logbookls.text.TextRange;

/**
 * A heading as a link can point to it: its range, its title's range and text, and its level
 * (1–6). Its GitHub slug ({@code #2905-cnn-simple-cnn-model} for "[29/05] CNN: Simple CNN model")
 * is the logbook's {@link Logbook#slugs()} at the same index. Immutable.
 */
public record Anchor(TextRange heading, TextRange title, String text, int level) {
    /** The same anchor, {@code delta} characters further on (an edit before it). */
    public Anchor shift(int delta) {
        return new Anchor(heading.shift(delta), title.shift(delta), text, level);
    }
}
