package org.logbookls.analysis.diagnostics;

import java.util.List;
import java.util.Set;

/** One check of a logbook: reads a {@link CheckContext}, adds findings with their default severity. */
interface Check {
    /** The codes this check can report; a check whose codes are all switched off is not run. */
    List<DiagnosticCode> codes();

    /**
     * The parts of the model this check reads, besides what every check reads: after an edit that
     * changed none of them its last diagnostics are moved instead of found again. Name every part a
     * finding or a message depends on; {@code IncrementalAnalysisTest} compares the result with
     * the checks' from scratch after every random edit.
     */
    Set<ModelPart> reads();

    void run(CheckContext context, List<Diagnostic> out);
}
