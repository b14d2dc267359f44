package org.logbookls.model;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.logbookls.model.RawDate.Form;
import org.logbookls.text.TextRange;

/**
 * Finds dates in a piece of text by composing small parts — numbers, separators, month and
 * weekday names, ordinals, years, ranges, times — rather than one regular expression per format.
 *
 * <p>Pure and total: any text gives a (possibly empty) list. Recognition is syntactic only; the
 * file's conventions are applied later by {@link DateConventions}.
 */
final class DateRecognizer {
    private final CharSequence text;
    private final int limit;
    private final boolean allowCompact;

    private DateRecognizer(CharSequence text, int limit, boolean allowCompact) {
        this.text = text;
        this.limit = limit;
        this.allowCompact = allowCompact;
    }

    /** Every date in {@code text[from, to)}, left to right, none overlapping. */
    static List<DateMention> scan(CharSequence text, int from, int to, boolean allowCompact) {
        DateRecognizer recognizer = new DateRecognizer(text, to, allowCompact);
        List<DateMention> found = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            boolean wordStart = i == from || !Character.isLetterOrDigit(text.charAt(i - 1));
            if (wordStart && (Character.isLetterOrDigit(c) || c == '?')) {
                Optional<DateMention> mention = recognizer.at(i);
                if (mention.isPresent()) {
                    found.add(mention.get());
                    i = mention.get().range().end();
                    continue;
                }
            }
            i++;
        }
        return found;
    }

    /** The date starting exactly at {@code pos}, if one does. */
    private Optional<DateMention> at(int pos) {
        int p = pos;
        int leadStart = -1;
        DayOfWeek weekday = null;
        TextRange weekdayRange = null;
        Word leading = word(p);
        if (leading != null) {
            Optional<DayOfWeek> day = DateLexicon.weekday(leading.text);
            if (day.isPresent()) {
                weekday = day.get();
                weekdayRange = TextRange.of(leading.start, leading.end);
                leadStart = leading.start;
                p = skip(leading.endWithDot, " \t,-–—.");
            }
        }
        Core core = core(p);
        RawDate start;
        RawDate end = null;
        if (core == null) {
            // "04 au 10/05/2021": a bare day that borrows month and year from the far end.
            Number day = number(p);
            if (day == null || day.digits > 2 || weekday != null) {
                return Optional.empty();
            }
            Core far = rangeEnd(day.end, false, true);
            if (far == null || far.date.form() == Form.DAY_ONLY) {
                return Optional.empty();
            }
            start = new RawDate(Form.DAY_ONLY, 0, day.value, -1, 0, false, (char) 0);
            end = far.date;
            core = new Core(start, far.end, null);
        } else {
            start = core.date;
            if (core.multiDayEnd != null) {
                end = core.multiDayEnd;
            } else {
                Core far = rangeEnd(core.end, true, false);
                if (far != null) {
                    end = far.date;
                    core = new Core(start, far.end, core.ordinal);
                }
            }
        }
        int last = core.end;
        String time = null;
        int timeEnd = time(last);
        if (timeEnd > last) {
            time = text.subSequence(skip(last, " \t,@T"), timeEnd).toString().strip();
            last = timeEnd;
        }
        if (weekday == null) {
            int q = skip(last, " \t,-–—(");
            Word trailing = word(q);
            if (trailing != null && DateLexicon.weekday(trailing.text).isPresent()) {
                weekday = DateLexicon.weekday(trailing.text).get();
                weekdayRange = TextRange.of(trailing.start, trailing.end);
                last = trailing.endWithDot;
                int close = skip(last, " \t");
                if (close < limit && text.charAt(close) == ')' && text.subSequence(last, close).toString().isBlank()
                        && text.subSequence(core.end, trailing.start).toString().contains("(")) {
                    last = close + 1;
                }
            }
        }
        int rangeStart = leadStart >= 0 ? leadStart : pos;
        return Optional.of(new DateMention(TextRange.of(rangeStart, last), start, Optional.ofNullable(end),
                Optional.ofNullable(weekday), Optional.ofNullable(weekdayRange), Optional.ofNullable(core.ordinal),
                Optional.ofNullable(time)));
    }

    /** A date without weekday, range or time: numeric, compact, or with a month name. */
    private Core core(int p) {
        if (p >= limit) {
            return null;
        }
        char c = text.charAt(p);
        if (Character.isDigit(c) || c == '?' || c == 'x' || c == 'X') {
            Core numeric = numeric(p);
            if (numeric != null) {
                return numeric;
            }
            return dayFirstNamed(p);
        }
        return monthFirstNamed(p);
    }

    private Core numeric(int p) {
        Number g1 = numberOrPlaceholder(p);
        if (g1 == null) {
            return null;
        }
        if (g1.digits == 8 && allowCompact && !g1.placeholder && boundary(g1.end)) {
            int year = g1.value / 10000;
            return new Core(new RawDate(Form.YEAR_FIRST, g1.value / 100 % 100, g1.value % 100, year, 4, false, (char) 0), g1.end, null);
        }
        if (g1.digits == 6 && allowCompact && !g1.placeholder && boundary(g1.end)) {
            return new Core(new RawDate(Form.COMPACT, g1.value / 10000, g1.value / 100 % 100, g1.value % 100, 2, false, (char) 0), g1.end, null);
        }
        if (g1.end >= limit) {
            return null;
        }
        char sep = text.charAt(g1.end);
        if (sep != '/' && sep != '-' && sep != '.') {
            return null;
        }
        if (g1.digits == 4 && !g1.placeholder) {
            Number month = number(g1.end + 1);
            if (month == null || month.digits > 2 || month.end >= limit || text.charAt(month.end) != sep) {
                return null;
            }
            Number day = numberOrPlaceholder(month.end + 1);
            if (day == null || day.digits > 2 || continuesNumber(day.end, sep)) {
                return null;
            }
            return new Core(new RawDate(Form.YEAR_FIRST, month.value, day.value, g1.value, 4, day.placeholder, sep), day.end, null);
        }
        if (g1.digits > 2) {
            return null;
        }
        if (sep == '-' && g1.end + 1 < limit && text.charAt(g1.end + 1) == '(') {
            return multiDay(g1, sep);
        }
        Number g2 = numberOrPlaceholder(g1.end + 1);
        if (g2 == null || g2.digits > 2 || (g1.placeholder && g2.placeholder)) {
            return null;
        }
        if (g2.end < limit && text.charAt(g2.end) == sep) {
            Number year = number(g2.end + 1);
            if (year != null && (year.digits == 2 || year.digits == 4) && !continuesNumber(year.end, sep)) {
                return new Core(new RawDate(Form.NUMERIC, g1.value, g2.value, year.value, year.digits,
                        g1.placeholder || g2.placeholder, sep), year.end, null);
            }
        }
        if (sep == '-' || continuesNumber(g2.end, sep)) {
            return null;
        }
        int end = g2.end;
        if (sep == '.') {
            boolean trailingDot = end < limit && text.charAt(end) == '.' && boundary(end + 1);
            if (trailingDot) {
                end++;
            } else if (g1.digits != 2 || g2.digits != 2) {
                // "1.5" is a number, not the 1st of May.
                return null;
            }
        }
        if (end < limit && Character.isLetter(text.charAt(end))) {
            return null;
        }
        return new Core(new RawDate(Form.NUMERIC, g1.value, g2.value, -1, 0, g1.placeholder || g2.placeholder, sep), end, null);
    }

    /** {@code 09-(16, 17)-2021}: one month, several days, one year. */
    private Core multiDay(Number month, char sep) {
        int p = month.end + 2;
        List<Number> days = new ArrayList<>();
        while (true) {
            p = skip(p, " \t");
            Number day = number(p);
            if (day == null || day.digits > 2) {
                return null;
            }
            days.add(day);
            p = skip(day.end, " \t");
            if (p < limit && text.charAt(p) == ',') {
                p++;
                continue;
            }
            break;
        }
        if (p >= limit || text.charAt(p) != ')' || p + 1 >= limit || text.charAt(p + 1) != sep) {
            return null;
        }
        Number year = number(p + 2);
        if (year == null || (year.digits != 2 && year.digits != 4)) {
            return null;
        }
        RawDate first = new RawDate(Form.NUMERIC, month.value, days.get(0).value, year.value, year.digits, false, sep);
        RawDate last = new RawDate(Form.NUMERIC, month.value, days.get(days.size() - 1).value, year.value, year.digits, false, sep);
        Core core = new Core(first, year.end, null);
        core.multiDayEnd = days.size() > 1 ? last : null;
        return core;
    }

    /** {@code 26th Mar 23}, {@code 2 octobre 2024}, {@code 12. April 2024}, {@code 25 de febrero}. */
    private Core dayFirstNamed(int p) {
        Number day = number(p);
        if (day == null || day.digits > 2) {
            return null;
        }
        int q = day.end;
        TextRange ordinal = null;
        Word suffix = q < limit && Character.isLetter(text.charAt(q)) || q < limit && (text.charAt(q) == 'º' || text.charAt(q) == 'ª') ? word(q) : null;
        if (suffix != null) {
            if (!DateLexicon.isOrdinalSuffix(suffix.text)) {
                return null;
            }
            ordinal = TextRange.of(suffix.start, suffix.end);
            q = suffix.end;
        } else if (q < limit && text.charAt(q) == '.') {
            q++;
        }
        q = skipFillers(skip(q, " \t"));
        Word month = word(q);
        if (month == null || DateLexicon.month(month.text).isEmpty()) {
            return null;
        }
        int monthNumber = DateLexicon.month(month.text).get();
        int after = month.endWithDot;
        int yearStart = skipFillers(skip(after, " \t,"));
        Number year = number(yearStart);
        if (year != null && (year.digits == 4 || year.digits == 2) && boundary(year.end) && !followedByTime(year.end)) {
            return new Core(new RawDate(Form.NAMED, monthNumber, day.value, year.value, year.digits, false, (char) 0), year.end, ordinal);
        }
        return new Core(new RawDate(Form.NAMED, monthNumber, day.value, -1, 0, false, (char) 0), month.end, ordinal);
    }

    /** {@code June 5, 2017}, {@code March 12, 2022}, {@code December 10}. */
    private Core monthFirstNamed(int p) {
        if (p >= limit || !DateLexicon.mayStartMonth(text.charAt(p))) {
            return null;
        }
        Word month = word(p);
        if (month == null || DateLexicon.month(month.text).isEmpty()) {
            return null;
        }
        int q = skip(month.endWithDot, " \t");
        if (q == month.endWithDot) {
            return null;
        }
        Number day = number(q);
        if (day == null || day.digits > 2) {
            return null;
        }
        int after = day.end;
        TextRange ordinal = null;
        if (after < limit && Character.isLetter(text.charAt(after))) {
            Word suffix = word(after);
            if (suffix == null || !DateLexicon.isOrdinalSuffix(suffix.text)) {
                return null;
            }
            ordinal = TextRange.of(suffix.start, suffix.end);
            after = suffix.end;
        }
        if (after < limit && (text.charAt(after) == ':' || text.charAt(after) == '.' && after + 1 < limit && Character.isDigit(text.charAt(after + 1)))) {
            return null;
        }
        int monthNumber = DateLexicon.month(month.text).get();
        int yearStart = skipFillers(skip(after, " \t,"));
        Number year = number(yearStart);
        if (year != null && year.digits == 4 && boundary(year.end)) {
            return new Core(new RawDate(Form.NAMED, monthNumber, day.value, year.value, 4, false, (char) 0), year.end, ordinal);
        }
        return new Core(new RawDate(Form.NAMED, monthNumber, day.value, -1, 0, false, (char) 0), after, ordinal);
    }

    /**
     * The far end of a range after {@code p}: a full date, or a bare day when {@code allowDay}.
     * With {@code allowList}, "et"/"and" join days too ("28 et 31/05/2021").
     */
    private Core rangeEnd(int p, boolean allowDay, boolean allowList) {
        int q = skip(p, " \t");
        int afterConnector = connector(q);
        if (afterConnector < 0 && allowList) {
            Word w = q < limit && text.charAt(q) == '&' ? new Word("&", q, q + 1, q + 1) : word(q);
            if (w != null && DateLexicon.LIST_WORDS.contains(w.text.toLowerCase(java.util.Locale.ROOT))) {
                afterConnector = w.end;
            }
        }
        if (afterConnector < 0) {
            return null;
        }
        int r = skip(afterConnector, " \t");
        Core far = core(r);
        if (far != null) {
            return far;
        }
        if (!allowDay) {
            return null;
        }
        Number day = number(r);
        if (day == null || day.digits > 2 || !boundary(day.end) || continuesNumber(day.end, '/')
                || continuesNumber(day.end, '.') || followedByTime(day.end)) {
            return null;
        }
        return new Core(new RawDate(Form.DAY_ONLY, 0, day.value, -1, 0, false, (char) 0), day.end, null);
    }

    private int connector(int q) {
        if (q >= limit) {
            return -1;
        }
        char c = text.charAt(q);
        if (c == '-' || c == '–' || c == '—' || c == '~' || c == '…') {
            return q + 1;
        }
        if (Chars.startsWith(text, "...", q)) {
            return q + 3;
        }
        Word w = word(q);
        if (w != null && DateLexicon.RANGE_WORDS.contains(w.text.toLowerCase(java.util.Locale.ROOT))
                && w.end < limit && text.charAt(w.end) == ' ') {
            return w.end;
        }
        return -1;
    }

    /** The end of a time of day after {@code p} ({@code 12:06:05}, {@code 9:30 am}), or {@code p}. */
    private int time(int p) {
        int q = skip(p, " \t,@");
        if (q < limit && text.charAt(q) == 'T') {
            q++;
        }
        Number hours = number(q);
        if (hours == null || hours.digits > 2 || hours.end >= limit || text.charAt(hours.end) != ':') {
            return p;
        }
        Number minutes = number(hours.end + 1);
        if (minutes == null || minutes.digits != 2) {
            return p;
        }
        int end = minutes.end;
        if (end < limit && text.charAt(end) == ':') {
            Number seconds = number(end + 1);
            if (seconds != null && seconds.digits == 2) {
                end = seconds.end;
            }
        }
        int ampm = skip(end, " ");
        if (Chars.startsWithIgnoringAsciiCase(text, ampm, "am") || Chars.startsWithIgnoringAsciiCase(text, ampm, "pm")) {
            if (boundary(ampm + 2)) {
                end = ampm + 2;
            }
        }
        return end;
    }

    private boolean followedByTime(int p) {
        return p < limit && text.charAt(p) == ':';
    }

    private boolean continuesNumber(int p, char sep) {
        if (p >= limit) {
            return false;
        }
        char c = text.charAt(p);
        if (Character.isDigit(c)) {
            return true;
        }
        return c == sep && p + 1 < limit && Character.isDigit(text.charAt(p + 1));
    }

    private boolean boundary(int p) {
        return p >= limit || !Character.isLetterOrDigit(text.charAt(p));
    }

    private int skip(int p, String chars) {
        while (p < limit && chars.indexOf(text.charAt(p)) >= 0) {
            p++;
        }
        return p;
    }

    private int skipFillers(int p) {
        while (true) {
            Word w = word(p);
            if (w == null || !DateLexicon.FILLERS.contains(w.text.toLowerCase(java.util.Locale.ROOT))) {
                return p;
            }
            p = skip(w.end, " \t");
        }
    }

    private Number number(int p) {
        int q = p;
        long value = 0;
        while (q < limit && q - p < 9 && text.charAt(q) >= '0' && text.charAt(q) <= '9') {
            value = value * 10 + (text.charAt(q) - '0');
            q++;
        }
        if (q == p || (q < limit && Character.isDigit(text.charAt(q)))) {
            return null;
        }
        return new Number((int) value, q - p, q, false);
    }

    /** A number, or a placeholder written as {@code ?}, {@code ??}, {@code x} or {@code xx}. */
    private Number numberOrPlaceholder(int p) {
        Number n = number(p);
        if (n != null) {
            return n;
        }
        int q = p;
        while (q < limit && q - p < 2 && (text.charAt(q) == '?' || text.charAt(q) == 'x' || text.charAt(q) == 'X')) {
            q++;
        }
        if (q == p || (q < limit && Character.isLetterOrDigit(text.charAt(q)))) {
            return null;
        }
        return new Number(0, q - p, q, true);
    }

    private Word word(int p) {
        int q = p;
        while (q < limit && (Character.isLetter(text.charAt(q)) || text.charAt(q) == 'º' || text.charAt(q) == 'ª')) {
            q++;
        }
        if (q == p) {
            return null;
        }
        int withDot = q < limit && text.charAt(q) == '.' ? q + 1 : q;
        return new Word(text.subSequence(p, q).toString(), p, q, withDot);
    }

    private record Number(int value, int digits, int end, boolean placeholder) {
    }

    private record Word(String text, int start, int end, int endWithDot) {
    }

    private static final class Core {
        final RawDate date;
        final int end;
        final TextRange ordinal;
        RawDate multiDayEnd;

        Core(RawDate date, int end, TextRange ordinal) {
            this.date = date;
            this.end = end;
            this.ordinal = ordinal;
        }
    }
}
