package org.logbookls.lsp;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.logbookls.text.TextRange;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.LogbookFiles;
import org.logbookls.workspace.TextEdits;

/**
 * Document synchronisation and document requests. Notifications replace the snapshot and return;
 * requests compute on the snapshot they saw, off the reader thread.
 */
final class LogbookTextDocumentService implements TextDocumentService {
    private final Session session;
    private final DiagnosticsPublisher publisher;
    private final Requests requests;

    LogbookTextDocumentService(Session session, DiagnosticsPublisher publisher, Requests requests) {
        this.session = session;
        this.publisher = publisher;
        this.requests = requests;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        guard("didOpen", () -> {
            var item = params.getTextDocument();
            if (!isMarkdown(item.getUri(), item.getLanguageId())) {
                return;
            }
            session.workspace().update(snapshot -> snapshot.withDocument(new DocumentSnapshot(item.getUri(),
                    DocumentSettings.relativePath(snapshot, item.getUri()), item.getVersion(), item.getText() == null ? "" : item.getText())));
            publisher.schedule(item.getUri());
        });
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        guard("didChange", () -> {
            String uri = params.getTextDocument().getUri();
            var current = session.workspace().current().document(uri);
            if (current.isEmpty()) {
                session.log().warning("Ignoring a change to " + uri + ", which is not open.");
                return;
            }
            session.workspace().update(snapshot -> {
                DocumentSnapshot document = snapshot.document(uri).orElse(current.get());
                String text = document.text();
                for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
                    String replacement = change.getText() == null ? "" : change.getText();
                    if (change.getRange() == null) {
                        text = replacement;
                    } else {
                        var lines = org.logbookls.text.LineIndex.of(text);
                        TextRange range = Convert.range(lines, change.getRange(), session.encoding());
                        text = TextEdits.apply(text, range, replacement);
                    }
                }
                Integer version = params.getTextDocument().getVersion();
                return snapshot.withDocument(document.withText(version == null ? document.version() + 1 : version, text));
            });
            publisher.schedule(uri);
        });
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        guard("didClose", () -> {
            String uri = params.getTextDocument().getUri();
            session.workspace().update(snapshot -> snapshot.withoutDocument(uri));
            publisher.clear(uri);
        });
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // Diagnostics follow the text, not the disk: nothing to do on save.
    }

    @Override
    public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
        var snapshot = session.workspace().current();
        String uri = params.getTextDocument().getUri();
        return requests.compute("textDocument/diagnostic", cancel -> {
            var document = snapshot.document(uri);
            if (document.isEmpty()) {
                return new DocumentDiagnosticReport(new RelatedFullDocumentDiagnosticReport(java.util.List.of()));
            }
            var settings = session.settings().resolve(snapshot, uri).settings();
            var report = new RelatedFullDocumentDiagnosticReport(session.diagnostics(document.get(), settings, cancel));
            return new DocumentDiagnosticReport(report);
        });
    }

    private static boolean isMarkdown(String uri, String languageId) {
        return "markdown".equals(languageId) || LogbookFiles.isMarkdown(uri);
    }

    private void guard(String method, Runnable notification) {
        try {
            notification.run();
        } catch (RuntimeException | StackOverflowError failure) {
            session.log().error("Handling " + method + " failed; the server carries on.", failure);
        }
    }
}
