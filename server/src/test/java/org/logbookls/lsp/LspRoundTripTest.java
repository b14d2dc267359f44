package org.logbookls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.GeneralClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logbookls.testing.Pipe;

/**
 * Drives the real server through LSP4J over piped streams, as an editor would. Waits for specific
 * messages with bounded time-outs; never sleeps.
 */
class LspRoundTripTest {
    private static final long TIMEOUT_SECONDS = 20;
    private static final String LOGBOOK = """
            # Lab notebook

            ## 2024-03-02
            Results: fine.

            ## 2024-03-31
            Results: fine.

            ## 2024-03-01
            Results: fine.
            """;

    @TempDir
    Path folder;

    private final RecordingClient client = new RecordingClient();
    private final CompletableFuture<Integer> exitStatus = new CompletableFuture<>();
    private ExtendedServer server;

    /** The server as the VS Code extension sees it: LSP plus the extension's own requests. */
    interface ExtendedServer extends LanguageServer {
        @org.eclipse.lsp4j.jsonrpc.services.JsonRequest(value = "logbook/summary", useSegment = false)
        CompletableFuture<JsonObject> summary(TextDocumentIdentifier document);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void openingALogbookPushesItsDiagnosticsAndClosingClearsThem() throws Exception {
        InitializeResult result = start(capabilities(false, false), null);
        assertEquals("utf-16", result.getCapabilities().getPositionEncoding());
        String uri = open("journal.md", LOGBOOK);
        PublishDiagnosticsParams published = client.nextDiagnostics(uri);
        assertEquals(1, published.getDiagnostics().size());
        var diagnostic = published.getDiagnostics().get(0);
        assertEquals("date-order", diagnostic.getCode().getLeft());
        assertEquals(new Range(new Position(5, 3), new Position(5, 13)), diagnostic.getRange());

        server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
        assertTrue(client.nextDiagnostics(uri).getDiagnostics().isEmpty());
    }

    @Test
    void anIncrementalEditUpdatesTheDiagnostics() throws Exception {
        start(capabilities(false, false), null);
        String uri = open("journal.md", LOGBOOK);
        assertEquals(1, client.nextDiagnostics(uri).getDiagnostics().size());
        // "## 2024-03-31" becomes "## 2024-03-01": the order is fixed, and a duplicate date appears.
        change(uri, 2, new Range(new Position(5, 11), new Position(5, 13)), "01");
        PublishDiagnosticsParams after = client.nextDiagnostics(uri);
        assertEquals(List.of("duplicate-date"), after.getDiagnostics().stream().map(d -> d.getCode().getLeft()).toList());
        assertEquals(2, after.getVersion());
    }

    @Test
    void pullDiagnosticsAnswerFromTheLatestText() throws Exception {
        start(capabilities(true, false), null);
        String uri = open("journal.md", LOGBOOK);
        var report = server.getTextDocumentService().diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(uri)))
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals(1, report.getLeft().getItems().size());
        assertTrue(client.diagnostics.isEmpty(), "A client that pulls gets no pushed diagnostics");
    }

    /**
     * A client that names the report it holds gets "unchanged" while the diagnostics are the same, and
     * them all, under a new id, once they differ or when it names an older report.
     */
    @Test
    void aPullNamingTheLastReportIsAnsweredUnchangedWhileNothingChanged() throws Exception {
        start(capabilities(true, false), null);
        String uri = open("journal.md", LOGBOOK);
        var first = pull(uri, null).getLeft();
        assertEquals(1, first.getItems().size());
        assertNotNull(first.getResultId());
        // A keystroke on another line than the diagnostic's: nothing the client shows changed.
        change(uri, 2, new Range(new Position(3, 9), new Position(3, 9)), "x");
        var same = pull(uri, first.getResultId());
        assertTrue(same.isRight(), "unchanged");
        assertEquals(first.getResultId(), same.getRight().getResultId());
        // "## 2024-03-31" becomes "## 2024-03-01": another diagnostic.
        change(uri, 3, new Range(new Position(5, 11), new Position(5, 13)), "01");
        var changed = pull(uri, first.getResultId()).getLeft();
        assertEquals(List.of("duplicate-date"), changed.getItems().stream().map(d -> d.getCode().getLeft()).toList());
        assertTrue(!changed.getResultId().equals(first.getResultId()));
        // The client still naming the first report gets everything, as does one naming none.
        assertTrue(pull(uri, first.getResultId()).isLeft());
        assertTrue(pull(uri, null).isLeft());
    }

    private org.eclipse.lsp4j.jsonrpc.messages.Either<org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport,
            org.eclipse.lsp4j.RelatedUnchangedDocumentDiagnosticReport> pull(String uri, String previousResultId) throws Exception {
        var params = new DocumentDiagnosticParams(new TextDocumentIdentifier(uri));
        params.setPreviousResultId(previousResultId);
        var report = server.getTextDocumentService().diagnostic(params).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return report.isLeft() ? org.eclipse.lsp4j.jsonrpc.messages.Either.forLeft(report.getLeft())
                : org.eclipse.lsp4j.jsonrpc.messages.Either.forRight(report.getRight());
    }

    /**
     * A body edit usually only moves the last diagnostics; not those of a link into another file, whose
     * headings may have changed since without any change to the workspace's index.
     */
    @Test
    void aLinkIntoAnotherFileIsCheckedAgainAfterThatFileChanged() throws Exception {
        java.nio.file.Files.writeString(folder.resolve("notes.md"), "# Notes\n\n## Setup\ntext\n");
        start(withProgress(capabilities(true, false)), null);
        // Indexed first: the diagnostics found before the index and file list settle are found again anyway.
        client.awaitProgressEnd();
        String notes = open("notes.md", "# Notes\n\n## Setup\ntext\n");
        String journal = open("journal.md", LOGBOOK.replaceFirst("Results: fine.", "Results: fine, see [setup](notes.md#setup)."));
        assertEquals(List.of("date-order"), pulledCodes(journal));
        change(notes, 2, new Range(new Position(2, 3), new Position(2, 8)), "Teardown");
        change(journal, 2, new Range(new Position(3, 9), new Position(3, 9)), "x");
        assertEquals(List.of("broken-link", "date-order"), pulledCodes(journal).stream().sorted().toList());
        change(journal, 3, new Range(new Position(3, 9), new Position(3, 10)), "");
        assertEquals(List.of("broken-link", "date-order"), pulledCodes(journal).stream().sorted().toList());
    }

    /**
     * Typing an ID makes a new workspace index, which differs from the last only in that document's
     * facts: its last diagnostics are moved but for the checks of IDs. Another document defining an
     * ID makes the checks run again.
     */
    @Test
    void anIdTypedOrDefinedElsewhereUpdatesTheReferences() throws Exception {
        start(capabilities(true, false), null);
        String other = open("other.md", "# Other\n\n## 2024-03-13 [e0009] third\nResults: x\n");
        String journal = open("journal.md", "# Log\n\n## 2024-03-12 [e0002] second\nResults: see [e0003] and [e0004].\n\n"
                + "## 2024-03-11 [e0001] first\nResults: ok\n");
        assertEquals(List.of("undefined-reference", "undefined-reference"), pulledCodes(journal));
        // "[e0002]" becomes "[e0003]": e0003 is defined, e0004 still is not and its suggestion is the new ID.
        change(journal, 2, new Range(new Position(2, 19), new Position(2, 20)), "3");
        var report = server.getTextDocumentService().diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(journal)))
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).getLeft().getItems();
        assertEquals(1, report.size(), report.toString());
        assertEquals("Experiment 'e0004' is not defined by any entry; did you mean 'e0003'?", report.get(0).getMessage());
        // The other logbook's "[e0009]" becomes "[e0004]".
        change(other, 2, new Range(new Position(2, 19), new Position(2, 20)), "4");
        assertEquals(List.of(), pulledCodes(journal));
        // And typing a body keeps it so.
        change(journal, 3, new Range(new Position(6, 12), new Position(6, 12)), "x");
        assertEquals(List.of(), pulledCodes(journal));
    }

    /**
     * An ID typed into a new scheme ("[e0002]" → "[x0002]") makes the words of that scheme IDs, in this
     * document and in the workspace's index: a bare "x0005" is then a reference no entry defines. The
     * schemes changed ran every check again; now they count as the IDs and tokens that changed, which
     * the reference check reads, and the other checks' diagnostics (a missing section here) are moved.
     */
    @Test
    void anIdTypedIntoANewSchemeChecksTheReferencesAgain() throws Exception {
        start(capabilities(true, false), null);
        String journal = open("journal.md", "# Log\n\n## 2024-03-12 [e0002] second\nResults: see x0005.\n\n"
                + "## 2024-03-11 [e0001] first\nResults: ok\n\n## 2024-03-10 [e0000] zeroth\nNotes: none\n");
        assertEquals(List.of("missing-section"), pulledCodes(journal));
        change(journal, 2, new Range(new Position(2, 15), new Position(2, 16)), "x");
        assertEquals(List.of("undefined-reference", "missing-section"), pulledCodes(journal));
        var report = server.getTextDocumentService().diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(journal)))
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).getLeft().getItems();
        assertEquals("Experiment 'x0005' is not defined by any entry; did you mean 'x0002'?", report.get(0).getMessage());
        assertEquals(new Range(new Position(3, 13), new Position(3, 18)), report.get(0).getRange());
        change(journal, 3, new Range(new Position(2, 15), new Position(2, 16)), "e");
        assertEquals(List.of("missing-section"), pulledCodes(journal));
    }

    private List<String> pulledCodes(String uri) throws Exception {
        var report = server.getTextDocumentService().diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(uri)))
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return report.getLeft().getItems().stream().map(d -> d.getCode().getLeft()).toList();
    }

    @Test
    void aSettingsChangeAsksAPullingClientToPullAgain() throws Exception {
        ClientCapabilities capabilities = capabilities(true, false);
        var workspace = new org.eclipse.lsp4j.WorkspaceClientCapabilities();
        workspace.setDiagnostics(new org.eclipse.lsp4j.DiagnosticWorkspaceCapabilities(true));
        capabilities.setWorkspace(workspace);
        start(capabilities, null);
        open("journal.md", LOGBOOK);
        JsonObject changed = JsonParser.parseString("{\"logbook\": {\"dateOrder\": \"day-first\"}}").getAsJsonObject();
        server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(changed));
        assertNotNull(client.refreshes.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void utf8IsNegotiatedWhenTheClientOffersItFirst() throws Exception {
        InitializeResult result = start(capabilities(false, true), null);
        assertEquals("utf-8", result.getCapabilities().getPositionEncoding());
        String uri = open("journal.md", "# Journal\n\n## 🧪 2024-02-30\n");
        var diagnostic = client.nextDiagnostics(uri).getDiagnostics().get(0);
        // "## " is 3 bytes and the emoji 4, then a space: the date starts at byte 8.
        assertEquals(new Position(2, 8), diagnostic.getRange().getStart());
    }

    @Test
    void clientSettingsApplyFromInitializationOptionsAndLaterChanges() throws Exception {
        JsonObject options = JsonParser.parseString("{\"settings\": {\"logbook\": {\"diagnostics\": {\"date-order\": \"off\"}}}}").getAsJsonObject();
        start(capabilities(false, false), options);
        String uri = open("journal.md", LOGBOOK);
        assertTrue(client.nextDiagnostics(uri).getDiagnostics().isEmpty());
        JsonObject changed = JsonParser.parseString("{\"logbook\": {\"diagnostics\": {\"date-order\": \"error\"}}}").getAsJsonObject();
        server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(changed));
        var diagnostic = client.nextDiagnostics(uri).getDiagnostics().get(0);
        assertEquals("date-order", diagnostic.getCode().getLeft());
        assertEquals(org.eclipse.lsp4j.DiagnosticSeverity.Error, diagnostic.getSeverity());
    }

    @Test
    void aBrokenConfigurationFileIsReportedOnItselfAndTheDefaultsStay() throws Exception {
        Files.writeString(folder.resolve(".logbook.json"), "{ \"dateOrder\": \"sideways\" }");
        start(capabilities(false, false), null);
        String uri = open("journal.md", LOGBOOK);
        String configUri = folder.resolve(".logbook.json").toUri().toString();
        PublishDiagnosticsParams config = client.nextDiagnostics(Path.of(java.net.URI.create(configUri)).toUri().toString());
        assertEquals("invalid-config", config.getDiagnostics().get(0).getCode().getLeft());
        assertEquals(1, client.nextDiagnostics(uri).getDiagnostics().size());
        assertNotNull(client.messages.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void aChangeToAnUnopenedDocumentIsIgnoredAndTheServerCarriesOn() throws Exception {
        start(capabilities(false, false), null);
        change(folder.resolve("never-opened.md").toUri().toString(), 3, new Range(new Position(0, 0), new Position(0, 0)), "x");
        String uri = open("journal.md", LOGBOOK);
        assertEquals(1, client.nextDiagnostics(uri).getDiagnostics().size());
    }

    @Test
    void definitionLandsInAClosedLogbookFoundByIndexing() throws Exception {
        Files.writeString(folder.resolve("older.md"), "# [e0033-e0034, e0036-e0038] make best of VGG\n");
        start(withProgress(capabilities(false, false)), null);
        client.awaitProgressEnd();
        String uri = open("journal.md", "# [e0039] Adam\nSettings from [e0038].\n");
        var definitions = server.getTextDocumentService().definition(new org.eclipse.lsp4j.DefinitionParams(
                new TextDocumentIdentifier(uri), new Position(1, 17))).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).getLeft();
        assertEquals(1, definitions.size());
        assertEquals(folder.resolve("older.md").toUri().toString(), definitions.get(0).getUri());
        assertEquals(new Range(new Position(0, 2), new Position(0, 45)), definitions.get(0).getRange());
        var completion = server.getTextDocumentService().completion(new org.eclipse.lsp4j.CompletionParams(
                new TextDocumentIdentifier(uri), new Position(1, 17))).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).getRight();
        assertTrue(completion.getItems().stream().anyMatch(item -> item.getLabel().equals("e0038")));
    }

    @Test
    void aLargeWorkspaceIsIndexedWithProgressWhileRequestsAreAnswered() throws Exception {
        for (int i = 0; i < 2000; i++) {
            Files.writeString(folder.resolve(String.format("2024-01-%02d-note-%04d.md", 1 + i % 28, i)),
                    "# Note " + i + "\n\nResults: [e" + String.format("%04d", i) + "] fine.\n");
        }
        Files.writeString(folder.resolve("experiments.md"), "# [e1999] The last one\n");
        start(withProgress(capabilities(false, false)), null);
        String uri = open("journal.md", LOGBOOK);
        var symbols = server.getTextDocumentService().documentSymbol(new org.eclipse.lsp4j.DocumentSymbolParams(
                new TextDocumentIdentifier(uri))).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals(1, symbols.size());
        assertEquals(3, symbols.get(0).getRight().getChildren().size());
        client.awaitProgressEnd();
        assertTrue(client.progress.stream().anyMatch(kind -> kind.equals("report")), "progress was reported");
        var found = server.getWorkspaceService().symbol(new org.eclipse.lsp4j.WorkspaceSymbolParams("e1999"))
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).getRight();
        assertTrue(found.stream().anyMatch(symbol -> symbol.getName().startsWith("e1999")), "the last file was indexed");
    }

    @Test
    void aQuickFixAndTheNewEntryCommandTravelAsEditsForTheEditor() throws Exception {
        start(capabilities(false, false), null);
        String text = "# Journal\n\n## Sunday 15th Nov 26\nResults: ok.\n\nNext Steps:\n- [ ] more\n\n## Thursday 23th Mar 23\nResults: ok.\n\nNext Steps: none\n";
        String uri = open("journal.md", text);
        var actions = server.getTextDocumentService().codeAction(new org.eclipse.lsp4j.CodeActionParams(new TextDocumentIdentifier(uri),
                new Range(new Position(8, 14), new Position(8, 14)), new org.eclipse.lsp4j.CodeActionContext(List.of())))
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        var fix = actions.stream().map(either -> either.getRight()).filter(action -> action.getTitle().equals("Write '23rd'")).findFirst();
        assertTrue(fix.isPresent(), "an ordinal quick fix is offered: " + actions);
        assertEquals("rd", fix.get().getEdit().getChanges().get(uri).get(0).getNewText());
        assertTrue(actions.stream().anyMatch(either -> either.getRight().getTitle().equals("Logbook: New Entry")));

        Object result = server.getWorkspaceService().executeCommand(new org.eclipse.lsp4j.ExecuteCommandParams("logbook.newEntry",
                List.of(uri))).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        var applied = client.edits.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(applied, "the edit is sent to the editor");
        var edit = applied.getEdit().getChanges().get(uri).get(0);
        assertEquals(new Position(2, 0), edit.getRange().getStart());
        assertTrue(edit.getNewText().startsWith("## "), edit.getNewText());
        assertTrue(edit.getNewText().contains("- [ ] more (carried over)"), edit.getNewText());
        assertTrue(result.toString().contains("snippet"), String.valueOf(result));
        assertTrue(!Files.exists(folder.resolve("journal.md")), "the server never writes files: the open document exists only in the editor");
    }

    @Test
    void vsCodeSettingsWithClientOnlyKeysAndUnsetValuesRaiseNoWarning() throws Exception {
        // What the VS Code extension sends: every logbook.* setting, defaults included, unset ones as null.
        JsonObject options = JsonParser.parseString("""
                {"logbook": {"java": {"home": null, "vmargs": ""}, "trace": {"server": "off"}, "include": [], "exclude": [],
                 "requiredSections": [], "sectionFamilies": {}, "dateOrder": "auto", "idPattern": null, "tags": [],
                 "carryOver": true, "diagnostics": {}}}""").getAsJsonObject();
        start(capabilities(false, false), options);
        String uri = open("journal.md", LOGBOOK);
        assertEquals(1, client.nextDiagnostics(uri).getDiagnostics().size());
        assertTrue(client.messages.isEmpty(), () -> "Unexpected message: " + client.messages);
    }

    @Test
    void theSummaryRequestGivesTheEntryCountAndLatestDate() throws Exception {
        start(capabilities(false, false), null);
        String uri = open("journal.md", LOGBOOK);
        JsonObject summary = server.summary(new TextDocumentIdentifier(uri)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals(JsonParser.parseString("{\"logbook\":true,\"entries\":3,\"latest\":{\"date\":\"2024-03-31\",\"written\":\"2024-03-31\",\"line\":5}}"),
                summary);
        String readme = open("README.md", "# Read me\n\nNothing dated.\n");
        JsonObject none = server.summary(new TextDocumentIdentifier(readme)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals(JsonParser.parseString("{\"logbook\":false,\"entries\":0}"), none);
    }

    @Test
    void aRefusedRenameIsAnsweredWithItsReasonNotAsAnInternalError() throws Exception {
        start(capabilities(false, false), null);
        String uri = open("journal.md", LOGBOOK);
        var params = new org.eclipse.lsp4j.RenameParams(new TextDocumentIdentifier(uri), new Position(0, 3), "Notebook");
        var failure = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                () -> server.getTextDocumentService().rename(params).get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        var error = ((org.eclipse.lsp4j.jsonrpc.ResponseErrorException) failure.getCause()).getResponseError();
        assertEquals(org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.RequestFailed.getValue(), error.getCode());
        assertEquals("Only experiment IDs and tags can be renamed.", error.getMessage());
    }

    @Test
    void exitAfterShutdownEndsWithStatusZero() throws Exception {
        start(capabilities(false, false), null);
        server.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        server.exit();
        assertEquals(0, exitStatus.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        server = null;
    }

    private InitializeResult start(ClientCapabilities capabilities, Object initializationOptions) throws Exception {
        Pipe toServer = new Pipe();
        Pipe toClient = new Pipe();
        ServerLauncher.start(toServer.in, toClient.out, exitStatus::complete, new PrintStream(PrintStream.nullOutputStream()));
        Launcher<ExtendedServer> launcher = new LSPLauncher.Builder<ExtendedServer>().setLocalService(client)
                .setRemoteInterface(ExtendedServer.class).setInput(toClient.in).setOutput(toServer.out).create();
        launcher.startListening();
        server = launcher.getRemoteProxy();
        InitializeParams params = new InitializeParams();
        params.setCapabilities(capabilities);
        params.setWorkspaceFolders(List.of(new WorkspaceFolder(folder.toUri().toString(), "lab")));
        params.setInitializationOptions(initializationOptions);
        InitializeResult result = server.initialize(params).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        return result;
    }

    private String open(String name, String text) {
        String uri = folder.resolve(name).toUri().toString();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "markdown", 1, text)));
        return uri;
    }

    private void change(String uri, int version, Range range, String text) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
                List.of(new TextDocumentContentChangeEvent(range, text))));
    }

    private static ClientCapabilities withProgress(ClientCapabilities capabilities) {
        org.eclipse.lsp4j.WindowClientCapabilities window = new org.eclipse.lsp4j.WindowClientCapabilities();
        window.setWorkDoneProgress(true);
        capabilities.setWindow(window);
        return capabilities;
    }

    private static ClientCapabilities capabilities(boolean pull, boolean utf8First) {
        ClientCapabilities capabilities = new ClientCapabilities();
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        if (pull) {
            text.setDiagnostic(new DiagnosticCapabilities());
        }
        capabilities.setTextDocument(text);
        GeneralClientCapabilities general = new GeneralClientCapabilities();
        general.setPositionEncodings(utf8First ? List.of("utf-8", "utf-16") : List.of("utf-16"));
        capabilities.setGeneral(general);
        return capabilities;
    }

    /** Records what the server sends; tests wait on its queues with time-outs. */
    static final class RecordingClient implements LanguageClient {
        final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
        final BlockingQueue<MessageParams> messages = new LinkedBlockingQueue<>();
        final BlockingQueue<Boolean> refreshes = new LinkedBlockingQueue<>();
        final BlockingQueue<org.eclipse.lsp4j.ApplyWorkspaceEditParams> edits = new LinkedBlockingQueue<>();

        @Override
        public CompletableFuture<org.eclipse.lsp4j.ApplyWorkspaceEditResponse> applyEdit(org.eclipse.lsp4j.ApplyWorkspaceEditParams params) {
            edits.add(params);
            return CompletableFuture.completedFuture(new org.eclipse.lsp4j.ApplyWorkspaceEditResponse(true));
        }

        @Override
        public CompletableFuture<org.eclipse.lsp4j.ShowDocumentResult> showDocument(org.eclipse.lsp4j.ShowDocumentParams params) {
            return CompletableFuture.completedFuture(new org.eclipse.lsp4j.ShowDocumentResult(true));
        }
        final java.util.List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final CompletableFuture<Void> progressEnded = new CompletableFuture<>();

        void awaitProgressEnd() throws Exception {
            progressEnded.get(TIMEOUT_SECONDS * 3, TimeUnit.SECONDS);
        }

        @Override
        public CompletableFuture<Void> createProgress(org.eclipse.lsp4j.WorkDoneProgressCreateParams params) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void notifyProgress(org.eclipse.lsp4j.ProgressParams params) {
            var value = params.getValue().getLeft();
            progress.add(value.getKind().toString());
            if (value instanceof org.eclipse.lsp4j.WorkDoneProgressEnd) {
                progressEnded.complete(null);
            }
        }

        @Override
        public CompletableFuture<Void> refreshDiagnostics() {
            refreshes.add(true);
            return CompletableFuture.completedFuture(null);
        }

        PublishDiagnosticsParams nextDiagnostics(String uri) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (System.nanoTime() < deadline) {
                PublishDiagnosticsParams next = diagnostics.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next != null && next.getUri().equals(uri)) {
                    return next;
                }
            }
            throw new AssertionError("No diagnostics for " + uri + " within " + TIMEOUT_SECONDS + " s");
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            diagnostics.add(params);
        }

        @Override
        public void showMessage(MessageParams params) {
            messages.add(params);
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams params) {
        }

        @Override
        public CompletableFuture<Void> registerCapability(RegistrationParams params) {
            return CompletableFuture.completedFuture(null);
        }
    }
}
