package org.logbookls.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.logbookls.text.Text;

/**
 * Parses a long document in chunks on several cores and joins them into the tree a sequential
 * parse gives.
 *
 * <p>The chunks are cut at lines that read as a top-level ATX heading ({@code ## ...} with at most
 * three spaces before it), where, as {@link IncrementalParser} relies on too, no block stays open;
 * as the first line of a paragraph after a blank line; or as a top-level list item (a logbook of
 * date lines, bold dates or setext headings has no ATX heading, nor has a hostile document of short
 * paragraphs or one long list). Each chunk except the last is parsed together with the next chunk's
 * first line, and the cut is kept only if that line came out as the start of a top-level block
 * there and at the start of the next chunk alike (a fence or an HTML block left open swallows it);
 * if it did not, the two chunks are parsed again as one. Link reference definitions tie the whole
 * document together, so a chunk that holds one makes the caller parse the whole document in one
 * piece. {@code ParallelParserTest} checks the joined tree against the sequential one.
 */
final class ParallelParser {
    /** Below this many characters a text is parsed in one piece: the cutting and joining would not pay. */
    static final int MIN_CHARS = 128 * 1024;
    /**
     * About how long a chunk is. Short chunks matter even on one core: commonmark's node tree of a
     * whole 2 MB document outlives many young collections and is copied by each, while a chunk's
     * tree is lowered and dropped at once.
     */
    static final int CHUNK_CHARS = 64 * 1024;

    private ParallelParser() {
    }

    /**
     * The tree of {@code text} parsed in up to {@code chunks} pieces at once, or empty when a link
     * reference definition ties the pieces together.
     */
    static Optional<SyntaxTree> parse(String text, int chunks) {
        return join(text, chunks).map(Joined::tree);
    }

    /** The joined tree and how many of its cuts held; the count is for tests. */
    record Joined(SyntaxTree tree, int keptCuts) {
    }

    /** {@link #parse}, counting the cuts that held. */
    static Optional<Joined> join(String text, int chunks) {
        Optional<FrontMatter> frontMatter = MarkdownParser.FrontMatterReader.read(text);
        int firstCut = frontMatter.map(fm -> IncrementalParser.nextLineStart(text, fm.range().end())).orElse(0);
        List<Integer> cuts = cuts(text, firstCut, chunks);
        if (cuts.isEmpty()) {
            return Optional.empty();
        }
        // Piece i runs from starts[i] through the line of the next cut (the last piece to the end).
        int[] starts = new int[cuts.size() + 1];
        for (int i = 0; i < cuts.size(); i++) {
            starts[i + 1] = cuts.get(i);
        }
        List<SyntaxTree> pieces = IntStream.range(0, starts.length).parallel()
                .mapToObj(i -> MarkdownParser.parseChunk(text, starts[i],
                        i + 1 < starts.length ? IncrementalParser.nextLineStart(text, starts[i + 1]) : text.length()))
                .toList();
        if (!pieces.get(0).frontMatter().equals(frontMatter) || pieces.stream().anyMatch(SyntaxTree::referenceDefinitions)) {
            return Optional.empty();
        }
        TreeBuilder tree = new TreeBuilder(Text.of(text), frontMatter);
        SyntaxTree current = pieces.get(0);
        int currentStart = 0;
        boolean merged = false;
        int kept = 0;
        for (int i = 1; i < pieces.size(); i++) {
            int seam = starts[i];
            if (sameSeam(current, seam, pieces.get(i))) {
                tree.middle(current, 0, seam);
                current = pieces.get(i);
                currentStart = starts[i];
                merged = false;
                kept++;
                continue;
            }
            // The cut fell inside something left open: this piece and the next are read as one. Twice
            // in a row (an unclosed fence at the top) and the rest is read as one, so the work stays linear.
            boolean toTheEnd = merged || i + 1 == starts.length;
            int end = toTheEnd ? text.length() : IncrementalParser.nextLineStart(text, starts[i + 1]);
            current = MarkdownParser.parseChunk(text, currentStart, end);
            if (current.referenceDefinitions() || !current.frontMatter().equals(currentStart == 0 ? frontMatter : Optional.empty())) {
                return Optional.empty();
            }
            if (toTheEnd) {
                break;
            }
            merged = true;
        }
        tree.middle(current, 0, Integer.MAX_VALUE);
        return Optional.of(new Joined(tree.buildFlat(opaque -> MaskedText.written(MarkdownParser.blank(text, opaque))), kept));
    }

    /**
     * Up to {@code chunks - 1} cuts, in order, each at the start of an ATX heading line, of a
     * paragraph's first line after a blank one or of a top-level list item, near an equal share of
     * the text. Lines inside what looks like a fence or a multi-line HTML comment are passed over
     * ("# install" in a shell snippet is no heading); the look is a guess, which the parse checks.
     */
    private static List<Integer> cuts(String text, int from, int chunks) {
        List<Integer> cuts = new ArrayList<>();
        int share = 1;
        int ideal = (int) ((long) text.length() * share / chunks);
        char fence = 0;
        int fenceLength = 0;
        boolean comment = false;
        int closer = Integer.MIN_VALUE;
        boolean blankBefore = false;
        int line = from;
        while (line < text.length() && share < chunks) {
            int indent = 0;
            while (line + indent < text.length() && indent < 4 && text.charAt(line + indent) == ' ') {
                indent++;
            }
            int at = line + indent;
            // Only "\n" ends a line here (a vectorised search; a lone "\r" ends lines too rarely to matter for a guess).
            int newline = text.indexOf('\n', line);
            int next = newline < 0 ? text.length() : newline + 1;
            boolean blank = isBlank(text, at, next);
            if (fence != 0) {
                if (indent < 4 && run(text, at, fence) >= fenceLength && text.substring(at + run(text, at, fence), next).isBlank()) {
                    fence = 0;
                }
            } else if (comment) {
                closer = closerFrom(text, line, closer);
                comment = closer < 0 || closer >= next;
            } else if (indent < 4 && (run(text, at, '`') >= 3 || run(text, at, '~') >= 3)) {
                fence = text.charAt(at);
                fenceLength = run(text, at, fence);
            } else if (indent < 4 && text.startsWith("<!--", at)) {
                closer = closerFrom(text, at + 4, closer);
                comment = closer < 0 || closer >= next;
            } else if (line >= ideal && line > 0 && (looksLikeHeading(text, line) || blankBefore && startsParagraph(text, line)
                    || startsListItem(text, line, next))) {
                cuts.add(line);
                while (share < chunks && ideal <= line) {
                    share++;
                    ideal = (int) ((long) text.length() * share / chunks);
                }
            }
            blankBefore = blank;
            if (next <= line) {
                break;
            }
            line = next;
        }
        return cuts;
    }

    /**
     * The first {@code -->} at or after {@code from}, given the one found last ({@code known}): searched
     * again only once passed, so that 100,000 unclosed openers cost one scan, not one each.
     */
    private static int closerFrom(String text, int from, int known) {
        if (known == -1 || known >= from) {
            return known;
        }
        return text.indexOf("-->", from);
    }

    private static int run(String text, int from, char c) {
        int i = from;
        while (i < text.length() && text.charAt(i) == c) {
            i++;
        }
        return i - from;
    }

    /** Nothing but spaces, tabs and a carriage return from {@code from} to {@code next}, the next line's start. */
    private static boolean isBlank(String text, int from, int next) {
        for (int i = from; i < next; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    /**
     * A line that, after a blank one, looks like it starts a paragraph: unindented, and not the
     * start of a heading, block quote, list, thematic break or HTML block (a digit only when it does
     * not number a list item, {@code *} only as {@code **} before a word; fences are looked for
     * before). Logbooks whose entries are date lines, bold dates or setext headings have no ATX
     * heading to cut at, and a hostile document of short paragraphs was parsed whole on one core,
     * its commonmark tree filling the heap.
     */
    private static boolean startsParagraph(String text, int line) {
        char c = text.charAt(line);
        switch (c) {
            case ' ', '\t', '\r', '\n', '#', '>', '-', '+', '_', '<' -> {
                return false;
            }
            case '*' -> {
                return text.startsWith("**", line) && line + 2 < text.length() && !Character.isWhitespace(text.charAt(line + 2))
                        && text.charAt(line + 2) != '*';
            }
            default -> {
                if (c < '0' || c > '9') {
                    return true;
                }
                int i = line;
                while (i < text.length() && i - line < 10 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                return i == text.length() || text.charAt(i) != '.' && text.charAt(i) != ')';
            }
        }
    }

    /**
     * An unindented list item's marker ({@code -}, {@code +}, {@code *}, or up to nine digits and
     * {@code .} or {@code )}) and a space, on a line that is not a thematic break: a list of 290,000
     * items is one block of commonmark's, with no other place to cut it.
     */
    private static boolean startsListItem(String text, int line, int next) {
        char c = text.charAt(line);
        int i = line;
        if (c == '-' || c == '+' || c == '*') {
            i++;
            boolean breakLike = true;
            for (int j = line; j < next && breakLike; j++) {
                char d = text.charAt(j);
                breakLike = d == c || d == ' ' || d == '\t' || d == '\r' || d == '\n';
            }
            if (breakLike) {
                return false;
            }
        } else {
            while (i < text.length() && i - line < 9 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
            if (i == line || i >= text.length() || text.charAt(i) != '.' && text.charAt(i) != ')') {
                return false;
            }
            i++;
        }
        return i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t');
    }

    /** Up to three spaces, one to six {@code #}, then a space, a tab or the line's end. */
    static boolean looksLikeHeading(String text, int line) {
        int i = line;
        while (i < text.length() && i - line < 3 && text.charAt(i) == ' ') {
            i++;
        }
        int hashes = 0;
        while (i < text.length() && text.charAt(i) == '#') {
            i++;
            hashes++;
        }
        if (hashes < 1 || hashes > 6) {
            return false;
        }
        return i == text.length() || text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\n' || text.charAt(i) == '\r';
    }

    /**
     * The block at {@code seam} of {@code before} and the first block of {@code after} start there
     * alike, at the top level, with nothing open before them ({@link #sameStart}).
     */
    private static boolean sameSeam(SyntaxTree before, int seam, SyntaxTree after) {
        Block last = lastStartingAt(before, seam);
        return last != null && !after.blocks().isEmpty() && after.blocks().get(0).start() == seam
                && sameStart(last, after.blocks().get(0));
    }

    /**
     * The outermost block that starts at {@code offset} among the last blocks of {@code tree}, which
     * a parse ending with that offset's line found there; null when none does.
     */
    static Block lastStartingAt(SyntaxTree tree, int offset) {
        Block outermost = null;
        for (int i = tree.blocks().size() - 1; i >= 0; i--) {
            Block block = tree.blocks().get(i);
            if (block.start() < offset) {
                break;
            }
            if (block.start() == offset) {
                outermost = block;
            }
        }
        return outermost;
    }

    /**
     * Whether {@code reread}, the block a parse that ends with its first line found there, starts at
     * the top level what {@code known}, the block the same line starts in a parse that read on, does:
     * the same ATX heading, or a paragraph or a list item (in {@code reread} it holds only the one
     * line; what the next lines make of it, a longer paragraph, a setext heading, a table or an item
     * that goes on, {@code known} says). A top-level block starting a line means nothing was left
     * open before it, so everything from that line on reads alike wherever the parse began. Before a
     * top-level list item the list itself is open, but the tree holds no block for a list, only its
     * items, and an item reads the same in a list of its own.
     */
    static boolean sameStart(Block reread, Block known) {
        if (reread.depth() != 0 || known.depth() != 0) {
            return false;
        }
        return switch (reread.kind()) {
            // The next line may make the paragraph a setext heading or a table's header: the known block says which.
            case PARAGRAPH -> known.kind() == BlockKind.PARAGRAPH || known.kind() == BlockKind.SETEXT_HEADING || known.kind() == BlockKind.TABLE;
            case LIST_ITEM -> known.kind() == BlockKind.LIST_ITEM;
            case ATX_HEADING -> known.kind() == BlockKind.ATX_HEADING && known.level() == reread.level()
                    && known.range().length() == reread.range().length();
            default -> false;
        };
    }
}
