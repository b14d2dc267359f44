package org.logbookls.model;

import org.logbookls.text.TextRange;

/** An experiment ID mentioned outside a defining heading ({@code [e0038]}, bare {@code e0033}). Immutable. */
public record Reference(String id, TextRange range) {
}
