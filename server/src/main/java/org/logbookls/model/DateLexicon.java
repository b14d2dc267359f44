package org.logbookls.model;

import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The words dates are made of: month names, weekday names, ordinal suffixes, range connectors and
 * filler words, in English, French, Spanish and German.
 *
 * <p>Data, not logic: adding a language or an odd abbreviation ({@code Thurs}) means adding a word
 * here. Lookups are case-insensitive and ignore one trailing full stop ({@code Sept.}).
 */
final class DateLexicon {
    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();

    /** Words that may stand between the parts of a date: "25 de febrero de 2024", "the 5th of June". */
    static final Set<String> FILLERS = Set.of("de", "of", "the", "le", "den", "am", "del");

    /** Words that join the two ends of a date range. */
    static final Set<String> RANGE_WORDS = Set.of("to", "au", "bis", "al", "till", "until", "through", "thru", "à");

    /** Words that join a list of days sharing one month: "28 et 31/05/2021", "3 and 4 May". */
    static final Set<String> LIST_WORDS = Set.of("et", "and", "y", "und", "&");

    /** Words after which a date is a deadline or an update stamp, not the day an entry was written. */
    static final Set<String> NOT_ENTRY_DATE_WORDS = Set.of(
            "due", "deadline", "by", "until", "till", "before", "after", "since", "updated", "update", "maj",
            "jusqu'au", "avant", "après", "hasta", "antes", "bis", "vor", "nach", "ab", "le", "am");

    static {
        month(1, "january", "jan", "janvier", "janv", "enero", "ene", "januar", "jänner", "jaenner");
        month(2, "february", "feb", "febr", "février", "fevrier", "févr", "fevr", "febrero", "februar");
        month(3, "march", "mar", "mars", "marzo", "märz", "maerz", "mär");
        month(4, "april", "apr", "avril", "avr", "abril", "abr");
        month(5, "may", "mai", "mayo");
        month(6, "june", "jun", "juin", "junio", "juni");
        month(7, "july", "jul", "juillet", "juil", "julio", "juli");
        month(8, "august", "aug", "août", "aout", "agosto");
        month(9, "september", "sep", "sept", "septembre", "septiembre", "setiembre");
        month(10, "october", "oct", "octobre", "octubre", "oktober", "okt");
        month(11, "november", "nov", "novembre", "noviembre");
        month(12, "december", "dec", "décembre", "decembre", "déc", "diciembre", "dic", "dezember", "dez");

        weekday(DayOfWeek.MONDAY, "monday", "mon", "lundi", "lunes", "montag");
        weekday(DayOfWeek.TUESDAY, "tuesday", "tue", "tues", "mardi", "martes", "dienstag");
        weekday(DayOfWeek.WEDNESDAY, "wednesday", "wed", "weds", "mercredi", "miércoles", "miercoles", "mittwoch");
        weekday(DayOfWeek.THURSDAY, "thursday", "thu", "thur", "thurs", "jeudi", "jueves", "donnerstag");
        weekday(DayOfWeek.FRIDAY, "friday", "fri", "vendredi", "viernes", "freitag");
        weekday(DayOfWeek.SATURDAY, "saturday", "sat", "samedi", "sábado", "sabado", "samstag", "sonnabend");
        weekday(DayOfWeek.SUNDAY, "sunday", "sun", "dimanche", "domingo", "sonntag");
    }

    /**
     * Whether a word starting with {@code first} may be a month name: most words a date scan meets (a
     * title's) start with a letter no month name does, and are passed over before they are copied
     * and looked up. Characters beyond ASCII are always looked up (their lower case is the lexicon's).
     */
    static boolean mayStartMonth(char first) {
        return first >= 128 || MONTH_INITIALS[Character.toLowerCase(first)];
    }

    private static final boolean[] MONTH_INITIALS = monthInitials();

    private static boolean[] monthInitials() {
        boolean[] initials = new boolean[128];
        for (String name : MONTHS.keySet()) {
            if (name.charAt(0) < 128) {
                initials[name.charAt(0)] = true;
            }
        }
        return initials;
    }

    /** Names to write dates with, per language: months (full, short), then weekdays Monday-first (full, short). */
    static final Map<String, String[][]> WRITING = Map.of(
            "en", new String[][] {
                {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
                {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
                {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
                {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}},
            "fr", new String[][] {
                {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
                {"janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"},
                {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"},
                {"lun", "mar", "mer", "jeu", "ven", "sam", "dim"}},
            "es", new String[][] {
                {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
                {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"},
                {"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"},
                {"lun", "mar", "mié", "jue", "vie", "sáb", "dom"}},
            "de", new String[][] {
                {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
                {"Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"},
                {"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"},
                {"Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"}});

    private DateLexicon() {
    }

    private static void month(int number, String... names) {
        for (String name : names) {
            MONTHS.put(name, number);
        }
    }

    private static void weekday(DayOfWeek day, String... names) {
        for (String name : names) {
            WEEKDAYS.put(name, day);
        }
    }

    static Optional<Integer> month(String word) {
        return Optional.ofNullable(MONTHS.get(key(word)));
    }

    static Optional<DayOfWeek> weekday(String word) {
        return Optional.ofNullable(WEEKDAYS.get(key(word)));
    }

    /** The English ordinal suffix a day number takes: 1st, 2nd, 3rd, 4th, 11th, 21st. */
    static String englishOrdinal(int day) {
        int lastTwo = day % 100;
        if (lastTwo >= 11 && lastTwo <= 13) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    static boolean isOrdinalSuffix(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "st", "nd", "rd", "th", "er", "re", "e", "º", "ª", "o" -> true;
            default -> false;
        };
    }

    static boolean isEnglishOrdinalSuffix(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "st", "nd", "rd", "th" -> true;
            default -> false;
        };
    }

    private static String key(String word) {
        // Most words asked about (digits, lower-case words) are their own key: lower-casing a copy of
        // each was a tenth of what building a long logbook allocated.
        if (isLowerCase(word) && !word.endsWith(".")) {
            return word;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** True when lower-casing {@code word} leaves every code point as it is. */
    private static boolean isLowerCase(String word) {
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            if (Character.toLowerCase(c) != c) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
