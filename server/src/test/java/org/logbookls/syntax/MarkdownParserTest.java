package org.logbookls.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.logbookls.testing.Fixtures;

/**
 * Paragraphs and headings whose inlines hold nothing the tree keeps skip commonmark's inline
 * parser, and the tables extension is asked only about lines that can be a delimiter row; the tree
 * is the one a parse of every inline with the extension as it comes gives, on every real logbook and
 * on random texts of the characters inlines, headings, tables and reference definitions are made of.
 */
class MarkdownParserTest {
    private static final List<String> PIECES = List.of("*", "_", "**", "~", "!", "&amp;", "&", "\\", "\\[", "`", "<", ">", "[", "]", "(",
            ")", "x.md", "http://a.b", "<!-- c -->", "[a](b.md)", "![i](p.png)", "word ", " ", "\n", "\n\n", "# h ", "- ", "> ", "|", ":",
            "\n## 2026-11-20 ", "[e0001]", "[a]", "\n[a]: x.md\n", "[a]:", "\n===\n", "\n---\n", "  ", "\t", " #", "### ", "#",
            "\n| a | b |\n", "|---|:-:|\n", "-|-", " | ");

    @TestFactory
    Stream<DynamicTest> everyRealLogbook() {
        return Fixtures.eachRealLogbook((file, text) -> assertEquals(MarkdownParser.parseEveryInline(text), MarkdownParser.parseInOnePiece(text)));
    }

    /**
     * A paragraph over 10,000 characters is plain text: commonmark's inline parser is quadratic on
     * links and emphasis, and 50 paragraphs of 99,000 characters (under the 100,000 this was) took 49 s.
     */
    @Test
    void aLongParagraphIsNotInlineParsed() {
        String links = "[a](b) *c* _d_ ";
        String shorter = links.repeat(9_999 / links.length());
        String longer = links.repeat(20_000 / links.length());
        assertEquals(shorter.length() / links.length(), MarkdownParser.parseInOnePiece(shorter + "\n").links().size());
        assertEquals(0, MarkdownParser.parseInOnePiece(longer + "\n").links().size());
        assertEquals(0, MarkdownParser.parseInOnePiece("x\n".repeat(6_000) + "`code` [a](b)\n").links().size(),
                "lines of one paragraph count together");
    }

    /** The lowering's search inside a block reads nothing outside it (it read on to the text's end: quadratic). */
    @Test
    void searchesInsideABlockReadNothingOutsideIt() {
        String text = "<div>x\n<!-- a\n\n<p>-->";
        int blockEnd = text.indexOf("\n\n");
        CharSequence fenced = new CharSequence() {
            @Override
            public int length() {
                return text.length();
            }

            @Override
            public char charAt(int index) {
                if (index < 0 || index >= blockEnd) {
                    throw new AssertionError("read at " + index + ", outside [0, " + blockEnd + ")");
                }
                return text.charAt(index);
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                throw new AssertionError("not used");
            }
        };
        assertEquals(7, MarkdownParser.indexOf(fenced, "<!--", 0, blockEnd));
        assertEquals(-1, MarkdownParser.indexOf(fenced, "-->", 11, blockEnd));
        assertEquals(-1, MarkdownParser.indexOf(fenced, "<!--", 8, blockEnd));
        assertEquals(1, MarkdownParser.indexOf(fenced, "d", 0, blockEnd));
        assertEquals(-1, MarkdownParser.indexOf(fenced, "a\n\n", 0, blockEnd), "a needle running past the end is not found");
        // A comment in a block of its own still finds its closer, and one left open runs to the block's end.
        SyntaxTree tree = MarkdownParser.parseInOnePiece("<div><!-- a --></div>\n\n<div><!-- b\n\n<p>-->\n");
        assertEquals(List.of(" a ", " b"), tree.htmlComments().stream().map(c -> c.inner().of(tree.text())).toList());
    }

    @Test
    void randomInlines() {
        Random random = new Random(9);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 5 + random.nextInt(40); i > 0; i--) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            assertEquals(MarkdownParser.parseEveryInline(text.toString()), MarkdownParser.parseInOnePiece(text.toString()), text.toString());
        }
    }

    /** What {@link SimpleInlines} reads, its refusals, and the brackets, parentheses and backticks around them. */
    private static final List<String> LINK_PIECES = List.of("[", "]", "![", "!", "(", ")", "((", "))", "`", "``", "```", "*", "_", "**",
            " ", "  ", "\n", "\n\n", "\t", "\u0001", "\u000B", "\"t\"", "'t'", "(t)", "a", "b.md", "x y", "&", "&amp;", "[a](b)", "![i](p.png)",
            "[a]( b )", "[a]()", "](", ")(", "- ", "> ", "1. ", "# ", "\\", "\\[", "\\]", "\\`", "\\(", "\\)", "\\\\", "\\!", "\\a", "<", "|", " | ", "\n| a | b |\n|---|---|\n", "\n|-|-|\n", "(".repeat(33), ")".repeat(33), "[e0001]");

    /**
     * The paragraphs {@link SimpleInlines} reads give the tree commonmark's inline parser gives, on
     * random texts dense with what it reads; and it does read most of them (else this would test nothing).
     */
    @Test
    void simpleInlinesAreCommonmarks() {
        Random random = new Random(17);
        int read = 0;
        int rounds = 30_000;
        for (int round = 0; round < rounds; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 3 + random.nextInt(30); i > 0; i--) {
                text.append(LINK_PIECES.get(random.nextInt(LINK_PIECES.size())));
            }
            assertEquals(MarkdownParser.parseEveryInline(text.toString()), MarkdownParser.parseInOnePiece(text.toString()), text.toString());
            String line = text.toString().replace('\n', ' ');
            Paragraph paragraph = new Paragraph();
            if (SimpleInlines.parse(SourceLines.of(SourceLine.of(line, SourceSpan.of(0, 0, 0, line.length()))), paragraph)) {
                read++;
            }
        }
        assertTrue(read > rounds / 3, read + " of " + rounds + " read");
    }

    /**
     * commonmark makes no link of a text that nests inlines 100 deep; {@link SimpleInlines} leaves a
     * link whose text could (200 brackets and emphasis characters) to it, and reads long texts of
     * links that cannot.
     */
    @Test
    void deepNestingIsCommonmarks() {
        for (int depth = 95; depth <= 105; depth++) {
            for (String text : List.of("![".repeat(depth) + "x" + "](p)".repeat(depth), "[" + "*".repeat(depth) + "x" + "*".repeat(depth) + "](p)",
                    "[" + "_a ".repeat(depth) + "](p) " + "*b* ".repeat(depth), "[a](b) *c* _d_ ".repeat(depth * 6),
                    "[" + "[a](b) *c* ".repeat(depth) + "](p)")) {
                assertEquals(MarkdownParser.parseEveryInline(text), MarkdownParser.parseInOnePiece(text), text);
            }
        }
        String links = "[a](b) *c* _d_ ".repeat(600);
        assertTrue(SimpleInlines.parse(SourceLines.of(SourceLine.of(links, SourceSpan.of(0, 0, 0, links.length()))), new Paragraph()),
                "a long paragraph of short links is read");
    }

    @Test
    void simpleInlinesRefuseWhatTheyDoNotRead() {
        for (String refused : List.of("[a](b \"title\")", "[a](b&amp;c)", "[a](b\\&amp;c)", "<http://a.b>", "[a](<b>)",
                "[" + "*".repeat(100) + "a" + "*".repeat(100) + "](b)")) {
            assertFalse(SimpleInlines.parse(SourceLines.of(SourceLine.of(refused, SourceSpan.of(0, 0, 0, refused.length()))), new Paragraph()),
                    refused);
            assertEquals(MarkdownParser.parseEveryInline(refused), MarkdownParser.parseInOnePiece(refused), refused);
        }
        Paragraph paragraph = new Paragraph();
        String read = "[a [b](c) d](e) ![i [l](m)](p) `]` [x](y&z \\[no](link) [q](r\\)s\\\\) \\`[u](v)`";
        assertTrue(SimpleInlines.parse(SourceLines.of(SourceLine.of(read, SourceSpan.of(0, 0, 0, read.length()))), paragraph));
        SyntaxTree tree = MarkdownParser.parseInOnePiece(read);
        assertEquals(List.of("c", "p", "m", "r)s\\", "v"), tree.links().stream().map(SyntaxTree.Link::destination).toList());
        assertEquals(MarkdownParser.parseEveryInline(read), tree);
    }

    /**
     * The lines between two headings written in the first column parse alone as in the whole text;
     * anything else is refused: a heading indented into a list item (alone, it would be a top-level
     * heading), lines that do not end at such a heading, a start that is no heading, and a text with a
     * link reference definition (alone, a reference to it is no link).
     */
    @Test
    void linesBetweenHeadingsParseAloneAsInTheWholeText() {
        String whole = "# Log\n\n## 2024-03-01 First\n\n- a\n  # inside the item\n\nResults: fine\n\n## 2024-03-02 Second\n\ntext\n";
        int from = whole.indexOf("## 2024-03-01");
        int to = whole.indexOf("## 2024-03-02");
        SyntaxTree alone = MarkdownParser.parseBetweenHeadings(whole, from, to).orElseThrow();
        SyntaxTree all = MarkdownParser.parse(whole);
        List<Block> expected = all.blocks().stream().filter(b -> b.start() >= from && b.start() < to).toList();
        assertEquals(expected, alone.blocks());
        assertEquals(expected, MarkdownParser.parseBetweenHeadings(whole, from, whole.length()).orElseThrow().blocks().stream()
                .filter(b -> b.start() < to).toList());

        int inside = whole.indexOf("# inside");
        assertEquals(1, all.blocks().stream().filter(b -> b.start() == inside && b.kind().isHeading() && b.depth() > 0).count());
        assertEquals(Optional.empty(), MarkdownParser.parseBetweenHeadings(whole, inside, to));
        assertEquals(Optional.empty(), MarkdownParser.parseBetweenHeadings(whole, inside - 2, to));
        assertEquals(Optional.empty(), MarkdownParser.parseBetweenHeadings(whole, from, whole.indexOf("Results")));
        assertEquals(Optional.empty(), MarkdownParser.parseBetweenHeadings(whole, whole.indexOf("- a"), to));
        assertEquals(Optional.empty(), MarkdownParser.parseBetweenHeadings(whole, from + 1, to));

        String defined = "# Log\n\n## 2024-03-01 First\n\nSee [the paper][p].\n\n## 2024-03-02 Second\n\n[p]: https://example.org/p\n";
        int start = defined.indexOf("## 2024-03-01");
        int end = defined.indexOf("## 2024-03-02");
        assertEquals(Optional.empty(), MarkdownParser.parseBetweenHeadings(defined, start, end));
        // Why: parsed alone, the reference is no link.
        assertEquals(1, MarkdownParser.parse(defined).links().stream().filter(l -> l.range().start() < end).count());
        assertEquals(0, MarkdownParser.parseChunk(defined, start, end).links().size());
    }
}
