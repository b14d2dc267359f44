package org.logbookls.syntax;

import java.util.List;
import org.logbookls.text.SplicedList;
import org.logbookls.text.Text;
import org.logbookls.text.TextRange;

/**
 * A document's text with every opaque character that is not a line break read as a space, at the
 * same offsets: what the recognisers of the model scan, so that nothing is found in code, HTML or
 * link destinations. Immutable; equal to another when it reads the same.
 *
 * <p>A full parse writes it out once. After an edit it is a view of the new text through the
 * tree's opaque ranges: an edit used to copy the whole masked text (2.4 MB for a 2 MB logbook) and
 * keep it until the next keystroke, while a build after an edit reads only the lines of the edited
 * region. Reading in order, as the readers do, finds each run of opaque or plain text once.
 */
public final class MaskedText implements CharSequence {
    private final Text text;
    /** Sorted and disjoint; null when {@link #written} holds the whole masked text. */
    private final List<TextRange> opaque;
    private final String written;
    /**
     * The run read last. Not part of the value: a racy read of a stale run is still a true fact
     * about this text (the run is immutable), and a miss only costs a search.
     */
    private Run last;

    private MaskedText(Text text, List<TextRange> opaque, String written) {
        this.text = text;
        this.opaque = opaque;
        this.written = written;
    }

    /** The masked text written out in full. */
    public static MaskedText written(String masked) {
        return new MaskedText(Text.of(masked), null, masked);
    }

    /** {@code text} read through its {@code opaque} ranges (sorted, disjoint), without a copy. */
    public static MaskedText over(Text text, List<TextRange> opaque) {
        return new MaskedText(text, opaque, null);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        if (written != null) {
            return written.charAt(index);
        }
        char c = text.charAt(index);
        if (c == '\n' || c == '\r') {
            return c;
        }
        Run run = last;
        if (run == null || index < run.from || index >= run.to) {
            run = runAt(index);
            last = run;
        }
        return run.opaque ? ' ' : c;
    }

    /**
     * Where {@code c} (not a line break) is read first in {@code [from, to)}, or -1: a search of the
     * text (the JDK's, vectorised) for it, each find checked against the opaque ranges. For the readers
     * that look for one character (a tag's {@code #}) instead of trying a pattern at every offset.
     */
    public int indexOf(char c, int from, int to) {
        if (written != null) {
            int at = written.indexOf(c, from);
            return at < to ? at : -1;
        }
        for (int at = text.indexOf(c, from); at >= 0 && at < to; at = text.indexOf(c, at + 1)) {
            if (charAt(at) == c) {
                return at;
            }
        }
        return -1;
    }

    /** The maximal run of opaque, or of plain, characters holding {@code index}. */
    private Run runAt(int index) {
        int next = SplicedList.firstAtOrAfter(opaque, TextRange::end, index + 1);
        int previousEnd = next == 0 ? 0 : opaque.get(next - 1).end();
        if (next == opaque.size()) {
            return new Run(previousEnd, text.length(), false);
        }
        TextRange range = opaque.get(next);
        return range.start() <= index ? new Run(range.start(), range.end(), true) : new Run(previousEnd, range.start(), false);
    }

    private record Run(int from, int to, boolean opaque) {
    }

    @Override
    public String subSequence(int start, int end) {
        if (written != null) {
            return written.substring(start, end);
        }
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            out.append(charAt(i));
        }
        return out.toString();
    }

    /** The characters {@code [start, end)}, as {@link String#substring(int, int)}. */
    public String substring(int start, int end) {
        return subSequence(start, end);
    }

    /** Whether the text holds {@code prefix} at {@code offset}, as {@link String#startsWith(String, int)}. */
    public boolean startsWith(String prefix, int offset) {
        if (offset < 0 || offset > length() - prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (charAt(offset + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return written != null ? written : subSequence(0, length());
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof MaskedText that) || that.length() != length()) {
            return false;
        }
        for (int i = 0; i < length(); i++) {
            if (charAt(i) != that.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0; i < length(); i++) {
            hash = 31 * hash + charAt(i);
        }
        return hash;
    }
}
