package org.logbookls.analysis.editor;

import java.util.ArrayList;
import java.util.List;
import org.logbookls.model.Entry;
import org.logbookls.model.EntryDate;
import org.logbookls.model.Logbook;
import org.logbookls.text.TextRange;

/**
 * Inlay hints beside dates that do not say everything: the resolved ISO date after a yearless
 * date ({@code [29/05]}), an ambiguous one ({@code 11/2/24} in a file that mixes orders), or a
 * two-digit year.
 */
public final class InlayHints {
    private InlayHints() {
    }

    /** Text shown at {@code offset}. Immutable. */
    public record Hint(int offset, String label, String tooltip) {
    }

    public static List<Hint> of(Logbook logbook, TextRange visible) {
        List<Hint> hints = new ArrayList<>();
        for (Entry entry : logbook.entries()) {
            if (entry.date().isEmpty() || !visible.intersects(entry.heading()) && !visible.contains(entry.heading().start())) {
                continue;
            }
            EntryDate date = entry.date().get();
            if (date.start().isEmpty() || !entry.heading().contains(date.range())) {
                continue;
            }
            boolean yearless = date.yearSource() != EntryDate.YearSource.WRITTEN;
            boolean ambiguous = logbook.conventions().mixed() && date.alternative().isPresent();
            boolean twoDigitYear = date.raw().map(raw -> raw.yearDigits() == 2).orElse(false);
            if (!yearless && !ambiguous && !twoDigitYear) {
                continue;
            }
            String iso = date.yearKnown() ? date.start().get().toString() : "????" + date.start().get().toString().substring(4);
            String why = yearless ? "year " + switch (date.yearSource()) {
                case NEIGHBOURS -> "from the neighbouring entries";
                case CONTEXT -> "from the file's front matter or path";
                case WEEKDAY -> "from the weekdays named";
                default -> "unknown";
            } : ambiguous ? "read " + (logbook.conventions().dayFirst() ? "day-first" : "month-first") : "two-digit year";
            hints.add(new Hint(date.range().end(), " " + iso, "Resolved date (" + why + ")"));
        }
        return hints;
    }
}
