package org.logbookls.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.services.LanguageClient;
import org.logbookls.analysis.diagnostics.Diagnostics;
import org.logbookls.config.Settings;
import org.logbookls.text.Cancellation;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.Workspace;

/**
 * What the protocol services share for one connection: the workspace cell, the client, the
 * negotiated position encoding, and the executors. Settings that are negotiated once
 * ({@code encoding}, {@code clientPullsDiagnostics}) are written during {@code initialize} only.
 */
final class Session {
    private final Workspace workspace = new Workspace();
    private final DocumentSettings settings = new DocumentSettings();
    private final org.logbookls.workspace.IndexCache indexCache = new org.logbookls.workspace.IndexCache();
    private final ServerLog log;
    private volatile LanguageClient client;
    private volatile Convert.Encoding encoding = Convert.Encoding.UTF16;
    private volatile boolean clientPullsDiagnostics;
    private volatile boolean clientRefreshesDiagnostics;
    private volatile boolean shutdownRequested;

    /** Open documents above {@code maxFileSizeMB}: their text is kept so that changes apply, but nothing analyses them. */
    private final java.util.Map<String, DocumentSnapshot> oversized = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<String> told = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * The diagnostics last found for each open document, with what they were found against: the next
     * version's are often these, moved ({@link Diagnostics#afterEdits}). Dropped when the document closes.
     */
    private final java.util.Map<String, Checked> checked = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Diagnostics of {@code logbook} (a model of the document's {@code version}), found with these
     * settings, index and files on {@code today}.
     */
    private record Checked(org.logbookls.model.Logbook logbook, int version, Settings settings,
            org.logbookls.workspace.WorkspaceIndex index, Object files, java.time.LocalDate today,
            List<org.logbookls.analysis.diagnostics.Diagnostic> found) {
    }

    Session(ServerLog log) {
        this.log = log;
    }

    Optional<DocumentSnapshot> oversized(String uri) {
        return Optional.ofNullable(oversized.get(uri));
    }

    void keepOversized(DocumentSnapshot document) {
        oversized.put(document.uri(), document);
    }

    void dropOversized(String uri) {
        oversized.remove(uri);
    }

    /** The JSON of each open document's last outline, by entry ({@link OutlineJson}). Dropped when the document closes. */
    private final java.util.Map<String, OutlineJson.Cache> outlines = new java.util.concurrent.ConcurrentHashMap<>();

    /** Forgets what was found in, and written of, a document that closed. */
    void dropChecked(String uri) {
        checked.remove(uri);
        indexCache.forget(uri);
        outlines.remove(uri);
        pulled.remove(uri);
    }

    /**
     * The last diagnostics report a client pulled for each open document, under its result id: when the
     * client names that id and the diagnostics are the same, the answer is "unchanged" instead of them all
     * again (VS Code pulls after every keystroke, and most keystrokes change no diagnostic's position).
     */
    private final java.util.Map<String, Pulled> pulled = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong nextResultId = new java.util.concurrent.atomic.AtomicLong();

    private record Pulled(String resultId, List<org.eclipse.lsp4j.Diagnostic> items) {
    }

    /**
     * The answer to a pull of {@code uri}'s diagnostics, now {@code items}, by a client that holds the report
     * {@code previousResultId} (or none): "unchanged" when that is the last one sent and it still holds.
     */
    org.eclipse.lsp4j.DocumentDiagnosticReport pulledReport(String uri, String previousResultId, List<org.eclipse.lsp4j.Diagnostic> items) {
        Pulled last = pulled.get(uri);
        if (last != null && last.resultId().equals(previousResultId) && last.items().equals(items)) {
            return new org.eclipse.lsp4j.DocumentDiagnosticReport(new org.eclipse.lsp4j.RelatedUnchangedDocumentDiagnosticReport(last.resultId()));
        }
        String resultId = Long.toString(nextResultId.incrementAndGet());
        pulled.put(uri, new Pulled(resultId, items));
        if (workspace.current().document(uri).isEmpty()) {
            // Closed while this request ran: what was just added would never be dropped.
            pulled.remove(uri);
        }
        var report = new org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport(items);
        report.setResultId(resultId);
        return new org.eclipse.lsp4j.DocumentDiagnosticReport(report);
    }

    /** Where the outlines of the open document {@code uri} keep their entries' JSON; none once it closed. */
    OutlineJson.Cache outlineCache(String uri) {
        OutlineJson.Cache cache = outlines.computeIfAbsent(uri, ignored -> new OutlineJson.Cache());
        if (workspace.current().document(uri).isEmpty()) {
            // Closed while this request ran: what was just added would never be dropped.
            outlines.remove(uri);
            return null;
        }
        return cache;
    }

    /** Shows a warning about {@code key} the first time only. */
    void tellOnce(String key, String message) {
        if (told.add(key)) {
            log.warning(message);
            client().ifPresent(connected -> connected.showMessage(new org.eclipse.lsp4j.MessageParams(
                    org.eclipse.lsp4j.MessageType.Warning, message)));
        }
    }

    Workspace workspace() {
        return workspace;
    }

    DocumentSettings settings() {
        return settings;
    }

    ServerLog log() {
        return log;
    }

    Optional<LanguageClient> client() {
        return Optional.ofNullable(client);
    }

    void connect(LanguageClient languageClient) {
        this.client = languageClient;
        log.connect(languageClient);
    }

    Convert.Encoding encoding() {
        return encoding;
    }

    void encoding(Convert.Encoding negotiated) {
        this.encoding = negotiated;
    }

    boolean clientPullsDiagnostics() {
        return clientPullsDiagnostics;
    }

    void clientPullsDiagnostics(boolean pulls) {
        this.clientPullsDiagnostics = pulls;
    }

    boolean clientRefreshesDiagnostics() {
        return clientRefreshesDiagnostics;
    }

    void clientRefreshesDiagnostics(boolean refreshes) {
        this.clientRefreshesDiagnostics = refreshes;
    }

    boolean shutdownRequested() {
        return shutdownRequested;
    }

    void requestShutdown() {
        this.shutdownRequested = true;
    }

    org.logbookls.workspace.IndexCache indexCache() {
        return indexCache;
    }

    /**
     * The workspace as of {@code snapshot}, with its index (reused when no document's facts changed),
     * made when a feature first reads it: those that read one document only never do.
     */
    org.logbookls.workspace.WorkspaceView view(org.logbookls.workspace.WorkspaceSnapshot snapshot, Cancellation cancel) {
        java.util.function.Function<DocumentSnapshot, Settings> settingsOf = document -> settings.settingsOf(snapshot, document.uri());
        return org.logbookls.workspace.WorkspaceView.indexedWhenAsked(snapshot, () -> indexCache.index(snapshot, settingsOf, cancel),
                settingsOf);
    }

    /** The document's diagnostics, checked against the workspace, as many as the client is sent, converted for it. */
    List<org.eclipse.lsp4j.Diagnostic> diagnostics(org.logbookls.workspace.WorkspaceView view, DocumentSnapshot document,
            Cancellation cancel) {
        Settings documentSettings = view.settingsOf(document);
        var logbook = view.logbook(document);
        java.time.LocalDate today = documentSettings.todayOrClock();
        // The checks read the settings, the workspace's index (all of it but the ID summaries: its derived()) and
        // files, and the day besides the document: when those are the objects of last time, the last diagnostics may only have moved with the edit,
        // but for those of the checks that read what it changed. An index that differs only in this document's
        // facts differs as its model does, which the comparison of the models sees.
        Checked last = checked.get(document.uri());
        var environment = new org.logbookls.analysis.diagnostics.WorkspaceEnvironment(view);
        List<org.logbookls.analysis.diagnostics.Diagnostic> found = null;
        if (last != null && last.settings() == documentSettings
                && (last.index().derived() == view.index().derived() || view.index().sameFactsBut(last.index(), document.uri()))
                && last.files() == view.snapshot().files() && last.today().equals(today)) {
            found = last.logbook() == logbook ? last.found()
                    : document.lineKeepingEditsSince(last.version())
                            .map(edits -> Diagnostics.afterEdits(document.uri(), last.logbook(), last.found(), logbook, edits,
                                    document.lineIndex(), documentSettings, environment, cancel))
                            .orElse(null);
        }
        if (found == null) {
            found = Diagnostics.of(document.uri(), logbook, document.lineIndex(), documentSettings, environment, cancel);
        }
        checked.put(document.uri(), new Checked(logbook, document.version(), documentSettings, view.index(), view.snapshot().files(), today,
                found));
        List<org.eclipse.lsp4j.Diagnostic> converted = new ArrayList<>();
        for (var diagnostic : org.logbookls.analysis.diagnostics.DiagnosticLimit.apply(found, documentSettings)) {
            converted.add(Convert.diagnostic(document.uri(), document.lineIndex(), diagnostic, encoding));
        }
        return converted;
    }
}
