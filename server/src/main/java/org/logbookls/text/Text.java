package org.logbookls.text;

/**
 * A document's text: immutable, read like a {@code String} (the methods the core uses have the
 * same names and meaning), and edited without copying all of it.
 *
 * <p>Why: a keystroke in a 2 MB logbook made a new 2.4 MB string (and a builder of the same size
 * on the way), most of each keystroke's allocation; the young collections that followed copied it
 * into the old generation, which then needed full collections, the slowest keystrokes of all. A
 * text that was opened, read or parsed whole is one string, read as fast as a string. Its first
 * edit cuts it into pieces of about {@link #PIECE} characters; an edit then makes a new piece (or a
 * few) where it falls and shares every other piece with the version before. Reads find their piece
 * by a binary search, after trying the piece read last.
 *
 * <p>Equal to another {@code Text} with the same characters (never to a {@code String}: compare
 * with {@link #contentEquals}).
 */
public final class Text implements CharSequence {
    /** The size a long text is cut into at its first edit. */
    static final int PIECE = 16 * 1024;
    /** A piece longer than this, after an edit, is cut again. */
    static final int LARGEST = 4 * PIECE;
    /** A piece shorter than this, after an edit, is joined to a neighbour. */
    static final int SMALLEST = PIECE / 4;
    /** A text no longer than this stays one string: copying it on an edit costs less than reading pieces. */
    static final int FLAT_UP_TO = 2 * PIECE;

    public static final Text EMPTY = new Text("");

    /** The whole text, when it is one string; null when it is in pieces. */
    private final String flat;
    /** In order; null when flat. */
    private final Piece[] pieces;
    private final int length;
    /**
     * The piece read last. Not part of the value: a racy read of a stale piece is still a true fact
     * about this text (pieces are immutable), and a miss only costs a search.
     */
    private Piece last;
    /** The text written out as one string, once asked for; racy like {@link #last}. */
    private String joined;
    private int hash;

    /** One piece and where it starts in this text. */
    private record Piece(String text, int start) {
        int end() {
            return start + text.length();
        }
    }

    private Text(String flat) {
        this.flat = flat;
        this.pieces = null;
        this.length = flat.length();
        this.joined = flat;
    }

    private Text(Piece[] pieces, int length) {
        this.flat = null;
        this.pieces = pieces;
        this.length = length;
    }

    public static Text of(String text) {
        return text.isEmpty() ? EMPTY : new Text(text);
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public boolean isEmpty() {
        return length == 0;
    }

    @Override
    public char charAt(int index) {
        if (flat != null) {
            return flat.charAt(index);
        }
        Piece piece = last;
        if (piece == null || index < piece.start || index >= piece.end()) {
            if (index < 0 || index >= length) {
                throw new StringIndexOutOfBoundsException("index " + index + ", length " + length);
            }
            piece = pieces[pieceIndex(index)];
            last = piece;
        }
        return piece.text.charAt(index - piece.start);
    }

    /** The index of the piece holding {@code offset} ({@code 0 <= offset < length}). */
    private int pieceIndex(int offset) {
        return pieceIndex(pieces, offset);
    }

    private static int pieceIndex(Piece[] pieces, int offset) {
        int low = 0;
        int high = pieces.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (pieces[middle].start <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    public String substring(int begin) {
        return substring(begin, length);
    }

    public String substring(int begin, int end) {
        if (flat != null) {
            return flat.substring(begin, end);
        }
        if (begin < 0 || end > length || begin > end) {
            throw new StringIndexOutOfBoundsException("begin " + begin + ", end " + end + ", length " + length);
        }
        if (begin == end) {
            return "";
        }
        int first = pieceIndex(begin);
        Piece piece = pieces[first];
        if (end <= piece.end()) {
            return piece.text.substring(begin - piece.start, end - piece.start);
        }
        return join(pieces, begin, end);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return substring(start, end);
    }

    /** The whole text as one string: the string it was made of, or (once) the pieces joined. */
    @Override
    public String toString() {
        String whole = joined;
        if (whole == null) {
            whole = substring(0, length);
            joined = whole;
        }
        return whole;
    }

    public int indexOf(int ch) {
        return indexOf(ch, 0);
    }

    public int indexOf(int ch, int from) {
        if (flat != null) {
            return flat.indexOf(ch, from);
        }
        int start = Math.max(0, from);
        if (start >= length) {
            return -1;
        }
        for (int i = pieceIndex(start); i < pieces.length; i++) {
            Piece p = pieces[i];
            int found = p.text.indexOf(ch, Math.max(start, p.start) - p.start);
            if (found >= 0) {
                return p.start + found;
            }
        }
        return -1;
    }

    public int indexOf(String sought) {
        return indexOf(sought, 0);
    }

    public int indexOf(String sought, int from) {
        if (flat != null) {
            return flat.indexOf(sought, from);
        }
        int start = Math.max(0, from);
        if (sought.isEmpty()) {
            return Math.min(start, length);
        }
        char first = sought.charAt(0);
        for (int at = indexOf(first, start); at >= 0 && at + sought.length() <= length; at = indexOf(first, at + 1)) {
            if (startsWith(sought, at)) {
                return at;
            }
        }
        return -1;
    }

    public int lastIndexOf(int ch) {
        return lastIndexOf(ch, length - 1);
    }

    public int lastIndexOf(int ch, int from) {
        if (flat != null) {
            return flat.lastIndexOf(ch, from);
        }
        int start = Math.min(from, length - 1);
        if (start < 0) {
            return -1;
        }
        for (int i = pieceIndex(start); i >= 0; i--) {
            Piece p = pieces[i];
            int found = p.text.lastIndexOf(ch, Math.min(start, p.end() - 1) - p.start);
            if (found >= 0) {
                return p.start + found;
            }
        }
        return -1;
    }

    public boolean startsWith(String prefix) {
        return startsWith(prefix, 0);
    }

    public boolean startsWith(String prefix, int offset) {
        if (flat != null) {
            return flat.startsWith(prefix, offset);
        }
        if (offset < 0 || offset > length - prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (charAt(offset + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public boolean endsWith(String suffix) {
        return startsWith(suffix, length - suffix.length());
    }

    /** As {@link String#regionMatches(int, String, int, int)}. */
    public boolean regionMatches(int offset, String other, int otherOffset, int count) {
        return regionMatches(false, offset, other, otherOffset, count);
    }

    /** As {@link String#regionMatches(boolean, int, String, int, int)}. */
    public boolean regionMatches(boolean ignoreCase, int offset, String other, int otherOffset, int count) {
        if (flat != null) {
            return flat.regionMatches(ignoreCase, offset, other, otherOffset, count);
        }
        if (offset < 0 || otherOffset < 0 || offset > (long) length - count || otherOffset > (long) other.length() - count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            char a = charAt(offset + i);
            char b = other.charAt(otherOffset + i);
            if (a != b && !(ignoreCase && Character.toLowerCase(Character.toUpperCase(a)) == Character.toLowerCase(Character.toUpperCase(b)))) {
                return false;
            }
        }
        return true;
    }

    /** Whether this text reads {@code other}, character for character. */
    public boolean contentEquals(CharSequence other) {
        if (flat != null) {
            return flat.contentEquals(other);
        }
        if (other.length() != length) {
            return false;
        }
        if (other instanceof Text text && text.pieces != null) {
            return toString().contentEquals(text.toString());
        }
        for (Piece p : pieces) {
            for (int i = 0; i < p.text.length(); i++) {
                if (p.text.charAt(i) != other.charAt(p.start + i)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * This text with {@code [start, end)} replaced by {@code replacement} (the range clamped into the
     * text): the pieces the range does not touch are shared with this text.
     */
    public Text replace(int start, int end, String replacement) {
        int from = Math.max(0, Math.min(start, length));
        int to = Math.max(from, Math.min(end, length));
        int newLength = length - (to - from) + replacement.length();
        if (from == 0 && to == length) {
            return of(replacement);
        }
        if (flat != null && newLength <= FLAT_UP_TO) {
            return of(flat.substring(0, from) + replacement + flat.substring(to));
        }
        Piece[] source = pieces != null ? pieces : cut(flat);
        if (newLength <= FLAT_UP_TO) {
            return of(join(source, 0, from) + replacement + join(source, to, length));
        }
        int first = pieceIndex(source, from);
        int lastTouched = to > from ? pieceIndex(source, to - 1) : first;
        // Join a piece that would be left too small to the piece after it (or before it, at the end).
        int low = first;
        int high = lastTouched;
        String before = source[low].text.substring(0, from - source[low].start);
        String after = source[high].text.substring(to - source[high].start);
        int middleLength = before.length() + replacement.length() + after.length();
        if (middleLength < SMALLEST) {
            if (high + 1 < source.length) {
                high++;
                after = after + source[high].text;
            } else if (low > 0) {
                low--;
                before = source[low].text + before;
            }
            middleLength = before.length() + replacement.length() + after.length();
        }
        String middle = middleLength == 0 ? "" : before + replacement + after;
        int count = middle.isEmpty() ? 0 : middle.length() <= LARGEST ? 1 : (middle.length() + PIECE - 1) / PIECE;
        Piece[] next = new Piece[low + count + (source.length - high - 1)];
        System.arraycopy(source, 0, next, 0, low);
        int at = source[low].start;
        for (int i = 0; i < count; i++) {
            int cutFrom = (int) ((long) middle.length() * i / count);
            int cutTo = (int) ((long) middle.length() * (i + 1) / count);
            next[low + i] = new Piece(count == 1 ? middle : middle.substring(cutFrom, cutTo), at + cutFrom);
        }
        int delta = replacement.length() - (to - from);
        for (int i = high + 1; i < source.length; i++) {
            next[low + count + i - high - 1] = new Piece(source[i].text, source[i].start + delta);
        }
        return next.length == 0 ? EMPTY : new Text(next, newLength);
    }

    /** {@code text} cut into pieces of {@link #PIECE} characters (the last may be longer). */
    private static Piece[] cut(String text) {
        int count = Math.max(1, text.length() / PIECE);
        Piece[] cut = new Piece[count];
        for (int i = 0; i < count; i++) {
            int from = i * PIECE;
            int to = i == count - 1 ? text.length() : from + PIECE;
            cut[i] = new Piece(text.substring(from, to), from);
        }
        return cut;
    }

    /** The characters {@code [begin, end)} of {@code pieces}, one string. */
    private static String join(Piece[] pieces, int begin, int end) {
        if (begin >= end) {
            return "";
        }
        StringBuilder out = new StringBuilder(end - begin);
        for (int i = pieceIndex(pieces, begin); i < pieces.length && pieces[i].start < end; i++) {
            Piece p = pieces[i];
            out.append(p.text, Math.max(begin, p.start) - p.start, Math.min(end, p.end()) - p.start);
        }
        return out.toString();
    }

    /** How many pieces hold the text (1 when it is one string); for tests. */
    int pieceCount() {
        return pieces == null ? 1 : pieces.length;
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Text text && text.length == length && hashCode() == text.hashCode() && contentEquals(text);
    }

    @Override
    public int hashCode() {
        if (flat != null) {
            return flat.hashCode();
        }
        int h = hash;
        if (h == 0 && length > 0) {
            for (Piece p : pieces) {
                for (int i = 0; i < p.text.length(); i++) {
                    h = 31 * h + p.text.charAt(i);
                }
            }
            hash = h;
        }
        return h;
    }
}
