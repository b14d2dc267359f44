package org.logbookls.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.logbookls.config.Settings;
import org.logbookls.syntax.MarkdownParser;
import org.logbookls.syntax.SyntaxTree;
import org.logbookls.testing.Fixtures;

/**
 * A model built without sections is the model built with them, but for every entry's sections
 * (none): the template, entries, dates, IDs, tokens, tags and anchors the index and navigation
 * read are the same. Every real logbook in ../shared/logbooks/, also repeated until its build
 * runs on every core.
 */
class WithoutSectionsTest {
    @TestFactory
    Stream<DynamicTest> everyRealLogbook() {
        return Fixtures.eachRealLogbook((file, text) -> {
            compare(file.getFileName().toString(), text);
            compare(file.getFileName().toString(), text.repeat(Math.max(2, 300_000 / Math.max(1, text.length()))));
        });
    }

    private static void compare(String name, String text) {
        SyntaxTree tree = MarkdownParser.parse(text);
        ModelOptions options = new ModelOptions(name, Optional.empty(), Settings.DEFAULT.sectionFamilies(),
                Settings.DEFAULT.requiredSections(), Optional.empty(), LocalDate.of(2026, 11, 20), Optional.empty());
        Logbook full = LogbookBuilder.build(tree, options, Optional.empty()).logbook();
        Logbook without = LogbookBuilder.buildWithoutSections(tree, options).logbook();
        List<Entry> entries = full.entries().stream().map(WithoutSectionsTest::sectionless).toList();
        assertEquals(new Logbook(full.detection(), full.preamble(), entries, full.template(), full.references(), full.idTokens(),
                full.schemes(), full.links(), full.anchors(), full.slugs(), full.tags(), full.tagDeclarations(), full.conventions(),
                full.suppressions()), without);
    }

    private static Entry sectionless(Entry entry) {
        return new Entry(entry.start(), entry.end(), entry.headingStart(), entry.headingEnd(), entry.titleStart(), entry.titleEnd(),
                entry.titleText(), entry.level(), entry.pseudo(), entry.date(), entry.ids(), List.of(), entry.group(), entry.plainTitle());
    }
}
