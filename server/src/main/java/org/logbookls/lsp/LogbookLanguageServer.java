package org.logbookls.lsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;
import org.logbookls.workspace.Uris;
import org.logbookls.json.ConfigFiles;
import org.logbookls.workspace.WorkspaceFolder;

/**
 * The language server: lifecycle and capabilities. Feature work lives in the core; the services
 * only convert, call and convert back.
 */
public final class LogbookLanguageServer implements LanguageServer, LanguageClientAware {
    private final Session session;
    private final DiagnosticsPublisher publisher;
    private final LogbookTextDocumentService textDocuments;
    private final LogbookWorkspaceService workspaceService;
    private final WorkspaceIndexer indexer;
    private volatile boolean clientShowsProgress;
    private final Runnable onExit;
    private final java.util.function.IntConsumer exit;

    /**
     * @param requestExecutor runs request handlers (bounded, so a flood of requests cannot starve the machine)
     * @param scheduler runs debounced diagnostics
     * @param debounceMillis how long typing must pause before diagnostics are pushed
     * @param exit ends the process with a status ({@code System::exit} in production)
     */
    public LogbookLanguageServer(ExecutorService requestExecutor, ScheduledExecutorService scheduler, long debounceMillis,
            java.util.function.IntConsumer exit, java.io.PrintStream logFallback) {
        ServerLog log = new ServerLog(logFallback);
        this.session = new Session(log);
        this.publisher = new DiagnosticsPublisher(session, scheduler, debounceMillis);
        Requests requests = new Requests(requestExecutor, log);
        this.textDocuments = new LogbookTextDocumentService(session, publisher, requests);
        this.workspaceService = new LogbookWorkspaceService(session, publisher);
        this.indexer = new WorkspaceIndexer(session, publisher);
        this.workspaceService.connect(indexer, requests);
        Actions actions = new Actions(session);
        this.textDocuments.connect(actions);
        this.workspaceService.connect(actions);
        this.exit = exit;
        this.onExit = () -> {
            requestExecutor.shutdownNow();
            scheduler.shutdownNow();
        };
    }

    @Override
    public void connect(LanguageClient client) {
        session.connect(client);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        ClientCapabilities capabilities = params.getCapabilities();
        Convert.Encoding encoding = negotiateEncoding(capabilities);
        session.encoding(encoding);
        session.clientPullsDiagnostics(capabilities != null && capabilities.getTextDocument() != null
                && capabilities.getTextDocument().getDiagnostic() != null);
        session.clientRefreshesDiagnostics(capabilities != null && capabilities.getWorkspace() != null
                && capabilities.getWorkspace().getDiagnostics() != null
                && Boolean.TRUE.equals(capabilities.getWorkspace().getDiagnostics().getRefreshSupport()));
        List<WorkspaceFolder> folders = new ArrayList<>();
        if (params.getWorkspaceFolders() != null) {
            for (var folder : params.getWorkspaceFolders()) {
                folder(folder.getUri(), folder.getName()).ifPresent(folders::add);
            }
        } else if (params.getRootUri() != null) {
            folder(params.getRootUri(), null).ifPresent(folders::add);
        }
        var clientSettings = LogbookWorkspaceService.clientSettings(session, params.getInitializationOptions());
        session.workspace().update(snapshot -> snapshot.withFolders(folders).withClientSettings(clientSettings));
        watchParent(params.getProcessId());

        ServerCapabilities server = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(false));
        server.setTextDocumentSync(sync);
        server.setPositionEncoding(encoding.id);
        DiagnosticRegistrationOptions diagnostics = new DiagnosticRegistrationOptions(false, false);
        diagnostics.setIdentifier("logbook");
        server.setDiagnosticProvider(diagnostics);
        WorkspaceFoldersOptions workspaceFolders = new WorkspaceFoldersOptions();
        workspaceFolders.setSupported(true);
        workspaceFolders.setChangeNotifications(true);
        server.setWorkspace(new WorkspaceServerCapabilities(workspaceFolders));
        org.eclipse.lsp4j.CompletionOptions completion = new org.eclipse.lsp4j.CompletionOptions(true, List.of("[", "#"));
        server.setCompletionProvider(completion);
        server.setDefinitionProvider(true);
        server.setReferencesProvider(true);
        server.setHoverProvider(true);
        server.setRenameProvider(new org.eclipse.lsp4j.RenameOptions(true));
        server.setDocumentSymbolProvider(true);
        server.setWorkspaceSymbolProvider(true);
        server.setFoldingRangeProvider(true);
        server.setCodeLensProvider(new org.eclipse.lsp4j.CodeLensOptions(false));
        server.setInlayHintProvider(true);
        server.setDocumentLinkProvider(new org.eclipse.lsp4j.DocumentLinkOptions(false));
        org.eclipse.lsp4j.CodeActionOptions codeActions = new org.eclipse.lsp4j.CodeActionOptions(List.of(
                org.eclipse.lsp4j.CodeActionKind.QuickFix, org.eclipse.lsp4j.CodeActionKind.Refactor,
                org.eclipse.lsp4j.CodeActionKind.RefactorRewrite, Actions.FIX_ALL_KIND));
        server.setCodeActionProvider(codeActions);
        server.setExecuteCommandProvider(new org.eclipse.lsp4j.ExecuteCommandOptions(Actions.COMMANDS));
        clientShowsProgress = capabilities != null && capabilities.getWindow() != null
                && Boolean.TRUE.equals(capabilities.getWindow().getWorkDoneProgress());
        InitializeResult result = new InitializeResult(server, new ServerInfo("logbook-ls", version()));
        session.log().info("logbook-ls " + version() + " initialised: position encoding " + encoding.id + ", "
                + (session.clientPullsDiagnostics() ? "pull" : "push") + " diagnostics, " + folders.size() + " workspace folder(s).");
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public void initialized(InitializedParams params) {
        session.client().ifPresent(client -> {
            FileSystemWatcher configs = new FileSystemWatcher(Either.forLeft("**/" + ConfigFiles.FILE_NAME));
            FileSystemWatcher markdown = new FileSystemWatcher(Either.forLeft("**/*.{md,markdown}"));
            // Other files only matter for links: their creation and deletion.
            FileSystemWatcher others = new FileSystemWatcher(Either.forLeft("**/*"), org.eclipse.lsp4j.WatchKind.Create
                    + org.eclipse.lsp4j.WatchKind.Delete);
            Registration registration = new Registration("logbook-watched-files", "workspace/didChangeWatchedFiles",
                    new DidChangeWatchedFilesRegistrationOptions(List.of(configs, markdown, others)));
            client.registerCapability(new RegistrationParams(List.of(registration))).exceptionally(refused -> {
                session.log().info("The client does not watch files for the server; changes on disk apply after a restart.");
                return null;
            });
        });
        indexer.start(clientShowsProgress);
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        session.requestShutdown();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        onExit.run();
        exit.accept(session.shutdownRequested() ? 0 : 1);
    }

    /** Where the server logs: the client's output once connected. */
    ServerLog log() {
        return session.log();
    }

    /** True once the client asked the server to shut down: every later request is refused. */
    boolean shutdownRequested() {
        return session.shutdownRequested();
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return textDocuments;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspaceService;
    }

    /** UTF-16 unless the client offers UTF-8 first (LSP 3.17 {@code general.positionEncodings}). */
    private static Convert.Encoding negotiateEncoding(ClientCapabilities capabilities) {
        if (capabilities == null || capabilities.getGeneral() == null || capabilities.getGeneral().getPositionEncodings() == null
                || capabilities.getGeneral().getPositionEncodings().isEmpty()) {
            return Convert.Encoding.UTF16;
        }
        return Convert.Encoding.UTF8.id.equals(capabilities.getGeneral().getPositionEncodings().get(0))
                ? Convert.Encoding.UTF8
                : Convert.Encoding.UTF16;
    }

    /** Ends the server when the editor that started it dies without saying goodbye. */
    private void watchParent(Integer processId) {
        if (processId == null || processId == ProcessHandle.current().pid()) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(processId).filter(ProcessHandle::isAlive);
        if (parent.isEmpty()) {
            // LSP: "If the parent process is not alive then the server should exit."
            stopBecause("The editor process " + processId + " is not running; stopping.");
            return;
        }
        parent.get().onExit().thenRun(() -> stopBecause("The editor process " + processId + " has ended; stopping."));
    }

    private void stopBecause(String why) {
        session.log().info(why);
        onExit.run();
        exit.accept(1);
    }

    static Optional<WorkspaceFolder> folder(String uri, String name) {
        Optional<Path> path = Uris.path(uri);
        return path.map(p -> new WorkspaceFolder(uri, p, name != null ? name : p.getFileName() == null ? "" : p.getFileName().toString()));
    }

    static String version() {
        String version = LogbookLanguageServer.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
