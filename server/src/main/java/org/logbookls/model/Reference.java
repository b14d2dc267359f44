package org.logbookls.model;

import org.logbookls.text.Span;
import org.logbookls.text.TextRange;

/** An experiment ID mentioned outside a defining heading ({@code [e0038]}, bare {@code e0033}). Immutable. */
public record Reference(String id, int start, int end) implements Span {
    // The range is kept as two ints: a large workspace's models hold a hundred thousand of these.
    public Reference {
        TextRange.check(start, end);
    }

    public Reference(String id, TextRange range) {
        this(id, range.start(), range.end());
    }

    /** The same reference, {@code delta} characters further on (an edit before it). */
    public Reference shift(int delta) {
        return new Reference(id, start + delta, end + delta);
    }
}
