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
 * parser; the tree is the one a parse of every inline gives, on every real logbook and on random
 * texts of the characters inlines, headings and reference definitions are made of.
 */
class MarkdownParserTest {
    private static final List<String> PIECES = List.of("*", "_", "**", "~", "!", "&amp;", "&", "\\", "\\[", "`", "<", ">", "[", "]", "(",
            ")", "x.md", "http://a.b", "<!-- c -->", "[a](b.md)", "![i](p.png)", "word ", " ", "\n", "\n\n", "# h ", "- ", "> ", "|", ":",
            "\n## 2026-11-20 ", "[e0001]", "[a]", "\n[a]: x.md\n", "[a]:", "\n===\n", "\n---\n", "  ", "\t", " #", "### ", "#");

    @TestFactory
    Stream<DynamicTest> everyRealLogbook() {
        return Fixtures.eachRealLogbook((file, text) -> assertEquals(MarkdownParser.parseEveryInline(text), MarkdownParser.parseInOnePiece(text)));
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
