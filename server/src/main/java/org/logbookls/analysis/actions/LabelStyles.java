package org.logbookls.analysis.actions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.logbookls.model.Entry;
import org.logbookls.model.Logbook;
import org.logbookls.model.Section;
import org.logbookls.model.SectionStyle;
import org.logbookls.text.SplicedList;

/** How a logbook writes section labels: the entry's own habit, else the logbook's, else label lines. */
public final class LabelStyles {
    private LabelStyles() {
    }

    public static SectionStyle labelStyle(Logbook logbook, Entry entry) {
        Map<SectionStyle, Integer> counts = new LinkedHashMap<>();
        for (Section section : entry.sections()) {
            counts.merge(section.style(), 1, Integer::sum);
        }
        if (counts.isEmpty()) {
            // Styles do not move: the entries are read unmoved.
            List<Entry> entries = logbook.entries();
            for (int i = 0; i < entries.size(); i++) {
                for (Section section : SplicedList.unmoved(entries, i).sections()) {
                    counts.merge(section.style(), 1, Integer::sum);
                }
            }
        }
        if (counts.isEmpty() && logbook.template().isPresent() && !logbook.template().get().sections().isEmpty()) {
            SectionStyle templateStyle = logbook.template().get().sections().get(0).style();
            return templateStyle == SectionStyle.LIST_ITEM ? SectionStyle.LABEL_LINE : templateStyle;
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(SectionStyle.LABEL_LINE);
    }
}
