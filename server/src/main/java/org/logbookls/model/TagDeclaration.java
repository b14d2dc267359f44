package org.logbookls.model;

import org.logbookls.text.TextRange;

/**
 * A tag the logbook declares, under a "Key"/"Tags" heading ({@code - #nbs - Notebook path}; {@code keyList}) or in
 * front matter {@code tags:}. Immutable.
 */
public record TagDeclaration(String name, String description, TextRange range, boolean keyList) {
}
