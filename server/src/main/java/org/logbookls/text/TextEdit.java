package org.logbookls.text;

/** Replace {@code range} with {@code newText}. Immutable. */
public record TextEdit(TextRange range, String newText) {
}
