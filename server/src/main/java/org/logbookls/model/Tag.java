package org.logbookls.model;

import org.logbookls.text.Span;
import org.logbookls.text.TextRange;

/** A {@code #tag} used in text; {@code name} has no {@code #}. {@code range} includes the {@code #}. Immutable. */
public record Tag(String name, int start, int end) implements Span {
    // The range is kept as two ints: a large workspace's models hold a hundred thousand of these.
    public Tag {
        TextRange.check(start, end);
    }

    public Tag(String name, TextRange range) {
        this(name, range.start(), range.end());
    }

    /** The same tag, {@code delta} characters further on (an edit before it). */
    public Tag shift(int delta) {
        return new Tag(name, start + delta, end + delta);
    }
}
