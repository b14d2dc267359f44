package org.logbookls.syntax;

import java.util.List;
import java.util.Optional;
import org.logbookls.text.LineIndex;
import org.logbookls.text.Text;
import org.logbookls.text.TextChange;
import org.logbookls.text.TextRange;

/**
 * Reparses only the part of a document an edit can affect, and reuses the old tree for the rest.
 *
 * <p>A line that starts a top-level block (at depth 0: an ATX heading, a paragraph, a setext
 * heading or a list item) is a point where the parser's state is known: no container, fence, HTML
 * block or table stays open across it, and nothing after it changes how the lines before it are
 * read. So the text between the last such line the edit does not touch and the first one after the
 * edit is parsed on its own, together with that closing line; if the closing line starts the same
 * kind of top-level block again ({@link ParallelParser#sameStart}), the rest of the old tree is
 * still right, shifted by the edit's length. If it does not (the edit opened a fence or an HTML
 * comment that swallows it), later ones are tried, then the end of the document. A long list or a
 * logbook of date lines has no heading but its first: its items and paragraphs are the anchors
 * that keep an edit's reparse to the item or paragraph it touches. Link reference
 * definitions ({@code [label]: url}) tie the whole document together, and an unclosed {@code ---}
 * at the top becomes front matter when any later line closes it: in those cases the document is
 * parsed whole. The result always equals {@link MarkdownParser#parse} of the new text;
 * {@code IncrementalAnalysisTest} checks this on thousands of random edits to real logbooks.
 */
public final class IncrementalParser {
    /**
     * How many anchors past the last try each further try reaches (16, then 256, then 4,096), before
     * giving up and parsing to the end: an edit that opens an HTML block or a comment swallows the
     * next few paragraphs, one that opens a fence often all that follows.
     */
    private static final int FURTHER = 16;
    private static final int TRIES = 4;

    private IncrementalParser() {
    }

    /**
     * What a reparse produced: the new tree, and, unless the whole text was parsed, the region of the
     * new text that was parsed again. Before {@code from} the new tree is the old one; from {@code to}
     * on it is the old one moved by {@code delta}.
     */
    public record Result(SyntaxTree tree, Optional<Region> region) {
    }

    /**
     * The part of the new text an incremental parse read again ({@code [from, to)}), and how far the
     * rest moved. Both ends are line starts (or the text's end), so whatever is read line by line
     * can be read again for the region alone.
     */
    public record Region(int from, int to, int delta) {
    }

    /**
     * The tree of {@code newText}, which is {@code old}'s text with {@code change} applied, and which
     * region was parsed again, so that the logbook model can reuse the rest too.
     */
    public static Result reparse(SyntaxTree old, TextChange change, Text newText) {
        if (old.referenceDefinitions() || change.replaced().end() > old.text().length()
                || old.text().length() + change.delta() != newText.length()
                || !frontMatterRange(old.frontMatter()).equals(frontMatterRange(MarkdownParser.FrontMatterReader.read(newText)))) {
            // An unclosed "---" at the top becomes front matter when a later line closes it, however far down.
            return whole(newText);
        }
        int first = lastAnchorBefore(old, change.replaced().start());
        int from = first < 0 ? 0 : lineStart(old.text(), old.blocks().get(first).range().start());
        int anchorBlock = firstAnchorAfter(old, change.replaced().end());
        int further = FURTHER;
        for (int attempt = 0; anchorBlock >= 0 && attempt < TRIES; attempt++) {
            Optional<SyntaxTree> spliced = splice(old, change, newText, from, anchorBlock);
            if (spliced.isPresent()) {
                int to = lineStart(newText, old.blocks().get(anchorBlock).range().start() + change.delta());
                return new Result(spliced.get(), Optional.of(new Region(from, to, change.delta())));
            }
            anchorBlock = anchorAfter(old, anchorBlock, further);
            further *= FURTHER;
        }
        return tail(old, newText, from, change.delta());
    }

    private static Result whole(Text newText) {
        return new Result(MarkdownParser.parse(newText), Optional.empty());
    }

    // Anchors are looked for from the edit outwards, block by block: collecting every anchor of the
    // document first read every block, and the blocks behind an earlier edit are moved as they are read.

    /**
     * Whether a parse may start afresh at {@code block}'s line: a top-level heading, paragraph or list
     * item starting its line. Not a table: its header row may have been a paragraph's last line until
     * the delimiter row below it was read, and the edit may be in that row. Not a line a text's top
     * would read differently: {@code +++} (a paragraph) opens front matter there when a later line
     * closes it, and a byte order mark there is no character.
     */
    private static boolean isStartAnchor(SyntaxTree tree, Block block) {
        return block.depth() == 0 && switch (block.kind()) {
            case ATX_HEADING, SETEXT_HEADING, PARAGRAPH, LIST_ITEM -> true;
            default -> false;
        } && onlySpacesBefore(tree.text(), block.start()) && !readsOtherwiseAtTheTop(tree.text(), lineStart(tree.text(), block.start()));
    }

    private static boolean readsOtherwiseAtTheTop(Text text, int lineStart) {
        return text.startsWith("\uFEFF", lineStart) || text.startsWith("---", lineStart) || text.startsWith("+++", lineStart);
    }

    /** Whether a reparse may end at {@code block}'s line, if the line starts the same there ({@link ParallelParser#sameStart}). */
    private static boolean isEndAnchor(SyntaxTree tree, Block block) {
        return block.depth() == 0 && switch (block.kind()) {
            case ATX_HEADING, SETEXT_HEADING, PARAGRAPH, LIST_ITEM, TABLE -> true;
            default -> false;
        } && onlySpacesBefore(tree.text(), block.start());
    }

    /** The block index of the last anchor whose whole line, terminator included, lies before {@code offset}; -1 when none. */
    private static int lastAnchorBefore(SyntaxTree old, int offset) {
        List<Block> blocks = old.blocks();
        // A block starting at or after the offset has no line before it.
        for (int i = old.firstBlockFrom(offset) - 1; i >= 0; i--) {
            Block block = blocks.get(i);
            if (!isStartAnchor(old, block)) {
                continue;
            }
            int start = block.start();
            int next = nextLineStart(old.text(), start);
            boolean terminated = next > LineIndex.endOfLine(old.text(), start, old.text().length());
            if (next <= offset && terminated) {
                return i;
            }
        }
        return -1;
    }

    /** The block index of the first anchor whose line starts after {@code offset} with the preceding line break untouched; -1 when none. */
    private static int firstAnchorAfter(SyntaxTree old, int offset) {
        List<Block> blocks = old.blocks();
        for (int i = old.firstBlockFrom(offset + 1); i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (isEndAnchor(old, block) && lineStart(old.text(), block.start()) > offset) {
                return i;
            }
        }
        return -1;
    }

    /** The block index of the {@code count}-th anchor after the block {@code anchorBlock}; -1 when there are fewer. */
    private static int anchorAfter(SyntaxTree old, int anchorBlock, int count) {
        List<Block> blocks = old.blocks();
        int seen = 0;
        for (int i = anchorBlock + 1; i < blocks.size(); i++) {
            if (isEndAnchor(old, blocks.get(i)) && ++seen == count) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Parses {@code newText} from {@code from} through the line of the old block {@code anchorBlock}
     * (moved by the edit), and splices the result between the old tree's head and tail when that
     * line still starts the same top-level block.
     */
    private static Optional<SyntaxTree> splice(SyntaxTree old, TextChange change, Text newText, int from, int anchorBlock) {
        Block anchor = old.blocks().get(anchorBlock);
        int delta = change.delta();
        int anchorStart = anchor.range().start();
        int newAnchor = anchorStart + delta;
        int chunkEnd = nextLineStart(newText, newAnchor);
        SyntaxTree chunk = MarkdownParser.parse(newText.substring(from, chunkEnd));
        if (chunk.referenceDefinitions() || !endsWithAnchor(chunk, anchor, newAnchor - from)) {
            return Optional.empty();
        }
        int seam = newAnchor - from;
        TreeBuilder tree = new TreeBuilder(newText, from == 0 ? chunk.frontMatter() : old.frontMatter());
        tree.head(old, from);
        tree.middle(chunk, from, seam);
        tree.tail(old, anchorStart, delta);
        return Optional.of(tree.build());
    }

    /** Parses {@code newText} from {@code from} to its end, keeping the old tree before {@code from}. */
    private static Result tail(SyntaxTree old, Text newText, int from, int delta) {
        if (from == 0) {
            return whole(newText);
        }
        SyntaxTree chunk = MarkdownParser.parse(newText.substring(from));
        if (chunk.referenceDefinitions()) {
            return whole(newText);
        }
        TreeBuilder tree = new TreeBuilder(newText, old.frontMatter());
        tree.head(old, from);
        tree.middle(chunk, from, chunk.text().length() + 1);
        return new Result(tree.build(), Optional.of(new Region(from, newText.length(), delta)));
    }

    /** Whether the chunk's last top-level block starts at {@code expectedStart} as {@code anchor} does in the old tree. */
    private static boolean endsWithAnchor(SyntaxTree chunk, Block anchor, int expectedStart) {
        Block last = ParallelParser.lastStartingAt(chunk, expectedStart);
        return last != null && ParallelParser.sameStart(last, anchor);
    }

    private static Optional<TextRange> frontMatterRange(Optional<FrontMatter> frontMatter) {
        return frontMatter.map(FrontMatter::range);
    }

    private static boolean onlySpacesBefore(Text text, int offset) {
        int start = lineStart(text, offset);
        for (int i = start; i < offset; i++) {
            if (text.charAt(i) != ' ') {
                return false;
            }
        }
        return offset - start <= 3;
    }

    private static int lineStart(Text text, int offset) {
        int i = Math.min(offset, text.length());
        while (i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
            i--;
        }
        return i;
    }

    /** The start of the line after the one holding {@code offset} (the text's length on the last line). */
    static int nextLineStart(CharSequence text, int offset) {
        int end = LineIndex.endOfLine(text, offset, text.length());
        if (end < text.length() && text.charAt(end) == '\r') {
            end++;
        }
        if (end < text.length() && text.charAt(end) == '\n') {
            end++;
        }
        return end;
    }
}
