package org.logbookls.syntax;

import java.util.List;
import java.util.Optional;
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
        String text,
        Optional<FrontMatter> frontMatter,
        List<Block> blocks,
        List<TextRange> opaque,
        String maskedText,
        List<HtmlComment> htmlComments,
        List<Link> links,
        java.util.Map<TextRange, String> headingTexts,
        boolean referenceDefinitions) {
    public SyntaxTree {
        blocks = List.copyOf(blocks);
        opaque = List.copyOf(opaque);
        htmlComments = List.copyOf(htmlComments);
        links = List.copyOf(links);
        headingTexts = java.util.Map.copyOf(headingTexts);
    }

    /** The index of the first block starting at or after {@code offset} (blocks are in document order). */
    public int firstBlockFrom(int offset) {
        int low = 0;
        int high = blocks.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (blocks.get(middle).range().start() < offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** A heading's text as rendered (markup and escapes removed), for anchors; keyed by the heading block's range. */
    public String headingText(Block heading) {
        return headingTexts.getOrDefault(heading.range(), "");
    }

    /**
     * An inline link or image: its whole range, the range and text of its destination (empty for
     * reference links, whose destination is defined elsewhere), and its text.
     */
    public record Link(TextRange range, TextRange destinationRange, String destination, boolean image) {
    }

    /** The inner text of one HTML comment and where that inner text sits in the document. */
    public record HtmlComment(TextRange range, TextRange inner) {
    }
}
