package org.logbookls.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.gfm.tables.internal.TableBlockParser;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;
import org.commonmark.parser.block.BlockParserFactory;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;
import org.logbookls.syntax.FrontMatter.FrontMatterValue;
import org.logbookls.syntax.SyntaxTree.HtmlComment;
import org.logbookls.text.Text;
import org.logbookls.text.TextRange;

/**
 * Parses Markdown text into a {@link SyntaxTree}.
 *
 * <p>The only class that sees commonmark nodes. Parsing never fails: any text gives a tree.
 * Front matter is blanked out (same length, line breaks kept) before commonmark sees the text, so
 * that its {@code ---} lines are not read as thematic breaks or setext underlines and every offset
 * stays valid.
 */
public final class MarkdownParser {
    /**
     * Paragraphs and headings longer than this are taken as plain text: commonmark-java's inline
     * parser is quadratic on a long run of links and emphasis (one 5 MB line took minutes; 50
     * paragraphs of 99,000 characters, under the 100,000 this was, 49 s; 80,000 characters of links
     * 0.67 s, 10,000 13 ms), and no logbook writes a paragraph this long (the longest in
     * {@code ../shared/logbooks} is 6,000 characters, a list). Such text has no links or code spans.
     */
    static final int MAX_INLINE_CHARS = 10_000;
    private static final Parser PARSER = parser(true, false);
    /** The parser for a text without "]:", which no link reference definition can be in. */
    private static final Parser PARSER_WITHOUT_DEFINITIONS = parser(true, true);
    /** The parser without the plain-inline shortcut and with the tables extension as it comes, which {@code MarkdownParserTest} compares against. */
    private static final Parser EVERY_INLINE = parser(false, false);

    private static Parser parser(boolean skipPlainInlines, boolean noDefinitions) {
        Parser.Builder builder = skipPlainInlines
                // GFM tables (what TablesExtension.create() adds to a parser), asked only about lines that can be a delimiter row.
                ? Parser.builder().customBlockParserFactory(new DelimiterRowsOnly(new TableBlockParser.Factory(TablesExtension.DEFAULT_MAX_CELLS)))
                : Parser.builder().extensions(List.of(TablesExtension.create()));
        return builder
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
                .inlineParserFactory(context -> new ShortcutInlines(new org.commonmark.internal.InlineParserImpl(context), skipPlainInlines,
                        noDefinitions))
                .build();
    }

    private MarkdownParser() {
    }

    /**
     * commonmark's inline parser, asked only about the blocks whose inlines the lowering reads and
     * cannot read more cheaply: a block over {@link #MAX_INLINE_CHARS} or one that holds nothing the
     * lowering keeps ({@link #plain}) is plain text, and, without reference definitions, a paragraph
     * or table cell written simply is read by {@link SimpleInlines} (commonmark's parser made 2.8 GB
     * of a 5 MB list of links). {@code shortcuts} off gives commonmark's parse of every inline.
     */
    private record ShortcutInlines(org.commonmark.parser.InlineParser inlines, boolean shortcuts, boolean noDefinitions)
            implements org.commonmark.parser.InlineParser {
        @Override
        public void parse(SourceLines lines, Node block) {
            if (length(lines) > MAX_INLINE_CHARS || shortcuts && plain(lines, block, noDefinitions)) {
                plainText(lines, block);
            } else if (!(shortcuts && noDefinitions && (block instanceof Paragraph || block instanceof TableCell)
                    && SimpleInlines.parse(lines, block))) {
                inlines.parse(lines, block);
            }
        }

        private static void plainText(SourceLines lines, Node block) {
            if (block instanceof Paragraph) {
                // The lowering reads a paragraph's inlines only for links, code and HTML, which this one is
                // not parsed for: its content is not joined into a string at all.
                return;
            }
            // A heading's rendered text, and its content's range, are read from this one inline.
            org.commonmark.node.Text plain = new org.commonmark.node.Text(lines.getContent());
            plain.setSourceSpans(lines.getSourceSpans());
            block.appendChild(plain);
        }
    }

    /**
     * The table factory, called only for a line that can be a table's delimiter row: nothing but
     * dashes, colons, pipes, spaces and tabs after the indent (what its separator reading accepts).
     * Asked about every line, it made two objects each time before looking at the line (a tenth of
     * all a parse allocated), and most lines hold a letter.
     */
    private record DelimiterRowsOnly(BlockParserFactory tables) implements BlockParserFactory {
        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            CharSequence line = state.getLine().getContent();
            for (int i = state.getIndex(); i < line.length(); i++) {
                char c = line.charAt(i);
                if (c != '-' && c != '|' && c != ':' && c != ' ' && c != '\t') {
                    return BlockStart.none();
                }
            }
            return tables.tryStart(state, matched);
        }
    }

    /**
     * True when the inline parser would give the block's {@code lines} nothing the lowering keeps,
     * so it can skip them: most of a logbook's paragraphs and headings, and two thirds of what
     * parsing a long one allocated. The lowering keeps code spans, inline HTML and autolinks (a backtick or a
     * {@code <}), links and images (a {@code [}; without reference definitions, only a {@code ](}
     * makes one) and, of a heading, its text as rendered: the same as written unless it holds
     * emphasis, an escape, an entity or (a setext heading) a line break.
     */
    private static boolean plain(SourceLines lines, Node block, boolean noDefinitions) {
        boolean heading = block instanceof Heading;
        if (!heading && !(block instanceof Paragraph) || heading && lines.getLines().size() > 1) {
            // A setext heading of several lines renders a line break.
            return false;
        }
        // Read line by line, as commonmark holds the content: joined into one string, only to be looked
        // at, it was a copy of every paragraph. The lines are joined with line breaks, so no "](" spans two.
        boolean bracket = false;
        boolean destination = false;
        for (SourceLine line : lines.getLines()) {
            // The JDK's searches rather than a loop of our own: a fresh JVM has them compiled early (the JDK uses them everywhere).
            String content = line.getContent().toString();
            if (content.indexOf('`') >= 0 || content.indexOf('<') >= 0 || heading && (content.indexOf('*') >= 0
                    || content.indexOf('_') >= 0 || content.indexOf('\\') >= 0 || content.indexOf('&') >= 0)) {
                return false;
            }
            bracket |= content.indexOf('[') >= 0;
            destination |= content.contains("](");
        }
        return !(bracket && (!noDefinitions || destination));
    }

    /** The length of {@code lines} joined with line breaks, as {@link SourceLines#getContent()} joins them. */
    private static int length(SourceLines lines) {
        List<SourceLine> all = lines.getLines();
        int length = Math.max(0, all.size() - 1);
        for (SourceLine line : all) {
            length += line.getContent().length();
        }
        return length;
    }

    /** The tree of {@code text}; a long text is parsed in chunks, on every core ({@link ParallelParser}). */
    public static SyntaxTree parse(Text text) {
        return parse(text.toString());
    }

    /** The tree of {@code text}; a long text is parsed in chunks, on every core ({@link ParallelParser}). */
    public static SyntaxTree parse(String text) {
        if (text.length() >= ParallelParser.MIN_CHARS) {
            Optional<SyntaxTree> tree = ParallelParser.parse(text, (text.length() + ParallelParser.CHUNK_CHARS - 1) / ParallelParser.CHUNK_CHARS);
            if (tree.isPresent()) {
                return tree.get();
            }
        }
        return parseInOnePiece(text);
    }

    /** The tree of {@code text}, parsed from start to end on this thread; what {@link #parse} must always equal. */
    public static SyntaxTree parseInOnePiece(String text) {
        return parseInOnePiece(text, text.contains("]:") ? PARSER : PARSER_WITHOUT_DEFINITIONS);
    }

    /** The tree as {@link #parseInOnePiece(String)} gives it, with every paragraph's inlines parsed by commonmark; for tests. */
    public static SyntaxTree parseEveryInline(String text) {
        return parseInOnePiece(text, EVERY_INLINE);
    }

    /**
     * The lines {@code [from, to)} of {@code whole} ({@link ParallelParser}), parsed on their own,
     * as {@link #parseInOnePiece(String)} would parse them, with every position in the tree already
     * {@code whole}'s: moving a chunk's blocks into place made each block twice. The tree's text is
     * {@code whole}, its masked text a view (a chunk's is not read; the joined tree's is written once)
     * and its front matter what the chunk's top holds, as read there.
     */
    /**
     * The lines {@code [from, to)} of {@code whole} parsed on their own, at {@code whole}'s positions,
     * when that is how the whole text parses them; else empty. It is when a heading of the whole
     * text's tree that is written in the first column (so in no list or quote) starts at
     * {@code from}, {@code to} is the text's end or the start of another such heading, and the text
     * holds no link reference definition (one ties the links of every part to it): no block is open
     * across such a line, as {@link IncrementalParser} relies on too. The caller knows where the
     * headings are (a model's entries); this checks how they are written and that the lines start
     * with one. For an entry of a closed document, whose sections were not read.
     */
    public static Optional<SyntaxTree> parseBetweenHeadings(String whole, int from, int to) {
        if (from < 0 || to > whole.length() || from >= to || !headingInFirstColumn(whole, from)
                || to < whole.length() && !headingInFirstColumn(whole, to) || whole.contains("]:")) {
            return Optional.empty();
        }
        SyntaxTree tree = parseChunk(whole, from, to);
        List<Block> blocks = tree.blocks();
        if (blocks.isEmpty() || blocks.get(0).start() != from || blocks.get(0).kind() != BlockKind.ATX_HEADING || blocks.get(0).depth() != 0) {
            return Optional.empty();
        }
        return Optional.of(tree);
    }

    /** Whether a line starts at {@code at} with an ATX heading's marker in its first column. */
    private static boolean headingInFirstColumn(String text, int at) {
        return (at == 0 || text.charAt(at - 1) == '\n' || text.charAt(at - 1) == '\r') && at < text.length() && text.charAt(at) == '#'
                && ParallelParser.looksLikeHeading(text, at);
    }

    static SyntaxTree parseChunk(String whole, int from, int to) {
        String part = from == 0 && to == whole.length() ? whole : whole.substring(from, to);
        return parse(whole, part, from, part.contains("]:") ? PARSER : PARSER_WITHOUT_DEFINITIONS, false);
    }

    private static SyntaxTree parseInOnePiece(String text, Parser parser) {
        return parse(text, text, 0, parser, true);
    }

    /** {@code part} is {@code whole} from {@code from} on; positions are {@code whole}'s. */
    private static SyntaxTree parse(String whole, String part, int from, Parser parser, boolean writeMasked) {
        Optional<FrontMatter> frontMatter = FrontMatterReader.read(part);
        String parserInput = frontMatter.map(fm -> blank(part, List.of(fm.range()))).orElse(part);
        Node document = parser.parse(parserInput);
        Lowering lowering = new Lowering(whole, from, from + part.length());
        frontMatter.ifPresent(fm -> lowering.opaque.add(fm.range().shift(from)));
        document.accept(lowering);
        List<TextRange> opaque = normalise(lowering.opaque);
        MaskedText masked = writeMasked ? MaskedText.written(blank(whole, opaque)) : MaskedText.over(Text.of(whole), opaque);
        return new SyntaxTree(Text.of(whole), frontMatter, lowering.blocks, opaque, masked, lowering.comments, lowering.links,
                lowering.headings, lowering.referenceDefinitions);
    }

    /**
     * Where {@code needle} first lies wholly inside {@code [from, to)} of {@code text}, or -1; no
     * character outside is read. The lowering searches a block so: the JDK's search goes on to the
     * text's end, and a document of many blocks, each holding an unclosed comment opener, took
     * 100,000 searches of the rest of the text (8.8 s for 1.1 MB).
     */
    static int indexOf(CharSequence text, String needle, int from, int to) {
        char first = needle.charAt(0);
        for (int at = Math.max(0, from); at <= to - needle.length(); at++) {
            if (text.charAt(at) == first && startsWith(text, needle, at)) {
                return at;
            }
        }
        return -1;
    }

    private static boolean startsWith(CharSequence text, String prefix, int at) {
        for (int i = 1; i < prefix.length(); i++) {
            if (text.charAt(at + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Replaces every character inside {@code ranges} by a space, keeping line breaks. */
    static String blank(String text, List<TextRange> ranges) {
        if (ranges.isEmpty()) {
            return text;
        }
        // A builder keeps a Latin-1 text at one byte a character, where a char array takes two.
        StringBuilder chars = new StringBuilder(text);
        for (TextRange range : ranges) {
            for (int i = range.start(); i < range.end() && i < chars.length(); i++) {
                char c = chars.charAt(i);
                if (c != '\n' && c != '\r') {
                    chars.setCharAt(i, ' ');
                }
            }
        }
        return chars.toString();
    }

    private static List<TextRange> normalise(List<TextRange> ranges) {
        List<TextRange> sorted = new ArrayList<>(ranges);
        sorted.removeIf(TextRange::isEmpty);
        sorted.sort(null);
        List<TextRange> merged = new ArrayList<>();
        for (TextRange range : sorted) {
            if (!merged.isEmpty() && merged.get(merged.size() - 1).end() >= range.start()) {
                TextRange last = merged.remove(merged.size() - 1);
                merged.add(TextRange.of(last.start(), Math.max(last.end(), range.end())));
            } else {
                merged.add(range);
            }
        }
        return merged;
    }

    /** Walks the commonmark tree once, collecting blocks, opaque ranges and comments. */
    private static final class Lowering extends AbstractVisitor {
        private final String text;
        private final List<Block> blocks = new ArrayList<>();
        private final List<TextRange> opaque = new ArrayList<>();
        private final List<HtmlComment> comments = new ArrayList<>();
        private final List<SyntaxTree.Link> links = new ArrayList<>();
        private final List<SyntaxTree.Heading> headings = new ArrayList<>();
        private boolean referenceDefinitions;
        private int depth;

        /** commonmark's offsets are {@code part}'s; this many characters of the whole text come before it. */
        private final int shift;
        /** Where the part ends in the whole text. */
        private final int limit;

        Lowering(String text, int shift, int limit) {
            this.text = text;
            this.shift = shift;
            this.limit = limit;
        }

        @Override
        public void visit(Heading heading) {
            TextRange range = range(heading);
            boolean atx = firstNonSpace(range) == '#';
            TextRange content = childrenRange(heading).orElseGet(() -> atx ? TextRange.empty(range.end()) : range);
            if (!atx) {
                // A setext heading's text is every line but the underline.
                content = TextRange.of(range.start(), Math.max(range.start(), content.end()));
            }
            Block block = new Block(atx ? BlockKind.ATX_HEADING : BlockKind.SETEXT_HEADING, range, content, heading.getLevel(), depth);
            blocks.add(block);
            StringBuilder plain = new StringBuilder();
            plainText(heading, plain);
            headings.add(new SyntaxTree.Heading(block, plain.toString().strip()));
            visitChildren(heading);
        }

        @Override
        public void visit(Paragraph paragraph) {
            TextRange range = range(paragraph);
            blocks.add(new Block(BlockKind.PARAGRAPH, range, range, 0, depth));
            visitChildren(paragraph);
        }

        @Override
        public void visit(ListItem item) {
            TextRange range = range(item);
            Node first = item.getFirstChild();
            TextRange content = first == null ? TextRange.empty(range.end()) : range(first);
            blocks.add(new Block(BlockKind.LIST_ITEM, range, content, 0, depth));
            depth++;
            visitChildren(item);
            depth--;
        }

        @Override
        public void visit(BlockQuote quote) {
            TextRange range = range(quote);
            blocks.add(new Block(BlockKind.BLOCK_QUOTE, range, range, 0, depth));
            depth++;
            visitChildren(quote);
            depth--;
        }

        @Override
        public void visit(FencedCodeBlock code) {
            TextRange range = range(code);
            blocks.add(new Block(BlockKind.FENCED_CODE, range, range, 0, depth));
            opaque.add(range);
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            TextRange range = range(code);
            blocks.add(new Block(BlockKind.INDENTED_CODE, range, range, 0, depth));
            opaque.add(range);
        }

        @Override
        public void visit(HtmlBlock html) {
            TextRange range = range(html);
            blocks.add(new Block(BlockKind.HTML, range, range, 0, depth));
            opaque.add(range);
            collectComments(range);
        }

        @Override
        public void visit(ThematicBreak thematicBreak) {
            TextRange range = range(thematicBreak);
            blocks.add(new Block(BlockKind.THEMATIC_BREAK, range, range, 0, depth));
        }

        @Override
        public void visit(CustomBlock block) {
            if (block instanceof TableBlock) {
                TextRange range = range(block);
                blocks.add(new Block(BlockKind.TABLE, range, range, 0, depth));
            }
            visitChildren(block);
        }

        @Override
        public void visit(LinkReferenceDefinition definition) {
            referenceDefinitions = true;
            opaque.add(range(definition));
        }

        @Override
        public void visit(Code code) {
            opaque.add(range(code));
        }

        @Override
        public void visit(HtmlInline html) {
            TextRange range = range(html);
            opaque.add(range);
            collectComments(range);
        }

        @Override
        public void visit(Link link) {
            maskDestination(link, link.getDestination(), false);
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            maskDestination(image, image.getDestination(), true);
            visitChildren(image);
        }

        private void maskDestination(Node link, String destination, boolean image) {
            TextRange range = range(link);
            if (range.isEmpty()) {
                return;
            }
            if (text.charAt(range.start()) == '<') {
                // An autolink: the whole thing is a destination.
                opaque.add(range);
                links.add(new SyntaxTree.Link(range, TextRange.of(range.start() + 1, Math.max(range.start() + 1, range.end() - 1)),
                        destination == null ? "" : destination, image));
                return;
            }
            int textEnd = childrenRange(link).map(TextRange::end).orElse(range.start());
            int closing = indexOf("]", textEnd, range.end());
            if (closing >= 0 && closing < range.end()) {
                opaque.add(TextRange.of(closing + 1, range.end()));
                links.add(new SyntaxTree.Link(range, destinationRange(closing + 1, range.end()), destination == null ? "" : destination, image));
            }
        }

        /** The destination inside "(dest "title")" after a link's text; empty for reference links. */
        private TextRange destinationRange(int from, int end) {
            if (from >= end || text.charAt(from) != '(') {
                return TextRange.empty(from);
            }
            int start = from + 1;
            while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t' || text.charAt(start) == '\n')) {
                start++;
            }
            if (start < end && text.charAt(start) == '<') {
                int close = indexOf(">", start, Math.min(text.length(), end + 1));
                return close < 0 || close > end ? TextRange.empty(start) : TextRange.of(start + 1, close);
            }
            int depthOfParens = 0;
            int stop = start;
            while (stop < end) {
                char c = text.charAt(stop);
                if (Character.isWhitespace(c) || c == ')' && depthOfParens == 0) {
                    break;
                }
                if (c == '(') {
                    depthOfParens++;
                } else if (c == ')') {
                    depthOfParens--;
                } else if (c == '\\') {
                    stop++;
                }
                stop++;
            }
            return TextRange.of(start, Math.min(stop, end));
        }

        private static void plainText(Node node, StringBuilder out) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof org.commonmark.node.Text literal) {
                    out.append(literal.getLiteral());
                } else if (child instanceof Code code) {
                    out.append(code.getLiteral());
                } else if (child instanceof org.commonmark.node.SoftLineBreak || child instanceof org.commonmark.node.HardLineBreak) {
                    out.append(' ');
                } else {
                    plainText(child, out);
                }
            }
        }

        private void collectComments(TextRange range) {
            int from = range.start();
            while (from < range.end()) {
                int open = indexOf("<!--", from, range.end());
                if (open < 0) {
                    return;
                }
                int close = indexOf("-->", open + 4, range.end());
                int innerEnd = close < 0 || close + 3 > range.end() ? range.end() : close;
                comments.add(new HtmlComment(TextRange.of(open, close < 0 ? range.end() : Math.min(range.end(), close + 3)),
                        TextRange.of(open + 4, Math.max(open + 4, innerEnd))));
                from = close < 0 ? range.end() : close + 3;
            }
        }

        private int indexOf(String needle, int from, int to) {
            return MarkdownParser.indexOf(text, needle, from, to);
        }

        private char firstNonSpace(TextRange range) {
            for (int i = range.start(); i < range.end(); i++) {
                char c = text.charAt(i);
                if (c != ' ' && c != '\t') {
                    return c;
                }
            }
            return 0;
        }

        private Optional<TextRange> childrenRange(Node node) {
            int start = Integer.MAX_VALUE;
            int end = -1;
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                for (SourceSpan span : child.getSourceSpans()) {
                    start = Math.min(start, shift + span.getInputIndex());
                    end = Math.max(end, shift + span.getInputIndex() + span.getLength());
                }
            }
            return end < 0 ? Optional.empty() : Optional.of(TextRange.of(start, end));
        }

        private TextRange range(Node node) {
            List<SourceSpan> spans = node.getSourceSpans();
            if (spans.isEmpty()) {
                return TextRange.empty(shift);
            }
            SourceSpan first = spans.get(0);
            SourceSpan last = spans.get(spans.size() - 1);
            int start = Math.min(shift + first.getInputIndex(), limit);
            int end = Math.min(shift + last.getInputIndex() + last.getLength(), limit);
            return TextRange.of(start, Math.max(start, end));
        }
    }

    /** Reads front matter delimited by {@code ---} (YAML) or {@code +++} (TOML) lines at the very top. */
    static final class FrontMatterReader {
        private FrontMatterReader() {
        }

        static Optional<FrontMatter> read(String text) {
            return read(Text.of(text));
        }

        static Optional<FrontMatter> read(Text text) {
            int start = text.startsWith("\uFEFF") ? 1 : 0;
            String fence;
            if (text.startsWith("---", start)) {
                fence = "---";
            } else if (text.startsWith("+++", start)) {
                fence = "+++";
            } else {
                return Optional.empty();
            }
            int firstLineEnd = lineEnd(text, start);
            if (!text.substring(start, firstLineEnd).strip().equals(fence)) {
                return Optional.empty();
            }
            int lineStart = nextLine(text, firstLineEnd);
            Map<String, List<FrontMatterValue>> fields = new LinkedHashMap<>();
            String listKey = null;
            while (lineStart < text.length()) {
                int end = lineEnd(text, lineStart);
                String line = text.substring(lineStart, end);
                String stripped = line.strip();
                if (stripped.equals(fence) || (fence.equals("---") && stripped.equals("..."))) {
                    return Optional.of(new FrontMatter(TextRange.of(0, end), fields));
                }
                listKey = readLine(text, lineStart, line, fields, listKey, fence.equals("+++"));
                lineStart = nextLine(text, end);
            }
            // An unclosed block is not front matter: it is an ordinary thematic break and text.
            return Optional.empty();
        }

        private static String readLine(Text text, int lineStart, String line, Map<String, List<FrontMatterValue>> fields,
                String listKey, boolean toml) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                return listKey;
            }
            if (stripped.startsWith("- ") && listKey != null) {
                int at = line.indexOf("- ") + 2;
                addValue(fields, listKey, line, lineStart, at, line.length());
                return listKey;
            }
            int separator = toml ? line.indexOf('=') : line.indexOf(':');
            if (separator <= 0 || Character.isWhitespace(line.charAt(0))) {
                return null;
            }
            String key = line.substring(0, separator).strip().toLowerCase(java.util.Locale.ROOT);
            int valueStart = separator + 1;
            String value = line.substring(valueStart).strip();
            fields.putIfAbsent(key, new ArrayList<>());
            if (value.isEmpty()) {
                return key;
            }
            int valueOffset = line.indexOf(value, valueStart);
            if (value.startsWith("[") && value.endsWith("]")) {
                int itemStart = valueOffset + 1;
                int listEnd = valueOffset + value.length() - 1;
                while (itemStart <= listEnd) {
                    int comma = line.indexOf(',', itemStart);
                    int itemEnd = comma < 0 || comma > listEnd ? listEnd : comma;
                    addValue(fields, key, line, lineStart, itemStart, itemEnd);
                    itemStart = itemEnd + 1;
                }
            } else {
                addValue(fields, key, line, lineStart, valueOffset, valueOffset + value.length());
            }
            return null;
        }

        private static void addValue(Map<String, List<FrontMatterValue>> fields, String key, String line, int lineStart,
                int from, int to) {
            while (from < to && Character.isWhitespace(line.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(line.charAt(to - 1))) {
                to--;
            }
            if (to - from >= 2 && (line.charAt(from) == '"' || line.charAt(from) == '\'') && line.charAt(to - 1) == line.charAt(from)) {
                from++;
                to--;
            }
            if (to <= from) {
                return;
            }
            fields.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new FrontMatterValue(line.substring(from, to), TextRange.of(lineStart + from, lineStart + to)));
        }

        private static int lineEnd(Text text, int from) {
            int i = from;
            while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                i++;
            }
            return i;
        }

        private static int nextLine(Text text, int lineEnd) {
            if (lineEnd < text.length() && text.charAt(lineEnd) == '\r') {
                lineEnd++;
                if (lineEnd < text.length() && text.charAt(lineEnd) == '\n') {
                    lineEnd++;
                }
                return lineEnd;
            }
            return lineEnd < text.length() ? lineEnd + 1 : lineEnd;
        }
    }
}
