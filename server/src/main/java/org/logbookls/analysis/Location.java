package org.logbookls.analysis;

import org.logbookls.text.TextRange;

/** A range in some document of the workspace. Immutable. */
public record Location(String uri, TextRange range) {
}
