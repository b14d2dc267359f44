package org.logbookls.syntax;

import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.logbookls.text.SplicedList;
import org.logbookls.text.Text;
import org.logbookls.text.TextRange;

/**
 * Assembles a tree from pieces of other trees, each moved into place: an incremental reparse joins
 * the old head, the reparsed middle and the old tail; a parallel parse joins its chunks.
 */
final class TreeBuilder {
    private final Text text;
    private final Optional<FrontMatter> frontMatter;
    private final SplicedList.Builder<Block> blocks = SplicedList.builder(Block::shift);
    private final SplicedList.Builder<TextRange> opaque = SplicedList.builder(TextRange::shift);
    private final SplicedList.Builder<SyntaxTree.HtmlComment> comments = SplicedList.builder(SyntaxTree.HtmlComment::shift);
    private final SplicedList.Builder<SyntaxTree.Link> links = SplicedList.builder(SyntaxTree.Link::shift);
    private final SplicedList.Builder<SyntaxTree.Heading> headings = SplicedList.builder(SyntaxTree.Heading::shift);

    TreeBuilder(Text text, Optional<FrontMatter> frontMatter) {
        this.text = text;
        this.frontMatter = frontMatter;
    }

    /** Everything of {@code old} that starts before {@code end}, as it is. */
    void head(SyntaxTree old, int end) {
        add(old, 0, Integer.MIN_VALUE, end);
    }

    /** Everything of {@code chunk} that starts before {@code end}, moved by {@code shift}. */
    void middle(SyntaxTree chunk, int shift, int end) {
        add(chunk, shift, Integer.MIN_VALUE, end);
    }

    /** Everything of {@code old} from {@code start} on, moved by {@code delta}. */
    void tail(SyntaxTree old, int start, int delta) {
        add(old, delta, start, Integer.MAX_VALUE);
    }

    // Every list of a tree is in document order (by start), so what starts in [fromStart, beforeStart) is one slice of it.
    private void add(SyntaxTree source, int shift, int fromStart, int beforeStart) {
        slice(blocks, source.blocks(), block -> block.start(), shift, fromStart, beforeStart);
        slice(opaque, source.opaque(), TextRange::start, shift, fromStart, beforeStart);
        slice(comments, source.htmlComments(), comment -> comment.range().start(), shift, fromStart, beforeStart);
        slice(links, source.links(), link -> link.range().start(), shift, fromStart, beforeStart);
        slice(headings, source.headings(), heading -> heading.block().start(), shift, fromStart, beforeStart);
    }

    private static <T> void slice(SplicedList.Builder<T> into, List<T> items, ToIntFunction<T> start, int shift,
            int fromStart, int beforeStart) {
        into.add(items, SplicedList.firstAtOrAfter(items, start, fromStart), SplicedList.firstAtOrAfter(items, start, beforeStart), shift);
    }

    /**
     * The tree, its lists spliced from the pieces' lists: what an incremental reparse keeps of the old
     * tree is not copied, and its masked text is a view of the text through the opaque ranges.
     */
    SyntaxTree build() {
        List<TextRange> opaqueRanges = opaque.build();
        return new SyntaxTree(text, frontMatter, blocks.build(), opaqueRanges, MaskedText.over(text, opaqueRanges), comments.build(),
                links.build(), headings.build(), false);
    }

    /**
     * The tree, its lists copied flat: for a tree joined from many chunks, read far more often than it
     * is built; its masked text made by {@code masked} from its opaque ranges.
     */
    SyntaxTree buildFlat(java.util.function.Function<List<TextRange>, MaskedText> masked) {
        List<TextRange> opaqueRanges = opaque.buildFlat();
        return new SyntaxTree(text, frontMatter, blocks.buildFlat(), opaqueRanges, masked.apply(opaqueRanges), comments.buildFlat(),
                links.buildFlat(), headings.buildFlat(), false);
    }
}
