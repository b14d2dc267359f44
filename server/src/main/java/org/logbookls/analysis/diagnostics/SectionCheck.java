package org.logbookls.analysis.diagnostics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.logbookls.model.Entry;
import org.logbookls.model.Section;
import org.logbookls.model.Template;

/** {@code missing-section} and {@code empty-section}: every entry has the sections its logbook requires, with something in them. */
final class SectionCheck implements EntryCheck {
    @Override
    public List<DiagnosticCode> codes() {
        return List.of(DiagnosticCode.MISSING_SECTION, DiagnosticCode.EMPTY_SECTION);
    }

    @Override
    public Set<ModelPart> reads() {
        return EnumSet.of(ModelPart.HEADINGS, ModelPart.TITLES, ModelPart.SECTIONS, ModelPart.TEMPLATE);
    }

    /** The sections required, and the template's labels, which the labels read as its sections' (the settings are the same). */
    @Override
    public Object basis(CheckContext context) {
        return List.of(RequiredSections.of(context.logbook(), context.settings(), context.labels()),
                context.logbook().template().map(template -> template.sections().stream().map(Template.TemplateSection::label).toList())
                        .orElse(List.of()));
    }

    @Override
    public void run(CheckContext context, int from, int to, List<Diagnostic> out) {
        RequiredSections required = RequiredSections.of(context.logbook(), context.settings(), context.labels());
        if (required.labels().isEmpty()) {
            return;
        }
        String expected = String.join(", ", required.labels());
        String why = switch (required.source()) {
            case CONFIGURATION -> "the configuration requires " + expected;
            case TEMPLATE -> "the logbook's template asks for " + expected;
            case HABIT -> "the other entries of this logbook have " + expected;
        };
        LabelMatches matches = new LabelMatches(context.labels(), required.labels());
        int labelCount = required.labels().size();
        // For each required label, the first section of the entry that satisfies it (-1: none). The sections
        // are walked once for all labels: once per label, the walk was most of a long logbook's check.
        int[] first = new int[labelCount];
        for (int e = from; e < to; e++) {
            context.cancel().check();
            // Labels and names do not move; an entry is read where it is only when it is reported.
            Entry entry = context.unmovedEntry(e);
            java.util.Arrays.fill(first, -1);
            List<Section> sections = entry.sections();
            int unmatched = labelCount;
            for (int s = 0; s < sections.size() && unmatched > 0; s++) {
                boolean[] answers = matches.answers(sections.get(s).label());
                for (int index = 0; index < labelCount; index++) {
                    if (first[index] < 0 && answers[index]) {
                        first[index] = s;
                        unmatched--;
                    }
                }
            }
            List<String> missing = null;
            for (int index = 0; index < labelCount; index++) {
                String label = required.labels().get(index);
                int found = first[index];
                if (found < 0) {
                    if (missing == null) {
                        missing = new ArrayList<>(required.labels().size());
                    }
                    missing.add(label);
                } else if (sections.get(found).empty()) {
                    Section section = context.entry(e).sections().get(found);
                    out.add(new Diagnostic(section.labelRange(), DiagnosticCode.EMPTY_SECTION, DiagnosticCode.EMPTY_SECTION.defaultSeverity(),
                            "Section '" + section.label() + "' of entry '" + entry.displayName() + "' is empty; write what "
                                    + (context.labels().families(label).contains("next-steps") ? "comes next" : "happened")
                                    + " or remove the label.",
                            List.of()));
                }
            }
            if (missing != null) {
                String names = missing.size() == 1 ? "'" + missing.get(0) + "' section" : "'" + String.join("', '", missing) + "' sections";
                out.add(new Diagnostic(context.entry(e).title(), DiagnosticCode.MISSING_SECTION, DiagnosticCode.MISSING_SECTION.defaultSeverity(),
                        "Entry '" + entry.displayName() + "' has no " + names + "; " + why + ".", List.of()));
            }
        }
    }
}
