package org.logbookls.analysis.diagnostics;

import java.util.ArrayList;
import java.util.List;
import org.logbookls.config.Settings;
import org.logbookls.model.Entry;
import org.logbookls.model.Logbook;
import org.logbookls.model.Section;
import org.logbookls.model.SectionLabels;
import org.logbookls.model.Template;

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
        List<String> required = new ArrayList<>();
        int entries = logbook.entries().size();
        for (String label : DEFAULTS) {
            int using = 0;
            for (Entry entry : logbook.entries()) {
                if (has(entry, label, labels)) {
                    using++;
                }
            }
            if (using >= 2 && using >= HABIT_SHARE * entries) {
                required.add(label);
            }
        }
        return new RequiredSections(required, Source.HABIT);
    }

    static boolean has(Entry entry, String label, SectionLabels labels) {
        for (Section section : entry.sections()) {
            if (labels.satisfies(section.label(), label)) {
                return true;
            }
        }
        return false;
    }
}
