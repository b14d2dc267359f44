package org.logbookls.model;

import org.logbookls.text.Span;
import org.logbookls.text.TextRange;

/**
 * An experiment ID that an entry heading defines. IDs inside a range ({@code e0036-e0038}) share
 * the range's text range. Immutable.
 */
public record IdDefinition(String id, int start, int end) implements Span {
    // The range is kept as two ints: a large workspace's models hold a hundred thousand of these.
    public IdDefinition {
        TextRange.check(start, end);
    }

    public IdDefinition(String id, TextRange range) {
        this(id, range.start(), range.end());
    }

    public IdDefinition shift(int delta) {
        return new IdDefinition(id, start + delta, end + delta);
    }
}
