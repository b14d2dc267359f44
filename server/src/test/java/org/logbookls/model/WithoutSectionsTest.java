package org.logbookls.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.logbookls.text.Text;

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

    /**
     * An entry's sections read from its lines alone ({@link LogbookBuilder#sectionsAlone}), when they
     * can be, are those of the model built with them; and they can be for most entries of the real
     * logbooks (all but those of texts with a link reference definition, pseudo entries, and entries
     * whose heading or end is not an ATX heading in the first column).
     */
    @Test
    void sectionsReadAloneAreTheModelsOnEveryRealLogbook() {
        int[] counts = new int[2];
        Fixtures.eachRealLogbook((file, text) -> {
            int[] found = compareAlone(file.getFileName().toString(), text);
            counts[0] += found[0];
            counts[1] += found[1];
        }).forEach(test -> {
            try {
                test.getExecutable().execute();
            } catch (Throwable failure) {
                throw new AssertionError(test.getDisplayName(), failure);
            }
        });
        assertTrue(counts[0] > counts[1] / 2, counts[0] + " of " + counts[1] + " entries read alone");
    }

    private static void compare(String name, String text) {
        SyntaxTree tree = MarkdownParser.parse(text);
        ModelOptions options = options(name);
        Logbook full = LogbookBuilder.build(tree, options, Optional.empty()).logbook();
        Logbook without = LogbookBuilder.buildWithoutSections(tree, options).logbook();
        List<Entry> entries = full.entries().stream().map(WithoutSectionsTest::sectionless).toList();
        assertEquals(new Logbook(full.detection(), full.preamble(), entries, full.template(), full.references(), full.idTokens(),
                full.schemes(), full.links(), full.anchors(), full.slugs(), full.tags(), full.tagDeclarations(), full.conventions(),
                full.suppressions()), without);
    }

    /** How many entries' sections were read alone (each equal to the model's), of how many entries. */
    private static int[] compareAlone(String name, String text) {
        SyntaxTree tree = MarkdownParser.parse(text);
        ModelOptions options = options(name);
        Logbook full = LogbookBuilder.build(tree, options, Optional.empty()).logbook();
        LogbookBuilder.Built without = LogbookBuilder.buildWithoutSections(tree, options).forgotten();
        int alone = 0;
        for (int i = 0; i < full.entries().size(); i++) {
            Optional<List<Section>> sections = LogbookBuilder.sectionsAlone(Text.of(text), without, options, without.logbook().entries().get(i));
            if (sections.isPresent()) {
                assertEquals(full.entries().get(i).sections(), sections.get(), name + ", entry " + i);
                alone++;
            }
        }
        return new int[] {alone, full.entries().size()};
    }

    private static ModelOptions options(String name) {
        return new ModelOptions(name, Optional.empty(), Settings.DEFAULT.sectionFamilies(), Settings.DEFAULT.requiredSections(),
                Optional.empty(), LocalDate.of(2026, 11, 20), Optional.empty());
    }

    private static Entry sectionless(Entry entry) {
        return new Entry(entry.start(), entry.end(), entry.headingStart(), entry.headingEnd(), entry.titleStart(), entry.titleEnd(),
                entry.titleText(), entry.level(), entry.pseudo(), entry.date(), entry.ids(), List.of(), entry.group(), entry.plainTitle());
    }
}
