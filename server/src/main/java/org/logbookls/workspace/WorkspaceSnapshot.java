package org.logbookls.workspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.logbookls.config.SettingsLayer;

/**
 * The whole state the server computes on, at one moment.
 *
 * <p>Immutable: every change produces a new snapshot, and a request computes on the snapshot it
 * captured when it arrived. {@code documents} are the open documents by URI; {@code clientSettings}
 * is the client's {@code logbook} configuration section, decoded.
 */
public record WorkspaceSnapshot(Map<String, DocumentSnapshot> documents, List<WorkspaceFolder> folders, SettingsLayer clientSettings,
        long revision) {
    public static final WorkspaceSnapshot EMPTY = new WorkspaceSnapshot(Map.of(), List.of(), SettingsLayer.EMPTY, 0);

    public WorkspaceSnapshot {
        documents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(documents));
        folders = List.copyOf(folders);
    }

    public Optional<DocumentSnapshot> document(String uri) {
        return Optional.ofNullable(documents.get(uri));
    }

    public WorkspaceSnapshot withDocument(DocumentSnapshot document) {
        Map<String, DocumentSnapshot> copy = new LinkedHashMap<>(documents);
        copy.put(document.uri(), document);
        return new WorkspaceSnapshot(copy, folders, clientSettings, revision + 1);
    }

    public WorkspaceSnapshot withoutDocument(String uri) {
        Map<String, DocumentSnapshot> copy = new LinkedHashMap<>(documents);
        copy.remove(uri);
        return new WorkspaceSnapshot(copy, folders, clientSettings, revision + 1);
    }

    public WorkspaceSnapshot withFolders(List<WorkspaceFolder> newFolders) {
        return new WorkspaceSnapshot(documents, newFolders, clientSettings, revision + 1);
    }

    public WorkspaceSnapshot withClientSettings(SettingsLayer settings) {
        return new WorkspaceSnapshot(documents, folders, settings, revision + 1);
    }

    /** The workspace folder that holds {@code path}, the innermost if folders nest. */
    public Optional<WorkspaceFolder> folderOf(java.nio.file.Path path) {
        WorkspaceFolder best = null;
        for (WorkspaceFolder folder : folders) {
            if (path.startsWith(folder.path()) && (best == null || folder.path().getNameCount() > best.path().getNameCount())) {
                best = folder;
            }
        }
        return Optional.ofNullable(best);
    }
}
