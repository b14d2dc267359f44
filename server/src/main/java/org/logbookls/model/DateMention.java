package org.logbookls.model;

import java.time.DayOfWeek;
import java.util.Optional;
import org.logbookls.text.TextRange;

/**
 * One date found in text: where it is, what was written, and the parts around it that a
 * diagnostic may need to point at (the weekday, the ordinal suffix).
 *
 * <p>Immutable. {@code end} is present for ranges and multi-day entries ({@code 2024/10/24-25}).
 * {@code ordinalRange} covers a day's suffix ({@code th} in {@code 23th}); {@code time} is a time of
 * day written beside the date ({@code 12:06:05}).
 */
public record DateMention(
        TextRange range,
        RawDate start,
        Optional<RawDate> end,
        Optional<DayOfWeek> weekday,
        Optional<TextRange> weekdayRange,
        Optional<TextRange> ordinalRange,
        Optional<String> time) {

    /** The same mention, {@code delta} characters further on (text before it was edited). */
    public DateMention shift(int delta) {
        return new DateMention(range.shift(delta), start, end, weekday, weekdayRange.map(r -> r.shift(delta)),
                ordinalRange.map(r -> r.shift(delta)), time);
    }
}
