package org.logbookls.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import org.logbookls.text.TextRange;

/**
 * An entry's date as the logbook means it, after the file's conventions are applied.
 *
 * <p>Immutable. {@code start} (kept as its epoch day, {@code startDay}) is empty when the written date is not a real day (impossible,
 * placeholder or truncated); {@code problem} then says why. {@code yearSource} says where the
 * year came from; with {@link YearSource#UNKNOWN} the year is only a stand-in that keeps yearless
 * entries in order, and no check that needs the real year runs. {@code alternative} is the other
 * reading of an order-ambiguous numeric date; {@code raw} is the date as written (the start of a range).
 */
public record EntryDate(
        int rangeStart,
        int rangeEnd,
        String written,
        long startDay,
        Optional<LocalDate> end,
        YearSource yearSource,
        Optional<DayOfWeek> statedWeekday,
        Optional<TextRange> weekdayRange,
        Optional<TextRange> ordinalRange,
        Optional<String> expectedOrdinal,
        Optional<String> time,
        Optional<Problem> problem,
        Optional<LocalDate> alternative,
        Optional<RawDate> raw) {

    /** Where the year of a date came from. */
    public enum YearSource { WRITTEN, NEIGHBOURS, CONTEXT, WEEKDAY, UNKNOWN }

    /** Why a written date is not a real day. */
    public enum ProblemKind { IMPOSSIBLE, PLACEHOLDER, TRUNCATED }

    /** A written date that is not a real day, and a sentence saying why. */
    public record Problem(ProblemKind kind, String explanation) {
    }

    /** {@code startDay} of a date that is not a real day. */
    public static final long NO_DAY = Long.MIN_VALUE;

    // The range is kept as two ints and the day as a number: a large workspace's models hold seventy thousand
    // dates, and a day read through an optional and a date object was two more objects to each.
    public EntryDate {
        TextRange.check(rangeStart, rangeEnd);
    }

    public EntryDate(TextRange range, String written, Optional<LocalDate> start, Optional<LocalDate> end, YearSource yearSource,
            Optional<DayOfWeek> statedWeekday, Optional<TextRange> weekdayRange, Optional<TextRange> ordinalRange,
            Optional<String> expectedOrdinal, Optional<String> time, Optional<Problem> problem, Optional<LocalDate> alternative,
            Optional<RawDate> raw) {
        this(range.start(), range.end(), written, start.map(LocalDate::toEpochDay).orElse(NO_DAY), end, yearSource, statedWeekday, weekdayRange, ordinalRange, expectedOrdinal, time,
                problem, alternative, raw);
    }

    /**
     * {@code date} as {@link LocalDate#toString} writes it, without its formatting machinery for the
     * common years: written for every entry that defines an ID whenever the entries changed, it was
     * nearly half the facts' cost, and for every entry of every logbook when workspace symbols
     * prepared their rows.
     */
    public static String iso(LocalDate date) {
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            return date.toString();
        }
        int month = date.getMonthValue();
        int day = date.getDayOfMonth();
        byte[] digits = {(byte) ('0' + year / 1000), (byte) ('0' + year / 100 % 10), (byte) ('0' + year / 10 % 10), (byte) ('0' + year % 10),
                '-', (byte) ('0' + month / 10), (byte) ('0' + month % 10), '-', (byte) ('0' + day / 10), (byte) ('0' + day % 10)};
        return new String(digits, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The day the date starts on as ISO writes it ({@code 2024-03-07}); empty when it is not a real day. */
    public String isoStart() {
        return startDay == NO_DAY ? "" : iso(LocalDate.ofEpochDay(startDay));
    }

    /** The day the date starts on; empty when it is not a real day. */
    public Optional<LocalDate> start() {
        return startDay == NO_DAY ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(startDay));
    }

    /** Where the date is written. */
    public TextRange range() {
        return new TextRange(rangeStart, rangeEnd);
    }

    /** This date written {@code delta} characters later: the same reading, its ranges moved. */
    public EntryDate shift(int delta) {
        return new EntryDate(rangeStart + delta, rangeEnd + delta, written, startDay, end, yearSource, statedWeekday, weekdayRange.map(r -> r.shift(delta)),
                ordinalRange.map(r -> r.shift(delta)), expectedOrdinal, time, problem, alternative, raw);
    }

    /** Whether {@code other} is this date written {@code delta} characters later: {@code shift(delta).equals(other)}, without making it. */
    public boolean sameMoved(int delta, EntryDate other) {
        // Asked of every entry of a build after an edit, nearly always true: the same objects are compared
        // by identity before by value (a record's equals on every field was a sixth of the build).
        return rangeStart + delta == other.rangeStart && rangeEnd + delta == other.rangeEnd && yearSource == other.yearSource
                && same(written, other.written) && startDay == other.startDay && same(end, other.end) && same(raw, other.raw)
                && same(statedWeekday, other.statedWeekday) && sameMoved(weekdayRange, delta, other.weekdayRange)
                && sameMoved(ordinalRange, delta, other.ordinalRange) && same(expectedOrdinal, other.expectedOrdinal)
                && same(time, other.time) && same(problem, other.problem) && same(alternative, other.alternative);
    }

    private static boolean same(Object a, Object b) {
        return a == b || a.equals(b);
    }

    private static boolean sameMoved(Optional<TextRange> range, int delta, Optional<TextRange> other) {
        return range.isPresent() == other.isPresent()
                && (range.isEmpty() || range.get().start() + delta == other.get().start() && range.get().end() + delta == other.get().end());
    }

    public boolean yearKnown() {
        return yearSource != YearSource.UNKNOWN;
    }

    public boolean valid() {
        return startDay != NO_DAY;
    }
}
