package org.logbookls.text;

/**
 * A half-open range {@code [start, end)} of UTF-16 offsets into a document's text.
 *
 * <p>Immutable. Every range in the core is expressed this way; line/column positions exist only
 * at the protocol edge.
 */
public record TextRange(int start, int end) implements Comparable<TextRange> {
    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("TextRange needs 0 <= start <= end, got " + start + ".." + end);
        }
    }

    /**
     * Checks what the constructor checks, for the records that keep a range as two ints: a range
     * object for each of a model's million ranges was a sixth of a large workspace's memory.
     */
    public static void check(int start, int end) {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("TextRange needs 0 <= start <= end, got " + start + ".." + end);
        }
    }

    public static TextRange of(int start, int end) {
        return new TextRange(start, end);
    }

    public static TextRange empty(int offset) {
        return new TextRange(offset, offset);
    }

    public int length() {
        return end - start;
    }

    public boolean isEmpty() {
        return start == end;
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    /** True when {@code offset} lies inside or at either end of the range (cursor semantics). */
    public boolean touches(int offset) {
        return offset >= start && offset <= end;
    }

    public boolean contains(TextRange other) {
        return other.start >= start && other.end <= end;
    }

    public boolean intersects(TextRange other) {
        return other.start < end && start < other.end;
    }

    public TextRange shift(int delta) {
        return new TextRange(start + delta, end + delta);
    }

    public String of(CharSequence text) {
        return text.subSequence(start, end).toString();
    }

    @Override
    public int compareTo(TextRange other) {
        int byStart = Integer.compare(start, other.start);
        return byStart != 0 ? byStart : Integer.compare(end, other.end);
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
