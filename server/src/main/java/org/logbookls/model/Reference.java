package org.logbookls.model;

import org.logbookls.text.TextRange;

/** An experiment ID mentioned outside a defining heading ({@code [e0038]}, bare {@code e0033}). Immutable. */
public record Reference(String id, TextRange range) {
    /** The same reference, {@code delta} characters further on (an edit before it). */
    public Reference shift(int delta) {
        return new Reference(id, range.shift(delta));
    }
}
