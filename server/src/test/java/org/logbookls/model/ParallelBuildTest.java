package org.logbookls.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.logbookls.config.Settings;
import org.logbookls.syntax.MarkdownParser;
import org.logbookls.syntax.SyntaxTree;
import org.logbookls.testing.Fixtures;

/**
 * A model built with its passes on every core equals the model built on one: every real logbook
 * in ../shared/logbooks/, each also repeated until it is long enough for the heading reader to
 * split it into slices.
 */
class ParallelBuildTest {
    private static final Settings SETTINGS = Settings.DEFAULT;

    @TestFactory
    Stream<DynamicTest> everyRealLogbook() {
        return Fixtures.eachRealLogbook((file, text) -> {
            compare(text);
            compare(text.repeat(Math.max(2, 300_000 / Math.max(1, text.length()))));
        });
    }

    @Test
    void aLongJournal() {
        StringBuilder text = new StringBuilder("# Journal\n\n");
        for (int i = 0; i < 12_000; i++) {
            text.append("## ").append(LocalDate.of(2020, 1, 1).plusDays(i)).append(" [e").append(i).append("] run #tag\n\n")
                    .append("Results: ok, see [e").append(Math.max(0, i - 3)).append("] and [a](#x)\n\n### Next Steps\n\n- more\n\n");
        }
        compare(text.toString());
    }

    private static void compare(String text) {
        SyntaxTree tree = MarkdownParser.parse(text);
        ModelOptions options = new ModelOptions("journal.md", Optional.empty(), SETTINGS.sectionFamilies(), SETTINGS.requiredSections(),
                Optional.empty(), LocalDate.of(2026, 11, 20), Optional.empty());
        LogbookBuilder.Built parallel = LogbookBuilder.build(tree, options, Optional.empty(), true);
        LogbookBuilder.Built sequential = LogbookBuilder.build(tree, options, Optional.empty(), false);
        assertEquals(sequential.logbook(), parallel.logbook());
        assertEquals(sequential.candidates(), parallel.candidates());
        assertEquals(sequential.idLists(), parallel.idLists());
    }
}
