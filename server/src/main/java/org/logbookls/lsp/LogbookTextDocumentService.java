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
import org.logbookls.text.TextChange;
import org.logbookls.text.TextRange;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.LogbookFiles;
import org.logbookls.workspace.TextEdits;
import org.logbookls.workspace.WorkspaceView;
import org.logbookls.text.Cancellation;
import org.logbookls.analysis.completion.Completion;
import org.logbookls.analysis.navigation.Definition;
import org.logbookls.analysis.navigation.References;
import org.logbookls.analysis.navigation.Rename;
import org.logbookls.analysis.symbols.DocumentSymbols;
import org.logbookls.analysis.editor.CodeLenses;
import org.logbookls.analysis.editor.DocumentLinks;
import org.logbookls.analysis.editor.FoldingRanges;
import org.logbookls.analysis.editor.InlayHints;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

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
            var snapshot = session.workspace().current();
            DocumentSnapshot document = new DocumentSnapshot(item.getUri(), DocumentSettings.relativePath(snapshot, item.getUri()),
                    item.getVersion(), item.getText() == null ? "" : item.getText());
            place(document);
        });
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        guard("didChange", () -> {
            String uri = params.getTextDocument().getUri();
            Optional<DocumentSnapshot> current = session.workspace().current().document(uri).or(() -> session.oversized(uri));
            if (current.isEmpty()) {
                session.log().warning("Ignoring a change to " + uri + ", which is not open.");
                return;
            }
            Integer sent = params.getTextDocument().getVersion();
            if (sent != null && sent <= current.get().version()) {
                // A change the document already has (or a reordered one): applying it again would
                // corrupt the text. Versions only grow; a gap is fine (some clients skip numbers).
                session.log().warning("Ignoring change version " + sent + " to " + uri + ", which is already at version "
                        + current.get().version() + ".");
                return;
            }
            org.logbookls.text.Text text = current.get().text();
            org.logbookls.text.LineIndex lines = current.get().lineIndex();
            TextChange changed = null;
            for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
                String replacement = change.getText() == null ? "" : change.getText();
                if (lines == null) {
                    lines = org.logbookls.text.LineIndex.of(text);
                }
                TextRange range = change.getRange() == null ? TextRange.of(0, text.length())
                        : TextEdits.clamp(text, Convert.range(lines, change.getRange(), session.encoding()));
                text = TextEdits.apply(text, range, replacement);
                TextChange step = new TextChange(range, replacement.length());
                changed = changed == null ? step : changed.then(step);
                lines = null;
            }
            // Notifications are handled one at a time on the reader thread, so nothing changed the
            // document between reading it above and replacing it here.
            int version = sent == null ? current.get().version() + 1 : sent;
            place(changed == null ? current.get().withText(version, text) : current.get().withEdit(version, text, changed));
            publisher.scheduleOthers(uri);
        });
    }

    /**
     * Puts an open document in the workspace, or, when it is larger than {@code maxFileSizeMB},
     * keeps its text aside (so later changes still apply) without analysing it, and says so once.
     */
    private void place(DocumentSnapshot document) {
        String uri = document.uri();
        var settings = session.settings().settingsOf(session.workspace().current(), uri);
        if (document.text().length() > settings.maxFileBytes()) {
            boolean wasAnalysed = session.workspace().current().document(uri).isPresent();
            session.keepOversized(document);
            if (wasAnalysed) {
                session.workspace().update(snapshot -> snapshot.withoutDocument(uri));
            }
            publisher.clear(uri);
            session.tellOnce(uri, "Logbook: " + document.path() + " is larger than the maxFileSizeMB setting (" + settings.maxFileSizeMB()
                    + " MB), so it is not analysed.");
            return;
        }
        session.dropOversized(uri);
        session.workspace().update(snapshot -> snapshot.withDocument(document));
        publisher.schedule(uri);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        guard("didClose", () -> {
            String uri = params.getTextDocument().getUri();
            session.dropOversized(uri);
            session.dropChecked(uri);
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
            return session.pulledReport(uri, params.getPreviousResultId(),
                    session.diagnostics(session.view(snapshot, cancel), document.get(), cancel));
        });
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        var snapshot = session.workspace().current();
        String uri = params.getTextDocument().getUri();
        return requests.compute("textDocument/completion", cancel -> {
            var document = snapshot.document(uri);
            if (document.isEmpty()) {
                return Either.forRight(new CompletionList(List.of()));
            }
            var view = session.view(snapshot, cancel);
            int offset = Convert.offset(document.get().lineIndex(), params.getPosition(), session.encoding());
            List<CompletionItem> items = new ArrayList<>();
            Completion.Result result = Completion.list(view, document.get(), offset, cancel);
            for (var item : result.items()) {
                items.add(Convert.completion(document.get().lineIndex(), item, uri, session.encoding()));
            }
            return Either.forRight(new CompletionList(result.incomplete(), items));
        });
    }

    @Override
    public CompletableFuture<CompletionItem> resolveCompletionItem(CompletionItem item) {
        var snapshot = session.workspace().current();
        return requests.compute("completionItem/resolve", cancel -> {
            if (item.getData() instanceof JsonObject data && data.has("id")) {
                String markdown = org.logbookls.analysis.navigation.Hover.id(session.view(snapshot, cancel), data.get("id").getAsString(), cancel);
                item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, markdown));
            }
            return item;
        });
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        List<Location> none = List.of();
        return this.<List<Location>>at("textDocument/definition", params.getTextDocument(), params.getPosition(), none,
                (view, document, offset, cancel) -> {
                    List<Location> found = new ArrayList<>();
                    for (var location : Definition.of(view, document, offset, cancel)) {
                        Convert.location(view, location, session.encoding()).ifPresent(found::add);
                    }
                    return found;
                }).thenApply(found -> Either.<List<? extends Location>, List<? extends LocationLink>>forLeft(found));
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        boolean declarations = params.getContext() != null && params.getContext().isIncludeDeclaration();
        return at("textDocument/references", params.getTextDocument(), params.getPosition(), List.of(), (view, document, offset, cancel) -> {
            List<Location> found = new ArrayList<>();
            for (var location : References.of(view, document, offset, declarations, cancel)) {
                Convert.location(view, location, session.encoding()).ifPresent(found::add);
            }
            return found;
        });
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return at("textDocument/hover", params.getTextDocument(), params.getPosition(), null, (view, document, offset, cancel) ->
                org.logbookls.analysis.navigation.Hover.at(view, document, offset, cancel)
                        .map(info -> new Hover(new MarkupContent(MarkupKind.MARKDOWN, info.markdown()),
                                Convert.range(document.lineIndex(), info.range(), session.encoding())))
                        .orElse(null));
    }

    @Override
    public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(PrepareRenameParams params) {
        return at("textDocument/prepareRename", params.getTextDocument(), params.getPosition(), null, (view, document, offset, cancel) -> {
            var prepared = Rename.prepare(view, document, offset);
            if (prepared.isEmpty()) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed,
                        "Only experiment IDs and tags can be renamed.", null));
            }
            Range range = Convert.range(document.lineIndex(), prepared.get().range(), session.encoding());
            return Either3.<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>forSecond(
                    new PrepareRenameResult(range, prepared.get().placeholder()));
        });
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        return at("textDocument/rename", params.getTextDocument(), params.getPosition(), null, (view, document, offset, cancel) -> {
            var result = Rename.of(view, document, offset, params.getNewName(), cancel);
            if (result.refusal().isPresent()) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed, result.refusal().get(), null));
            }
            return Convert.edits(view, result.edits(), session.encoding());
        });
    }

    /**
     * {@code logbook/summary}: the entry count and latest date of a document, for the VS Code
     * extension's status bar. Answers {@code {"logbook": false}} for Markdown that is no logbook.
     */
    @org.eclipse.lsp4j.jsonrpc.services.JsonRequest(value = "logbook/summary", useSegment = false)
    public CompletableFuture<JsonObject> summary(com.google.gson.JsonElement params) {
        // An extension method is not in LSP4J's type table: its parameters arrive as raw JSON.
        JsonObject none = new JsonObject();
        none.addProperty("logbook", false);
        if (params == null || !params.isJsonObject() || !(params.getAsJsonObject().get("uri") instanceof com.google.gson.JsonPrimitive uri)
                || !uri.isString()) {
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                    "logbook/summary needs {\"uri\": <document URI>}.", null));
        }
        return at("logbook/summary", new TextDocumentIdentifier(uri.getAsString()), null, none, (view, document, offset, cancel) -> {
            var summary = org.logbookls.analysis.symbols.Summary.of(view.logbook(document));
            JsonObject result = new JsonObject();
            result.addProperty("logbook", summary.logbook());
            result.addProperty("entries", summary.entries());
            summary.latest().ifPresent(latest -> {
                JsonObject entry = new JsonObject();
                entry.addProperty("date", latest.date().toString());
                entry.addProperty("written", latest.written());
                entry.addProperty("line", document.lineIndex().position(latest.heading().start()).line());
                result.add("latest", entry);
            });
            return result;
        });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return at("textDocument/documentSymbol", params.getTextDocument(), null, List.of(), (view, document, offset, cancel) ->
                Outline.of(DocumentSymbols.nodes(view.logbook(document), cancel), document.lineIndex(), session.encoding(),
                        session.outlineCache(document.uri())));
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return at("textDocument/foldingRange", params.getTextDocument(), null, List.of(), (view, document, offset, cancel) -> {
            List<FoldingRange> folds = new ArrayList<>();
            for (var fold : FoldingRanges.of(view.logbook(document), document.syntax(), document.lineIndex())) {
                FoldingRange range = new FoldingRange(fold.startLine(), fold.endLine());
                range.setKind(fold.kind() == FoldingRanges.Kind.COMMENT ? FoldingRangeKind.Comment
                        : fold.kind() == FoldingRanges.Kind.FRONT_MATTER ? FoldingRangeKind.Imports : FoldingRangeKind.Region);
                folds.add(range);
            }
            return folds;
        });
    }

    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        return at("textDocument/codeLens", params.getTextDocument(), null, List.of(), (view, document, offset, cancel) -> {
            List<CodeLens> lenses = new ArrayList<>();
            for (var lens : CodeLenses.of(view, document, cancel)) {
                Range range = Convert.range(document.lineIndex(), lens.range(), session.encoding());
                List<Object> arguments = List.of(document.uri(), range.getStart());
                lenses.add(new CodeLens(range, new Command(lens.title(), "logbook.showReferences", arguments), null));
            }
            return lenses;
        });
    }

    @Override
    public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
        return at("textDocument/inlayHint", params.getTextDocument(), null, List.of(), (view, document, offset, cancel) -> {
            TextRange visible = Convert.range(document.lineIndex(), params.getRange(), session.encoding());
            List<InlayHint> hints = new ArrayList<>();
            for (var hint : InlayHints.of(view.logbook(document), visible)) {
                InlayHint converted = new InlayHint(Convert.position(document.lineIndex(), hint.offset(), session.encoding()),
                        Either.forLeft(hint.label()));
                converted.setTooltip(hint.tooltip());
                hints.add(converted);
            }
            return hints;
        });
    }

    @Override
    public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
        return at("textDocument/documentLink", params.getTextDocument(), null, List.of(), (view, document, offset, cancel) -> {
            List<DocumentLink> links = new ArrayList<>();
            for (var link : DocumentLinks.of(view, document)) {
                var target = view.document(link.target().uri());
                if (target.isEmpty()) {
                    continue;
                }
                int line = target.get().lineIndex().lineOf(link.target().range().start()) + 1;
                links.add(new DocumentLink(Convert.range(document.lineIndex(), link.range(), session.encoding()),
                        link.target().uri() + "#L" + line, null, link.tooltip()));
            }
            return links;
        });
    }

    private Actions actions;

    void connect(Actions codeActions) {
        this.actions = codeActions;
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return at("textDocument/codeAction", params.getTextDocument(), params.getRange().getStart(), List.of(),
                (view, document, offset, cancel) -> actions.codeActions(view, document, params, cancel));
    }

    /** A feature that answers at (or for) a position of an open document. */
    @FunctionalInterface
    interface Feature<T> {
        T compute(WorkspaceView view, DocumentSnapshot document, int offset, Cancellation cancel);
    }

    /** Runs a feature on the snapshot current now, off the reader thread; {@code empty} answers for unknown documents. */
    private <T> CompletableFuture<T> at(String method, TextDocumentIdentifier id, Position position, T empty, Feature<T> feature) {
        var snapshot = session.workspace().current();
        return requests.compute(method, cancel -> {
            var document = snapshot.document(id.getUri());
            if (document.isEmpty()) {
                return empty;
            }
            var view = session.view(snapshot, cancel);
            int offset = position == null ? 0 : Convert.offset(document.get().lineIndex(), position, session.encoding());
            return feature.compute(view, document.get(), offset, cancel);
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
