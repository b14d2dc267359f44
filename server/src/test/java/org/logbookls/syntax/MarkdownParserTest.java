package org.logbookls.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
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
}
