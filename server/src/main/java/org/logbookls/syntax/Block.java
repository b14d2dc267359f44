package org.logbookls.syntax;

import org.logbookls.text.Span;
import org.logbookls.text.TextRange;

/**
 * One Markdown block, in document order, as a plain value.
 *
 * <p>Immutable. {@code range} covers the whole block (a setext heading includes its underline);
 * {@code content} is the heading text, the paragraph text, or a list item's text after its marker.
 * {@code level} is the heading level (1–6) and 0 for other blocks. {@code depth} counts the list
 * items and block quotes that contain the block (0 at the top level).
 */
public record Block(BlockKind kind, int start, int end, int contentStart, int contentEnd, int level, int depth) implements Span {
    // The ranges are kept as ints: a document's blocks were a hundred thousand, each with two range objects.
    public Block {
        TextRange.check(start, end);
        TextRange.check(contentStart, contentEnd);
    }

    public Block(BlockKind kind, TextRange range, TextRange content, int level, int depth) {
        this(kind, range.start(), range.end(), content.start(), content.end(), level, depth);
    }

    public TextRange content() {
        return new TextRange(contentStart, contentEnd);
    }

    public Block shift(int delta) {
        return new Block(kind, start + delta, end + delta, contentStart + delta, contentEnd + delta, level, depth);
    }
}
