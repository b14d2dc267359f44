package org.logbookls.syntax;

import org.logbookls.text.TextRange;

/**
 * One Markdown block, in document order, as a plain value.
 *
 * <p>Immutable. {@code range} covers the whole block (a setext heading includes its underline);
 * {@code content} is the heading text, the paragraph text, or a list item's text after its marker.
 * {@code level} is the heading level (1–6) and 0 for other blocks. {@code depth} counts the list
 * items and block quotes that contain the block (0 at the top level).
 */
public record Block(BlockKind kind, TextRange range, TextRange content, int level, int depth) {
    public Block shift(int delta) {
        return new Block(kind, range.shift(delta), content.shift(delta), level, depth);
    }
}
