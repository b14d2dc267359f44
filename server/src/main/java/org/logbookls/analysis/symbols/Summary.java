package org.logbookls.analysis.symbols;

import java.time.LocalDate;
import java.util.Optional;
import org.logbookls.model.Entry;
import org.logbookls.model.EntryDate;
import org.logbookls.model.Logbook;
import org.logbookls.text.TextRange;

/**
 * A logbook in one line, for an editor's status bar: how many entries it has and the latest date
 * among them. "Latest" is the latest date, not the last entry in the file, so newest-first and
 * oldest-first logbooks read the same.
 */
public final class Summary {
    private Summary() {
    }

    /** The summary of one document; {@code entries} is 0 and {@code latest} empty for a file that is not a logbook. */
    public record Result(boolean logbook, int entries, Optional<Latest> latest) {
    }

    /** The entry carrying the latest date: its date, how it is written, and its heading. */
    public record Latest(LocalDate date, String written, TextRange heading) {
    }

    public static Result of(Logbook logbook) {
        if (!logbook.detection().logbook()) {
            return new Result(false, 0, Optional.empty());
        }
        Latest latest = null;
        int entries = 0;
        for (Entry entry : logbook.entries()) {
            entries++;
            // A year the logbook never states is a stand-in; such a date cannot be called the latest.
            Optional<EntryDate> date = entry.date().filter(EntryDate::yearKnown).filter(EntryDate::valid);
            if (date.isPresent()) {
                LocalDate day = date.get().end().orElse(date.get().start().get());
                if (latest == null || day.isAfter(latest.date())) {
                    latest = new Latest(day, date.get().written(), entry.heading());
                }
            }
        }
        return new Result(true, entries, Optional.ofNullable(latest));
    }
}
