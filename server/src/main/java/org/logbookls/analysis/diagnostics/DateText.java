package org.logbookls.analysis.diagnostics;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import org.logbookls.model.EntryDate;

/** How dates are spelled in messages: unambiguous, in English, with the year only when it is known. */
final class DateText {
    private DateText() {
    }

    static String of(LocalDate date) {
        return date.getDayOfMonth() + " " + date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + date.getYear();
    }

    static String of(EntryDate date) {
        LocalDate day = date.start().orElseThrow();
        if (!date.yearKnown()) {
            return day.getDayOfMonth() + " " + day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        }
        return of(day);
    }

    static String weekday(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
