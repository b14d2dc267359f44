package org.logbookls.model;

import org.logbookls.text.TextRange;

/**
 * The anchor a heading gets when the logbook is rendered on GitHub ({@code #2905-cnn-simple-cnn-model}
 * for "[29/05] CNN: Simple CNN model"), with the heading it points to and that heading's level (1–6). Immutable.
 */
public record Anchor(String slug, TextRange heading, TextRange title, String text, int level) {
    /** The same anchor, {@code delta} characters further on (an edit before it). */
    public Anchor shift(int delta) {
        return new Anchor(slug, heading.shift(delta), title.shift(delta), text, level);
    }
}
