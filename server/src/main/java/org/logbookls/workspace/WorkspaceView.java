package org.logbookls.workspace;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.logbookls.config.Settings;
import org.logbookls.model.Logbook;

/**
 * Everything a cross-document feature reads: one snapshot, its index, and the settings in force
 * for each document. Immutable; features never see anything newer than the snapshot they started on.
 *
 * <p>The index may be made when first asked for ({@link #indexedWhenAsked}): the features that read
 * one document only (its outline, folds, hints) never ask, and after a keystroke that changed the
 * document's IDs (an entry heading broken) bringing the index up to date was a fifth of their time.
 */
public final class WorkspaceView {
    private final WorkspaceSnapshot snapshot;
    private final Function<DocumentSnapshot, Settings> settings;
    private final Supplier<WorkspaceIndex> indexer;
    private volatile WorkspaceIndex index;

    public WorkspaceView(WorkspaceSnapshot snapshot, WorkspaceIndex index, Function<DocumentSnapshot, Settings> settings) {
        this(snapshot, () -> index, settings);
        this.index = index;
    }

    private WorkspaceView(WorkspaceSnapshot snapshot, Supplier<WorkspaceIndex> indexer, Function<DocumentSnapshot, Settings> settings) {
        this.snapshot = snapshot;
        this.indexer = indexer;
        this.settings = settings;
    }

    /** A view whose index {@code indexer} makes (of {@code snapshot}) when a feature first asks for it, once. */
    public static WorkspaceView indexedWhenAsked(WorkspaceSnapshot snapshot, Supplier<WorkspaceIndex> indexer,
            Function<DocumentSnapshot, Settings> settings) {
        return new WorkspaceView(snapshot, indexer, settings);
    }

    public WorkspaceSnapshot snapshot() {
        return snapshot;
    }

    /** The index of the snapshot's documents: made now if it was not yet (a cancelled making is tried again when next asked). */
    public WorkspaceIndex index() {
        WorkspaceIndex known = index;
        if (known == null) {
            synchronized (this) {
                known = index;
                if (known == null) {
                    known = indexer.get();
                    index = known;
                }
            }
        }
        return known;
    }

    public Function<DocumentSnapshot, Settings> settings() {
        return settings;
    }

    public Logbook logbook(DocumentSnapshot document) {
        return document.logbook(settings.apply(document));
    }

    /**
     * {@code document}'s model, but a closed document's entries may have no sections read
     * ({@link DocumentSnapshot#logbookWithoutSections}): for a feature reading another document's
     * entries, IDs, tokens, tags or anchors, never its sections.
     */
    public Logbook logbookWithoutSections(DocumentSnapshot document) {
        return document.logbookWithoutSections(settings.apply(document));
    }

    public Settings settingsOf(DocumentSnapshot document) {
        return settings.apply(document);
    }

    /** An open document, else its copy read from disk. */
    public Optional<DocumentSnapshot> document(String uri) {
        return snapshot.anyDocument(uri);
    }

    /** The path a relative link from {@code fromUri} points to, decoded; empty when it cannot be a local file. */
    public Optional<Path> resolve(String fromUri, String relative) {
        Optional<Path> from = Uris.path(fromUri);
        if (from.isEmpty() || from.get().getParent() == null) {
            return Optional.empty();
        }
        try {
            String decoded = java.net.URLDecoder.decode(relative.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            return Optional.of(from.get().getParent().resolve(decoded).normalize());
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** True when {@code path} lies inside a workspace folder, where the server knows every file. */
    public boolean inWorkspace(Path path) {
        return snapshot.folderOf(path).isPresent();
    }

    /** True when some file of the workspace lies in {@code directory} or below it. */
    public boolean directoryExists(Path directory) {
        return snapshot.directories().contains(directory.toString());
    }

    public boolean exists(Path path) {
        String uri = Uris.uri(path);
        return snapshot.files().contains(path.toString()) || snapshot.documents().containsKey(uri) || snapshot.disk().containsKey(uri);
    }

    public static String uriOf(Path path) {
        return Uris.uri(path);
    }

    /** The URI of a path given as a URI's path part, for messages. */
    static String display(String uri) {
        String path = URI.create(uri).getPath();
        return path == null ? uri : path;
    }
}
