package org.logbookls.analysis.diagnostics;

import java.time.LocalDate;
import org.logbookls.model.EntryDate;

/** How dates are spelled in messages: unambiguous, in English, with the year only when it is known. */
final class DateText {
    // Spelled here, not asked of the locale data: a long logbook's messages spell tens of thousands of dates.
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"};
    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    private DateText() {
    }

    static String of(LocalDate date) {
        return date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
    }

    static String of(EntryDate date) {
        LocalDate day = date.start().orElseThrow();
        if (!date.yearKnown()) {
            return day.getDayOfMonth() + " " + MONTHS[day.getMonthValue() - 1];
        }
        return of(day);
    }

    static String weekday(LocalDate date) {
        return WEEKDAYS[date.getDayOfWeek().getValue() - 1];
    }
}
