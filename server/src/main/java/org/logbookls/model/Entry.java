package org.logbookls.model;

import java.util.List;
import java.util.Optional;
import org.logbookls.text.Span;
import org.logbookls.text.TextRange;

/**
 * One logbook entry: a dated (or experiment-numbered) heading and everything up to the next entry
 * or the next heading of a higher rank.
 *
 * <p>Immutable. {@code heading} is the heading line(s); {@code title} the heading's text. A
 * {@code pseudo} entry starts at a paragraph that the author meant as a heading ({@code #7/13/19}
 * or a line holding only a date). {@code group} numbers the entries under one parent heading, so
 * that chronology can be checked per group. A per-day file is one entry spanning the file.
 * {@code plainTitle} is the title without the IDs and the date it starts with ({@link #plainTitleOf}).
 */
public record Entry(
        int start,
        int end,
        int headingStart,
        int headingEnd,
        int titleStart,
        int titleEnd,
        String titleText,
        int level,
        boolean pseudo,
        Optional<EntryDate> date,
        List<IdDefinition> ids,
        List<Section> sections,
        int group,
        String plainTitle) implements Span {

    // The ranges are kept as ints: a large workspace's models hold seventy thousand entries.
    public Entry {
        TextRange.check(start, end);
        TextRange.check(headingStart, headingEnd);
        TextRange.check(titleStart, titleEnd);
        ids = List.copyOf(ids);
        sections = List.copyOf(sections);
    }

    public Entry(TextRange range, TextRange heading, TextRange title, String titleText, int level, boolean pseudo,
            Optional<EntryDate> date, List<IdDefinition> ids, List<Section> sections, int group, String plainTitle) {
        this(range.start(), range.end(), heading.start(), heading.end(), title.start(), title.end(), titleText, level, pseudo, date,
                ids, sections, group, plainTitle);
    }

    /** The heading line(s). */
    public TextRange heading() {
        return new TextRange(headingStart, headingEnd);
    }

    /** The heading's text. */
    public TextRange title() {
        return new TextRange(titleStart, titleEnd);
    }

    /** This entry written {@code delta} characters later: everything it holds moved. */
    public Entry shift(int delta) {
        List<IdDefinition> movedIds = new java.util.ArrayList<>(ids.size());
        for (IdDefinition id : ids) {
            movedIds.add(id.shift(delta));
        }
        List<Section> movedSections = new java.util.ArrayList<>(sections.size());
        for (Section section : sections) {
            movedSections.add(section.shift(delta));
        }
        return new Entry(start + delta, end + delta, headingStart + delta, headingEnd + delta, titleStart + delta, titleEnd + delta,
                titleText, level, pseudo,
                date.map(d -> d.shift(delta)), movedIds, movedSections, group, plainTitle);
    }

    /**
     * {@code titleText} without the ID list or the date it starts with, as {@link #plainTitle} holds
     * it: "make best of VGG" of "[e0033-e0038] make best of VGG". A component, computed when an entry
     * is read and kept when it moves: facts and symbols ask for every entry's after every edit.
     */
    public static String plainTitleOf(String titleText, List<IdDefinition> ids, Optional<EntryDate> date) {
        String title = titleText.strip();
        // The IDs and the date lead the title in either order: "[e0039] 2024-03-12 Adam", "2024-03-12 [e0039] Adam".
        for (int pass = 0; pass < 2; pass++) {
            if (!ids.isEmpty() && title.startsWith("[")) {
                int close = title.indexOf(']');
                if (close > 0) {
                    title = title.substring(close + 1).strip();
                }
            }
            if (date.isPresent() && title.startsWith(date.get().written())) {
                title = title.substring(date.get().written().length()).strip();
            }
            title = withoutLeadingPunctuation(title).strip();
        }
        return title.isEmpty() ? titleText.strip() : title;
    }

    /**
     * {@code title} without the brackets, dashes, colons, bars, dots and white space it starts with.
     * A loop, not a regular expression: this runs for every entry of every version (facts, symbols).
     */
    static String withoutLeadingPunctuation(String title) {
        int start = 0;
        while (start < title.length() && isLeadingPunctuation(title.charAt(start))) {
            start++;
        }
        return title.substring(start);
    }

    private static boolean isLeadingPunctuation(char c) {
        return switch (c) {
            case ']', ')', '-', '–', '—', ':', '|', '.', ' ', '\t', '\n', '\u000B', '\f', '\r' -> true;
            default -> false;
        };
    }

    /**
     * Whether two entries name the same things for the workspace: the same IDs in order, plain title
     * and start date (positions aside). Facts and {@link Names} compare versions of a model with it.
     */
    public static boolean sameNames(Entry a, Entry b) {
        return a == b || a.plainTitle.equals(b.plainTitle) && startOf(a) == startOf(b) && sameIds(a, b);
    }

    /** Whether both entries define the same IDs, in the same order (positions aside). */
    public static boolean sameIds(Entry a, Entry b) {
        if (a.ids.size() != b.ids.size()) {
            return false;
        }
        for (int i = 0; i < a.ids.size(); i++) {
            if (!a.ids.get(i).id().equals(b.ids.get(i).id())) {
                return false;
            }
        }
        return true;
    }

    private static long startOf(Entry entry) {
        return entry.date.isPresent() ? entry.date.get().startDay() : EntryDate.NO_DAY;
    }

    /** How the entry is named in messages: the date written in its heading, else its title. */
    public String displayName() {
        if (date.isPresent() && date.get().range().start() >= headingStart && date.get().range().end() <= headingEnd) {
            return date.get().written();
        }
        return titleText;
    }
}
