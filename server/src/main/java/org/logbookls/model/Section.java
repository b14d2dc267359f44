package org.logbookls.model;

import org.logbookls.text.TextRange;

/**
 * One labelled part of an entry: a sub-heading, a {@code Label:} line, a bold label or a
 * labelled list item.
 *
 * <p>Immutable. {@code content} runs from just after the label to the next section of the same or
 * a higher rank, or the end of the entry. {@code empty} is true when it holds no text (thematic
 * breaks and comments do not count).
 */
public record Section(String label, TextRange labelRange, TextRange content, SectionStyle style, int level, boolean empty) {

    /** The same section, {@code delta} characters further on. */
    public Section shift(int delta) {
        return new Section(label, labelRange.shift(delta), content.shift(delta), style, level, empty);
    }
}
