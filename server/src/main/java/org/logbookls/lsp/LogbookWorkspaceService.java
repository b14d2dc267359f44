package org.logbookls.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.services.WorkspaceService;
import org.logbookls.config.SettingsLayer;
import org.logbookls.json.ConfigFiles;
import org.logbookls.json.ConfigProblem;
import org.logbookls.json.SettingsJson;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.Uris;
import org.logbookls.workspace.WorkspaceFolder;
import org.logbookls.workspace.WorkspaceSnapshot;

/** Configuration, watched files and workspace folders. */
final class LogbookWorkspaceService implements WorkspaceService {
    private final Session session;
    private final DiagnosticsPublisher publisher;

    LogbookWorkspaceService(Session session, DiagnosticsPublisher publisher) {
        this.session = session;
        this.publisher = publisher;
    }

    private WorkspaceIndexer indexer;
    private Requests requests;

    void connect(WorkspaceIndexer workspaceIndexer, Requests requestRunner) {
        this.indexer = workspaceIndexer;
        this.requests = requestRunner;
    }

    @Override
    public java.util.concurrent.CompletableFuture<org.eclipse.lsp4j.jsonrpc.messages.Either<List<? extends org.eclipse.lsp4j.SymbolInformation>,
            List<? extends org.eclipse.lsp4j.WorkspaceSymbol>>> symbol(org.eclipse.lsp4j.WorkspaceSymbolParams params) {
        var snapshot = session.workspace().current();
        return requests.compute("workspace/symbol", cancel -> {
            var view = session.view(snapshot, cancel);
            List<org.eclipse.lsp4j.WorkspaceSymbol> symbols = new ArrayList<>();
            for (var found : org.logbookls.analysis.symbols.WorkspaceSymbols.query(view, params.getQuery(), cancel)) {
                Convert.location(view, new org.logbookls.analysis.Location(found.uri(), found.range()), session.encoding()).ifPresent(location ->
                        symbols.add(new org.eclipse.lsp4j.WorkspaceSymbol(found.name(),
                                found.experiment() ? org.eclipse.lsp4j.SymbolKind.Constant : org.eclipse.lsp4j.SymbolKind.Event,
                                org.eclipse.lsp4j.jsonrpc.messages.Either.forLeft(location), found.container())));
            }
            return org.eclipse.lsp4j.jsonrpc.messages.Either.forRight(symbols);
        });
    }

    private Actions actions;

    void connect(Actions codeActions) {
        this.actions = codeActions;
    }

    @Override
    public java.util.concurrent.CompletableFuture<Object> executeCommand(org.eclipse.lsp4j.ExecuteCommandParams params) {
        var snapshot = session.workspace().current();
        return requests.compute("workspace/executeCommand", cancel -> actions.execute(params, session.view(snapshot, cancel), cancel))
                .thenCompose(result -> result);
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        try {
            SettingsLayer layer = clientSettings(session, params.getSettings());
            session.workspace().update(snapshot -> snapshot.withClientSettings(layer));
            publisher.scheduleAll();
        } catch (RuntimeException failure) {
            session.log().error("Handling workspace/didChangeConfiguration failed; the previous settings stay in force.", failure);
        }
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        try {
            for (FileEvent event : params.getChanges()) {
                if (event.getUri().endsWith("/" + ConfigFiles.FILE_NAME)) {
                    Uris.path(event.getUri()).ifPresent(path -> session.settings().configs().forget(path));
                    session.settings().invalidate();
                } else if (indexer != null) {
                    Uris.path(event.getUri()).ifPresent(indexer::changed);
                }
            }
            publisher.scheduleAll();
        } catch (RuntimeException failure) {
            session.log().error("Handling workspace/didChangeWatchedFiles failed.", failure);
        }
    }

    @Override
    public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
        try {
            session.workspace().update(snapshot -> {
                List<WorkspaceFolder> folders = new ArrayList<>(snapshot.folders());
                for (var removed : params.getEvent().getRemoved()) {
                    folders.removeIf(folder -> folder.uri().equals(removed.getUri()));
                }
                for (var added : params.getEvent().getAdded()) {
                    LogbookLanguageServer.folder(added.getUri(), added.getName()).ifPresent(folders::add);
                }
                WorkspaceSnapshot moved = snapshot.withFolders(folders);
                for (DocumentSnapshot document : snapshot.documents().values()) {
                    moved = moved.withDocument(new DocumentSnapshot(document.uri(), DocumentSettings.relativePath(moved, document.uri()),
                            document.version(), document.text()));
                }
                return moved;
            });
            publisher.scheduleAll();
        } catch (RuntimeException failure) {
            session.log().error("Handling workspace/didChangeWorkspaceFolders failed.", failure);
        }
    }

    /**
     * Decodes the client's settings. Clients send the {@code logbook} section itself, or an object
     * holding it (under {@code logbook} or {@code settings.logbook}); all three are accepted.
     */
    static SettingsLayer clientSettings(Session session, Object settings) {
        if (!(settings instanceof JsonElement element) || element.isJsonNull()) {
            return SettingsLayer.EMPTY;
        }
        JsonElement section = element;
        if (section.isJsonObject() && section.getAsJsonObject().has("settings")) {
            section = section.getAsJsonObject().get("settings");
        }
        if (section.isJsonObject() && section.getAsJsonObject().has("logbook")) {
            section = section.getAsJsonObject().get("logbook");
        }
        if (!section.isJsonObject()) {
            return SettingsLayer.EMPTY;
        }
        JsonObject known = new JsonObject();
        for (var field : section.getAsJsonObject().entrySet()) {
            // Client-only settings (Java path, tracing) are the extension's business, not the server's;
            // null is how an editor sends a setting the user left unset (VS Code's logbook.idPattern).
            if (SettingsJson.KEYS.contains(field.getKey()) && !field.getValue().isJsonNull()) {
                known.add(field.getKey(), field.getValue());
            }
        }
        SettingsJson.Decoded decoded = SettingsJson.decode(known);
        for (ConfigProblem problem : decoded.problems()) {
            session.log().warning("Logbook settings: " + problem.message());
        }
        if (decoded.problems().stream().anyMatch(ConfigProblem::error)) {
            session.client().ifPresent(client -> client.showMessage(new org.eclipse.lsp4j.MessageParams(
                    org.eclipse.lsp4j.MessageType.Warning, "Logbook settings: " + decoded.problems().get(0).message())));
        }
        return decoded.layer();
    }
}
