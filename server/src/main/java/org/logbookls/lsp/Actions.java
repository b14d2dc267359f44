package org.logbookls.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.ShowDocumentParams;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.logbookls.analysis.actions.FixAll;
import org.logbookls.analysis.actions.NewEntry;
import org.logbookls.analysis.actions.QuickFixes;
import org.logbookls.analysis.actions.Refactors;
import org.logbookls.text.Cancellation;
import org.logbookls.text.TextEdit;
import org.logbookls.text.TextRange;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.WorkspaceView;

/**
 * Code actions and commands: converts requests in, asks the core for actions, converts the edits
 * out. Commands send their edits to the editor with {@code workspace/applyEdit}; nothing is written here.
 */
final class Actions {
    static final String NEW_ENTRY = "logbook.newEntry";
    static final String SORT_ENTRIES = "logbook.sortEntries";
    static final String NORMALISE_DATES = "logbook.normaliseDates";
    static final String TABLE_OF_CONTENTS = "logbook.updateTableOfContents";
    static final List<String> COMMANDS = List.of(NEW_ENTRY, SORT_ENTRIES, NORMALISE_DATES, TABLE_OF_CONTENTS);
    static final String FIX_ALL_KIND = "source.fixAll.logbook";

    private final Session session;

    Actions(Session session) {
        this.session = session;
    }

    List<Either<Command, CodeAction>> codeActions(WorkspaceView view, DocumentSnapshot document, CodeActionParams params, Cancellation cancel) {
        List<String> only = params.getContext() == null || params.getContext().getOnly() == null ? List.of() : params.getContext().getOnly();
        List<Either<Command, CodeAction>> actions = new ArrayList<>();
        var lines = document.lineIndex();
        TextRange range = Convert.range(lines, params.getRange(), session.encoding());
        if (wants(only, CodeActionKind.QuickFix)) {
            for (var action : QuickFixes.at(view, document, range, cancel)) {
                CodeAction converted = new CodeAction(action.title());
                converted.setKind(CodeActionKind.QuickFix);
                converted.setEdit(Convert.edits(view, action.edits(), session.encoding()));
                converted.setIsPreferred(action.preferred());
                action.fixes().ifPresent(fixed -> converted.setDiagnostics(matching(params, fixed.code().id(),
                        Convert.range(lines, fixed.range(), session.encoding()))));
                actions.add(Either.forRight(converted));
            }
        }
        // Fix-all looks at every diagnostic: computed when the editor asks for source actions (on
        // save, or the Source Action menu), not on every cursor move, where `only` is empty.
        if (!only.isEmpty() && wants(only, FIX_ALL_KIND)) {
            List<TextEdit> edits = FixAll.of(view, document, cancel);
            if (!edits.isEmpty()) {
                CodeAction fixAll = new CodeAction("Fix all safe logbook problems");
                fixAll.setKind(FIX_ALL_KIND);
                fixAll.setEdit(Convert.edits(view, Map.of(document.uri(), edits), session.encoding()));
                actions.add(Either.forRight(fixAll));
            }
        }
        if (!view.logbook(document).detection().logbook()) {
            return actions;
        }
        if (wants(only, CodeActionKind.Refactor) || wants(only, CodeActionKind.RefactorRewrite)) {
            actions.add(Either.forRight(commandAction("Logbook: New Entry", CodeActionKind.Refactor, NEW_ENTRY, document.uri())));
            actions.add(Either.forRight(commandAction("Logbook: Sort Entries", CodeActionKind.RefactorRewrite, SORT_ENTRIES, document.uri())));
            actions.add(Either.forRight(commandAction("Logbook: Normalise Dates", CodeActionKind.RefactorRewrite, NORMALISE_DATES,
                    document.uri())));
            actions.add(Either.forRight(commandAction("Logbook: Update Table of Contents", CodeActionKind.RefactorRewrite,
                    TABLE_OF_CONTENTS, document.uri())));
        }
        return actions;
    }

    private static boolean wants(List<String> only, String kind) {
        return only.isEmpty() || only.stream().anyMatch(requested -> kind.equals(requested) || kind.startsWith(requested + "."));
    }

    private static List<Diagnostic> matching(CodeActionParams params, String code, Range range) {
        List<Diagnostic> found = new ArrayList<>();
        if (params.getContext() != null && params.getContext().getDiagnostics() != null) {
            for (Diagnostic diagnostic : params.getContext().getDiagnostics()) {
                if (diagnostic.getCode() != null && code.equals(diagnostic.getCode().getLeft()) && range.equals(diagnostic.getRange())) {
                    found.add(diagnostic);
                }
            }
        }
        return found;
    }

    private static CodeAction commandAction(String title, String kind, String command, String uri) {
        CodeAction action = new CodeAction(title);
        action.setKind(kind);
        action.setCommand(new Command(title, command, List.of(uri)));
        return action;
    }

    /**
     * Runs a command: computes its edits on the current snapshot and asks the editor to apply them.
     * Answers with what a client extension needs to go further (the new entry's snippet and cursor).
     */
    CompletableFuture<Object> execute(ExecuteCommandParams params, WorkspaceView view, Cancellation cancel) {
        String uri = argument(params, 0).orElse(null);
        if (uri == null || view.snapshot().document(uri).isEmpty()) {
            throw new org.eclipse.lsp4j.jsonrpc.ResponseErrorException(new org.eclipse.lsp4j.jsonrpc.messages.ResponseError(
                    org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InvalidParams,
                    params.getCommand() + " needs the URI of an open logbook as its first argument.", null));
        }
        DocumentSnapshot document = view.snapshot().document(uri).get();
        return switch (params.getCommand()) {
            case NEW_ENTRY -> newEntry(view, document, cancel);
            case SORT_ENTRIES -> apply(view, document, Refactors.sortEntries(view, document), "Sort entries");
            case NORMALISE_DATES -> apply(view, document, Refactors.normaliseDates(view, document,
                    !"logbook".equals(argument(params, 1).orElse("iso"))), "Normalise dates");
            case TABLE_OF_CONTENTS -> apply(view, document, Refactors.tableOfContents(view, document), "Update table of contents");
            default -> throw new org.eclipse.lsp4j.jsonrpc.ResponseErrorException(new org.eclipse.lsp4j.jsonrpc.messages.ResponseError(
                    org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InvalidParams, "Unknown command " + params.getCommand(), null));
        };
    }

    private CompletableFuture<Object> newEntry(WorkspaceView view, DocumentSnapshot document, Cancellation cancel) {
        NewEntry.Plan plan = NewEntry.plan(view, document, cancel);
        JsonObject result = new JsonObject();
        if (plan instanceof NewEntry.Unavailable unavailable) {
            result.addProperty("message", unavailable.why());
            return CompletableFuture.completedFuture(result);
        }
        if (plan instanceof NewEntry.Existing existing) {
            Range range = view.document(existing.uri()).map(d -> Convert.range(d.lineIndex(), existing.heading(), session.encoding()))
                    .orElse(new Range(new Position(0, 0), new Position(0, 0)));
            ShowDocumentParams show = new ShowDocumentParams(existing.uri());
            show.setSelection(range);
            show.setTakeFocus(true);
            session.client().ifPresent(client -> client.showDocument(show));
            result.addProperty("uri", existing.uri());
            result.add("selection", position(range.getStart()));
            result.addProperty("existing", true);
            return CompletableFuture.completedFuture(result);
        }
        if (plan instanceof NewEntry.CreateFile create) {
            WorkspaceEdit edit = new WorkspaceEdit();
            CreateFile createFile = new CreateFile(create.uri());
            TextDocumentEdit content = new TextDocumentEdit(new VersionedTextDocumentIdentifier(create.uri(), null),
                    List.of(new org.eclipse.lsp4j.TextEdit(new Range(new Position(0, 0), new Position(0, 0)), create.text())));
            edit.setDocumentChanges(List.of(Either.<TextDocumentEdit, ResourceOperation>forRight(createFile), Either.forLeft(content)));
            return applyThen(edit, "New entry", () -> {
                var cursor = org.logbookls.text.LineIndex.of(create.text()).position(create.cursor());
                ShowDocumentParams show = new ShowDocumentParams(create.uri());
                show.setSelection(new Range(new Position(cursor.line(), cursor.column()), new Position(cursor.line(), cursor.column())));
                session.client().ifPresent(client -> client.showDocument(show));
                result.addProperty("uri", create.uri());
                result.addProperty("snippet", create.snippet());
                return result;
            });
        }
        NewEntry.Insert insert = (NewEntry.Insert) plan;
        WorkspaceEdit edit = Convert.edits(view, Map.of(insert.uri(), List.of(insert.edit())), session.encoding());
        return applyThen(edit, "New entry", () -> {
            String after = FixAll.apply(document.text().toString(), List.of(insert.edit()));
            var cursor = Convert.position(org.logbookls.text.LineIndex.of(after), insert.edit().range().start() + insert.cursor(), session.encoding());
            ShowDocumentParams show = new ShowDocumentParams(insert.uri());
            show.setSelection(new Range(cursor, cursor));
            session.client().ifPresent(client -> client.showDocument(show));
            result.addProperty("uri", insert.uri());
            result.add("selection", position(cursor));
            result.addProperty("snippet", insert.snippet());
            result.add("range", range(Convert.range(document.lineIndex(), insert.edit().range(), session.encoding())));
            return result;
        });
    }

    private CompletableFuture<Object> apply(WorkspaceView view, DocumentSnapshot document, List<TextEdit> edits, String label) {
        JsonObject result = new JsonObject();
        result.addProperty("edits", edits.size());
        if (edits.isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        Map<String, List<TextEdit>> byUri = new LinkedHashMap<>();
        byUri.put(document.uri(), edits);
        return applyThen(Convert.edits(view, byUri, session.encoding()), label, () -> result);
    }

    private CompletableFuture<Object> applyThen(WorkspaceEdit edit, String label, java.util.function.Supplier<Object> then) {
        var client = session.client();
        if (client.isEmpty()) {
            return CompletableFuture.completedFuture(then.get());
        }
        return client.get().applyEdit(new ApplyWorkspaceEditParams(edit, label)).thenApply(response -> {
            if (response != null && !response.isApplied()) {
                JsonObject refused = new JsonObject();
                refused.addProperty("applied", false);
                refused.addProperty("message", response.getFailureReason() == null ? "The editor did not apply the edit."
                        : response.getFailureReason());
                return refused;
            }
            return then.get();
        });
    }

    private static java.util.Optional<String> argument(ExecuteCommandParams params, int index) {
        if (params.getArguments() == null || params.getArguments().size() <= index) {
            return java.util.Optional.empty();
        }
        Object value = params.getArguments().get(index);
        if (value instanceof JsonPrimitive primitive && primitive.isString()) {
            return java.util.Optional.of(primitive.getAsString());
        }
        if (value instanceof JsonObject object && object.has("uri")) {
            return java.util.Optional.of(object.get("uri").getAsString());
        }
        if (value instanceof String text) {
            return java.util.Optional.of(text);
        }
        return java.util.Optional.empty();
    }

    private static JsonElement position(Position position) {
        JsonObject object = new JsonObject();
        object.addProperty("line", position.getLine());
        object.addProperty("character", position.getCharacter());
        return object;
    }

    private static JsonElement range(Range range) {
        JsonObject object = new JsonObject();
        object.add("start", position(range.getStart()));
        object.add("end", position(range.getEnd()));
        return object;
    }
}
