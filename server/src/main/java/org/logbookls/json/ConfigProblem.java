package org.logbookls.json;

import org.logbookls.text.TextRange;

/** Something wrong in a configuration file, where it is, and how bad. Immutable. */
public record ConfigProblem(TextRange range, String message, boolean error) {
}
