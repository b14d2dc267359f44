package org.logbookls.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.logbookls.text.Text;
import org.logbookls.text.TextRange;

/**
 * The cheap checks that spare headings a regular expression never turn away a heading the
 * expression accepts: on random titles made of the expressions' own words, and on every heading
 * line of the real logbooks.
 */
class PrefilterTest {
    private static final List<String> PIECES = List.of("key", "Keys", "TAGS", "tag", " key", "legend", "labels", "Labels:", "the ",
            "our ", "My ", "instructions", "Instruction", "template", "Templates", "entry ", "log ", "logbook ", "format", "Format of an entry",
            "how to ", "write", "use", "log", " ", "\t", "\u000B", "\f", "\u00A0", "\u2003", ":", "-", "#", "*", "**", "_", "1", "2024-03-12",
            "[e0001]", "é", "🧪", "K", "\u212A", "ı", "x", "How To Use", "  ");

    @Test
    void randomTitlesTheExpressionsAcceptPassTheChecks() {
        Random random = new Random(5);
        for (int i = 0; i < 300_000; i++) {
            StringBuilder title = new StringBuilder();
            for (int j = random.nextInt(5); j >= 0; j--) {
                title.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            check(title.toString());
        }
    }

    @TestFactory
    java.util.stream.Stream<DynamicTest> realHeadingsTheExpressionsAcceptPassTheChecks() {
        return org.logbookls.testing.Fixtures.eachRealLogbook((path, text) -> {
            for (String line : text.split("\n")) {
                check(line.replaceFirst("^\\s*#+\\s*", ""));
            }
        });
    }

    @Test
    void theChecksLetTheKnownTitlesThrough() {
        for (String title : List.of("Tags", "  key:", "Legend", "tag key")) {
            assertTrue(TagReader.KEY_HEADING.matcher(title).matches(), title);
            assertTrue(TagReader.mayBeKeyHeading(Text.of(title), TextRange.of(0, title.length())), title);
        }
        for (String title : List.of("Instructions", "Entry template", "How to log", "**The template**")) {
            assertTrue(TemplateReader.INSTRUCTIONS.matcher(title.strip()).matches(), title);
            assertTrue(TemplateReader.mayBeInstructions(Text.of(title), TextRange.of(0, title.length())), title);
        }
        assertFalse(TagReader.mayBeKeyHeading(Text.of("2024-03-12 [e0001] tags"), TextRange.of(0, 23)));
        assertFalse(TemplateReader.mayBeInstructions(Text.of("2024-03-12 template"), TextRange.of(0, 19)));
    }

    private static void check(String title) {
        TextRange whole = TextRange.of(0, title.length());
        if (TagReader.KEY_HEADING.matcher(title).matches()) {
            assertTrue(TagReader.mayBeKeyHeading(Text.of(title), whole), () -> "key heading turned away: " + title);
        }
        if (TemplateReader.INSTRUCTIONS.matcher(title.strip()).matches()) {
            assertTrue(TemplateReader.mayBeInstructions(Text.of(title), whole), () -> "instructions turned away: " + title);
        }
    }
}
