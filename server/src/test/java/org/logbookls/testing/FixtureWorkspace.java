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

    public static WorkspaceView of(Fixture fixture) {
        Settings settings = settings(fixture);
        Map<String, DocumentSnapshot> documents = new LinkedHashMap<>();
        java.util.Set<String> files = new java.util.HashSet<>();
        for (var file : fixture.files().entrySet()) {
            files.add(Path.of(ROOT, file.getKey()).toString());
            if (file.getKey().endsWith(".md")) {
                String uri = uri(file.getKey());
                documents.put(uri, new DocumentSnapshot(uri, "fixture/" + file.getKey(), 1, file.getValue()));
            }
        }
        WorkspaceSnapshot snapshot = new WorkspaceSnapshot(documents, Map.of(), Set.copyOf(files),
                List.of(new WorkspaceFolder("file://" + ROOT, Path.of(ROOT), "fixture")), SettingsLayer.EMPTY, false, 1);
        var index = new IndexCache().index(snapshot, document -> settings, Cancellation.NONE);
        return new WorkspaceView(snapshot, index, document -> settings);
    }
}
