package org.logbookls.analysis.diagnostics;

import java.util.List;

/** One check of a logbook: reads a {@link CheckContext}, adds findings with their default severity. */
interface Check {
    /** The codes this check can report; a check whose codes are all switched off is not run. */
    List<DiagnosticCode> codes();

    void run(CheckContext context, List<Diagnostic> out);
}
