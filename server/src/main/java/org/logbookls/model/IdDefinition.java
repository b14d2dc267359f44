package org.logbookls.model;

import org.logbookls.text.TextRange;

/**
 * An experiment ID that an entry heading defines. IDs inside a range ({@code e0036-e0038}) share
 * the range's text range. Immutable.
 */
public record IdDefinition(String id, TextRange range) {
    public IdDefinition shift(int delta) {
        return new IdDefinition(id, range.shift(delta));
    }
}
