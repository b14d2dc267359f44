package org.logbookls.analysis.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.logbookls.analysis.actions.QuickFixes;
import org.logbookls.analysis.diagnostics.DiagnosticCode;
import org.logbookls.analysis.diagnostics.Diagnostics;
import org.logbookls.analysis.diagnostics.WorkspaceEnvironment;
import org.logbookls.analysis.editor.DocumentLinks;
import org.logbookls.analysis.navigation.Definition;
import org.logbookls.analysis.navigation.Hover;
import org.logbookls.analysis.navigation.References;
import org.logbookls.analysis.navigation.Rename;
import org.logbookls.analysis.symbols.WorkspaceSymbols;
import org.logbookls.config.Settings;
import org.logbookls.model.Entry;
import org.logbookls.model.Logbook;
import org.logbookls.model.Section;
import org.logbookls.testing.Fixture;
import org.logbookls.testing.FixtureWorkspace;
import org.logbookls.text.Cancellation;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.WorkspaceView;

/**
 * A closed document is indexed, and navigated into, from a model whose entries' sections were not
 * read (the start-up index of a large workspace spent a quarter of its building on them): the
 * features that read other documents' IDs, tokens, entries and anchors leave it so, and a hover,
 * which shows an entry's results, reads that entry's sections alone.
 */
class ClosedDocumentsTest {
    private static final String WORKSPACE = """
            //- /journal.md
            # Journal

            ## 2024-03-02 [e0002] Second

            Settings from [e000$01], as in [the first](older.md#2024-03-01-e0001-first) and [nowhere](older.md#2024-03-01-e0001-firts). #adam

            Results: fine.
            //- /older.md
            # Older

            ## 2024-03-01 [e0001] First

            Results: 91 % on the validation set.

            Next Steps: more epochs.

            ## Tags

            - #adam: the Adam optimiser
            """;

    @Test
    void navigationReadsNoSectionsOfAClosedDocumentAndHoverHasThemRead() {
        Fixture fixture = Fixture.parse(WORKSPACE);
        WorkspaceView view = FixtureWorkspace.of(fixture);
        Settings settings = FixtureWorkspace.settings(fixture);
        DocumentSnapshot journal = view.document(FixtureWorkspace.uri("journal.md")).orElseThrow();
        DocumentSnapshot older = view.document(FixtureWorkspace.uri("older.md")).orElseThrow();
        int offset = fixture.cursor().orElseThrow().offset();

        assertEquals(1, Definition.of(view, journal, offset, Cancellation.NONE).size());
        String text = journal.text().toString();
        assertEquals(1, Definition.of(view, journal, text.indexOf("older.md#2024") + 2, Cancellation.NONE).size());
        assertEquals(1, Definition.of(view, journal, text.indexOf("#adam") + 2, Cancellation.NONE).size());
        assertTrue(QuickFixes.all(view, journal, Cancellation.NONE).stream().anyMatch(fix -> fix.title().contains("2024-03-01-e0001-first")));
        assertEquals(2, References.of(view, journal, offset, true, Cancellation.NONE).size());
        assertTrue(Rename.prepare(view, journal, offset).isPresent());
        assertEquals(2, Rename.of(view, journal, offset, "e0009", Cancellation.NONE).edits().size());
        assertFalse(WorkspaceSymbols.query(view, "e0001", Cancellation.NONE).isEmpty());
        assertFalse(DocumentLinks.of(view, journal).isEmpty());
        var diagnostics = Diagnostics.of(journal.uri(), view.logbook(journal), journal.lineIndex(), settings, new WorkspaceEnvironment(view),
                Cancellation.NONE);
        assertEquals(1, diagnostics.stream().filter(d -> d.code() == DiagnosticCode.BROKEN_LINK).count(), diagnostics.toString());
        assertTrue(sectionless(older.logbookWithoutSections(settings)), "the closed document was built with its sections");

        // The hover shows the entry's results, read from the entry's lines alone: the document is not built again.
        String hover = Hover.at(view, journal, offset, Cancellation.NONE).orElseThrow().markdown();
        assertTrue(hover.contains("Results: 91 % on the validation set."), hover);
        assertTrue(sectionless(older.logbookWithoutSections(settings)), "the closed document was built with its sections");

        Logbook opened = new DocumentSnapshot(older.uri(), older.path(), 0, older.text()).logbook(settings);
        for (int i = 0; i < opened.entries().size(); i++) {
            assertEquals(opened.entries().get(i).sections(), older.sections(settings, older.logbookWithoutSections(settings).entries().get(i)));
        }
        assertEquals(opened, older.logbook(settings));
    }

    /**
     * A text with a link reference definition cannot be parsed in parts: a closed document's entry
     * then has its sections from the model built with them.
     */
    @Test
    void aClosedDocumentWithADefinitionIsBuiltWithItsSectionsForAHover() {
        Fixture fixture = Fixture.parse(WORKSPACE.replace("Next Steps: more epochs.", "Next Steps: more epochs.\n\n[paper]: https://example.org"));
        WorkspaceView view = FixtureWorkspace.of(fixture);
        Settings settings = FixtureWorkspace.settings(fixture);
        DocumentSnapshot journal = view.document(FixtureWorkspace.uri("journal.md")).orElseThrow();
        DocumentSnapshot older = view.document(FixtureWorkspace.uri("older.md")).orElseThrow();
        assertTrue(sectionless(older.logbookWithoutSections(settings)));
        String hover = Hover.at(view, journal, fixture.cursor().orElseThrow().offset(), Cancellation.NONE).orElseThrow().markdown();
        assertTrue(hover.contains("Results: 91 % on the validation set."), hover);
        assertFalse(sectionless(older.logbookWithoutSections(settings)));
    }

    /** An open document has one model: asked without sections, it is the model with them. */
    @Test
    void anOpenDocumentHasOneModel() {
        Fixture fixture = Fixture.parse(WORKSPACE);
        WorkspaceView view = FixtureWorkspace.of(fixture);
        DocumentSnapshot journal = view.document(FixtureWorkspace.uri("journal.md")).orElseThrow();
        Logbook model = view.logbookWithoutSections(journal);
        assertFalse(sectionless(model));
        assertSame(view.logbook(journal), model);
    }

    /**
     * An entry of the model without sections, asked for its sections after another entry's had the
     * document built with them (its setext heading cannot be read alone), gets those of the entry at
     * its place in the new model, not its own empty list (found by the fuzzer).
     */
    @Test
    void anEntryOfTheModelWithoutSectionsStillGetsItsSectionsAfterTheModelWasReplaced() {
        String text = "June 15, 2017\n-------------\n\n#### Natalie\n\nWrote it.\n\nJune 16, 2017\n-------------\n\n#### Natalie\n\nRan it.\n\n"
                + "June 17, 2017\n-------------\n\n#### Natalie\n\nDone.\n";
        DocumentSnapshot closed = DocumentSnapshot.closed("file:///w/log.md", "log.md", 0, text);
        Settings settings = Settings.DEFAULT;
        List<Entry> entries = closed.logbookWithoutSections(settings).entries();
        assertEquals(3, entries.size());
        assertTrue(sectionless(closed.logbookWithoutSections(settings)));
        Logbook opened = new DocumentSnapshot("file:///w/log.md", "log.md", 1, text).logbook(settings);
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(List.of("Natalie"), closed.sections(settings, entries.get(i)).stream().map(Section::label).toList());
            assertEquals(opened.entries().get(i).sections(), closed.sections(settings, entries.get(i)));
        }
    }

    private static boolean sectionless(Logbook logbook) {
        return !logbook.entries().isEmpty() && logbook.entries().stream().map(Entry::sections).allMatch(List::isEmpty);
    }
}
