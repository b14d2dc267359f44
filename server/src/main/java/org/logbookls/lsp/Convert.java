package org.logbookls.lsp;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.logbookls.analysis.diagnostics.Diagnostic;
import org.logbookls.analysis.diagnostics.Severity;
import org.logbookls.text.LineColumn;
import org.logbookls.text.LineIndex;
import org.logbookls.text.TextRange;

/**
 * Converts between the core's UTF-16 offsets and LSP positions, in the position encoding
 * negotiated with the client. The only place where LSP positions are made or read.
 */
final class Convert {
    /** The position encodings this server speaks. */
    enum Encoding {
        UTF16("utf-16"),
        UTF8("utf-8");

        final String id;

        Encoding(String id) {
            this.id = id;
        }
    }

    private Convert() {
    }

    static int offset(LineIndex lines, Position position, Encoding encoding) {
        if (position == null) {
            return 0;
        }
        return encoding == Encoding.UTF8
                ? lines.offsetOfUtf8(position.getLine(), position.getCharacter())
                : lines.offset(position.getLine(), position.getCharacter());
    }

    static TextRange range(LineIndex lines, Range range, Encoding encoding) {
        int start = offset(lines, range.getStart(), encoding);
        int end = offset(lines, range.getEnd(), encoding);
        return TextRange.of(Math.min(start, end), Math.max(start, end));
    }

    static Position position(LineIndex lines, int offset, Encoding encoding) {
        LineColumn position = lines.position(offset);
        int column = encoding == Encoding.UTF8 ? lines.utf8Column(offset) : position.column();
        return new Position(position.line(), column);
    }

    static Range range(LineIndex lines, TextRange range, Encoding encoding) {
        return new Range(position(lines, range.start(), encoding), position(lines, range.end(), encoding));
    }

    static org.eclipse.lsp4j.Diagnostic diagnostic(String uri, LineIndex lines, Diagnostic diagnostic, Encoding encoding) {
        org.eclipse.lsp4j.Diagnostic converted = new org.eclipse.lsp4j.Diagnostic(range(lines, diagnostic.range(), encoding),
                diagnostic.message(), severity(diagnostic.severity()), "logbook");
        converted.setCode(Either.forLeft(diagnostic.code().id()));
        if (!diagnostic.related().isEmpty()) {
            List<DiagnosticRelatedInformation> related = new ArrayList<>();
            for (Diagnostic.Related item : diagnostic.related()) {
                related.add(new DiagnosticRelatedInformation(new Location(uri, range(lines, item.range(), encoding)), item.message()));
            }
            converted.setRelatedInformation(related);
        }
        return converted;
    }

    /** A core location as an LSP location, or empty when its document is gone. */
    static java.util.Optional<Location> location(org.logbookls.workspace.WorkspaceView view, org.logbookls.analysis.Location location,
            Encoding encoding) {
        return view.document(location.uri())
                .map(document -> new Location(location.uri(), range(document.lineIndex(), location.range(), encoding)));
    }

    static org.eclipse.lsp4j.CompletionItem completion(LineIndex lines, org.logbookls.analysis.completion.Completion.Item item,
            String uri, Encoding encoding) {
        org.eclipse.lsp4j.CompletionItem converted = new org.eclipse.lsp4j.CompletionItem(item.label());
        converted.setKind(switch (item.kind()) {
            case ID -> org.eclipse.lsp4j.CompletionItemKind.Reference;
            case NEXT_ID -> org.eclipse.lsp4j.CompletionItemKind.Constant;
            case TAG -> org.eclipse.lsp4j.CompletionItemKind.Keyword;
            case DATE -> org.eclipse.lsp4j.CompletionItemKind.Event;
            case SECTION -> org.eclipse.lsp4j.CompletionItemKind.Property;
        });
        converted.setDetail(item.detail());
        item.documentation().ifPresent(markdown -> converted.setDocumentation(
                new org.eclipse.lsp4j.MarkupContent(org.eclipse.lsp4j.MarkupKind.MARKDOWN, markdown)));
        converted.setTextEdit(Either.forLeft(new org.eclipse.lsp4j.TextEdit(range(lines, item.replace(), encoding), item.insertText())));
        converted.setFilterText(item.filterText());
        converted.setSortText(item.sortText());
        item.resolveId().ifPresent(id -> {
            com.google.gson.JsonObject data = new com.google.gson.JsonObject();
            data.addProperty("uri", uri);
            data.addProperty("id", id);
            converted.setData(data);
        });
        return converted;
    }

    static org.eclipse.lsp4j.SymbolKind kind(org.logbookls.analysis.symbols.DocumentSymbols.Symbol symbol) {
        return kind(symbol.kind());
    }

    static org.eclipse.lsp4j.SymbolKind kind(org.logbookls.analysis.symbols.DocumentSymbols.Kind kind) {
        return switch (kind) {
            case ENTRY -> org.eclipse.lsp4j.SymbolKind.Event;
            case SECTION -> org.eclipse.lsp4j.SymbolKind.Field;
            case HEADING -> org.eclipse.lsp4j.SymbolKind.Namespace;
        };
    }

    /** The name a symbol is shown under: a blank one would be refused by some clients. */
    static String name(org.logbookls.analysis.symbols.DocumentSymbols.Symbol symbol) {
        return symbol.name().isBlank() ? "(untitled)" : symbol.name();
    }

    static org.eclipse.lsp4j.DocumentSymbol symbol(LineIndex lines, org.logbookls.analysis.symbols.DocumentSymbols.Symbol symbol,
            Encoding encoding) {
        org.eclipse.lsp4j.SymbolKind kind = kind(symbol);
        // Positions are looked up in document order (the end after the children), so that the line
        // index finds each near the last instead of searching 100,000 lines for it.
        Position start = position(lines, symbol.range().start(), encoding);
        Range selection = range(lines, symbol.selection(), encoding);
        List<org.eclipse.lsp4j.DocumentSymbol> children = new ArrayList<>(symbol.children().size());
        for (var child : symbol.children()) {
            children.add(symbol(lines, child, encoding));
        }
        Range whole = new Range(start, position(lines, symbol.range().end(), encoding));
        // An empty detail and no children are left out (both are optional): a 10,000-entry logbook's
        // outline is 32,000 symbols, and writing them as "" and [] was a tenth of its 7.6 MB.
        String detail = symbol.detail() == null || symbol.detail().isEmpty() ? null : symbol.detail();
        org.eclipse.lsp4j.DocumentSymbol converted = new org.eclipse.lsp4j.DocumentSymbol(name(symbol), kind, whole, selection, detail);
        if (!children.isEmpty()) {
            converted.setChildren(children);
        }
        return converted;
    }

    static org.eclipse.lsp4j.WorkspaceEdit edits(org.logbookls.workspace.WorkspaceView view,
            java.util.Map<String, List<org.logbookls.text.TextEdit>> edits, Encoding encoding) {
        java.util.Map<String, List<org.eclipse.lsp4j.TextEdit>> changes = new java.util.LinkedHashMap<>();
        edits.forEach((uri, list) -> view.document(uri).ifPresent(document -> {
            List<org.eclipse.lsp4j.TextEdit> converted = new ArrayList<>();
            for (var edit : list) {
                converted.add(new org.eclipse.lsp4j.TextEdit(range(document.lineIndex(), edit.range(), encoding), edit.newText()));
            }
            changes.put(uri, converted);
        }));
        return new org.eclipse.lsp4j.WorkspaceEdit(changes);
    }

    static DiagnosticSeverity severity(Severity severity) {
        return switch (severity) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFORMATION -> DiagnosticSeverity.Information;
            case HINT -> DiagnosticSeverity.Hint;
        };
    }
}
