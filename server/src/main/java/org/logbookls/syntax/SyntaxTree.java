package org.logbookls.syntax;

import java.util.List;
import java.util.Optional;
import org.logbookls.text.SplicedList;
import org.logbookls.text.Text;
import org.logbookls.text.TextRange;

/**
 * The Markdown structure of one document, lowered from commonmark into plain values.
 *
 * <p>Immutable. {@code opaque} lists, sorted and disjoint, the ranges where no logbook construct
 * may be recognised: code spans, fenced and indented code, HTML blocks and inline HTML (including
 * comments), link and image destinations, autolinks and the front matter. {@code maskedText} is
 * {@code text} with every opaque character that is not a line break replaced by a space, so
 * recognisers can scan it with the same offsets. {@code htmlComments} gives the inner text of each
 * {@code <!-- -->} comment, for templates kept in comments.
 */
public record SyntaxTree(
        Text text,
        Optional<FrontMatter> frontMatter,
        List<Block> blocks,
        List<TextRange> opaque,
        MaskedText maskedText,
        List<HtmlComment> htmlComments,
        List<Link> links,
        List<Heading> headings,
        boolean referenceDefinitions) {
    public SyntaxTree {
        // An incremental reparse gives spliced lists, which are immutable already and which copying would move item by item.
        blocks = SplicedList.frozen(blocks);
        opaque = SplicedList.frozen(opaque);
        htmlComments = SplicedList.frozen(htmlComments);
        links = SplicedList.frozen(links);
        headings = SplicedList.frozen(headings);
    }

    /** The index of the first block starting at or after {@code offset} (blocks are in document order). */
    public int firstBlockFrom(int offset) {
        return SplicedList.firstAtOrAfter(blocks, block -> block.start(), offset);
    }

    /** The index of {@code block}, one of this tree's blocks, among the blocks. */
    public int indexOf(Block block) {
        int index = firstBlockFrom(block.start());
        // Blocks starting at one offset are in document order: a container first, then what it holds.
        while (index < blocks.size() - 1 && !blocks.get(index).equals(block)) {
            index++;
        }
        return index;
    }

    /** The index of the first heading starting at or after {@code offset}. */
    public int firstHeadingFrom(int offset) {
        return SplicedList.firstAtOrAfter(headings, heading -> heading.block().start(), offset);
    }

    /** A heading's text as rendered (markup and escapes removed), for anchors; keyed by the heading block's range. */
    public String headingText(Block heading) {
        int index = firstHeadingFrom(heading.range().start());
        return index < headings.size() && headings.get(index).block().range().equals(heading.range()) ? headings.get(index).text() : "";
    }

    /**
     * An inline link or image: its whole range, the range and text of its destination (empty for
     * reference links, whose destination is defined elsewhere), and its text.
     */
    public record Link(TextRange range, TextRange destinationRange, String destination, boolean image) {
        public Link shift(int delta) {
            return new Link(range.shift(delta), destinationRange.shift(delta), destination, image);
        }
    }

    /** The inner text of one HTML comment and where that inner text sits in the document. */
    public record HtmlComment(TextRange range, TextRange inner) {
        public HtmlComment shift(int delta) {
            return new HtmlComment(range.shift(delta), inner.shift(delta));
        }
    }

    /**
     * A heading block (any depth) and its text as rendered. The tree lists its headings apart from
     * its blocks because what reads headings only (anchors, tag keys, templates) would otherwise read
     * every block of the document after every edit.
     */
    public record Heading(Block block, String text) {
        public Heading shift(int delta) {
            return new Heading(block.shift(delta), text);
        }
    }
}
