package org.logbookls.analysis.diagnostics;

import java.util.ArrayList;
import java.util.List;
import org.logbookls.config.Settings;
import org.logbookls.model.Entry;
import org.logbookls.model.Logbook;
import org.logbookls.model.Section;
import org.logbookls.model.SectionLabels;
import org.logbookls.model.Template;
import org.logbookls.text.SplicedList;

/**
 * The sections every entry of a logbook must have, and where that rule comes from.
 *
 * <p>In order: configuration; the logbook's own template; otherwise Results and Next Steps, each
 * only where the logbook's entries use it — a journal with no labelled sections is never nagged,
 * and one that records results but never plans is not asked for plans.
 */
public record RequiredSections(List<String> labels, Source source) {
    public RequiredSections {
        labels = List.copyOf(labels);
    }

    /** Where the requirement came from, for messages. */
    public enum Source { CONFIGURATION, TEMPLATE, HABIT }

    static final List<String> DEFAULTS = List.of("Results", "Next Steps");

    /** A default section is required once at least this share of entries (and two of them) use it. */
    private static final double HABIT_SHARE = 0.5;

    public static RequiredSections of(Logbook logbook, Settings settings, SectionLabels labels) {
        if (!settings.requiredSections().isEmpty()) {
            return new RequiredSections(settings.requiredSections(), Source.CONFIGURATION);
        }
        if (logbook.template().isPresent()) {
            return new RequiredSections(logbook.template().get().sections().stream().map(Template.TemplateSection::label).toList(),
                    Source.TEMPLATE);
        }
        // Asked by the checks, completion and code actions of one version in turn: the last answer is kept.
        Habit last = lastHabit;
        if (last != null && last.logbook.get() == logbook && last.labels == labels) {
            return last.required;
        }
        LabelMatches matches = new LabelMatches(labels, DEFAULTS);
        int[] using = new int[DEFAULTS.size()];
        // Labels are read from the unmoved entries: moving every entry behind an edit to read its labels was most of this.
        List<Entry> entries = logbook.entries();
        for (int e = 0; e < entries.size(); e++) {
            Entry entry = SplicedList.unmoved(entries, e);
            for (int i = 0; i < DEFAULTS.size(); i++) {
                if (has(entry, i, matches)) {
                    using[i]++;
                }
            }
        }
        List<String> required = new ArrayList<>();
        for (int i = 0; i < DEFAULTS.size(); i++) {
            if (using[i] >= 2 && using[i] >= HABIT_SHARE * entries.size()) {
                required.add(DEFAULTS.get(i));
            }
        }
        RequiredSections habit = new RequiredSections(required, Source.HABIT);
        lastHabit = new Habit(new java.lang.ref.WeakReference<>(logbook), labels, habit);
        return habit;
    }

    /**
     * The sections a logbook's habit requires, with the logbook and labels (compared as objects) they
     * were read from; the logbook is held weakly, so a closed document's model is not kept for this.
     */
    private record Habit(java.lang.ref.WeakReference<Logbook> logbook, SectionLabels labels, RequiredSections required) {
    }

    private static volatile Habit lastHabit;

    private static boolean has(Entry entry, int label, LabelMatches matches) {
        for (Section section : entry.sections()) {
            if (matches.satisfies(section.label(), label)) {
                return true;
            }
        }
        return false;
    }
}
