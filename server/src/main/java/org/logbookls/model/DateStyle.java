package org.logbookls.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.logbookls.model.RawDate.Form;

/**
 * The way a logbook writes its dates, learned from one written date and the day it means, so that
 * another day can be written the same way: "Sunday 26th Mar 23" writes today as "Sunday 22nd Nov
 * 26", "[29/05]" as "22/11", "7/30/20" as "11/22/26", "Mercredi 2 octobre 2024" in French.
 *
 * <p>Immutable: a list of parts, each a literal or a role (day, month, year, weekday, ordinal)
 * with its spelling (padding, name language, length and case).
 */
public final class DateStyle {
    private final List<Part> parts;

    private DateStyle(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** ISO 8601, for logbooks whose dates say nothing better. */
    public static final DateStyle ISO = new DateStyle(List.of(new Part(Role.YEAR, 4, "", ""), new Part(Role.LITERAL, 0, "-", ""),
            new Part(Role.MONTH, 2, "", ""), new Part(Role.LITERAL, 0, "-", ""), new Part(Role.DAY, 2, "", "")));

    private static final List<String> LANGUAGES = List.of("en", "fr", "es", "de");

    private enum Role { LITERAL, DAY, MONTH, MONTH_NAME, YEAR, YEAR2, WEEKDAY, ORDINAL }

    /** One piece of a date: a role, its width (padding) or name spelling, or literal text. */
    private record Part(Role role, int width, String literal, String nameStyle) {
    }

    /** Learns the style of a single date written as {@code written} meaning {@code date}, if it can. */
    public static Optional<DateStyle> learn(String written, LocalDate date, RawDate raw, boolean dayFirst) {
        if (raw.form() == Form.COMPACT) {
            return Optional.of(new DateStyle(List.of(new Part(Role.MONTH, 2, "", ""), new Part(Role.DAY, 2, "", ""),
                    new Part(Role.YEAR2, 2, "", ""))));
        }
        List<Role> digitRoles = switch (raw.form()) {
            case YEAR_FIRST -> List.of(Role.YEAR, Role.MONTH, Role.DAY);
            case NUMERIC -> {
                boolean readDayFirst = raw.orderEvidence() > 0 || raw.orderEvidence() == 0 && dayFirst;
                Role year = raw.yearDigits() == 2 ? Role.YEAR2 : Role.YEAR;
                yield readDayFirst ? List.of(Role.DAY, Role.MONTH, year) : List.of(Role.MONTH, Role.DAY, year);
            }
            case NAMED -> List.of(Role.DAY, raw.yearDigits() == 2 ? Role.YEAR2 : Role.YEAR);
            default -> List.of();
        };
        if (digitRoles.isEmpty()) {
            return Optional.empty();
        }
        List<Part> parts = new ArrayList<>();
        int digitIndex = 0;
        int i = 0;
        Role previous = null;
        while (i < written.length()) {
            char c = written.charAt(i);
            int j = i;
            if (Character.isDigit(c)) {
                while (j < written.length() && Character.isDigit(written.charAt(j))) {
                    j++;
                }
                if (digitIndex >= digitRoles.size()) {
                    return Optional.empty();
                }
                Role role = digitRoles.get(digitIndex++);
                parts.add(new Part(role, j - i, "", ""));
                previous = role;
            } else if (Character.isLetter(c)) {
                while (j < written.length() && Character.isLetter(written.charAt(j))) {
                    j++;
                }
                String word = written.substring(i, j);
                Optional<Part> named = name(word, previous);
                Part part = named.orElse(new Part(Role.LITERAL, 0, word, ""));
                parts.add(part);
                previous = part.role();
            } else {
                j = i + 1;
                parts.add(new Part(Role.LITERAL, 0, String.valueOf(c), ""));
            }
            i = j;
        }
        DateStyle style = new DateStyle(parts);
        // A style is only trusted if it writes the date it was learned from exactly as written (its weekday may be wrong).
        return style.format(date, true).equals(written) ? Optional.of(style) : Optional.empty();
    }

    private static Optional<Part> name(String word, Role previous) {
        if (previous == Role.DAY && DateLexicon.isEnglishOrdinalSuffix(word)) {
            return Optional.of(new Part(Role.ORDINAL, 0, "", caseOf(word)));
        }
        // Months before weekdays ("mar" is March before it is mardi), English before the other languages.
        for (int table = 0; table < 4; table++) {
            for (String language : LANGUAGES) {
                for (String name : DateLexicon.WRITING.get(language)[table]) {
                    if (name.equalsIgnoreCase(word)) {
                        String style = language + ":" + table + ":" + caseOf(word);
                        if (table < 2) {
                            return Optional.of(new Part(Role.MONTH_NAME, 0, "", style));
                        }
                        int day = java.util.Arrays.asList(DateLexicon.WRITING.get(language)[table]).indexOf(name) + 1;
                        return Optional.of(new Part(Role.WEEKDAY, day, word, style));
                    }
                }
            }
        }
        // Odd abbreviations ("Thurs", "Tues") are kept for their own weekday; other days get the usual short name.
        Optional<DayOfWeek> weekday = DateLexicon.weekday(word);
        if (weekday.isPresent()) {
            return Optional.of(new Part(Role.WEEKDAY, weekday.get().getValue(), word, "en:3:" + caseOf(word)));
        }
        return Optional.empty();
    }

    private static String caseOf(String word) {
        if (word.equals(word.toUpperCase(Locale.ROOT))) {
            return "upper";
        }
        if (Character.isUpperCase(word.charAt(0))) {
            return "title";
        }
        return "lower";
    }

    /** True when this style writes a year. */
    public boolean hasYear() {
        return parts.stream().anyMatch(part -> part.role() == Role.YEAR || part.role() == Role.YEAR2);
    }

    /** {@code day} spelled like {@code written} ("Thur" → "Fri", "Mercredi" → "Jeudi", "SUNDAY" → "MONDAY"). */
    public static String weekdayLike(String written, DayOfWeek day) {
        Optional<Part> part = name(written, null).filter(p -> p.role() == Role.WEEKDAY);
        if (part.isEmpty()) {
            return DateLexicon.WRITING.get("en")[2][day.getValue() - 1];
        }
        boolean inTables = DateLexicon.WRITING.values().stream().anyMatch(tables -> java.util.Arrays.stream(tables[2]).anyMatch(
                written::equalsIgnoreCase) || java.util.Arrays.stream(tables[3]).anyMatch(written::equalsIgnoreCase));
        if (!inTables) {
            String full = DateLexicon.WRITING.get("en")[2][day.getValue() - 1];
            int length = Math.min(full.length(), Math.max(3, written.length()));
            String cut = day == DayOfWeek.TUESDAY && length >= 4 ? "Tues" : day == DayOfWeek.THURSDAY && length >= 4
                    ? (length >= 5 ? "Thurs" : "Thur") : full.substring(0, 3);
            return applyCase(cut, caseOf(written));
        }
        return weekday(part.get(), day);
    }

    public String format(LocalDate date) {
        return format(date, false);
    }

    private String format(LocalDate date, boolean writtenWeekdays) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            switch (part.role()) {
                case LITERAL -> out.append(part.literal());
                case DAY -> out.append(pad(date.getDayOfMonth(), part.width()));
                case MONTH -> out.append(pad(date.getMonthValue(), part.width()));
                case YEAR -> out.append(date.getYear());
                case YEAR2 -> out.append(pad(date.getYear() % 100, 2));
                case ORDINAL -> out.append(applyCase(DateLexicon.englishOrdinal(date.getDayOfMonth()), part.nameStyle()));
                case MONTH_NAME -> out.append(name(part, date.getMonthValue() - 1));
                case WEEKDAY -> out.append(writtenWeekdays ? part.literal() : weekday(part, date.getDayOfWeek()));
            }
        }
        return out.toString();
    }

    private static String weekday(Part part, DayOfWeek day) {
        if (!part.literal().isEmpty() && part.width() == day.getValue()) {
            return part.literal();
        }
        return name(part, day.getValue() - 1);
    }

    private static String name(Part part, int index) {
        String[] style = part.nameStyle().split(":");
        String[][] names = DateLexicon.WRITING.get(style[0]);
        return applyCase(names[Integer.parseInt(style[1])][index], style[2]);
    }

    private static String applyCase(String word, String style) {
        return switch (style) {
            case "upper" -> word.toUpperCase(Locale.ROOT);
            case "title" -> Character.toUpperCase(word.charAt(0)) + word.substring(1);
            default -> word.toLowerCase(Locale.ROOT);
        };
    }

    private static String pad(int value, int width) {
        String digits = String.valueOf(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
