package org.logbookls.analysis.diagnostics;

import java.time.LocalDate;
import org.logbookls.config.Settings;
import org.logbookls.model.Entry;
import org.logbookls.model.Logbook;
import org.logbookls.model.SectionLabels;
import org.logbookls.text.Cancellation;
import org.logbookls.text.LineIndex;
import org.logbookls.text.SplicedList;
import org.logbookls.text.Text;

/** What every check reads: the model, the text, the settings and today's date. Immutable. */
record CheckContext(String uri, Logbook logbook, LineIndex lines, SectionLabels labels, Settings settings, LocalDate today,
        Environment environment, Cancellation cancel) {

    Text text() {
        return lines.text();
    }

    int entryCount() {
        return logbook.entries().size();
    }

    /**
     * The entry at {@code index} where it is: its positions are right. Behind an edit, reading one
     * moves (makes anew) the entry with everything it holds, so a check reads its entries
     * {@link #unmovedEntry unmoved} and asks for this only for an entry it reports.
     */
    Entry entry(int index) {
        return logbook.entries().get(index);
    }

    /**
     * The entry at {@code index} as the version it was kept from holds it: its dates, IDs, labels and
     * titles are right, its positions may be off (the same amount for all of them). For the passes
     * that read every entry and report few.
     */
    Entry unmovedEntry(int index) {
        return SplicedList.unmoved(logbook.entries(), index);
    }

    /** 1-based line number of an offset, for messages that point elsewhere in the file. */
    int lineNumber(int offset) {
        return lines.lineOf(offset) + 1;
    }
}
