package org.logbookls.analysis.diagnostics;

import java.util.List;
import org.logbookls.text.TextRange;

/**
 * One finding in one document, in editor terms.
 *
 * <p>Immutable. {@code related} points at other places in the same document that explain the
 * finding (the twin of a duplicate, the neighbours of an out-of-order entry).
 */
public record Diagnostic(TextRange range, DiagnosticCode code, Severity severity, String message, List<Related> related) {
    public Diagnostic {
        related = List.copyOf(related);
    }

    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(range, code, newSeverity, message, related);
    }

    /** Another place that explains a diagnostic. */
    public record Related(TextRange range, String message) {
    }
}
