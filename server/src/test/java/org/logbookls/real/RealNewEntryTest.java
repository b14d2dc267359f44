package org.logbookls.real;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.logbookls.analysis.actions.NewEntry;
import org.logbookls.config.Settings;
import org.logbookls.config.SettingsLayer;
import org.logbookls.testing.Fixture;
import org.logbookls.testing.Fixtures;
import org.logbookls.text.Cancellation;
import org.logbookls.text.LineIndex;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.IndexCache;
import org.logbookls.workspace.LogbookFiles;
import org.logbookls.workspace.WorkspaceFolder;
import org.logbookls.workspace.WorkspaceSnapshot;
import org.logbookls.workspace.WorkspaceView;

/**
 * "New entry" on every real logbook of {@code ../shared/logbooks} (today fixed at 2026-11-22):
 * where it goes, with the lines around it, and what it writes — compared with
 * {@code real/new-entry.expected}, reviewed by reading each logbook.
 */
class RealNewEntryTest {
    @Test
    void newEntryOnEveryRealLogbook() throws IOException {
        Path shared = Fixtures.sharedLogbooks().toAbsolutePath().normalize();
        Settings settings = Settings.DEFAULT.withToday(Fixture.DEFAULT_TODAY);
        StringBuilder out = new StringBuilder();
        for (String folder : List.of("seeds", "corpus", "folders")) {
            Path root = shared.resolve(folder);
            Map<String, DocumentSnapshot> documents = new LinkedHashMap<>();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).filter(p -> LogbookFiles.isMarkdown(p.getFileName().toString())).sorted().toList();
            }
            for (Path file : files) {
                String relative = shared.relativize(file).toString().replace('\\', '/');
                documents.put(file.toUri().toString(), new DocumentSnapshot(file.toUri().toString(), "logbooks/" + relative, 1,
                        Files.readString(file)));
            }
            WorkspaceSnapshot snapshot = new WorkspaceSnapshot(documents, Map.of(), Set.of(),
                    List.of(new WorkspaceFolder(root.toUri().toString(), root, folder)), SettingsLayer.EMPTY, false, 1);
            WorkspaceView view = new WorkspaceView(snapshot, new IndexCache().index(snapshot, d -> settings, Cancellation.NONE), d -> settings);
            int perDay = 0;
            for (DocumentSnapshot document : documents.values()) {
                String name = shared.relativize(Path.of(java.net.URI.create(document.uri()))).toString();
                NewEntry.Plan plan = NewEntry.plan(view, document, Cancellation.NONE);
                if (plan instanceof NewEntry.CreateFile && perDay++ > 1) {
                    continue;
                }
                out.append("=== ").append(name).append('\n').append(render(document, plan)).append('\n');
            }
        }
        Fixtures.assertMatches(Fixtures.resources().resolve("real/new-entry.expected"), out.toString());
    }

    static String render(DocumentSnapshot document, NewEntry.Plan plan) {
        if (plan instanceof NewEntry.Unavailable unavailable) {
            return "unavailable: " + unavailable.why() + "\n";
        }
        if (plan instanceof NewEntry.Existing existing) {
            return "existing: " + existing.uri().substring(existing.uri().lastIndexOf('/') + 1) + "\n";
        }
        if (plan instanceof NewEntry.CreateFile create) {
            return "create " + create.uri().substring(create.uri().indexOf("/logbooks/") + 10) + "\n" + create.text();
        }
        NewEntry.Insert insert = (NewEntry.Insert) plan;
        String text = document.text().toString();
        int at = insert.edit().range().start();
        String result = text.substring(0, at) + insert.edit().newText() + text.substring(at);
        LineIndex before = document.lineIndex();
        int line = before.lineOf(at);
        LineIndex after = LineIndex.of(result);
        int lastInserted = after.lineOf(Math.max(at, at + insert.edit().newText().length() - 1));
        int first = Math.max(0, line - 2);
        int last = Math.min(after.lineCount() - 1, lastInserted + 2);
        StringBuilder out = new StringBuilder("insert at line " + (line + 1) + ", cursor ^\n");
        int cursor = at + insert.cursor();
        for (int i = first; i <= last; i++) {
            String content = after.lineText(i);
            int start = after.lineStart(i);
            if (cursor >= start && cursor <= start + content.length()) {
                content = content.substring(0, cursor - start) + "^" + content.substring(cursor - start);
            }
            out.append(i >= line && i <= lastInserted ? "+ " : "  ")
                    .append(content.length() > 100 ? content.substring(0, 100) + "…" : content).append('\n');
        }
        return out.toString();
    }
}
