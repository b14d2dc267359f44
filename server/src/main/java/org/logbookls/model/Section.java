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
public record Section(String label, int labelStart, int labelEnd, int contentStart, int contentEnd, SectionStyle style, int level,
        boolean empty) {
    // The ranges are kept as ints: a large workspace's models hold a hundred thousand sections.
    public Section {
        TextRange.check(labelStart, labelEnd);
        TextRange.check(contentStart, contentEnd);
    }

    public Section(String label, TextRange labelRange, TextRange content, SectionStyle style, int level, boolean empty) {
        this(label, labelRange.start(), labelRange.end(), content.start(), content.end(), style, level, empty);
    }

    public TextRange labelRange() {
        return new TextRange(labelStart, labelEnd);
    }

    public TextRange content() {
        return new TextRange(contentStart, contentEnd);
    }

    /** The same section, {@code delta} characters further on. */
    public Section shift(int delta) {
        return new Section(label, labelStart + delta, labelEnd + delta, contentStart + delta, contentEnd + delta, style, level, empty);
    }
}
