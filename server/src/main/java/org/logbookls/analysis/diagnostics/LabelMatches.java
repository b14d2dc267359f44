package org.logbookls.analysis.diagnostics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.logbookls.model.SectionLabels;

/**
 * Which of a few required labels a written section label satisfies, decided once per distinct
 * written label: a logbook writes the same few labels on every entry, and asking
 * {@link SectionLabels#satisfies} for each section of each entry was most of a long logbook's
 * section check. One instance serves one pass; it is not thread-safe.
 */
final class LabelMatches {
    private final SectionLabels labels;
    private final List<String> required;
    private final Map<String, boolean[]> known = new HashMap<>();

    LabelMatches(SectionLabels labels, List<String> required) {
        this.labels = labels;
        this.required = List.copyOf(required);
    }

    /** True when a section labelled {@code written} satisfies the {@code index}-th required label. */
    boolean satisfies(String written, int index) {
        return answers(written)[index];
    }

    /** For each required label in turn, whether a section labelled {@code written} satisfies it; not to be changed. */
    boolean[] answers(String written) {
        boolean[] answers = known.get(written);
        if (answers == null) {
            answers = new boolean[required.size()];
            for (int i = 0; i < answers.length; i++) {
                answers[i] = labels.satisfies(written, required.get(i));
            }
            known.put(written, answers);
        }
        return answers;
    }
}
