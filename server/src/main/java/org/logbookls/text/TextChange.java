package org.logbookls.text;

/**
 * Where a text changed: the characters of {@code replaced} (offsets in the old text) were replaced
 * by {@code insertedLength} characters. Everything before and after {@code replaced} is unchanged.
 * Immutable.
 */
public record TextChange(TextRange replaced, int insertedLength) {
    public TextChange {
        if (insertedLength < 0) {
            throw new IllegalArgumentException("insertedLength must not be negative, got " + insertedLength);
        }
    }

    /** How far the text after the change moved. */
    public int delta() {
        return insertedLength - replaced.length();
    }

    /**
     * This change followed by {@code next} (whose offsets are in the text this change produced), as
     * one change of the original text: the smallest range outside of which neither touched anything.
     */
    public TextChange then(TextChange next) {
        int start = Math.min(replaced.start(), next.replaced().start());
        int insertedEnd = replaced.start() + insertedLength;
        int nextEnd = next.replaced().end();
        // next's end, taken back into the original text (inside this change's new text it maps to this change's end).
        int nextEndBefore = nextEnd <= replaced.start() ? nextEnd : nextEnd >= insertedEnd ? nextEnd - delta() : replaced.end();
        int end = Math.max(replaced.end(), nextEndBefore);
        return new TextChange(TextRange.of(start, end), end - start + delta() + next.delta());
    }

    /**
     * Whether this change, which turned {@code before} into {@code after}, left the line breaks as they
     * were: it removed none, inserted none, and did not join or part a CR and the LF after it.
     */
    public boolean keepsLines(CharSequence before, CharSequence after) {
        int start = replaced.start();
        if (hasLineBreak(before, start, replaced.end()) || hasLineBreak(after, start, start + insertedLength)) {
            return false;
        }
        boolean betweenCrAndLf = start > 0 && before.charAt(start - 1) == '\r' && replaced.end() < before.length()
                && before.charAt(replaced.end()) == '\n';
        // Between a CR and an LF, the two are one line break exactly when nothing stands between them.
        return !betweenCrAndLf || (replaced.length() == 0) == (insertedLength == 0);
    }

    /**
     * This change, which turned {@code before} into {@code after}, without what it replaced with the
     * same characters at its start and end: an editor may send a whole line for one typed character.
     */
    public TextChange trimmed(CharSequence before, CharSequence after) {
        int start = replaced.start();
        int end = replaced.end();
        int insertedEnd = start + insertedLength;
        while (start < end && start < insertedEnd && before.charAt(start) == after.charAt(start)) {
            start++;
        }
        while (end > start && insertedEnd > start && before.charAt(end - 1) == after.charAt(insertedEnd - 1)) {
            end--;
            insertedEnd--;
        }
        return start == replaced.start() && end == replaced.end() ? this : new TextChange(TextRange.of(start, end), insertedEnd - start);
    }

    private static boolean hasLineBreak(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
