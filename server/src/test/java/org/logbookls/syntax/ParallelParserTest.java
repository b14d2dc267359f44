package org.logbookls.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.logbookls.testing.Fixtures;

/**
 * A document parsed in chunks equals the same document parsed in one piece, whenever the chunked
 * parse answers at all: every real logbook in ../shared/logbooks/, cut into two to five chunks,
 * and random documents built from what moves block boundaries (fences, HTML blocks and comments,
 * setext underlines, link reference definitions, front matter, line breaks of every kind).
 */
class ParallelParserTest {
    private static final List<String> PIECES = List.of("```\n", "~~~\n", "<!--\n", "-->\n", "<div>\n", "</div>\n", "\n", "\r\n", "\r",
            "\n\n", "# ", "## 2024-03-12 entry\n", "### Results\n", "#\n", "   ## x\n", "    ## indented\n", "===\n", "---\n", "- ",
            "> ", "1. ", "\t", "| a | b |\n|---|---|\n", "[e0001]", "[x]: http://example.com\n", "`", "**", "\\", "<", "text ",
            "Results: ok\n", "#tag", "é", "😀", "---\ntitle: x\n---\n", "[a](b.md)", "<!-- c -->");

    @TestFactory
    Stream<DynamicTest> everyRealLogbook() {
        return Fixtures.eachRealLogbook((file, text) -> {
            for (int chunks : new int[] {2, 3, 5, 40, 1_000}) {
                compare(text, chunks);
            }
        });
    }

    @Test
    void aLongLogbookIsCutAndJoinedExactly() {
        StringBuilder text = new StringBuilder("---\ntitle: Journal\n---\n# Journal\n\n");
        for (int i = 0; i < 3_000; i++) {
            text.append("## 2024-03-").append(String.format("%02d", 1 + i % 28)).append(" [e").append(i).append("] run\n\n")
                    .append(i % 7 == 0 ? "```\n# not a heading\n```\n" : "").append(i % 11 == 0 ? "<!--\n# hidden\n-->\n" : "")
                    .append("Results: *ok* `code` [link](x.md) #tag\n\n- item\n  - nested\n\n> quote\n\n");
        }
        assertCutAndJoined(text.toString(), "a logbook of headings");
    }

    /**
     * A logbook of date lines has no ATX heading: it is cut where a paragraph starts after a blank
     * line, and such a cut holds only where the paragraph starts at the top level in the chunk before
     * the cut and the chunk after it alike (not inside a {@code <pre>} block that runs on over blank
     * lines, say); a setext underline or a table's delimiter row after it changes nothing before it.
     */
    @Test
    void aLogbookWithoutHeadingsIsCutAtParagraphs() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            text.append("2024-03-").append(String.format("%02d", 1 + i % 28)).append(" run ").append(i).append("\n\n")
                    .append("**Results:** ok [e").append(i).append("]\n\n")
                    .append(i % 5 == 0 ? "Total\n===\n\n" : "")
                    .append(i % 7 == 0 ? "a | b\n--|--\n1 | 2\n\n" : "")
                    .append(i % 13 == 0 ? "<pre>\n\ncode\n\nmore code\n</pre>\n\n" : "")
                    .append(i % 17 == 0 ? "- item\n\n  indented\n\nafter the list\n\n" : "")
                    .append(i % 19 == 0 ? "> quote\n\nafter the quote\n\n" : "")
                    .append(i % 23 == 0 ? "```\n\nin a fence\n\n```\n\n" : "");
        }
        assertCutAndJoined(text.toString(), "a logbook of date lines");
    }

    /** A logbook of setext headings is cut where a heading's text starts after a blank line. */
    @Test
    void aLogbookOfSetextHeadingsIsCut() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            // Every line a cut may be made at is a setext heading's text or a table's header: paragraphs in the chunk before.
            text.append("2024-03-").append(String.format("%02d", 1 + i % 28)).append(" run ").append(i).append(i % 2 == 0 ? "\n---\n\n" : "\n===\n\n")
                    .append("> Results: [e").append(i).append("](x.md)\n\n    indented\n\n")
                    .append(i % 7 == 0 ? "| a | b |\n|---|---|\n| 1 | [e1] |\n\n" : "");
        }
        assertCutAndJoined(text.toString(), "a logbook of setext headings");
    }

    /**
     * A long list is cut between its top-level items (the tree has no block for the list itself):
     * items that continue over several lines, hold a fence or a nested list, an ordered item that
     * cannot interrupt a paragraph, thematic breaks and a setext underline made of a dash.
     */
    @Test
    void aLongListIsCutBetweenItsItems() {
        StringBuilder text = new StringBuilder("Runs\n\n");
        for (int i = 0; i < 8_000; i++) {
            text.append(i % 3 == 0 ? "- " : i % 3 == 1 ? "* " : (1 + i % 9) + ". ").append("[e").append(i).append("](b.md) *ok* `x`\n")
                    .append(i % 5 == 0 ? "  continued on a second line\n" : "")
                    .append(i % 7 == 0 ? "  ```\n- not an item\n  ```\n" : "")
                    .append(i % 11 == 0 ? "  - nested\n  - nested again\n" : "")
                    .append(i % 13 == 0 ? "\nA paragraph\n2. does not interrupt it\n" : "")
                    .append(i % 17 == 0 ? "\n* * *\n" : "")
                    .append(i % 19 == 0 ? "\nTitle\n-\n" : "")
                    .append(i % 23 == 0 ? "\n" : "");
        }
        assertCutAndJoined(text.toString(), "a list");
    }

    @Test
    void aCutInsideWhatStaysOpenIsUndone() {
        String body = "## 2024-03-12 x\ntext\n".repeat(10_000);
        for (String opener : List.of("```\n", "~~~\n", "<!--\n", "<div>\n", "> quote\n", "- item\n", "```\n# a\n```\n~~~\n")) {
            String text = "# Log\n" + opener + body;
            for (int chunks : new int[] {2, 7, 300}) {
                compare(text, chunks);
            }
            assertEquals(MarkdownParser.parseInOnePiece(text), MarkdownParser.parse(text));
        }
        // Each unclosed opener once searched the rest of the text for its closer (9 s for 100,000 of them).
        String openers = "<!--\n".repeat(100_000) + "# Log\n" + body;
        assertEquals(MarkdownParser.parseInOnePiece(openers), MarkdownParser.parse(openers));
        String definition = "# Log\n[x]: http://example.com\n" + body;
        assertTrue(ParallelParser.parse(definition, 4).isEmpty(), "a link reference definition ties the whole text together");
        assertEquals(MarkdownParser.parseInOnePiece(definition), MarkdownParser.parse(definition));
    }

    @Test
    void randomDocuments() {
        Random random = new Random(5);
        int joined = 0;
        for (int round = 0; round < 1_500; round++) {
            StringBuilder text = new StringBuilder();
            int pieces = 20 + random.nextInt(200);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            if (compare(text.toString(), 2 + random.nextInt(40)).isPresent()) {
                joined++;
            }
        }
        assertTrue(joined > 100, "the random documents exercise the join, not only the refusals: " + joined);
    }

    /**
     * Cut into 2 to 5,000 chunks, {@code text} joins into the tree of a parse in one piece, and at
     * least half of the cuts (of the first hundred) hold: a parse that gave up cutting would pass the
     * comparison alone.
     */
    private static void assertCutAndJoined(String text, String what) {
        for (int chunks : new int[] {2, 3, 5, 64, 5_000}) {
            ParallelParser.Joined joined = ParallelParser.join(text, chunks).orElseThrow();
            assertEquals(MarkdownParser.parseInOnePiece(text), joined.tree(), what + " cut into " + chunks);
            assertTrue(joined.keptCuts() >= Math.min(chunks - 1, 100) / 2, what + " is cut into " + chunks + " chunks: " + joined.keptCuts() + " cuts held");
        }
        assertEquals(MarkdownParser.parseInOnePiece(text), MarkdownParser.parse(text));
    }

    private static Optional<SyntaxTree> compare(String text, int chunks) {
        Optional<SyntaxTree> parallel = ParallelParser.parse(text, chunks);
        parallel.ifPresent(tree -> assertEquals(MarkdownParser.parseInOnePiece(text), tree, "cut into " + chunks));
        return parallel;
    }
}
