package org.logbookls.model;

import org.logbookls.text.TextRange;

/** A {@code #tag} used in text; {@code name} has no {@code #}. {@code range} includes the {@code #}. Immutable. */
public record Tag(String name, TextRange range) {
    /** The same tag, {@code delta} characters further on (an edit before it). */
    public Tag shift(int delta) {
        return new Tag(name, range.shift(delta));
    }
}
