package org.logbookls.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** An entry's date is written as {@link LocalDate#toString} writes it, for every year. */
class IsoDateTest {
    @Test
    void writesEveryDayAsLocalDateDoes() {
        for (LocalDate day = LocalDate.of(1990, 1, 1); day.isBefore(LocalDate.of(2031, 1, 1)); day = day.plusDays(1)) {
            assertEquals(day.toString(), EntryDate.iso(day));
        }
        for (int year : new int[] {-1, 0, 1, 999, 1000, 1001, 9998, 9999, 10_000, 123_456}) {
            for (LocalDate day : new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), LocalDate.of(year, 2, 28)}) {
                assertEquals(day.toString(), EntryDate.iso(day), day::toString);
            }
        }
    }
}
