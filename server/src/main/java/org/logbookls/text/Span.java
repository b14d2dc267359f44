package org.logbookls.text;

/**
 * A value that keeps its range as two ints rather than a {@link TextRange} object: the model's most
 * numerous records (blocks, entries, tags, references, ID definitions), of which a large workspace
 * holds a million. Implementing records check the pair with {@link TextRange#check}.
 */
public interface Span {
    int start();

    int end();

    /** The range, made when asked. */
    default TextRange range() {
        return new TextRange(start(), end());
    }
}
