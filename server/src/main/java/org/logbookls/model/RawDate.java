package org.logbookls.model;

/**
 * A date as written, before the file's conventions (day/month order, century, missing year) are
 * applied.
 *
 * <p>Immutable. The meaning of {@code first} and {@code second} depends on {@code form}:
 * <ul>
 *   <li>{@link Form#YEAR_FIRST} and {@link Form#NAMED}: month, then day;</li>
 *   <li>{@link Form#NUMERIC} and {@link Form#COMPACT}: the two numbers in written order, which the
 *       file's evidence reads as day/month or month/day;</li>
 *   <li>{@link Form#DAY_ONLY}: {@code second} is a day; month and year come from the other end of
 *       a range ({@code 2024/10/24-25}, {@code 04 au 10/05/2021}).</li>
 * </ul>
 * {@code year} is -1 when not written; {@code yearDigits} is 2 or 4 when it is. A part written as
 * {@code ??} or {@code xx} is 0 and sets {@code placeholder}. {@code separator} is the character
 * between numbers ({@code /}, {@code -}, {@code .}) or 0.
 */
public record RawDate(Form form, int first, int second, int year, int yearDigits, boolean placeholder, char separator) {

    /** How the date was written. */
    public enum Form { YEAR_FIRST, NUMERIC, NAMED, COMPACT, DAY_ONLY }

    public boolean hasYear() {
        return year >= 0;
    }

    /** True when the two numbers could be read either way (both are valid months and differ). */
    public boolean orderAmbiguous() {
        return (form == Form.NUMERIC || form == Form.COMPACT) && !placeholder
                && first >= 1 && first <= 12 && second >= 1 && second <= 12 && first != second;
    }

    /** +1 when only a day-first reading makes sense, -1 when only month-first does, 0 otherwise. */
    public int orderEvidence() {
        if ((form != Form.NUMERIC && form != Form.COMPACT) || placeholder) {
            return 0;
        }
        boolean firstCanBeMonth = first >= 1 && first <= 12;
        boolean secondCanBeMonth = second >= 1 && second <= 12;
        if (firstCanBeMonth && !secondCanBeMonth && second <= 31) {
            return -1;
        }
        if (secondCanBeMonth && !firstCanBeMonth && first <= 31) {
            return 1;
        }
        return 0;
    }
}
