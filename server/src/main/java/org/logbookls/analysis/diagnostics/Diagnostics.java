package org.logbookls.analysis.diagnostics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.logbookls.config.SeverityLevel;
import org.logbookls.config.Settings;
import org.logbookls.model.Logbook;
import org.logbookls.model.SectionLabels;
import org.logbookls.model.Suppression;
import org.logbookls.model.Template;
import org.logbookls.text.Cancellation;
import org.logbookls.text.LineIndex;

/**
 * The diagnostics of one logbook: runs every check whose codes are not switched off, applies the
 * configured severities, then drops what inline {@code <!-- logbook-disable ... -->} comments
 * silence. A file that is not a logbook has none.
 */
public final class Diagnostics {
    private static final List<Check> CHECKS = List.of(
            new SectionCheck(),
            new DateOrderCheck(),
            new DuplicateDateCheck(),
            new DateValidityCheck(),
            new DuplicateIdCheck(),
            new ReferenceCheck(),
            new TagCheck(),
            new LinkCheck());

    private Diagnostics() {
    }

    /** The diagnostics of a logbook checked on its own, without knowledge of the workspace. */
    public static List<Diagnostic> of(Logbook logbook, LineIndex lines, Settings settings, Cancellation cancel) {
        return of("", logbook, lines, settings, Environment.SINGLE_FILE, cancel);
    }

    /** The diagnostics of the logbook at {@code uri}, checked against what {@code environment} knows of the workspace. */
    public static List<Diagnostic> of(String uri, Logbook logbook, LineIndex lines, Settings settings, Environment environment,
            Cancellation cancel) {
        if (!logbook.detection().logbook()) {
            return List.of();
        }
        SectionLabels labels = SectionLabels.of(settings.sectionFamilies(), settings.requiredSections());
        if (logbook.template().isPresent()) {
            labels = labels.with(logbook.template().get().sections().stream().map(Template.TemplateSection::label).toList());
        }
        LocalDate today = settings.todayOrClock();
        CheckContext context = new CheckContext(uri, logbook, lines, labels, settings, today, environment, cancel);
        List<Diagnostic> found = new ArrayList<>();
        for (Check check : CHECKS) {
            if (check.codes().stream().allMatch(code -> level(settings, code) == SeverityLevel.OFF)) {
                continue;
            }
            check.run(context, found);
        }
        List<Diagnostic> result = new ArrayList<>();
        for (Diagnostic diagnostic : found) {
            var severity = Severity.of(level(settings, diagnostic.code()));
            if (severity.isEmpty() || suppressed(diagnostic, logbook.suppressions(), lines)) {
                continue;
            }
            result.add(diagnostic.withSeverity(severity.get()));
        }
        result.sort(Comparator.comparing(Diagnostic::range).thenComparing(d -> d.code().id()));
        return result;
    }

    private static SeverityLevel level(Settings settings, DiagnosticCode code) {
        return settings.severities().getOrDefault(code.id(), SeverityLevel.valueOf(code.defaultSeverity().name()));
    }

    private static boolean suppressed(Diagnostic diagnostic, List<Suppression> suppressions, LineIndex lines) {
        int line = lines.lineOf(diagnostic.range().start());
        boolean disabled = false;
        for (Suppression suppression : suppressions) {
            boolean applies = suppression.codes().isEmpty() || suppression.codes().contains(diagnostic.code().id());
            if (!applies) {
                continue;
            }
            switch (suppression.kind()) {
                case NEXT_LINE -> {
                    if (lines.lineOf(suppression.offset()) + 1 == line) {
                        return true;
                    }
                }
                case DISABLE -> {
                    if (suppression.offset() <= diagnostic.range().start()) {
                        disabled = true;
                    }
                }
                case ENABLE -> {
                    if (suppression.offset() <= diagnostic.range().start()) {
                        disabled = false;
                    }
                }
            }
        }
        return disabled;
    }
}
