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
 * three spaces before it), where, as {@link IncrementalParser} relies on too, no block stays open.
 * Each chunk except the last is parsed together with the next chunk's heading line, and the cut is
 * kept only if that line came out as a top-level heading there and at the start of the next chunk
 * alike (a fence or an HTML block left open swallows it); if it did not, the two chunks are parsed
 * again as one. Link reference definitions tie the whole document together, so a chunk that holds
 * one makes the caller parse the whole document in one piece. {@code ParallelParserTest} checks the
 * joined tree against the sequential one.
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
        for (int i = 1; i < pieces.size(); i++) {
            int seam = starts[i];
            if (sameHeading(current, seam, pieces.get(i))) {
                tree.middle(current, 0, seam);
                current = pieces.get(i);
                currentStart = starts[i];
                merged = false;
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
        return Optional.of(tree.buildFlat(opaque -> MaskedText.written(MarkdownParser.blank(text, opaque))));
    }

    /**
     * Up to {@code chunks - 1} cuts, in order, each at the start of an ATX heading line near an equal
     * share of the text. Lines inside what looks like a fence or a multi-line HTML comment are passed
     * over ("# install" in a shell snippet is no heading); the look is a guess, which the parse checks.
     */
    private static List<Integer> cuts(String text, int from, int chunks) {
        List<Integer> cuts = new ArrayList<>();
        int share = 1;
        int ideal = (int) ((long) text.length() * share / chunks);
        char fence = 0;
        int fenceLength = 0;
        boolean comment = false;
        int closer = Integer.MIN_VALUE;
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
            } else if (line >= ideal && line > 0 && looksLikeHeading(text, line)) {
                cuts.add(line);
                while (share < chunks && ideal <= line) {
                    share++;
                    ideal = (int) ((long) text.length() * share / chunks);
                }
            }
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

    /** Up to three spaces, one to six {@code #}, then a space, a tab or the line's end. */
    private static boolean looksLikeHeading(String text, int line) {
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

    /** The block at {@code seam} of {@code before} and the first block of {@code after} are the same top-level ATX heading. */
    private static boolean sameHeading(SyntaxTree before, int seam, SyntaxTree after) {
        Block last = null;
        for (int i = before.blocks().size() - 1; i >= 0; i--) {
            Block block = before.blocks().get(i);
            if (block.start() < seam) {
                break;
            }
            if (block.start() == seam) {
                last = block;
            }
        }
        if (last == null || after.blocks().isEmpty()) {
            return false;
        }
        Block first = after.blocks().get(0);
        return last.kind() == BlockKind.ATX_HEADING && last.depth() == 0 && first.kind() == BlockKind.ATX_HEADING && first.depth() == 0
                && first.start() == seam && first.level() == last.level() && first.range().length() == last.range().length();
    }
}
