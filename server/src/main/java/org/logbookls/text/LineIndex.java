package org.logbookls.text;

import java.util.Arrays;

/**
 * Maps UTF-16 offsets to lines and columns and back.
 *
 * <p>Immutable. A line ends at {@code \n}, {@code \r\n} or a lone {@code \r} (as LSP defines
 * it); the terminator belongs to the line it ends. This is the only place that does column
 * arithmetic; UTF-8 columns, for clients that negotiate them, are computed here too.
 */
public final class LineIndex {
    private final Text text;
    /** Line starts as they were before the edits in {@link #shifts}; read through {@link #start}. */
    private final int[] lineStarts;
    /**
     * The edits since {@link #lineStarts} was written that added or removed no line break: each moved
     * the lines after one line. A keystroke used to copy every line start (100,000 of them in a 2 MB
     * logbook); now it adds a shift, and every {@link #MOST_SHIFTS} shifts the starts are written again.
     */
    private final Shifts shifts;
    private static final int MOST_SHIFTS = 32;
    /**
     * How many lines around the last answer {@link #lineOf} looks before it searches: an outline asks
     * for every entry's first line in order, and with 8 each of W1's entries (12 lines) took a search.
     */
    private static final int NEARBY_LINES = 32;
    /** The line {@link #lineOf} answered last; a guess that speeds up asking in order, not part of the value. */
    private int hint;

    private LineIndex(Text text, int[] lineStarts) {
        this(text, lineStarts, Shifts.NONE);
    }

    private LineIndex(Text text, int[] lineStarts, Shifts shifts) {
        this.text = text;
        this.lineStarts = lineStarts;
        this.shifts = shifts;
    }

    /**
     * Moves of the lines after given lines: {@code lines} ascending, and {@code moved[k]} how far
     * every line after {@code lines[k]} (up to the next one listed) has moved in all.
     */
    private record Shifts(int[] lines, int[] moved) {
        static final Shifts NONE = new Shifts(new int[0], new int[0]);

        /** The run of lines that moved as far as {@code line}. */
        Run runOf(int line) {
            int low = 0;
            int high = lines.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (lines[middle] < line) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            // Lines after lines[low - 1], up to lines[low], moved by moved[low - 1].
            return new Run(low == 0 ? 0 : lines[low - 1] + 1, low == lines.length ? Integer.MAX_VALUE : lines[low] + 1,
                    low == 0 ? 0 : moved[low - 1]);
        }

        /** These shifts and the lines after {@code line} moved by {@code delta} more. */
        Shifts plus(int line, int delta) {
            int at = java.util.Arrays.binarySearch(lines, line);
            int index = at >= 0 ? at : -at - 1;
            int[] nextLines = at >= 0 ? lines.clone() : new int[lines.length + 1];
            int[] nextMoved = at >= 0 ? moved.clone() : new int[lines.length + 1];
            if (at < 0) {
                System.arraycopy(lines, 0, nextLines, 0, index);
                System.arraycopy(lines, index, nextLines, index + 1, lines.length - index);
                System.arraycopy(moved, 0, nextMoved, 0, index);
                System.arraycopy(moved, index, nextMoved, index + 1, moved.length - index);
                nextLines[index] = line;
                nextMoved[index] = index == 0 ? 0 : moved[index - 1];
            }
            for (int k = index; k < nextMoved.length; k++) {
                nextMoved[k] += delta;
            }
            return new Shifts(nextLines, nextMoved);
        }
    }

    /**
     * The lines {@code [low, high)}, which all moved by {@code shift}: the run of lines {@link #start}
     * read last. Not part of the value, like {@link #hint}: the run is immutable, so a racy read of a
     * stale one is still true of this index, and a miss costs a search.
     */
    private record Run(int low, int high, int shift) {
    }

    private Run run;

    /** The start of {@code line}, {@code 0 <= line < lineCount()}. */
    private int start(int line) {
        if (shifts.lines.length == 0) {
            return lineStarts[line];
        }
        // Lines are mostly asked for in order, or near the last one (an outline asks for 10,000): the
        // shift of the run read last, before a search of the shifts for every line.
        Run last = run;
        if (last == null || line < last.low || line >= last.high) {
            last = shifts.runOf(line);
            run = last;
        }
        return lineStarts[line] + last.shift;
    }

    /** Every line start, moved by the shifts. */
    private int[] starts() {
        if (shifts.lines.length == 0) {
            return lineStarts;
        }
        int[] starts = new int[lineStarts.length];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = start(i);
        }
        return starts;
    }

    public static LineIndex of(String text) {
        return of(Text.of(text));
    }

    public static LineIndex of(Text text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return new LineIndex(text, Arrays.copyOf(starts, count));
    }

    /**
     * The index of {@code newText}, which is this index's text with {@code change} applied: line
     * starts before the change are kept, those after it moved, and only the changed text scanned.
     */
    public LineIndex edited(Text newText, TextChange change) {
        int start = change.replaced().start();
        int oldEnd = change.replaced().end();
        int newEnd = start + change.insertedLength();
        if (oldEnd > text.length() || text.length() + change.delta() != newText.length()) {
            return of(newText);
        }
        if (change.keepsLines(text, newText)) {
            // No line break added or removed: the lines after the edited one moved, nothing else.
            if (change.delta() == 0) {
                return new LineIndex(newText, lineStarts, shifts);
            }
            Shifts moved = shifts.plus(lineOf(start), change.delta());
            LineIndex next = new LineIndex(newText, lineStarts, moved);
            return moved.lines.length <= MOST_SHIFTS ? next : new LineIndex(newText, next.starts());
        }
        int[] lineStarts = starts();
        // Kept: starts up to start - 1 (their terminators and the characters after them are unchanged).
        int kept = Math.max(1, upperBound(lineStarts, start - 1));
        // Moved: starts from oldEnd + 2 on (the terminator before them is at oldEnd + 1 or later, unchanged and
        // not preceded by a changed '\r'); the one at oldEnd + 1 comes from the scan below.
        int firstMoved = upperBound(lineStarts, oldEnd + 1);
        // The starts in the changed region first, into a small array, so that the new index is allocated
        // once, at its size: a 2 MB text has 100,000 lines, and an edit made three copies of them.
        int[] found = new int[16];
        int foundCount = 0;
        int last = kept == 0 ? 0 : lineStarts[kept - 1];
        int scanTo = Math.min(newText.length() - 1, newEnd);
        for (int i = Math.max(0, start - 1); i <= scanTo; i++) {
            char c = newText.charAt(i);
            boolean ends = c == '\n' || c == '\r' && (i + 1 >= newText.length() || newText.charAt(i + 1) != '\n');
            if (ends && i + 1 > last) {
                if (foundCount == found.length) {
                    found = Arrays.copyOf(found, foundCount * 2);
                }
                found[foundCount++] = i + 1;
                last = i + 1;
            }
        }
        int[] starts = new int[kept + foundCount + (lineStarts.length - firstMoved)];
        System.arraycopy(lineStarts, 0, starts, 0, kept);
        System.arraycopy(found, 0, starts, kept, foundCount);
        int count = kept + foundCount;
        int delta = change.delta();
        for (int i = firstMoved; i < lineStarts.length; i++) {
            starts[count++] = lineStarts[i] + delta;
        }
        return new LineIndex(newText, starts);
    }

    /** How many line starts are at or before {@code offset}. */
    private static int upperBound(int[] lineStarts, int offset) {
        int low = 0;
        int high = lineStarts.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (lineStarts[middle] <= offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    public Text text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** Offset of the first character of {@code line}; lines past the end clamp to the text length. */
    public int lineStart(int line) {
        if (line < 0) {
            return 0;
        }
        if (line >= lineStarts.length) {
            return text.length();
        }
        return start(line);
    }

    /** Offset just before the line terminator of {@code line}. */
    public int lineContentEnd(int line) {
        int end = line + 1 < lineStarts.length ? start(line + 1) : text.length();
        int start = lineStart(line);
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    /** Offset of the next line's start (or the text length on the last line). */
    public int lineEnd(int line) {
        return line + 1 < lineStarts.length ? start(line + 1) : text.length();
    }

    public String lineText(int line) {
        return text.substring(lineStart(line), lineContentEnd(line));
    }

    /** The line holding {@code offset}; offsets past the end belong to the last line. */
    public int lineOf(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        // Answers are mostly asked for in document order (an outline, sorted diagnostics): look a few
        // lines around the last answer before searching the whole index. The hint is only a guess,
        // checked before use, so threads racing on it cannot make an answer wrong.
        int line = hint;
        if (line < lineStarts.length) {
            for (int step = 0; step < NEARBY_LINES; step++) {
                if (clamped < start(line)) {
                    if (line == 0) {
                        break;
                    }
                    line--;
                } else if (line + 1 < lineStarts.length && clamped >= start(line + 1)) {
                    line++;
                } else {
                    hint = line;
                    return line;
                }
            }
        }
        line = search(clamped);
        hint = line;
        return line;
    }

    /** The last line starting at or before {@code offset} (which is in the text): a run of lines moved alike at a time. */
    private int search(int offset) {
        int low = 0;
        int shift = 0;
        for (int k = 0; k <= shifts.lines.length; k++) {
            // The lines [low, high) all moved by shift; the line at high by the next run's.
            int high = k < shifts.lines.length ? Math.min(lineStarts.length, shifts.lines[k] + 1) : lineStarts.length;
            if (high >= lineStarts.length || lineStarts[high] + shifts.moved[k] > offset) {
                int found = Arrays.binarySearch(lineStarts, low, Math.max(low + 1, high), offset - shift);
                return Math.max(low, found >= 0 ? found : -found - 2);
            }
            shift = shifts.moved[k];
            low = high;
        }
        return lineStarts.length - 1;
    }

    public LineColumn position(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int line = lineOf(clamped);
        return new LineColumn(line, clamped - start(line));
    }

    /**
     * The offset of a line and UTF-16 column; both are clamped into the document, and a column past
     * the end of its line lands at the end of the line's content, as LSP requires.
     */
    public int offset(int line, int column) {
        if (line < 0) {
            return 0;
        }
        if (line >= lineStarts.length) {
            return text.length();
        }
        int start = start(line);
        int contentEnd = lineContentEnd(line);
        return Math.max(start, Math.min(start + Math.max(0, column), contentEnd));
    }

    /** The offset of the first line break at or after {@code from}, or {@code limit} if there is none before it. */
    public static int endOfLine(CharSequence text, int from, int limit) {
        int i = from;
        while (i < limit && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** UTF-8 byte column of {@code offset} within its line. */
    public int utf8Column(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int start = start(lineOf(clamped));
        int bytes = 0;
        for (int i = start; i < clamped; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < clamped && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The offset of a UTF-8 byte column on {@code line}; a column inside a character rounds down. */
    public int offsetOfUtf8(int line, int utf8Column) {
        if (line < 0) {
            return 0;
        }
        if (line >= lineStarts.length) {
            return text.length();
        }
        int offset = start(line);
        int contentEnd = lineContentEnd(line);
        int bytes = 0;
        while (offset < contentEnd) {
            char c = text.charAt(offset);
            int width;
            int chars = 1;
            if (c < 0x80) {
                width = 1;
            } else if (c < 0x800) {
                width = 2;
            } else if (Character.isHighSurrogate(c) && offset + 1 < contentEnd && Character.isLowSurrogate(text.charAt(offset + 1))) {
                width = 4;
                chars = 2;
            } else {
                width = 3;
            }
            if (bytes + width > utf8Column) {
                break;
            }
            bytes += width;
            offset += chars;
        }
        return offset;
    }
}
