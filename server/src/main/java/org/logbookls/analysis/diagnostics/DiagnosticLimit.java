package org.logbookls.analysis.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.logbookls.config.Settings;
import org.logbookls.text.TextRange;

/**
 * The diagnostics an editor is sent for one document: at most {@link Settings#maxDiagnostics}, the most
 * serious first, and one {@code too-many-diagnostics} notice saying how many more there are.
 *
 * <p>Why: a pathological logbook (50,000 entries with one date, a line of 100,000 undefined references)
 * has tens of thousands of findings. Sent whole, they are megabytes of JSON on every keystroke that the
 * editor then mostly drops — VS Code shows 1,000 per file, the way this keeps them (errors, then
 * warnings, information and hints, each in document order). The command line reports them all.
 */
public final class DiagnosticLimit {
    private DiagnosticLimit() {
    }

    /**
     * {@code found} (in document order, as {@link Diagnostics} gives them) when there are no more than
     * the setting allows; else the first of each severity in turn, in document order, after the notice.
     */
    public static List<Diagnostic> apply(List<Diagnostic> found, Settings settings) {
        int max = settings.maxDiagnostics();
        if (found.size() <= max) {
            return found;
        }
        int[] counts = new int[Severity.values().length];
        for (Diagnostic diagnostic : found) {
            counts[diagnostic.severity().ordinal()]++;
        }
        // Severities before `cut` are kept whole; of the severity `cut`, the first `room` are kept.
        int cut = 0;
        int room = max;
        while (counts[cut] <= room) {
            room -= counts[cut];
            cut++;
        }
        int[] omitted = new int[counts.length];
        omitted[cut] = counts[cut] - room;
        for (int severity = cut + 1; severity < counts.length; severity++) {
            omitted[severity] = counts[severity];
        }
        List<Diagnostic> kept = new ArrayList<>(max + 1);
        notice(omitted, max, settings).ifPresent(kept::add);
        for (Diagnostic diagnostic : found) {
            int severity = diagnostic.severity().ordinal();
            if (severity < cut || severity == cut && room-- > 0) {
                kept.add(diagnostic);
            }
        }
        return kept;
    }

    private static Optional<Diagnostic> notice(int[] omitted, int shown, Settings settings) {
        DiagnosticCode code = DiagnosticCode.TOO_MANY_DIAGNOSTICS;
        List<String> counted = new ArrayList<>();
        int total = 0;
        for (Severity severity : Severity.values()) {
            int count = omitted[severity.ordinal()];
            total += count;
            if (count > 0) {
                boolean plural = count > 1 && severity != Severity.INFORMATION;
                counted.add(String.format(Locale.ROOT, "%,d %s%s", count, severity.id(), plural ? "s" : ""));
            }
        }
        String message = String.format(Locale.ROOT, "%,d more %s in this file (%s) %s not shown: the editor is sent at most %,d "
                + "(the maxDiagnostics setting), the most serious first; `logbook-ls check` lists them all.",
                total, total == 1 ? "problem" : "problems", String.join(", ", counted), total == 1 ? "is" : "are", shown);
        // At the top of the document, where the editor's list of problems starts.
        return Severity.of(Diagnostics.level(settings, code)).map(level -> new Diagnostic(new TextRange(0, 0), code, level, message,
                List.of()));
    }
}
