package org.logbookls.analysis.diagnostics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.logbookls.config.SeverityLevel;
import org.logbookls.config.Settings;
import org.logbookls.model.Logbook;
import org.logbookls.model.SectionLabels;
import org.logbookls.model.Suppression;
import org.logbookls.model.Template;
import org.logbookls.text.Cancellation;
import org.logbookls.text.LineIndex;
import org.logbookls.text.SplicedList;
import org.logbookls.text.TextChange;

/**
 * The diagnostics of one logbook: runs every check whose codes are not switched off, applies the
 * configured severities, then drops what inline {@code <!-- logbook-disable ... -->} comments
 * silence. A file that is not a logbook has none. After an edit, {@link #afterEdits} runs only the
 * checks that read what it changed.
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
    /** The check that reports each code. */
    private static final Map<DiagnosticCode, Check> OWNERS = owners();
    /**
     * From this many entries the checks run in parallel; below it, handing them to other threads costs
     * more than they take.
     */
    private static final int PARALLEL_ENTRIES = 2_000;
    private static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::range).thenComparing(d -> d.code().id());

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
        List<Diagnostic> result = run(CHECKS, uri, logbook, lines, settings, environment, cancel);
        result.sort(ORDER);
        return result;
    }

    /**
     * The diagnostics of {@code after}, a model of the text {@code edits} made of {@code before}'s (in
     * order, none adding or removing a line break), given {@code found}, the diagnostics of
     * {@code before} checked with the same settings, workspace and day: the diagnostics of each check
     * that reads no part the edits changed ({@link MovedDiagnostics}) are moved with the text, an
     * {@link EntryCheck} whose basis is the same runs again on the entries the edits changed alone, and
     * the other checks run again whole. The result is what {@link #of} gives.
     */
    public static List<Diagnostic> afterEdits(String uri, Logbook before, List<Diagnostic> found, Logbook after, List<TextChange> edits,
            LineIndex lines, Settings settings, Environment environment, Cancellation cancel) {
        Optional<Set<ModelPart>> changed = MovedDiagnostics.changedParts(before, after, edits);
        if (changed.isEmpty() || !after.detection().logbook()) {
            return of(uri, after, lines, settings, environment, cancel);
        }
        Set<Check> again = new HashSet<>();
        for (Check check : CHECKS) {
            if (!Collections.disjoint(check.reads(), changed.get())) {
                again.add(check);
            }
        }
        List<Diagnostic> moved = new ArrayList<>(found.size());
        for (Diagnostic diagnostic : found) {
            Check owner = OWNERS.get(diagnostic.code());
            if (owner == null) {
                return of(uri, after, lines, settings, environment, cancel);
            }
            if (!again.contains(owner)) {
                Optional<Diagnostic> movedOne = MovedDiagnostics.moved(diagnostic, edits);
                if (movedOne.isEmpty()) {
                    // It touches an edit: its check runs again, and its other diagnostics go too.
                    again.add(owner);
                } else {
                    moved.add(movedOne.get());
                }
            }
        }
        if (again.isEmpty()) {
            return moved;
        }
        List<Diagnostic> result = new ArrayList<>(found.size());
        for (Diagnostic diagnostic : moved) {
            if (!again.contains(OWNERS.get(diagnostic.code()))) {
                result.add(diagnostic);
            }
        }
        List<Check> whole = new ArrayList<>();
        EntryRun entryRun = null;
        for (Check check : CHECKS) {
            if (!again.contains(check)) {
                continue;
            }
            if (check instanceof EntryCheck entryCheck) {
                if (entryRun == null) {
                    entryRun = new EntryRun(uri, before, after, found, edits, lines, settings, environment, cancel);
                }
                if (entryRun.run(entryCheck, result)) {
                    continue;
                }
            }
            whole.add(check);
        }
        result.addAll(run(whole, uri, after, lines, settings, environment, cancel));
        result.sort(ORDER);
        return result;
    }

    /**
     * {@link EntryCheck}s run again on the entries an edit changed: those that are not the very same
     * objects as before, between the first and the last that are (an entry heading broken or mended
     * makes one fewer or one more).
     */
    private static final class EntryRun {
        private final Logbook before;
        private final List<Diagnostic> found;
        private final List<TextChange> edits;
        private final Settings settings;
        private final CheckContext then;
        private final CheckContext now;
        /**
         * The entries from {@code first} to {@code end} (exclusive) changed, which were those from {@code first}
         * to {@code oldEnd} before; the others are the same objects.
         */
        private final int first;
        private final int end;
        private final int oldEnd;

        EntryRun(String uri, Logbook before, Logbook after, List<Diagnostic> found, List<TextChange> edits, LineIndex lines,
                Settings settings, Environment environment, Cancellation cancel) {
            this.before = before;
            this.found = found;
            this.edits = edits;
            this.settings = settings;
            // The basis reads no position: the lines of the version after are never read for the one before.
            this.then = context(uri, before, lines, settings, environment, cancel);
            this.now = context(uri, after, lines, settings, environment, cancel);
            List<org.logbookls.model.Entry> old = before.entries();
            List<org.logbookls.model.Entry> entries = after.entries();
            int count = Math.min(old.size(), entries.size());
            int head = 0;
            while (head < count && SplicedList.unmoved(old, head) == SplicedList.unmoved(entries, head)) {
                head++;
            }
            int tail = 0;
            while (tail < count - head
                    && SplicedList.unmoved(old, old.size() - 1 - tail) == SplicedList.unmoved(entries, entries.size() - 1 - tail)) {
                tail++;
            }
            this.first = head;
            this.end = entries.size() - tail;
            this.oldEnd = old.size() - tail;
        }

        /**
         * Adds {@code check}'s findings after the edits to {@code out}: its findings before them outside the
         * changed entries, moved, and its findings on those entries; false (adding nothing) when its basis
         * changed or a finding kept touches an edit, and it must run whole.
         */
        boolean run(EntryCheck check, List<Diagnostic> out) {
            if (!check.basis(then).equals(check.basis(now))) {
                return false;
            }
            // The old findings in unchanged entries: before the first changed one, or after the last.
            int from = first < before.entries().size() ? before.entries().get(first).range().start() : Integer.MAX_VALUE;
            int to = oldEnd > first ? before.entries().get(oldEnd - 1).range().end() : from;
            List<Diagnostic> kept = new ArrayList<>();
            for (Diagnostic diagnostic : found) {
                if (OWNERS.get(diagnostic.code()) != check || diagnostic.range().start() >= from && diagnostic.range().start() < to) {
                    continue;
                }
                Optional<Diagnostic> moved = MovedDiagnostics.moved(diagnostic, edits);
                if (moved.isEmpty()) {
                    return false;
                }
                kept.add(moved.get());
            }
            out.addAll(kept);
            if (first < end && !switchedOff(check, settings)) {
                List<Diagnostic> changed = new ArrayList<>();
                check.run(now, first, end, changed);
                out.addAll(finish(changed, now.logbook(), now.lines(), settings));
            }
            return true;
        }
    }

    /** What {@code checks} find, with the configured severities, without what suppressions silence; unsorted. */
    private static List<Diagnostic> run(List<Check> checks, String uri, Logbook logbook, LineIndex lines, Settings settings,
            Environment environment, Cancellation cancel) {
        CheckContext context = context(uri, logbook, lines, settings, environment, cancel);
        List<Check> wanted = checks.stream().filter(check -> !switchedOff(check, settings)).toList();
        List<Diagnostic> found = new ArrayList<>();
        if (wanted.size() > 1 && logbook.entries().size() >= PARALLEL_ENTRIES) {
            // Each check reads the immutable model on its own: on a large logbook they run side by side (the
            // reference check alone is about half of them), and their findings are joined in the checks' order.
            IntStream.range(0, wanted.size()).parallel().mapToObj(i -> {
                List<Diagnostic> out = new ArrayList<>();
                wanted.get(i).run(context, out);
                return out;
            }).toList().forEach(found::addAll);
        } else {
            wanted.forEach(check -> check.run(context, found));
        }
        return finish(found, logbook, lines, settings);
    }

    /** Whether every code of {@code check} is switched off: it is not run. */
    private static boolean switchedOff(Check check, Settings settings) {
        return check.codes().stream().allMatch(code -> level(settings, code) == SeverityLevel.OFF);
    }

    /** What the checks of {@code logbook} read. */
    private static CheckContext context(String uri, Logbook logbook, LineIndex lines, Settings settings, Environment environment,
            Cancellation cancel) {
        SectionLabels labels = SectionLabels.of(settings.sectionFamilies(), settings.requiredSections());
        if (logbook.template().isPresent()) {
            labels = labels.with(logbook.template().get().sections().stream().map(Template.TemplateSection::label).toList());
        }
        return new CheckContext(uri, logbook, lines, labels, settings, settings.todayOrClock(), environment, cancel);
    }

    /** {@code found} with the configured severities, without what is switched off or suppressed. */
    private static List<Diagnostic> finish(List<Diagnostic> found, Logbook logbook, LineIndex lines, Settings settings) {
        List<Diagnostic> result = new ArrayList<>();
        for (Diagnostic diagnostic : found) {
            var severity = Severity.of(level(settings, diagnostic.code()));
            if (severity.isEmpty() || suppressed(diagnostic, logbook.suppressions(), lines)) {
                continue;
            }
            result.add(diagnostic.withSeverity(severity.get()));
        }
        return result;
    }

    private static Map<DiagnosticCode, Check> owners() {
        Map<DiagnosticCode, Check> owners = new EnumMap<>(DiagnosticCode.class);
        for (Check check : CHECKS) {
            check.codes().forEach(code -> owners.put(code, check));
        }
        return owners;
    }

    /** The level configured for {@code code}, else its default. */
    static SeverityLevel level(Settings settings, DiagnosticCode code) {
        return settings.severities().getOrDefault(code.id(), SeverityLevel.valueOf(code.defaultSeverity().name()));
    }

    private static boolean suppressed(Diagnostic diagnostic, List<Suppression> suppressions, LineIndex lines) {
        if (suppressions.isEmpty()) {
            // Most logbooks suppress nothing: the line of every finding was looked up for nothing.
            return false;
        }
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
