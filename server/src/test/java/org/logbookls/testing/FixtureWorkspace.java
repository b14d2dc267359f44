package org.logbookls.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.logbookls.config.Settings;
import org.logbookls.config.SettingsLayer;
import org.logbookls.json.SettingsJson;
import org.logbookls.text.Cancellation;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.IndexCache;
import org.logbookls.workspace.WorkspaceFolder;
import org.logbookls.workspace.WorkspaceSnapshot;
import org.logbookls.workspace.WorkspaceView;

/**
 * A workspace made of a fixture's files: one folder, {@code /fixture}, holding every file (a
 * {@code /fig/plot.png} line declares a file that exists); Markdown files are open documents; a
 * {@code /.logbook.json} configures them all. No I/O.
 */
public final class FixtureWorkspace {
    public static final String ROOT = "/fixture";

    private FixtureWorkspace() {
    }

    public static String uri(String path) {
        return "file://" + ROOT + "/" + path;
    }

    public static String path(String uri) {
        return uri.substring(("file://" + ROOT + "/").length());
    }

    public static Settings settings(Fixture fixture) {
        Settings settings = Settings.DEFAULT.withToday(fixture.today());
        String config = fixture.files().get(".logbook.json");
        SettingsLayer layer = config == null ? SettingsLayer.EMPTY : SettingsJson.decodeFile(config).layer();
        return layer.applyTo(settings);
    }

    /**
     * The fixture's files as the server sees them: the file with the cursor (else the first Markdown
     * file) open in the editor, every other Markdown file read from disk (closed, so features that
     * read other documents meet them as they do in the server: models without sections until asked).
     */
    public static WorkspaceView of(Fixture fixture) {
        Settings settings = settings(fixture);
        String open = fixture.cursor().map(Fixture.Cursor::path)
                .orElse(fixture.files().keySet().stream().filter(name -> name.endsWith(".md")).findFirst().orElse(""));
        Map<String, DocumentSnapshot> documents = new LinkedHashMap<>();
        Map<String, DocumentSnapshot> disk = new LinkedHashMap<>();
        java.util.Set<String> files = new java.util.HashSet<>();
        for (var file : fixture.files().entrySet()) {
            files.add(Path.of(ROOT, file.getKey()).toString());
            if (file.getKey().endsWith(".md")) {
                String uri = uri(file.getKey());
                String path = "fixture/" + file.getKey();
                if (file.getKey().equals(open)) {
                    documents.put(uri, new DocumentSnapshot(uri, path, 1, file.getValue()));
                } else {
                    disk.put(uri, DocumentSnapshot.closed(uri, path, 0, file.getValue()));
                }
            }
        }
        WorkspaceSnapshot snapshot = new WorkspaceSnapshot(documents, disk, Set.copyOf(files),
                List.of(new WorkspaceFolder("file://" + ROOT, Path.of(ROOT), "fixture")), SettingsLayer.EMPTY, false, 1);
        var index = new IndexCache().index(snapshot, document -> settings, Cancellation.NONE);
        return new WorkspaceView(snapshot, index, document -> settings);
    }
}
