package org.logbookls.analysis.diagnostics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.logbookls.model.Entry;
import org.logbookls.model.EntryDate;
import org.logbookls.text.TextRange;

/**
 * What can be wrong with one entry's date on its own: {@code invalid-date} (impossible,
 * placeholder, truncated, wrong ordinal), {@code weekday-mismatch}, {@code ambiguous-date} and
 * {@code future-date}.
 */
final class DateValidityCheck implements EntryCheck {
    /** How far to look for a year in which a mismatched weekday would be right. */
    private static final int NEARBY_YEARS = 3;

    @Override
    public List<DiagnosticCode> codes() {
        return List.of(DiagnosticCode.INVALID_DATE, DiagnosticCode.WEEKDAY_MISMATCH, DiagnosticCode.AMBIGUOUS_DATE,
                DiagnosticCode.FUTURE_DATE);
    }

    @Override
    public Set<ModelPart> reads() {
        return EnumSet.of(ModelPart.HEADINGS);
    }

    /** The example a truncated date is told to follow (the first valid date written), and whether the file mixes day/month orders. */
    @Override
    public Object basis(CheckContext context) {
        return List.of(example(context), context.logbook().conventions().mixed());
    }

    /** The first valid date as written, the example a truncated date is told to follow. */
    private static Optional<String> example(CheckContext context) {
        Optional<String> example = Optional.empty();
        for (int i = 0; i < context.entryCount() && example.isEmpty(); i++) {
            example = context.unmovedEntry(i).date().filter(EntryDate::valid).map(EntryDate::written);
        }
        return example;
    }

    @Override
    public void run(CheckContext context, int from, int to, List<Diagnostic> out) {
        Optional<String> example = example(context);
        String today = DateText.of(context.today());
        for (int i = from; i < to; i++) {
            context.cancel().check();
            // Whether a date is reported does not depend on where it is: only a reported one is read where it is.
            Optional<EntryDate> unmoved = context.unmovedEntry(i).date();
            if (unmoved.isEmpty() || !reported(context, unmoved.get())) {
                continue;
            }
            EntryDate date = context.entry(i).date().get();
            if (date.problem().isPresent()) {
                out.add(invalid(date, example));
                continue;
            }
            LocalDate day = date.start().get();
            if (date.expectedOrdinal().isPresent()) {
                TextRange ordinal = date.ordinalRange().get();
                int start = ordinal.start();
                while (start > 0 && Character.isDigit(context.text().charAt(start - 1))) {
                    start--;
                }
                TextRange written = TextRange.of(start, ordinal.end());
                out.add(new Diagnostic(written, DiagnosticCode.INVALID_DATE, DiagnosticCode.INVALID_DATE.defaultSeverity(),
                        "'" + written.of(context.text()) + "' has the wrong ordinal suffix: the " + day.getDayOfMonth()
                                + date.expectedOrdinal().get() + " is written '" + day.getDayOfMonth() + date.expectedOrdinal().get() + "'.",
                        List.of()));
            }
            if (wrongWeekday(date)) {
                out.add(weekday(context, date, day));
            }
            if (ambiguous(context, date)) {
                out.add(ambiguous(context, date, day));
            }
            if (future(context, date)) {
                out.add(new Diagnostic(date.range(), DiagnosticCode.FUTURE_DATE, DiagnosticCode.FUTURE_DATE.defaultSeverity(),
                        "Entry '" + date.written() + "' is dated " + DateText.of(day) + ", after today (" + today + ").", List.of()));
            }
        }
    }

    /** Whether any of this check's codes is reported for {@code date}: the conditions of {@link #run}, which reads no position. */
    private static boolean reported(CheckContext context, EntryDate date) {
        return date.problem().isPresent() || date.expectedOrdinal().isPresent() || wrongWeekday(date) || ambiguous(context, date)
                || future(context, date);
    }

    private static boolean wrongWeekday(EntryDate date) {
        return date.statedWeekday().isPresent() && date.yearKnown() && date.start().get().getDayOfWeek() != date.statedWeekday().get();
    }

    private static boolean ambiguous(CheckContext context, EntryDate date) {
        return context.logbook().conventions().mixed() && date.alternative().isPresent();
    }

    private static boolean future(CheckContext context, EntryDate date) {
        return date.yearKnown() && date.yearSource() != EntryDate.YearSource.WEEKDAY && date.start().get().isAfter(context.today());
    }

    private static Diagnostic invalid(EntryDate date, Optional<String> example) {
        String message = switch (date.problem().get().kind()) {
            case IMPOSSIBLE -> "'" + date.written() + "' is not a real date: " + date.problem().get().explanation() + ".";
            case PLACEHOLDER -> "'" + date.written() + "' is not a complete date: " + date.problem().get().explanation()
                    + "; write the day the entry was made.";
            case TRUNCATED -> "'" + date.written() + "' is not a complete date" + example.map(e -> "; expected a date like '" + e + "'")
                    .orElse("; expected a day and a month") + ".";
        };
        return new Diagnostic(date.range(), DiagnosticCode.INVALID_DATE, DiagnosticCode.INVALID_DATE.defaultSeverity(), message, List.of());
    }

    private static Diagnostic weekday(CheckContext context, EntryDate date, LocalDate day) {
        DayOfWeek stated = date.statedWeekday().get();
        String written = date.weekdayRange().get().of(context.text());
        StringBuilder message = new StringBuilder("'" + written + "' does not match " + DateText.of(day) + ", which is a "
                + DateText.weekday(day));
        for (int distance = 1; distance <= NEARBY_YEARS; distance++) {
            int later = distance;
            Optional<LocalDate> match = yearWithWeekday(day, -distance, stated).or(() -> yearWithWeekday(day, later, stated));
            if (match.isPresent()) {
                message.append("; ").append(DateText.of(match.get())).append(" was a ").append(DateText.weekday(match.get()));
                break;
            }
        }
        message.append('.');
        return new Diagnostic(date.weekdayRange().get(), DiagnosticCode.WEEKDAY_MISMATCH,
                DiagnosticCode.WEEKDAY_MISMATCH.defaultSeverity(), message.toString(), List.of());
    }

    private static Optional<LocalDate> yearWithWeekday(LocalDate day, int years, DayOfWeek weekday) {
        if (day.getMonthValue() == 2 && day.getDayOfMonth() == 29) {
            return Optional.empty();
        }
        LocalDate other = day.plusYears(years);
        return other.getDayOfWeek() == weekday ? Optional.of(other) : Optional.empty();
    }

    private static Diagnostic ambiguous(CheckContext context, EntryDate date, LocalDate day) {
        LocalDate other = date.alternative().get();
        String reading = context.logbook().conventions().dayFirst() ? "day-first" : "month-first";
        String message = "'" + date.written() + "' could be " + DateText.of(day) + " or " + DateText.of(other)
                + ": this file writes dates both day-first" + context.logbook().conventions().dayFirstExample().map(e -> " ('" + e + "')").orElse("")
                + " and month-first" + context.logbook().conventions().monthFirstExample().map(e -> " ('" + e + "')").orElse("")
                + ". It is read " + reading + ", as most of the file is; write it as " + day + " to make it unambiguous.";
        return new Diagnostic(date.range(), DiagnosticCode.AMBIGUOUS_DATE, DiagnosticCode.AMBIGUOUS_DATE.defaultSeverity(), message, List.of());
    }
}
