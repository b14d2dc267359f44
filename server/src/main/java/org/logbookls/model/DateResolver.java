package org.logbookls.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.logbookls.model.DateConventions.Source;
import org.logbookls.model.EntryDate.Problem;
import org.logbookls.model.EntryDate.ProblemKind;
import org.logbookls.model.EntryDate.YearSource;
import org.logbookls.model.RawDate.Form;
import org.logbookls.text.TextRange;

/**
 * Turns the dates written in one file into real days, using the file's own evidence.
 *
 * <p>Day/month order comes from configuration, else from dates only one reading allows
 * ({@code 22/03/2021}, {@code 7/30/20}), else from whichever reading keeps the entries in order.
 * Two-digit years are 19xx from 70 on and 20xx below. A missing year is taken from the nearest
 * entry that has one (choosing the year that puts the two closest), else from the file's context
 * (front matter, folder or file name), else from the year that makes most stated weekdays right;
 * failing all that it is a stand-in ({@link YearSource#UNKNOWN}) that only keeps order.
 */
final class DateResolver {
    /** Years are stand-ins when nothing says which year it is; 2000 is a leap year, so 29 Feb stays valid. */
    private static final int STAND_IN_YEAR = 2000;
    private static final int WEEKDAY_SEARCH_YEARS = 30;

    private DateResolver() {
    }

    /** One date to resolve: a mention, or a title that looks like a date but is not a whole one. */
    record Input(String written, TextRange range, Optional<DateMention> mention, String ordinalSuffix) {
    }

    /**
     * The dates, index for index with the inputs, and the day/month order they were read in.
     * {@code independent}: each date was decided by its own input alone — none is yearless (a
     * yearless date takes its year from its neighbours) and the chronology of all the dates did not
     * choose the order — so another input changed, if it is {@link #decidesNothingElse neutral}, changes
     * no other date ({@link KeptEntries} re-reads such a heading's entry alone).
     */
    record Result(List<Optional<EntryDate>> dates, DateConventions conventions, boolean independent) {
    }

    static Result resolve(List<Optional<Input>> inputs, Optional<Boolean> configuredDayFirst, Optional<Integer> contextYear,
            LocalDate today) {
        return resolve(inputs, configuredDayFirst, contextYear, today, Known.NONE);
    }

    /**
     * Dates resolved before, by input (null where none is known): each the date its input resolved to
     * when days were read {@code dayFirst}. After an edit, the entries it did not touch have the inputs
     * they had; resolving all 10,000 again (and comparing each with the old one) was nearly half of the build
     * after a keystroke in an entry's heading.
     */
    record Known(List<EntryDate> dates, boolean dayFirst) {
        static final Known NONE = new Known(null, false);
    }

    /**
     * As {@link #resolve(List, Optional, Optional, LocalDate)}, taking a known date for an input when it
     * cannot differ: the input is the one the date was resolved from (at the same place), the day/month
     * order is the same, and the date depends on no other (its year is written, or it is no whole date).
     * A yearless date takes its year from its neighbours, so it is always resolved again.
     */
    static Result resolve(List<Optional<Input>> inputs, Optional<Boolean> configuredDayFirst, Optional<Integer> contextYear,
            LocalDate today, Known known) {
        Decided decided = conventions(inputs, configuredDayFirst, contextYear, today);
        DateConventions conventions = decided.conventions();
        boolean reuse = known.dates() != null && known.dayFirst() == conventions.dayFirst();
        boolean[] reused = new boolean[inputs.size()];
        boolean anyYearless = false;
        for (int i = 0; i < inputs.size(); i++) {
            Optional<Input> input = inputs.get(i);
            if (input.isEmpty()) {
                continue;
            }
            boolean independent = input.get().mention().isEmpty() || writtenYear(input.get().mention().get()) >= 0;
            anyYearless |= !independent;
            EntryDate date = reuse ? known.dates().get(i) : null;
            reused[i] = independent && date != null && date.range().equals(input.get().range());
        }
        List<Parts> parts = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Optional<Input> input = inputs.get(i);
            // A reused date's parts are needed only as the anchors of yearless dates.
            boolean needed = input.isPresent() && input.get().mention().isPresent() && (!reused[i] || anyYearless);
            parts.add(needed ? parts(input.get().mention().get(), conventions.dayFirst()) : null);
        }
        assignYears(parts, contextYear, today);
        List<Optional<EntryDate>> dates = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Optional<Input> input = inputs.get(i);
            if (input.isEmpty()) {
                dates.add(Optional.empty());
            } else if (reused[i]) {
                dates.add(Optional.of(known.dates().get(i)));
            } else {
                dates.add(Optional.of(entryDate(input.get(), parts.get(i), conventions)));
            }
        }
        return new Result(dates, conventions, !anyYearless && !decided.byChronology());
    }

    /**
     * Whether {@code mention} decides nothing for the other dates of its document: its year is
     * written, and no part of it is numeric ({@code 03/04}), so it neither votes on nor counts towards
     * the day/month order.
     */
    static boolean decidesNothingElse(DateMention mention) {
        for (RawDate raw : raws(mention)) {
            if (raw.form() == Form.NUMERIC || raw.form() == Form.COMPACT || raw.orderEvidence() != 0) {
                return false;
            }
        }
        return writtenYear(mention) >= 0;
    }

    /**
     * The date of {@code input} in a document whose dates were read with {@code conventions} and are
     * {@link Result#independent}: what {@link #resolve} gives it there, when its mention (if any)
     * {@link #decidesNothingElse}.
     */
    static EntryDate resolveAlone(Input input, DateConventions conventions) {
        return entryDate(input, input.mention().map(mention -> parts(mention, conventions.dayFirst())).orElse(null), conventions);
    }

    /** The year the mention writes (its start's, else its end's), or -1: a date with one needs no other date to decide it. */
    private static int writtenYear(DateMention mention) {
        int year = year(mention.start());
        return year < 0 && mention.end().isPresent() ? year(mention.end().get()) : year;
    }

    /** The order dates are read in, and whether the chronology of all of them chose it (or was asked and could not). */
    private record Decided(DateConventions conventions, boolean byChronology) {
    }

    private static Decided conventions(List<Optional<Input>> inputs, Optional<Boolean> configuredDayFirst,
            Optional<Integer> contextYear, LocalDate today) {
        int dayFirstVotes = 0;
        int monthFirstVotes = 0;
        int dotted = 0;
        int numeric = 0;
        String dayFirstExample = null;
        String monthFirstExample = null;
        for (Optional<Input> input : inputs) {
            if (input.isEmpty() || input.get().mention().isEmpty()) {
                continue;
            }
            DateMention mention = input.get().mention().get();
            for (RawDate raw : raws(mention)) {
                if (raw.form() == Form.NUMERIC || raw.form() == Form.COMPACT) {
                    numeric++;
                    if (raw.separator() == '.') {
                        dotted++;
                    }
                }
                int evidence = raw.orderEvidence();
                if (evidence > 0) {
                    dayFirstVotes++;
                    dayFirstExample = dayFirstExample == null ? input.get().written() : dayFirstExample;
                } else if (evidence < 0) {
                    monthFirstVotes++;
                    monthFirstExample = monthFirstExample == null ? input.get().written() : monthFirstExample;
                }
            }
        }
        boolean mixed = dayFirstVotes > 0 && monthFirstVotes > 0;
        if (configuredDayFirst.isPresent()) {
            return new Decided(new DateConventions(configuredDayFirst.get(), Source.CONFIGURATION, mixed,
                    Optional.ofNullable(dayFirstExample), Optional.ofNullable(monthFirstExample)), false);
        }
        if (dayFirstVotes > 0 || monthFirstVotes > 0) {
            return new Decided(new DateConventions(dayFirstVotes >= monthFirstVotes, Source.EVIDENCE, mixed,
                    Optional.ofNullable(dayFirstExample), Optional.ofNullable(monthFirstExample)), false);
        }
        boolean conventional = numeric > 0 && dotted * 2 >= numeric;
        if (numeric > 1) {
            // No date decides, so let the chronology decide: the reading that keeps more entries in order wins.
            int dayFirstBreaks = breaks(inputs, true, contextYear, today);
            int monthFirstBreaks = breaks(inputs, false, contextYear, today);
            if (dayFirstBreaks != monthFirstBreaks) {
                return new Decided(new DateConventions(dayFirstBreaks < monthFirstBreaks, Source.CHRONOLOGY, false, Optional.empty(),
                        Optional.empty()), true);
            }
        }
        return new Decided(new DateConventions(conventional, Source.DEFAULT, false, Optional.empty(), Optional.empty()), numeric > 1);
    }

    private static int breaks(List<Optional<Input>> inputs, boolean dayFirst, Optional<Integer> contextYear, LocalDate today) {
        List<Parts> parts = new ArrayList<>();
        for (Optional<Input> input : inputs) {
            parts.add(input.flatMap(in -> in.mention().map(mention -> parts(mention, dayFirst))).orElse(null));
        }
        assignYears(parts, contextYear, today);
        List<LocalDate> days = new ArrayList<>();
        for (Parts part : parts) {
            if (part != null && part.valid()) {
                days.add(part.startDate());
            }
        }
        return Chronology.outOfOrder(days).size();
    }

    private static List<RawDate> raws(DateMention mention) {
        List<RawDate> raws = new ArrayList<>();
        raws.add(mention.start());
        mention.end().ifPresent(raws::add);
        return raws;
    }

    /** Month, day and year of both ends of a date, as far as they are known before year inference. */
    private static final class Parts {
        final DateMention mention;
        int month;
        int day;
        int year;
        int endMonth;
        int endDay;
        int endYear;
        boolean hasEnd;
        boolean yearWritten;
        YearSource source = YearSource.UNKNOWN;
        int alternativeMonth;
        int alternativeDay;
        boolean ambiguous;

        Parts(DateMention mention) {
            this.mention = mention;
        }

        boolean monthDayValid() {
            return !mention.start().placeholder() && month >= 1 && month <= 12 && day >= 1
                    && day <= java.time.Month.of(month).length(java.time.Year.isLeap(year < 1 ? STAND_IN_YEAR : year));
        }

        boolean valid() {
            return monthDayValid();
        }

        LocalDate startDate() {
            return LocalDate.of(year, month, day);
        }
    }

    private static Parts parts(DateMention mention, boolean dayFirst) {
        Parts parts = new Parts(mention);
        RawDate start = mention.start();
        Optional<RawDate> end = mention.end();
        int[] startMd = monthDay(start, dayFirst);
        int[] endMd = end.map(e -> monthDay(e, dayFirst)).orElse(null);
        if (start.form() == Form.DAY_ONLY && endMd != null) {
            startMd = new int[] {endMd[0], start.second()};
        }
        if (endMd != null && end.get().form() == Form.DAY_ONLY) {
            endMd = new int[] {startMd[0], end.get().second()};
        }
        parts.month = startMd[0];
        parts.day = startMd[1];
        int year = writtenYear(mention);
        parts.year = year;
        parts.yearWritten = year >= 0;
        parts.source = parts.yearWritten ? YearSource.WRITTEN : YearSource.UNKNOWN;
        if (endMd != null) {
            parts.hasEnd = true;
            parts.endMonth = endMd[0];
            parts.endDay = endMd[1];
            int endYear = end.map(DateResolver::year).orElse(-1);
            parts.endYear = endYear >= 0 ? endYear : year;
        }
        if (start.orderAmbiguous()) {
            int[] other = monthDay(start, !dayFirst);
            parts.alternativeMonth = other[0];
            parts.alternativeDay = other[1];
            parts.ambiguous = true;
        }
        return parts;
    }

    private static int[] monthDay(RawDate raw, boolean dayFirst) {
        return switch (raw.form()) {
            case YEAR_FIRST, NAMED -> new int[] {raw.first(), raw.second()};
            case DAY_ONLY -> new int[] {0, raw.second()};
            case NUMERIC, COMPACT -> {
                int evidence = raw.orderEvidence();
                boolean readDayFirst = evidence > 0 || evidence == 0 && dayFirst;
                yield readDayFirst ? new int[] {raw.second(), raw.first()} : new int[] {raw.first(), raw.second()};
            }
        };
    }

    private static int year(RawDate raw) {
        if (!raw.hasYear()) {
            return -1;
        }
        if (raw.yearDigits() == 2) {
            return raw.year() >= 70 ? 1900 + raw.year() : 2000 + raw.year();
        }
        return raw.year();
    }

    /** Fills in missing years: neighbours first, then context, then weekdays, then a stand-in. */
    private static void assignYears(List<Parts> parts, Optional<Integer> contextYear, LocalDate today) {
        // Only a yearless date is given a year; when every date has its own, the chains (and the
        // direction they would look for across every date) have nothing to fill.
        boolean anyYearless = false;
        for (Parts p : parts) {
            anyYearless |= p != null && !p.yearWritten;
        }
        if (!anyYearless) {
            return;
        }
        int firstAnchor = -1;
        for (int i = 0; i < parts.size(); i++) {
            Parts p = parts.get(i);
            if (p != null && p.yearWritten && p.monthDayValid()) {
                firstAnchor = i;
                break;
            }
        }
        if (firstAnchor >= 0) {
            chain(parts, firstAnchor, YearSource.NEIGHBOURS, today);
            return;
        }
        int start = -1;
        for (int i = 0; i < parts.size(); i++) {
            Parts p = parts.get(i);
            if (p != null && !p.yearWritten && p.monthDayValid()) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return;
        }
        Parts first = parts.get(start);
        if (contextYear.isPresent()) {
            first.year = contextYear.get();
            first.source = YearSource.CONTEXT;
            chain(parts, start, YearSource.CONTEXT, today);
            return;
        }
        int bestYear = -1;
        int bestMatches = 0;
        for (int year = today.getYear(); year > today.getYear() - WEEKDAY_SEARCH_YEARS; year--) {
            first.year = year;
            chain(parts, start, YearSource.WEEKDAY, today);
            int matches = 0;
            boolean future = false;
            for (Parts p : parts) {
                if (p == null || !p.monthDayValid()) {
                    continue;
                }
                if (p.startDate().isAfter(today)) {
                    future = true;
                }
                if (p.mention.weekday().isPresent() && p.startDate().getDayOfWeek() == p.mention.weekday().get()) {
                    matches++;
                }
            }
            if (!future && matches > bestMatches) {
                bestMatches = matches;
                bestYear = year;
            }
        }
        if (bestYear >= 0) {
            first.year = bestYear;
            first.source = YearSource.WEEKDAY;
            chain(parts, start, YearSource.WEEKDAY, today);
            return;
        }
        first.year = STAND_IN_YEAR;
        first.source = YearSource.UNKNOWN;
        chain(parts, start, YearSource.UNKNOWN, today);
    }

    /**
     * Gives every yearless date the year that puts it closest to the previously resolved entry,
     * walking forward from {@code anchor} and then backward from it.
     */
    private static void chain(List<Parts> parts, int anchor, YearSource source, LocalDate today) {
        chain(parts, anchor, source, today, 0);
        // Second pass: now that the direction is known, a year that would break it is moved to the right side
        // when that is less than a season away, so long gaps do not read as order mistakes.
        int direction = direction(parts);
        if (direction != 0) {
            chain(parts, anchor, source, today, direction);
        }
    }

    private static void chain(List<Parts> parts, int anchor, YearSource source, LocalDate today, int direction) {
        Parts previous = parts.get(anchor);
        for (int i = anchor + 1; i < parts.size(); i++) {
            previous = fill(parts.get(i), previous, source, today, direction);
        }
        previous = parts.get(anchor);
        for (int i = anchor - 1; i >= 0; i--) {
            previous = fill(parts.get(i), previous, source, today, -direction);
        }
    }

    /** +1 when the resolved dates mostly run forward, -1 backward, 0 when it is not clear. */
    private static int direction(List<Parts> parts) {
        List<LocalDate> dates = new ArrayList<>();
        for (Parts p : parts) {
            if (p != null && p.monthDayValid() && p.year > 0) {
                dates.add(p.startDate());
            }
        }
        if (dates.size() < 3) {
            return 0;
        }
        return Chronology.order(dates).newestFirst() ? -1 : 1;
    }

    /** How far a year may move to keep the direction; beyond it, the date is an order mistake to report. */
    private static final int DIRECTION_DAYS = 300;
    private static final int WEEKDAY_YEARS = 28;

    private static Parts fill(Parts p, Parts previous, YearSource source, LocalDate today, int direction) {
        if (p == null) {
            return previous;
        }
        if (p.yearWritten) {
            return p.monthDayValid() ? p : previous;
        }
        if (p.month < 1 || p.month > 12 || !previous.monthDayValid()) {
            return previous;
        }
        LocalDate reference = previous.startDate();
        int bestYear = reference.getYear();
        long bestDistance = Long.MAX_VALUE;
        for (int year = reference.getYear() - 1; year <= reference.getYear() + 1; year++) {
            int day = Math.min(p.day, YearMonth.of(year, p.month).lengthOfMonth());
            long distance = Math.abs(ChronoUnit.DAYS.between(reference, LocalDate.of(year, p.month, Math.max(1, day))));
            if (distance < bestDistance) {
                bestDistance = distance;
                bestYear = year;
            }
        }
        if (direction != 0 && p.day >= 1) {
            LocalDate closest = LocalDate.of(bestYear, p.month, Math.min(p.day, YearMonth.of(bestYear, p.month).lengthOfMonth()));
            int sign = Integer.signum(closest.compareTo(reference));
            if (sign != 0 && sign != direction) {
                int other = bestYear + direction;
                LocalDate alternative = LocalDate.of(other, p.month, Math.min(p.day, YearMonth.of(other, p.month).lengthOfMonth()));
                if (Math.abs(ChronoUnit.DAYS.between(reference, alternative)) < DIRECTION_DAYS) {
                    bestYear = other;
                }
            }
        }
        if (p.mention.weekday().isPresent() && p.day >= 1 && p.day <= YearMonth.of(bestYear, p.month).lengthOfMonth()
                && LocalDate.of(bestYear, p.month, p.day).getDayOfWeek() != p.mention.weekday().get()) {
            bestYear = nearestYearWithWeekday(p, bestYear, today).orElse(bestYear);
        }
        p.year = bestYear;
        p.source = previous.source == YearSource.WRITTEN ? source : previous.source;
        if (p.hasEnd && p.endYear < 0) {
            p.endYear = p.endMonth < p.month ? bestYear + 1 : bestYear;
        }
        return p.monthDayValid() ? p : previous;
    }

    /** The year nearest {@code year}, not after today, in which the date falls on the weekday the author named. */
    private static java.util.Optional<Integer> nearestYearWithWeekday(Parts p, int year, LocalDate today) {
        for (int distance = 1; distance <= WEEKDAY_YEARS; distance++) {
            for (int candidate : new int[] {year - distance, year + distance}) {
                if (p.day > YearMonth.of(candidate, p.month).lengthOfMonth()) {
                    continue;
                }
                LocalDate date = LocalDate.of(candidate, p.month, p.day);
                if (!date.isAfter(today) && date.getDayOfWeek() == p.mention.weekday().get()) {
                    return java.util.Optional.of(candidate);
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static EntryDate entryDate(Input input, Parts parts, DateConventions conventions) {
        if (parts == null) {
            Problem truncated = new Problem(ProblemKind.TRUNCATED, "it is not a complete date");
            return new EntryDate(input.range(), StringPool.shared(input.written()), Optional.empty(), Optional.empty(), YearSource.UNKNOWN,
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(truncated), Optional.empty(), Optional.empty());
        }
        DateMention mention = parts.mention;
        YearSource source = parts.yearWritten ? YearSource.WRITTEN : parts.source;
        int year = parts.year < 1 ? STAND_IN_YEAR : parts.year;
        Optional<Problem> problem = problem(mention, parts, year, source);
        Optional<LocalDate> start = problem.isEmpty() ? Optional.of(LocalDate.of(year, parts.month, parts.day)) : Optional.empty();
        Optional<LocalDate> end = Optional.empty();
        if (start.isPresent() && parts.hasEnd) {
            int endYear = parts.endYear < 1 ? year : parts.endYear;
            if (parts.endMonth >= 1 && parts.endMonth <= 12 && parts.endDay >= 1
                    && parts.endDay <= YearMonth.of(endYear, parts.endMonth).lengthOfMonth()) {
                end = Optional.of(LocalDate.of(endYear, parts.endMonth, parts.endDay));
            }
        }
        Optional<String> expectedOrdinal = Optional.empty();
        if (mention.ordinalRange().isPresent()) {
            String written = input.ordinalSuffix();
            if (DateLexicon.isEnglishOrdinalSuffix(written)) {
                String expected = DateLexicon.englishOrdinal(parts.day);
                if (!expected.equalsIgnoreCase(written)) {
                    expectedOrdinal = Optional.of(expected);
                }
            }
        }
        Optional<LocalDate> alternative = Optional.empty();
        if (parts.ambiguous && start.isPresent() && parts.alternativeMonth >= 1 && parts.alternativeMonth <= 12
                && parts.alternativeDay <= YearMonth.of(year, parts.alternativeMonth).lengthOfMonth()) {
            alternative = Optional.of(LocalDate.of(year, parts.alternativeMonth, parts.alternativeDay));
        }
        return new EntryDate(input.range(), StringPool.shared(input.written()), start, end, source, mention.weekday(), mention.weekdayRange(),
                mention.ordinalRange(), expectedOrdinal, mention.time(), problem, alternative, Optional.of(mention.start()));
    }

    private static Optional<Problem> problem(DateMention mention, Parts parts, int year, YearSource source) {
        if (mention.start().placeholder()) {
            return Optional.of(new Problem(ProblemKind.PLACEHOLDER, "part of it is a placeholder that was never filled in"));
        }
        if (parts.month < 1 || parts.month > 12) {
            return Optional.of(new Problem(ProblemKind.IMPOSSIBLE, "there is no month " + parts.month));
        }
        int length = YearMonth.of(year, parts.month).lengthOfMonth();
        if (parts.day < 1 || parts.day > length) {
            String monthName = Month.of(parts.month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            String explanation = parts.month == 2 && source != YearSource.UNKNOWN
                    ? "February " + year + " has " + length + " days"
                    : monthName + " has " + (parts.month == 2 ? "at most 29" : String.valueOf(length)) + " days";
            return Optional.of(new Problem(ProblemKind.IMPOSSIBLE, explanation));
        }
        return Optional.empty();
    }

    /** The weekday's English name, for messages. */
    static String weekdayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
