package org.logbookls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;

/** What {@link HandWrittenJson} writes is the JSON Gson's reflection wrote, and what it does not write is still read. */
class HandWrittenJsonTest {
    private static final MessageJsonHandler PLAIN = handler(false);
    private static final MessageJsonHandler FAST = handler(true);

    /** LSP4J's message handler for both sides' methods, with ({@code fast}) or without the hand-written adapters. */
    static MessageJsonHandler handler(boolean fast) {
        var methods = new java.util.LinkedHashMap<>(ServiceEndpoints.getSupportedMethods(LanguageServer.class));
        methods.putAll(ServiceEndpoints.getSupportedMethods(LanguageClient.class));
        return fast ? new MessageJsonHandler(methods, gson -> gson.registerTypeAdapterFactory(new HandWrittenJson()))
                : new MessageJsonHandler(methods);
    }

    /**
     * An outline written from the core's symbols is the JSON of the LSP4J symbols converted from them,
     * in both position encodings: on every real logbook, and on one whose entries (over 256 symbols)
     * sit under one heading, so that it is streamed.
     */
    @org.junit.jupiter.api.TestFactory
    java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> outlinesOfTheCoreAreWrittenAsConverted() {
        StringBuilder long_ = new StringBuilder("# Journal \"&\" <x>\n\n");
        for (int i = 300; i > 0; i--) {
            long_.append("## 2024-03-12 [e").append(i).append("] é 😀 \u2028 \"q\"\n### Results\nfine\n### Next Steps\nmore\n\n");
        }
        long_.append("#\n\n## \n");
        return java.util.stream.Stream.concat(
                java.util.stream.Stream.of(org.junit.jupiter.api.DynamicTest.dynamicTest("300 entries under one heading",
                        () -> sameOutline(long_.toString())), org.junit.jupiter.api.DynamicTest.dynamicTest("blank names, no detail",
                        HandWrittenJsonTest::blankNamesAndNoDetail)),
                org.logbookls.testing.Fixtures.eachRealLogbook((file, text) -> sameOutline(text)));
    }

    /** Every character Gson escapes, and some it does not. */
    private static final String ESCAPED = "\"quoted\" \\ é 😀 <b>&amp;='x'</b> \t\n\r\b\f\u0001\u001f\u2028\u2029\u007f";

    /**
     * Symbols the core does not make today but may: a blank name (shown as "(untitled)"), no detail,
     * any character in a name or detail, at the text's end.
     */
    private static void blankNamesAndNoDetail() {
        String text = "# a\n\nb é\n";
        var kinds = org.logbookls.analysis.symbols.DocumentSymbols.Kind.values();
        List<org.logbookls.analysis.symbols.DocumentSymbols.Symbol> children = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            var range = org.logbookls.text.TextRange.of(i % text.length(), text.length());
            children.add(new org.logbookls.analysis.symbols.DocumentSymbols.Symbol(i % 2 == 0 ? " " : ESCAPED + i, i % 3 == 0 ? null : ESCAPED,
                    kinds[i % kinds.length], range, range, List.of()));
        }
        var whole = org.logbookls.text.TextRange.of(0, text.length());
        var symbols = List.of(new org.logbookls.analysis.symbols.DocumentSymbols.Symbol("", null, kinds[0], whole, whole, children),
                new org.logbookls.analysis.symbols.DocumentSymbols.Symbol("\t", null, kinds[0], whole, whole, children.subList(0, 3)));
        sameOutline(new org.logbookls.workspace.DocumentSnapshot("file:///t.md", "t.md", 1, text), symbols);
    }

    private static void sameOutline(String text) {
        var document = new org.logbookls.workspace.DocumentSnapshot("file:///t.md", "t.md", 1, text);
        sameOutline(document, org.logbookls.analysis.symbols.DocumentSymbols.of(
                document.logbook(org.logbookls.config.Settings.DEFAULT), text, org.logbookls.text.Cancellation.NONE));
    }

    private static void sameOutline(org.logbookls.workspace.DocumentSnapshot document,
            List<org.logbookls.analysis.symbols.DocumentSymbols.Symbol> symbols) {
        for (Convert.Encoding encoding : Convert.Encoding.values()) {
            Outline outline = new Outline(symbols, document.lineIndex(), encoding);
            ResponseMessage written = new ResponseMessage();
            written.setId(9);
            written.setResult(outline);
            ResponseMessage converted = new ResponseMessage();
            converted.setId(9);
            converted.setResult(new java.util.ArrayList<>(outline));
            assertEquals(PLAIN.serialize(converted), FAST.serialize(written), encoding.name());
        }
    }

    @Test
    void diagnosticsAndNullRangesAreWrittenAsBefore() {
        var diagnostic = new org.eclipse.lsp4j.Diagnostic(new Range(new Position(1, 2), new Position(1, 9)), "Missing Results");
        diagnostic.setCode("missing-section");
        NotificationMessage message = new NotificationMessage();
        message.setMethod("textDocument/publishDiagnostics");
        message.setParams(new PublishDiagnosticsParams("file:///a.md", List.of(diagnostic)));
        assertEquals(PLAIN.serialize(message), FAST.serialize(message));
        var related = new org.eclipse.lsp4j.Diagnostic(new Range(new Position(4, 0), new Position(4, 13)), "Same date as <line 2> & \"x\"",
                org.eclipse.lsp4j.DiagnosticSeverity.Warning, "logbook");
        related.setCode(Either.forRight(42));
        related.setTags(List.of(org.eclipse.lsp4j.DiagnosticTag.Unnecessary, org.eclipse.lsp4j.DiagnosticTag.Deprecated));
        related.setRelatedInformation(List.of(new org.eclipse.lsp4j.DiagnosticRelatedInformation(new org.eclipse.lsp4j.Location(
                "file:///a%20b.md", new Range(new Position(2, 3), new Position(2, 13))), "the other entry 'é'")));
        var described = new org.eclipse.lsp4j.Diagnostic(new Range(new Position(0, 0), new Position(0, 1)), "x");
        described.setCodeDescription(new org.eclipse.lsp4j.DiagnosticCodeDescription("https://example.com/codes#x"));
        described.setData(java.util.Map.of("fix", 1));
        message.setParams(new PublishDiagnosticsParams("file:///a.md", List.of(related, described, new org.eclipse.lsp4j.Diagnostic())));
        assertEquals(PLAIN.serialize(message), FAST.serialize(message));
        Range open = new Range();
        open.setStart(new Position(1, 2));
        var half = new org.eclipse.lsp4j.Diagnostic(open, "x");
        message.setParams(new PublishDiagnosticsParams("file:///a.md", List.of(half)));
        assertEquals(PLAIN.serialize(message), FAST.serialize(message));
    }

    /**
     * Folding ranges, code lenses and document links as the server sends them, every field set or
     * left out, every escaped character; and, written by Gson as before, those with fields the
     * server never sets ("data", a command argument that is neither a string, a position nor a range).
     */
    @Test
    void foldingRangesLensesAndLinksAreWrittenAsBefore() {
        Range range = new Range(new Position(3, 1), new Position(3, 20));
        FoldingRange bare = new FoldingRange(1, 9);
        FoldingRange full = new FoldingRange(2, 4);
        full.setStartCharacter(0);
        full.setEndCharacter(17);
        full.setKind(FoldingRangeKind.Comment);
        full.setCollapsedText(ESCAPED);
        FoldingRange region = new FoldingRange(5, 6);
        region.setKind(FoldingRangeKind.Region);
        sameAnswer(List.of(bare, full, region));

        List<Object> arguments = java.util.Arrays.asList("file:///a%20b.md", new Position(12, 3), range, ESCAPED, null);
        CodeLens lens = new CodeLens(range, new Command("3 references", "logbook.showReferences", arguments), null);
        CodeLens noArguments = new CodeLens(range, new Command(ESCAPED, "x"), null);
        CodeLens noCommand = new CodeLens(range);
        CodeLens empty = new CodeLens();
        Command bareCommand = new Command();
        bareCommand.setArguments(List.of());
        CodeLens titleless = new CodeLens();
        titleless.setCommand(bareCommand);
        sameAnswer(List.of(lens, noArguments, noCommand, empty, titleless));
        sameAnswer(List.of(lens, new CodeLens(range, new Command("t", "c", List.of(1, 2.5, true, java.util.Map.of("k", "v"))), null)));
        CodeLens withData = new CodeLens(range);
        withData.setData(java.util.Map.of("id", "e0001"));
        sameAnswer(List.of(withData, lens));

        DocumentLink link = new DocumentLink(range, "file:///tmp/s%20x/journal.md#L59", null, "Go to e09996: " + ESCAPED);
        sameAnswer(List.of(link, new DocumentLink(range), new DocumentLink(), new DocumentLink(range, "https://example.com/?a=1&b=<2>")));
        sameAnswer(List.of(link, new DocumentLink(range, "x", java.util.Map.of("n", 1))));
    }

    /** Each real logbook's folding ranges, lenses and links, through the server, are written as Gson wrote them. */
    @org.junit.jupiter.api.TestFactory
    java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> realLogbooksFoldingLensesAndLinks() {
        return org.logbookls.testing.Fixtures.eachRealLogbook((file, text) -> {
            var requests = java.util.concurrent.Executors.newSingleThreadExecutor();
            var scheduler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            try {
                var server = new LogbookLanguageServer(requests, scheduler, 300, status -> { }, System.err);
                var capabilities = new org.eclipse.lsp4j.ClientCapabilities();
                var textCapabilities = new org.eclipse.lsp4j.TextDocumentClientCapabilities();
                textCapabilities.setDiagnostic(new org.eclipse.lsp4j.DiagnosticCapabilities());
                capabilities.setTextDocument(textCapabilities);
                var initialize = new org.eclipse.lsp4j.InitializeParams();
                initialize.setCapabilities(capabilities);
                server.initialize(initialize).get();
                String uri = "file:///logbooks/journal%20" + file.getFileName();
                var text_ = server.getTextDocumentService();
                text_.didOpen(new org.eclipse.lsp4j.DidOpenTextDocumentParams(new org.eclipse.lsp4j.TextDocumentItem(uri, "markdown", 1, text)));
                var document = new org.eclipse.lsp4j.TextDocumentIdentifier(uri);
                sameAnswer(text_.foldingRange(new org.eclipse.lsp4j.FoldingRangeRequestParams(document)).get());
                sameAnswer(text_.codeLens(new org.eclipse.lsp4j.CodeLensParams(document)).get());
                sameAnswer(text_.documentLink(new org.eclipse.lsp4j.DocumentLinkParams(document)).get());
            } finally {
                requests.shutdownNow();
                scheduler.shutdownNow();
            }
        });
    }

    private static void sameAnswer(Object result) {
        ResponseMessage answer = new ResponseMessage();
        answer.setId(4);
        answer.setResult(result);
        assertEquals(PLAIN.serialize(answer), FAST.serialize(answer));
    }

    @Test
    void rangesAreStillRead() {
        String json = "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"file:///a.md\","
                + "\"version\":2},\"contentChanges\":[{\"range\":{\"start\":{\"line\":1,\"character\":2},\"end\":{\"line\":3,"
                + "\"character\":4}},\"text\":\"x\"}]}}";
        var params = (DidChangeTextDocumentParams) ((NotificationMessage) FAST.parseMessage(json)).getParams();
        assertEquals(new Range(new Position(1, 2), new Position(3, 4)), params.getContentChanges().get(0).getRange());
    }
}
