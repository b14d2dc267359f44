package org.logbookls.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
    Stream<DynamicTest> everyRealLogbook() throws IOException {
        Path shared = Fixtures.sharedLogbooks().toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(shared)) {
            files = walk.filter(path -> path.toString().endsWith(".md")).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(shared.relativize(file).toString(), () -> {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            compare(text);
            compare(text.repeat(Math.max(2, 300_000 / Math.max(1, text.length()))));
        }));
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
