package org.logbookls.analysis.diagnostics;

import java.time.LocalDate;
import org.logbookls.config.Settings;
import org.logbookls.model.Logbook;
import org.logbookls.model.SectionLabels;
import org.logbookls.text.Cancellation;
import org.logbookls.text.LineIndex;

/** What every check reads: the model, the text, the settings and today's date. Immutable. */
record CheckContext(String uri, Logbook logbook, LineIndex lines, SectionLabels labels, Settings settings, LocalDate today,
        Environment environment, Cancellation cancel) {

    String text() {
        return lines.text();
    }

    /** 1-based line number of an offset, for messages that point elsewhere in the file. */
    int lineNumber(int offset) {
        return lines.lineOf(offset) + 1;
    }
}
