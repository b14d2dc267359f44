package org.logbookls.analysis.diagnostics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.logbookls.model.Entry;
import org.logbookls.model.EntryDate;
import org.logbookls.text.TextRange;

/**
 * What can be wrong with one entry's date on its own: {@code invalid-date} (impossible,
 * placeholder, truncated, wrong ordinal), {@code weekday-mismatch}, {@code ambiguous-date} and
 * {@code future-date}.
 */
final class DateValidityCheck implements Check {
    /** How far to look for a year in which a mismatched weekday would be right. */
    private static final int NEARBY_YEARS = 3;

    @Override
    public List<DiagnosticCode> codes() {
        return List.of(DiagnosticCode.INVALID_DATE, DiagnosticCode.WEEKDAY_MISMATCH, DiagnosticCode.AMBIGUOUS_DATE,
                DiagnosticCode.FUTURE_DATE);
    }

    @Override
    public void run(CheckContext context, List<Diagnostic> out) {
        Optional<String> example = context.logbook().entries().stream()
                .flatMap(entry -> entry.date().stream())
                .filter(EntryDate::valid)
                .map(EntryDate::written)
                .findFirst();
        String today = DateText.of(context.today());
        for (Entry entry : context.logbook().entries()) {
            context.cancel().check();
            if (entry.date().isEmpty()) {
                continue;
            }
            EntryDate date = entry.date().get();
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
            if (date.statedWeekday().isPresent() && date.yearKnown() && day.getDayOfWeek() != date.statedWeekday().get()) {
                out.add(weekday(context, date, day));
            }
            if (context.logbook().conventions().mixed() && date.alternative().isPresent()) {
                out.add(ambiguous(context, date, day));
            }
            if (date.yearKnown() && date.yearSource() != EntryDate.YearSource.WEEKDAY && day.isAfter(context.today())) {
                out.add(new Diagnostic(date.range(), DiagnosticCode.FUTURE_DATE, DiagnosticCode.FUTURE_DATE.defaultSeverity(),
                        "Entry '" + date.written() + "' is dated " + DateText.of(day) + ", after today (" + today + ").", List.of()));
            }
        }
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
