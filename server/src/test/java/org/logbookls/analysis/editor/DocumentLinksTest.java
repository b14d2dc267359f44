package org.logbookls.analysis.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.logbookls.analysis.Location;
import org.logbookls.config.Settings;
import org.logbookls.config.SettingsLayer;
import org.logbookls.model.Entry;
import org.logbookls.model.Logbook;
import org.logbookls.model.Reference;
import org.logbookls.testing.Fixtures;
import org.logbookls.text.Cancellation;
import org.logbookls.text.Text;
import org.logbookls.text.TextChange;
import org.logbookls.text.TextRange;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.IndexCache;
import org.logbookls.workspace.TextEdits;
import org.logbookls.workspace.WorkspaceFolder;
import org.logbookls.workspace.WorkspaceSnapshot;
import org.logbookls.workspace.WorkspaceView;

/**
 * The links of every real logbook, before and after an edit in its middle (so that the lists are
 * spliced and moved), are those of the plain definition: each ID token the workspace defines (or a
 * reference in the logbook's own scheme) leads to the title of the first entry defining it.
 */
class DocumentLinksTest {
    private static final Settings SETTINGS = Settings.DEFAULT.withToday(java.time.LocalDate.of(2026, 11, 20));

    @TestFactory
    Stream<DynamicTest> linksAreThoseOfTheFirstDefinitionOfEachId() {
        return Fixtures.eachRealLogbook((file, text) -> {
            DocumentSnapshot document = new DocumentSnapshot("file:///w/journal.md", "journal.md", 1, text);
            assertEquals(expected(view(document), document), DocumentLinks.of(view(document), document), "opened");
            int middle = text.indexOf('\n', text.length() / 2) + 1;
            if (middle > 0) {
                DocumentSnapshot edited = document.withEdit(2, TextEdits.apply(Text.of(text), TextRange.empty(middle), "x"),
                        new TextChange(TextRange.empty(middle), 1));
                assertEquals(expected(view(edited), edited), DocumentLinks.of(view(edited), edited), "after an edit");
            }
        });
    }

    private static WorkspaceView view(DocumentSnapshot document) {
        Map<String, DocumentSnapshot> documents = new LinkedHashMap<>();
        documents.put(document.uri(), document);
        Path root = Path.of("/w");
        WorkspaceSnapshot snapshot = new WorkspaceSnapshot(Map.of(), documents, Set.of(document.uri()),
                List.of(new WorkspaceFolder("file:///w/", root, "w")), SettingsLayer.EMPTY, false, 0);
        Function<DocumentSnapshot, Settings> settingsOf = any -> SETTINGS;
        return new WorkspaceView(snapshot, new IndexCache().index(snapshot, settingsOf, Cancellation.NONE), settingsOf);
    }

    /** The links as first written: for each token, a walk of the defining document's entries. */
    private static List<DocumentLinks.DocumentLink> expected(WorkspaceView view, DocumentSnapshot document) {
        Logbook logbook = view.logbook(document);
        List<DocumentLinks.DocumentLink> links = new ArrayList<>();
        for (Reference token : logbook.idTokens()) {
            if (!view.index().isId(token.id()) && !logbook.references().contains(token)) {
                continue;
            }
            List<String> definers = view.index().definers(token.id());
            if (definers.isEmpty()) {
                continue;
            }
            DocumentSnapshot defining = view.document(definers.get(0)).orElseThrow();
            for (Entry entry : view.logbook(defining).entries()) {
                if (entry.ids().stream().anyMatch(id -> id.id().equals(token.id()))) {
                    links.add(new DocumentLinks.DocumentLink(token.range(), new Location(defining.uri(), entry.title()),
                            "Go to " + token.id() + ": " + entry.titleText().strip()));
                    break;
                }
            }
        }
        return links;
    }
}
