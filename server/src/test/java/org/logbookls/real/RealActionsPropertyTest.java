package org.logbookls.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.logbookls.analysis.actions.CodeAction;
import org.logbookls.analysis.actions.FixAll;
import org.logbookls.analysis.actions.NewEntry;
import org.logbookls.analysis.actions.QuickFixes;
import org.logbookls.analysis.actions.Refactors;
import org.logbookls.analysis.diagnostics.Diagnostic;
import org.logbookls.analysis.diagnostics.Diagnostics;
import org.logbookls.analysis.diagnostics.WorkspaceEnvironment;
import org.logbookls.config.Settings;
import org.logbookls.config.SettingsLayer;
import org.logbookls.testing.Fixture;
import org.logbookls.testing.Fixtures;
import org.logbookls.text.Cancellation;
import org.logbookls.text.TextEdit;
import org.logbookls.text.TextRange;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.IndexCache;
import org.logbookls.workspace.LogbookFiles;
import org.logbookls.workspace.WorkspaceFolder;
import org.logbookls.workspace.WorkspaceSnapshot;
import org.logbookls.workspace.WorkspaceView;

/**
 * The rules every edit follows, checked on every real logbook: edits stay in the document, never
 * overlap, and write the document's own line breaks; a fix removes its diagnostic and introduces
 * no other; fix-all is idempotent; a new entry adds only empty-section hints; refactors add nothing.
 * Random cursor positions (fixed seed) exercise code actions anywhere.
 */
class RealActionsPropertyTest {
    private static final Settings SETTINGS = Settings.DEFAULT.withToday(Fixture.DEFAULT_TODAY);
    private static final int RANDOM_POSITIONS = 40;

    @TestFactory
    Stream<DynamicTest> everyRealLogbook() throws IOException {
        Path shared = Fixtures.sharedLogbooks().toAbsolutePath().normalize();
        List<DynamicTest> tests = new ArrayList<>();
        for (String folder : List.of("seeds", "corpus", "folders")) {
            Path root = shared.resolve(folder);
            Map<String, DocumentSnapshot> documents = new LinkedHashMap<>();
            Set<String> files = new HashSet<>();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    files.add(file.toString());
                    if (LogbookFiles.isMarkdown(file.getFileName().toString())) {
                        String relative = shared.relativize(file).toString().replace('\\', '/');
                        documents.put(file.toUri().toString(), new DocumentSnapshot(file.toUri().toString(), "logbooks/" + relative, 1,
                                Files.readString(file)));
                    }
                }
            }
            WorkspaceView view = view(documents, files, root, folder);
            for (DocumentSnapshot document : documents.values()) {
                String name = shared.relativize(Path.of(java.net.URI.create(document.uri()))).toString();
                tests.add(DynamicTest.dynamicTest(name, () -> check(view, document, files, root, folder)));
            }
        }
        return tests.stream();
    }

    private static WorkspaceView view(Map<String, DocumentSnapshot> documents, Set<String> files, Path root, String folder) {
        WorkspaceSnapshot snapshot = new WorkspaceSnapshot(documents, Map.of(), files,
                List.of(new WorkspaceFolder(root.toUri().toString(), root, folder)), SettingsLayer.EMPTY, false, 1);
        return new WorkspaceView(snapshot, new IndexCache().index(snapshot, d -> SETTINGS, Cancellation.NONE), d -> SETTINGS);
    }

    private static void check(WorkspaceView view, DocumentSnapshot document, Set<String> files, Path root, String folder) {
        Map<String, Integer> before = counts(view, document);
        for (Diagnostic diagnostic : diagnostics(view, document)) {
            for (CodeAction action : QuickFixes.at(view, document, diagnostic.range(), Cancellation.NONE)) {
                if (action.fixes().isEmpty() || !action.fixes().get().range().equals(diagnostic.range())
                        || action.fixes().get().code() != diagnostic.code()) {
                    continue;
                }
                List<TextEdit> edits = action.edits().getOrDefault(document.uri(), List.of());
                wellFormed(document, edits, action.title());
                Map<String, Integer> after = counts(replaced(view, document, FixAll.apply(document.text().toString(), edits), files, root, folder));
                String code = diagnostic.code().id();
                assertTrue(after.getOrDefault(code, 0) < before.getOrDefault(code, 0),
                        "'" + action.title() + "' did not remove its " + code + " at " + diagnostic.range());
                for (var count : after.entrySet()) {
                    assertTrue(count.getValue() <= before.getOrDefault(count.getKey(), 0),
                            "'" + action.title() + "' introduced " + count.getKey() + ": " + before + " -> " + after);
                }
            }
        }
        List<TextEdit> fixAll = FixAll.of(view, document, Cancellation.NONE);
        wellFormed(document, fixAll, "fix all");
        if (!fixAll.isEmpty()) {
            DocumentSnapshot fixed = replacedDocument(document, FixAll.apply(document.text().toString(), fixAll));
            WorkspaceView fixedView = replaced(view, document, fixed.text().toString(), files, root, folder);
            assertEquals(List.of(), FixAll.of(fixedView, fixedView.document(document.uri()).orElseThrow(), Cancellation.NONE),
                    "fix all applied twice changed something the second time");
        }
        NewEntry.Plan plan = NewEntry.plan(view, document, Cancellation.NONE);
        if (plan instanceof NewEntry.Insert insert) {
            wellFormed(document, List.of(insert.edit()), "new entry");
            Map<String, Integer> after = counts(replaced(view, document, FixAll.apply(document.text().toString(), List.of(insert.edit())), files, root,
                    folder));
            for (var count : after.entrySet()) {
                if (!count.getKey().equals("empty-section")) {
                    assertTrue(count.getValue() <= before.getOrDefault(count.getKey(), 0), "the new entry introduced " + count.getKey()
                            + ": " + before + " -> " + after);
                }
            }
        }
        for (var refactor : Map.of("sort entries", Refactors.sortEntries(view, document),
                "table of contents", Refactors.tableOfContents(view, document)).entrySet()) {
            wellFormed(document, refactor.getValue(), refactor.getKey());
            Map<String, Integer> after = counts(replaced(view, document, FixAll.apply(document.text().toString(), refactor.getValue()), files, root,
                    folder));
            for (var count : after.entrySet()) {
                if (!count.getKey().equals("date-order") || refactor.getKey().equals("table of contents")) {
                    assertTrue(count.getValue() <= before.getOrDefault(count.getKey(), 0), refactor.getKey() + " introduced "
                            + count.getKey() + ": " + before + " -> " + after);
                }
            }
        }
        Random random = new Random(document.uri().hashCode());
        for (int i = 0; i < RANDOM_POSITIONS && document.text().length() > 0; i++) {
            int offset = random.nextInt(document.text().length() + 1);
            for (CodeAction action : QuickFixes.at(view, document, TextRange.empty(offset), Cancellation.NONE)) {
                wellFormed(document, action.edits().getOrDefault(document.uri(), List.of()), action.title());
            }
        }
    }

    /** Inside the document, not overlapping, not a no-op, and written with the document's own line breaks. */
    private static void wellFormed(DocumentSnapshot document, List<TextEdit> edits, String what) {
        String text = document.text().toString();
        boolean crlf = text.contains("\r\n");
        TextRange previous = null;
        for (TextEdit edit : edits.stream().sorted((a, b) -> a.range().compareTo(b.range())).toList()) {
            assertTrue(edit.range().end() <= text.length(), what + ": edit past the end");
            assertTrue(previous == null || previous.end() <= edit.range().start(), what + ": overlapping edits");
            assertTrue(!edit.range().of(text).equals(edit.newText()), what + ": an edit that changes nothing");
            if (crlf) {
                assertTrue(!edit.newText().replace("\r\n", "").contains("\n"), what + ": a bare LF in a CRLF document");
            } else {
                assertTrue(!edit.newText().contains("\r"), what + ": a CR in an LF document");
            }
            previous = edit.range();
        }
    }

    private static List<Diagnostic> diagnostics(WorkspaceView view, DocumentSnapshot document) {
        return Diagnostics.of(document.uri(), view.logbook(document), document.lineIndex(), SETTINGS, new WorkspaceEnvironment(view),
                Cancellation.NONE);
    }

    private static Map<String, Integer> counts(WorkspaceView view, DocumentSnapshot document) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Diagnostic diagnostic : diagnostics(view, document)) {
            counts.merge(diagnostic.code().id(), 1, Integer::sum);
        }
        return counts;
    }

    private static Map<String, Integer> counts(WorkspaceView view) {
        DocumentSnapshot changed = view.snapshot().documents().values().stream().filter(d -> d.version() == 2).findFirst().orElseThrow();
        return counts(view, changed);
    }

    private static DocumentSnapshot replacedDocument(DocumentSnapshot document, String text) {
        return new DocumentSnapshot(document.uri(), document.path(), 2, text);
    }

    private static WorkspaceView replaced(WorkspaceView view, DocumentSnapshot document, String text, Set<String> files, Path root,
            String folder) {
        Map<String, DocumentSnapshot> documents = new LinkedHashMap<>(view.snapshot().documents());
        documents.put(document.uri(), replacedDocument(document, text));
        return view(documents, files, root, folder);
    }
}
