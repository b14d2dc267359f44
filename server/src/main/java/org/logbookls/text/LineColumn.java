package org.logbookls.text;

/** A zero-based line and a zero-based column counted in UTF-16 code units. Immutable. */
public record LineColumn(int line, int column) {
}
