package org.logbookls.workspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.logbookls.config.SettingsLayer;

/**
 * The whole state the server computes on, at one moment.
 *
 * <p>Immutable: every change produces a new snapshot, and a request computes on the snapshot it
 * captured when it arrived. {@code documents} are the open documents by URI; {@code disk} the
 * closed Markdown documents read from the workspace folders; {@code files} the absolute paths of
 * every file in those folders (for checking links); {@code clientSettings} the client's
 * {@code logbook} configuration section, decoded; {@code indexing} says the start-up scan is still
 * running.
 *
 * <p>While a document is open, its copy in {@code disk} is kept unanalysed (text only): nothing reads
 * it until the document closes, and its model beside the open one's doubled the memory a large
 * logbook takes.
 */
public record WorkspaceSnapshot(Map<String, DocumentSnapshot> documents, Map<String, DocumentSnapshot> disk, Set<String> files,
        List<WorkspaceFolder> folders, SettingsLayer clientSettings, boolean indexing, long revision) {
    public static final WorkspaceSnapshot EMPTY = new WorkspaceSnapshot(Map.of(), Map.of(), Set.of(), List.of(), SettingsLayer.EMPTY,
            false, 0);

    public WorkspaceSnapshot {
        documents = Frozen.map(documents);
        disk = Frozen.map(disk);
        files = Frozen.set(files);
        folders = List.copyOf(folders);
    }

    /**
     * Copies that this record made, passed on by the {@code with} methods without copying again: every
     * keystroke makes a snapshot, and copying the 2,000 closed documents and files of a large workspace
     * each time took time and made the file set a new object, which what caches results on the last
     * snapshot's files compares by identity. The maps keep their insertion order, as the copies did.
     */
    private static final class Frozen {
        private Frozen() {
        }

        static <K, V> Map<K, V> map(Map<K, V> map) {
            return FrozenMap.of(map);
        }

        static Set<String> set(Set<String> set) {
            return set instanceof FrozenSet frozen ? frozen : new FrozenSet(set);
        }

        private static final class FrozenSet extends java.util.AbstractSet<String> {
            private final Set<String> set;

            private volatile Set<String> directories;

            FrozenSet(Set<String> set) {
                this.set = java.util.Collections.unmodifiableSet(new java.util.HashSet<>(set));
            }

            /** Computed once per set of files, however many snapshots share it (a benign race computes it twice). */
            Set<String> directories() {
                Set<String> known = directories;
                if (known == null) {
                    known = parents(set);
                    directories = known;
                }
                return known;
            }

            @Override
            public java.util.Iterator<String> iterator() {
                return set.iterator();
            }

            @Override
            public boolean contains(Object item) {
                return set.contains(item);
            }

            @Override
            public int size() {
                return set.size();
            }
        }
    }

    /** An open document. */
    /** The folders that hold at least one file, derived from {@code files}; computed once per snapshot. */
    public Set<String> directories() {
        return ((Frozen.FrozenSet) files).directories();
    }

    private static Set<String> parents(Set<String> files) {
        Set<String> directories = new java.util.HashSet<>();
        for (String file : files) {
            java.nio.file.Path parent = java.nio.file.Path.of(file).getParent();
            while (parent != null && directories.add(parent.toString())) {
                parent = parent.getParent();
            }
        }
        return java.util.Collections.unmodifiableSet(directories);
    }

    public Optional<DocumentSnapshot> document(String uri) {
        return Optional.ofNullable(documents.get(uri));
    }

    /** An open document, else the closed one read from disk. */
    public Optional<DocumentSnapshot> anyDocument(String uri) {
        DocumentSnapshot open = documents.get(uri);
        return open != null ? Optional.of(open) : Optional.ofNullable(disk.get(uri));
    }

    /**
     * Every known Markdown document by URI; open documents win over their copies on disk. A new map
     * on each call when files are closed: ask once, not once per document.
     */
    public Map<String, DocumentSnapshot> allDocuments() {
        if (disk.isEmpty()) {
            return documents;
        }
        Map<String, DocumentSnapshot> all = new LinkedHashMap<>(disk);
        all.putAll(documents);
        return all;
    }

    public WorkspaceSnapshot withDocument(DocumentSnapshot document) {
        Map<String, DocumentSnapshot> copy = new LinkedHashMap<>(documents);
        copy.put(document.uri(), document);
        DocumentSnapshot onDisk = disk.get(document.uri());
        Map<String, DocumentSnapshot> shadowed = disk;
        if (onDisk != null && onDisk.analysed()) {
            shadowed = new LinkedHashMap<>(disk);
            shadowed.put(document.uri(), onDisk.unanalysed());
        }
        return new WorkspaceSnapshot(copy, shadowed, files, folders, clientSettings, indexing, revision + 1);
    }

    public WorkspaceSnapshot withoutDocument(String uri) {
        Map<String, DocumentSnapshot> copy = new LinkedHashMap<>(documents);
        copy.remove(uri);
        return new WorkspaceSnapshot(copy, disk, files, folders, clientSettings, indexing, revision + 1);
    }

    /** Adds or replaces closed documents read from disk, and the files they came with. */
    public WorkspaceSnapshot withDisk(Map<String, DocumentSnapshot> read, Set<String> seenFiles) {
        Map<String, DocumentSnapshot> copy = new LinkedHashMap<>(disk);
        read.forEach((uri, document) -> copy.put(uri, documents.containsKey(uri) ? document.unanalysed() : document));
        // The start-up index adds its documents a hundred at a time, seeing no new file: the file set
        // (and the folders derived from it) is passed on, not copied twice for each hundred.
        Set<String> allFiles = files;
        if (!files.containsAll(seenFiles)) {
            allFiles = new java.util.HashSet<>(files);
            allFiles.addAll(seenFiles);
        }
        return new WorkspaceSnapshot(documents, FrozenMap.handedOver(copy), allFiles, folders, clientSettings, indexing, revision + 1);
    }

    /** Forgets a file deleted on disk. */
    public WorkspaceSnapshot withoutFile(String uri, String path) {
        Map<String, DocumentSnapshot> copy = new LinkedHashMap<>(disk);
        copy.remove(uri);
        Set<String> allFiles = new java.util.HashSet<>(files);
        allFiles.remove(path);
        return new WorkspaceSnapshot(documents, copy, allFiles, folders, clientSettings, indexing, revision + 1);
    }

    public WorkspaceSnapshot withIndexing(boolean running) {
        return new WorkspaceSnapshot(documents, disk, files, folders, clientSettings, running, revision + 1);
    }

    public WorkspaceSnapshot withFolders(List<WorkspaceFolder> newFolders) {
        return new WorkspaceSnapshot(documents, disk, files, newFolders, clientSettings, indexing, revision + 1);
    }

    public WorkspaceSnapshot withClientSettings(SettingsLayer settings) {
        return new WorkspaceSnapshot(documents, disk, files, folders, settings, indexing, revision + 1);
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
