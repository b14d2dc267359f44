package org.logbookls.model;

import org.logbookls.model.RawDate.Form;

/**
 * Whether a recognised date is plausibly meant as a date at all. "45/67" or "123456" have the
 * shape of a date but could not be one in any reading, so they are not reported as impossible
 * dates; "31/04/2021" and "Feb 30" are dates someone meant, and are.
 */
final class DateShapes {
    private DateShapes() {
    }

    static boolean plausible(DateMention mention) {
        return plausible(mention.start()) && mention.end().map(DateShapes::plausible).orElse(true);
    }

    static boolean plausible(RawDate date) {
        if (date.placeholder()) {
            return true;
        }
        return switch (date.form()) {
            // A four-digit year first is unmistakably a date, so "2024-13-01" is an impossible one rather than none.
            case YEAR_FIRST -> date.year() >= 1900 && date.year() <= 2199 && date.first() >= 1 && date.first() <= 99
                    && date.second() >= 1 && date.second() <= 31;
            case NAMED -> date.first() >= 1 && date.first() <= 12 && date.second() >= 1 && date.second() <= 31;
            case DAY_ONLY -> date.second() >= 1 && date.second() <= 31;
            case NUMERIC -> date.first() >= 1 && date.second() >= 1 && date.first() <= 31 && date.second() <= 31
                    && (date.first() <= 12 || date.second() <= 12);
            case COMPACT -> compactValid(date);
        };
    }

    /** Compact digits are only taken for a date when one reading is a real day. */
    private static boolean compactValid(RawDate date) {
        return date.form() == Form.COMPACT
                && (date.first() >= 1 && date.first() <= 12 && date.second() >= 1 && date.second() <= 31
                || date.second() >= 1 && date.second() <= 12 && date.first() >= 1 && date.first() <= 31);
    }
}
