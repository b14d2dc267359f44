package org.logbookls.lsp;

import org.logbookls.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.logbookls.files.WorkspaceFiles;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.LogbookFiles;
import org.logbookls.workspace.Uris;
import org.logbookls.workspace.WorkspaceFolder;
import org.logbookls.workspace.WorkspaceSnapshot;

/**
 * Reads the Markdown files of the workspace folders at start-up, in the background, reporting
 * {@code $/progress}; requests are answered meanwhile from what is indexed so far. Only files
 * inside the workspace folders are read: symbolic links are not followed, and hidden folders,
 * {@code node_modules} and build output are skipped.
 */
final class WorkspaceIndexer {
    private static final int BATCH = 100;
    private static final String TOKEN = "logbook-indexing";

    private final Session session;
    private final DiagnosticsPublisher publisher;

    WorkspaceIndexer(Session session, DiagnosticsPublisher publisher) {
        this.session = session;
        this.publisher = publisher;
    }

    /** Indexes every workspace folder on a background thread. */
    void start(boolean clientShowsProgress) {
        Thread thread = new Thread(() -> run(clientShowsProgress), "logbook-indexer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(boolean clientShowsProgress) {
        long started = System.nanoTime();
        try {
            session.workspace().update(snapshot -> snapshot.withIndexing(true));
            boolean progress = clientShowsProgress && createProgress();
            List<Path> markdown = new ArrayList<>();
            Set<String> files = new HashSet<>();
            for (WorkspaceFolder folder : session.workspace().current().folders()) {
                scan(folder.path(), markdown, files);
            }
            session.workspace().update(snapshot -> snapshot.withDisk(Map.of(), files));
            if (progress) {
                notify(Either.forLeft(begin(markdown.size())));
            }
            List<String> skipped = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int from = 0; from < markdown.size(); from += BATCH) {
                List<Path> batch = markdown.subList(from, Math.min(markdown.size(), from + BATCH));
                Map<String, DocumentSnapshot> read = new LinkedHashMap<>();
                WorkspaceSnapshot current = session.workspace().current();
                // Files are read and analysed in parallel (each on its own; the machine's cores were
                // idle but one), so that requests find the facts ready; they join the workspace in order.
                List<java.util.Optional<DocumentSnapshot>> analysed = batch.parallelStream().map(file -> {
                    java.util.Optional<DocumentSnapshot> document = read(current, file, skipped);
                    document.ifPresent(d -> {
                        if (session.workspace().current().documents().containsKey(d.uri())) {
                            // Open: the editor's text is analysed, and the copy on disk is not read until it closes. A large
                            // logbook opened as the server started was parsed twice, on the cores its own analysis needed.
                            return;
                        }
                        Settings settings = session.settings().settingsOf(current, d.uri());
                        session.indexCache().facts(d, settings);
                        // A closed document lets go of its tree once its model is built (DocumentSnapshot.closed).
                        org.logbookls.analysis.symbols.WorkspaceSymbols.prepare(d, d.logbookWithoutSections(settings));
                    });
                    return document;
                }).toList();
                analysed.forEach(document -> document.ifPresent(d -> read.put(d.uri(), d)));
                session.workspace().update(snapshot -> snapshot.withDisk(read, Set.of()));
                if (progress) {
                    int done = Math.min(markdown.size(), from + BATCH);
                    notify(Either.forLeft(report(done, markdown.size())));
                }
            }
            if (!skipped.isEmpty()) {
                session.client().ifPresent(client -> client.showMessage(new org.eclipse.lsp4j.MessageParams(
                        org.eclipse.lsp4j.MessageType.Info, "Logbook: " + skipped.size() + " file(s) larger than the "
                        + "maxFileSizeMB setting are not indexed, e.g. " + skipped.get(0) + ".")));
            }
            if (progress) {
                WorkDoneProgressEnd end = new WorkDoneProgressEnd();
                end.setMessage(markdown.size() + " Markdown files indexed");
                notify(Either.forLeft(end));
            }
            session.log().info("Indexed " + markdown.size() + " Markdown files in " + (System.nanoTime() - started) / 1_000_000 + " ms.");
        } catch (RuntimeException | Error failure) {
            session.log().error("Indexing the workspace failed; open documents are still served.", failure);
        } finally {
            session.workspace().update(snapshot -> snapshot.withIndexing(false));
            publisher.scheduleAll();
        }
    }

    /** Rereads one file after the client reports it changed on disk (open documents are left alone). */
    void changed(Path file) {
        WorkspaceSnapshot current = session.workspace().current();
        if (current.folderOf(file).isEmpty()) {
            return;
        }
        String uri = Uris.uri(file);
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            session.workspace().update(snapshot -> snapshot.withoutFile(uri, file.toString()));
            return;
        }
        if (!LogbookFiles.isMarkdown(file.getFileName().toString())) {
            session.workspace().update(snapshot -> snapshot.withDisk(Map.of(), Set.of(file.toString())));
            return;
        }
        read(current, file, new ArrayList<>()).ifPresent(document ->
                session.workspace().update(snapshot -> snapshot.withDisk(Map.of(uri, document), Set.of(file.toString()))));
    }

    private java.util.Optional<DocumentSnapshot> read(WorkspaceSnapshot snapshot, Path file, List<String> skipped) {
        try {
            if (!reallyInside(snapshot, file)) {
                session.log().warning("Not reading " + file + ": through a symbolic link it lies outside the workspace folders.");
                return java.util.Optional.empty();
            }
            String uri = Uris.uri(file);
            if (Files.size(file) > session.settings().settingsOf(snapshot, uri).maxFileBytes()) {
                skipped.add(file.getFileName().toString());
                return java.util.Optional.empty();
            }
            String text = decode(Files.readAllBytes(file));
            return java.util.Optional.of(DocumentSnapshot.closed(uri, DocumentSettings.relativePath(snapshot, uri), 0, text));
        } catch (IOException | RuntimeException unreadable) {
            session.log().warning("Cannot read " + file + ": " + unreadable.getMessage());
            return java.util.Optional.empty();
        }
    }

    /**
     * True when the file, with every symbolic link on its way resolved, is still inside its
     * workspace folder: a link to a folder elsewhere ({@code notes -> /etc}) must not let a
     * file-watch event make the server read outside the workspace.
     */
    static boolean reallyInside(WorkspaceSnapshot snapshot, Path file) throws IOException {
        var folder = snapshot.folderOf(file);
        if (folder.isEmpty()) {
            return false;
        }
        return file.toRealPath().startsWith(folder.get().path().toRealPath());
    }

    private void scan(Path root, List<Path> markdown, Set<String> files) {
        WorkspaceFiles.Listing listing = WorkspaceFiles.list(root, problem -> session.log().warning("Cannot index " + problem + "."));
        markdown.addAll(listing.markdown());
        files.addAll(listing.files());
    }

    static String decode(byte[] bytes) {
        return org.logbookls.workspace.TextDecoding.decode(bytes);
    }

    private boolean createProgress() {
        try {
            session.client().orElseThrow().createProgress(new WorkDoneProgressCreateParams(Either.forLeft(TOKEN)))
                    .get(5, java.util.concurrent.TimeUnit.SECONDS);
            return true;
        } catch (Exception refused) {
            return false;
        }
    }

    private void notify(Either<org.eclipse.lsp4j.WorkDoneProgressNotification, Object> value) {
        session.client().ifPresent(client -> client.notifyProgress(new ProgressParams(Either.forLeft(TOKEN), value)));
    }

    private static WorkDoneProgressBegin begin(int total) {
        WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
        begin.setTitle("Indexing logbooks");
        begin.setMessage(total + " Markdown files");
        begin.setPercentage(0);
        begin.setCancellable(false);
        return begin;
    }

    private static WorkDoneProgressReport report(int done, int total) {
        WorkDoneProgressReport report = new WorkDoneProgressReport();
        report.setMessage(done + "/" + total);
        report.setPercentage(total == 0 ? 100 : done * 100 / total);
        return report;
    }
}
