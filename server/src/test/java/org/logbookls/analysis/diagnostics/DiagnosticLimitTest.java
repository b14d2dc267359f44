package org.logbookls.analysis.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.logbookls.config.SettingsLayer;
import org.logbookls.config.Settings;
import org.logbookls.config.SeverityLevel;
import org.logbookls.text.TextRange;

class DiagnosticLimitTest {
    @Test
    void upToTheLimitEverythingIsSentAsFound() {
        List<Diagnostic> found = found("WEHIWE");
        assertSame(found, DiagnosticLimit.apply(found, limit(6, Map.of())));
    }

    @Test
    void aboveItTheMostSeriousAreKeptInDocumentOrderAfterOneNotice() {
        List<Diagnostic> found = found("HWEIWEHW");
        List<Diagnostic> sent = DiagnosticLimit.apply(found, limit(4, Map.of()));
        assertEquals(5, sent.size());
        Diagnostic notice = sent.get(0);
        assertEquals(DiagnosticCode.TOO_MANY_DIAGNOSTICS, notice.code());
        assertEquals(Severity.INFORMATION, notice.severity());
        assertEquals(new TextRange(0, 0), notice.range());
        assertEquals("4 more problems in this file (1 warning, 1 information, 2 hints) are not shown: the editor is sent at most 4 "
                + "(the maxDiagnostics setting), the most serious first; `logbook-ls check` lists them all.", notice.message());
        // Both errors, then the first two warnings (offsets 1 and 4), in document order.
        assertEquals(List.of(1, 2, 4, 5), sent.subList(1, 5).stream().map(d -> d.range().start()).toList());
    }

    @Test
    void whenTheErrorsFillTheLimitNoWarningIsSent() {
        List<Diagnostic> sent = DiagnosticLimit.apply(found("WEEW"), limit(2, Map.of()));
        assertEquals(List.of(1, 2), sent.subList(1, 3).stream().map(d -> d.range().start()).toList());
        assertEquals(Severity.ERROR, sent.get(1).severity());
        assertEquals(true, sent.get(0).message().startsWith("2 more problems in this file (2 warnings) are"));
    }

    @Test
    void theNoticeTakesItsConfiguredSeverityAndCanBeTurnedOff() {
        List<Diagnostic> found = found("EEE");
        assertEquals(Severity.WARNING, DiagnosticLimit.apply(found, limit(1, Map.of("too-many-diagnostics", SeverityLevel.WARNING)))
                .get(0).severity());
        List<Diagnostic> silent = DiagnosticLimit.apply(found, limit(1, Map.of("too-many-diagnostics", SeverityLevel.OFF)));
        assertEquals(List.of(found.get(0)), silent);
    }

    private static Settings limit(int max, Map<String, SeverityLevel> severities) {
        return new SettingsLayer(java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), Map.of(),
                java.util.Optional.empty(), severities, java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.of(max)).applyTo(Settings.DEFAULT);
    }

    /** One diagnostic per letter (E, W, I, H), the n-th at offset n. */
    private static List<Diagnostic> found(String severities) {
        List<Diagnostic> found = new ArrayList<>();
        for (int i = 0; i < severities.length(); i++) {
            Severity severity = switch (severities.charAt(i)) {
                case 'E' -> Severity.ERROR;
                case 'W' -> Severity.WARNING;
                case 'I' -> Severity.INFORMATION;
                default -> Severity.HINT;
            };
            found.add(new Diagnostic(new TextRange(i, i + 1), DiagnosticCode.DATE_ORDER, severity, "finding " + i, List.of()));
        }
        return found;
    }
}
