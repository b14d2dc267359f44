package org.logbookls.syntax;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.logbookls.text.TextRange;

/**
 * Assembles a tree from pieces of other trees, each moved into place: an incremental reparse joins
 * the old head, the reparsed middle and the old tail; a parallel parse joins its chunks.
 */
final class TreeBuilder {
    private final String text;
    private final Optional<FrontMatter> frontMatter;
    private final List<Block> blocks = new ArrayList<>();
    private final List<TextRange> opaque = new ArrayList<>();
    private final List<SyntaxTree.HtmlComment> comments = new ArrayList<>();
    private final List<SyntaxTree.Link> links = new ArrayList<>();
    private final Map<TextRange, String> headingTexts = new HashMap<>();

    TreeBuilder(String text, Optional<FrontMatter> frontMatter) {
        this.text = text;
        this.frontMatter = frontMatter;
    }

    /** Everything of {@code old} that starts before {@code end}, as it is. */
    void head(SyntaxTree old, int end) {
        add(old, 0, Integer.MIN_VALUE, end);
    }

    /** Everything of {@code chunk} that starts before {@code end} (chunk offsets), moved to {@code from}. */
    void middle(SyntaxTree chunk, int from, int end) {
        add(chunk, from, Integer.MIN_VALUE, end);
    }

    /** Everything of {@code old} from {@code start} on, moved by {@code delta}. */
    void tail(SyntaxTree old, int start, int delta) {
        add(old, delta, start, Integer.MAX_VALUE);
    }

    private void add(SyntaxTree source, int shift, int fromStart, int beforeStart) {
        for (Block block : source.blocks()) {
            if (block.range().start() >= fromStart && block.range().start() < beforeStart) {
                blocks.add(shift == 0 ? block : new Block(block.kind(), block.range().shift(shift), block.content().shift(shift),
                        block.level(), block.depth()));
            }
        }
        for (TextRange range : source.opaque()) {
            if (range.start() >= fromStart && range.start() < beforeStart) {
                opaque.add(range.shift(shift));
            }
        }
        for (SyntaxTree.HtmlComment comment : source.htmlComments()) {
            if (comment.range().start() >= fromStart && comment.range().start() < beforeStart) {
                comments.add(shift == 0 ? comment : new SyntaxTree.HtmlComment(comment.range().shift(shift), comment.inner().shift(shift)));
            }
        }
        for (SyntaxTree.Link link : source.links()) {
            if (link.range().start() >= fromStart && link.range().start() < beforeStart) {
                links.add(shift == 0 ? link : new SyntaxTree.Link(link.range().shift(shift), link.destinationRange().shift(shift),
                        link.destination(), link.image()));
            }
        }
        source.headingTexts().forEach((range, heading) -> {
            if (range.start() >= fromStart && range.start() < beforeStart) {
                headingTexts.put(range.shift(shift), heading);
            }
        });
    }

    SyntaxTree build(String maskedText) {
        return new SyntaxTree(text, frontMatter, blocks, opaque, maskedText, comments, links, headingTexts, false);
    }
}
