package org.logbookls.lsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.logbookls.workspace.Uris;
import org.logbookls.config.Settings;
import org.logbookls.json.ConfigFiles;
import org.logbookls.workspace.WorkspaceFolder;
import org.logbookls.workspace.WorkspaceSnapshot;

/**
 * The settings in force for one document: the defaults, then the client's settings, then the
 * {@code .logbook.json} files from its workspace folder down to its own folder. Configuration
 * files are read only inside workspace folders (or the document's own folder when it is in none).
 */
final class DocumentSettings {
    private final ConfigFiles configs = new ConfigFiles();
    /** Resolved settings per folder, valid while the client settings and configuration files stay the same. */
    private final java.util.Map<Path, ConfigFiles.Resolved> byFolder = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Object cachedFor;

    ConfigFiles configs() {
        return configs;
    }

    /** Forgets everything resolved, after a configuration file changed. */
    void invalidate() {
        byFolder.clear();
    }

    /** The settings in force for a document, cached per folder. */
    Settings settingsOf(WorkspaceSnapshot snapshot, String uri) {
        if (cachedFor != snapshot.clientSettings()) {
            byFolder.clear();
            cachedFor = snapshot.clientSettings();
        }
        Optional<Path> folder = folderOf(uri);
        if (folder.isEmpty()) {
            return resolve(snapshot, uri).settings();
        }
        return byFolder.computeIfAbsent(folder.get(), f -> resolve(snapshot, uri)).settings();
    }

    /**
     * The folder of the file a URI names, remembered: parsing the URI again for every document of a
     * 2,000-file workspace was a fifth of a workspace-symbol query. A pure function of the URI, so
     * nothing invalidates it; the memory is bounded by starting over past {@link #MAX_URIS}.
     */
    private Optional<Path> folderOf(String uri) {
        Optional<Path> known = folders.get(uri);
        if (known == null) {
            if (folders.size() >= MAX_URIS) {
                folders.clear();
            }
            known = Uris.path(uri).map(Path::getParent);
            folders.put(uri, known);
        }
        return known;
    }

    private static final int MAX_URIS = 100_000;
    private final java.util.Map<String, Optional<Path>> folders = new java.util.concurrent.ConcurrentHashMap<>();

    ConfigFiles.Resolved resolve(WorkspaceSnapshot snapshot, String uri) {
        Settings base = snapshot.clientSettings().applyTo(Settings.DEFAULT);
        Optional<Path> path = Uris.path(uri);
        if (path.isEmpty()) {
            return new ConfigFiles.Resolved(base, java.util.List.of());
        }
        Path root = snapshot.folderOf(path.get()).map(WorkspaceFolder::path).orElse(path.get().getParent());
        if (root == null) {
            return new ConfigFiles.Resolved(base, java.util.List.of());
        }
        return configs.resolve(path.get(), root, base);
    }

    /** The document's path as the model sees it: relative to its folder's parent, so the folder name is part of it. */
    static String relativePath(WorkspaceSnapshot snapshot, String uri) {
        Optional<Path> path = Uris.path(uri);
        if (path.isEmpty()) {
            String raw = URI.create(uri).getPath();
            if (raw == null) {
                return uri;
            }
            return raw.substring(raw.lastIndexOf('/') + 1);
        }
        Path file = path.get();
        Path base = snapshot.folderOf(file).map(WorkspaceFolder::path).map(Path::getParent).orElse(null);
        if (base == null) {
            Path parent = file.getParent();
            base = parent == null ? null : parent.getParent();
        }
        Path relative = base == null ? file.getFileName() : base.relativize(file);
        return relative.toString().replace('\\', '/');
    }
}
