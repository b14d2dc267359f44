package org.logbookls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logbookls.testing.ServerProcess;

/**
 * Protocol abuse over real pipes: the server runs as its own process, as under an editor, and
 * gets what broken or hostile clients send. It must answer with JSON-RPC errors, keep going,
 * never answer from a document older than the request, and exit when it should.
 */
class ProtocolRobustnessTest {
    private static final long WAIT = 30_000;
    private static final String LOGBOOK = "# Journal\n\n## 2026-11-20 [e0001] First\n\nResults: fine.\n\nNext Steps: more.\n";

    @TempDir
    Path folder;
    private ServerProcess server;
    private String uri;

    @BeforeEach
    void start() throws IOException, InterruptedException {
        Files.writeString(folder.resolve("journal.md"), LOGBOOK);
        uri = folder.resolve("journal.md").toUri().toString();
        server = ServerProcess.start();
        server.initialize(folder.toUri().toString(), null);
        server.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"languageId\":\"markdown\",\"version\":1,"
                + "\"text\":" + new JsonPrimitive(LOGBOOK) + "}}");
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.close();
    }

    @Test
    void malformedJsonIsAParseErrorUnderItsId() throws Exception {
        server.send("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"textDocument/hover\",");
        assertEquals(-32700, errorCode(server.response(7, WAIT)));
        server.send("[1, 2");
        assertEquals(-32700, errorCode(server.response("null", WAIT)));
        stillAnswers(8);
    }

    @Test
    void jsonThatIsNoMessageIsAnInvalidRequest() throws Exception {
        server.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":{\"name\":\"hover\"},\"params\":{}}");
        assertEquals(-32600, errorCode(server.response(3, WAIT)));
        server.send("[{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"shutdown\"}]");
        assertEquals(-32600, errorCode(server.response(5, WAIT)), "LSP has no batches");
        stillAnswers(4);
    }

    @Test
    void badOrMissingContentLengthDoesNotLoseTheConnection() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"shutdown\"}";
        server.raw("Content-Length: abc\r\n\r\n" + body);
        assertEquals(-32600, errorCode(server.response(11, WAIT)), "a request with a bad length is refused, not run");
        server.raw("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + body.replace("11", "12"));
        assertEquals(-32600, errorCode(server.response(12, WAIT)));
        server.raw("Content-Length: -5\r\n\r\n" + body.replace("11", "13"));
        assertEquals(-32600, errorCode(server.response(13, WAIT)));
        server.raw("Content-Length: 99999999999\r\n\r\n" + body.replace("11", "14"));
        assertEquals(-32600, errorCode(server.response(14, WAIT)));
        stillAnswers(15);
    }

    @Test
    void wrongContentLengthIsRecoveredFrom() throws Exception {
        String body = hover(21);
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        server.raw("Content-Length: " + (bytes.length - 10) + "\r\n\r\n" + body);
        assertEquals(-32700, errorCode(server.response(21, WAIT)), "too short: the cut body is not JSON");
        stillAnswers(22);

        String longer = hover(23);
        server.raw("Content-Length: " + (longer.length() + 30) + "\r\n\r\n" + longer);
        server.send(hover(24));
        JsonObject tooLong = server.response(23, WAIT);
        assertFalse(tooLong.has("error"), "too long: the message is still read, up to the next header: " + tooLong);
        assertFalse(server.response(24, WAIT).has("error"), "and the next message too");
    }

    @Test
    void noiseBetweenMessagesIsSkipped() throws Exception {
        server.raw("garbage\r\nmore garbage \u0000\u0001\u00ff\r\n");
        server.raw(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\n'});
        stillAnswers(31);
    }

    @Test
    void unknownMethodsAndInvalidParams() throws Exception {
        server.request(41, "foo/bar", "{}");
        assertEquals(-32601, errorCode(server.response(41, WAIT)));
        server.request(42, "textDocument/hover", "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":\"here\"}");
        assertEquals(-32602, errorCode(server.response(42, WAIT)));
        server.request(43, "textDocument/completion", "[1,2,3]");
        assertEquals(-32602, errorCode(server.response(43, WAIT)));
        server.request(44, "logbook/summary", "{\"uri\":5}");
        JsonObject summary = server.response(44, WAIT);
        assertTrue(summary.has("error") && errorCode(summary) != -32603, "no internal error: " + summary);
        server.notify("textDocument/didChange", "{\"textDocument\":\"nope\"}");
        stillAnswers(45);
    }

    @Test
    void positionsAndRangesOutOfBoundsAnswerWithoutErrors() throws Exception {
        String[] positions = {"{\"line\":999,\"character\":999}", "{\"line\":-1,\"character\":-5}", "{\"line\":2,\"character\":2147483647}",
            "{\"line\":2147483647,\"character\":0}"};
        int id = 100;
        for (String position : positions) {
            String at = "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":" + position;
            for (String method : List.of("textDocument/hover", "textDocument/completion", "textDocument/definition",
                    "textDocument/prepareRename", "textDocument/documentHighlight", "textDocument/signatureHelp")) {
                server.request(id, method, at + "}");
                noInternalError(server.response(id++, WAIT), method + " at " + position);
            }
            server.request(id, "textDocument/references", at + ",\"context\":{\"includeDeclaration\":true}}");
            noInternalError(server.response(id++, WAIT), "references at " + position);
            server.request(id, "textDocument/codeAction", "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"range\":{\"start\":" + position
                    + ",\"end\":" + position + "},\"context\":{\"diagnostics\":[]}}");
            noInternalError(server.response(id++, WAIT), "code action at " + position);
            server.request(id, "textDocument/inlayHint", "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"range\":{\"start\":" + position
                    + ",\"end\":{\"line\":0,\"character\":0}}}");
            noInternalError(server.response(id++, WAIT), "inlay hints ending before " + position);
        }
        server.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":2},\"contentChanges\":[{\"range\":"
                + "{\"start\":{\"line\":50,\"character\":0},\"end\":{\"line\":60,\"character\":3}},\"text\":\"\\n## 2026-11-21\\n\"}]}");
        assertEquals(2, entries(id++), "a change past the end appends");
    }

    @Test
    void changesToUnopenedDocumentsAndVersionGaps() throws Exception {
        String other = folder.resolve("other.md").toUri().toString();
        server.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + other + "\",\"version\":2},\"contentChanges\":[{\"text\":\"x\"}]}");
        server.notify("textDocument/didClose", "{\"textDocument\":{\"uri\":\"" + other + "\"}}");
        change(5, "\n## 2026-11-21\n");
        assertEquals(2, entries(51), "a version gap (1 to 5) still applies the change");
        change(3, "\n## 2026-11-22\n");
        assertEquals(2, entries(52), "a change older than the document's version is ignored");
        change(6, "\n## 2026-11-22\n");
        assertEquals(3, entries(53));
    }

    @Test
    void documentsAboveTheSizeLimitAreNotAnalysedAndTheUserIsToldOnce() throws Exception {
        Path big = Files.createDirectories(folder.resolve("big"));
        Files.writeString(big.resolve(".logbook.json"), "{\"maxFileSizeMB\": 0.001}");
        String bigUri = big.resolve("huge-logbook.md").toUri().toString();
        String text = "# Log\n\n## 2026-11-20\n\nResults: x\n\n" + "Words and more words.\n".repeat(100);
        server.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + bigUri + "\",\"languageId\":\"markdown\",\"version\":1,"
                + "\"text\":" + new JsonPrimitive(text) + "}}");
        server.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + bigUri + "\",\"version\":2},\"contentChanges\":"
                + "[{\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":0}},\"text\":\"x\"}]}");
        server.request(71, "textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"" + bigUri + "\"}}");
        assertEquals(0, server.response(71, WAIT).getAsJsonArray("result").size(), "a document above the limit is not analysed");
        long told = server.notifications().stream().filter(n -> n.get("method").getAsString().equals("window/showMessage")
                && n.toString().contains("maxFileSizeMB setting (0.001 MB)")).count();
        assertEquals(1, told, "the user is told once: " + server.notifications());
        // Cut below the limit (the changes were kept while it was too large): analysed again.
        server.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + bigUri + "\",\"version\":3},\"contentChanges\":"
                + "[{\"range\":{\"start\":{\"line\":8,\"character\":0},\"end\":{\"line\":200,\"character\":0}},\"text\":\"\"}]}");
        server.request(72, "textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"" + bigUri + "\"}}");
        JsonObject symbols = server.response(72, WAIT);
        assertFalse(symbols.getAsJsonArray("result").isEmpty(), "below the limit it is analysed: " + symbols);
        assertTrue(symbols.toString().contains("xx# Log") || symbols.toString().contains("2026-11-20"), symbols.toString());
    }

    @Test
    void requestsAfterShutdownAreRefusedAndExitEndsTheProcess() throws Exception {
        server.request(61, "shutdown", "null");
        assertTrue(server.response(61, WAIT).has("result"));
        server.request(62, "textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"" + uri + "\"}}");
        assertEquals(-32600, errorCode(server.response(62, WAIT)));
        server.notify("exit", "null");
        assertTrue(server.waitForExit(WAIT), "exit ends the process");
        assertEquals(0, server.process().exitValue(), "exit after shutdown is a clean exit");
    }

    @Test
    void exitWithoutShutdownIsAnError() throws Exception {
        server.notify("exit", "null");
        assertTrue(server.waitForExit(WAIT));
        assertEquals(1, server.process().exitValue());
    }

    @Test
    void theServerExitsWhenItsParentDies() throws Exception {
        Process parent = new ProcessBuilder("sleep", "60").start();
        try (ServerProcess child = ServerProcess.start()) {
            child.initialize(folder.toUri().toString(), parent.pid());
            assertFalse(child.waitForExit(500), "alive while its parent is");
            parent.destroy();
            assertTrue(child.waitForExit(WAIT), "ends after its parent");
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void aParentThatIsAlreadyGoneEndsTheServerAtOnce() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (ServerProcess child = ServerProcess.start()) {
            child.request(0, "initialize", "{\"processId\":" + gone.pid() + ",\"rootUri\":null,\"capabilities\":{}}");
            assertTrue(child.waitForExit(WAIT), "a server whose editor is gone does not linger");
        }
    }

    /**
     * A thousand requests interleaved with edits and cancellations: each gets exactly one answer,
     * a result or RequestCancelled, and every entry count matches the edits sent before it — no
     * request is answered from an older version of the document.
     */
    @Test
    void aThousandConcurrentRequestsWithEditsAndCancellations() throws Exception {
        Random random = new Random(7);
        Map<Integer, Integer> expectedEntries = new HashMap<>();
        Set<Integer> cancelled = new HashSet<>();
        List<Integer> ids = new ArrayList<>();
        int entries = 1;
        int version = 1;
        for (int id = 1000; id < 2000; id++) {
            if (random.nextInt(8) == 0) {
                version++;
                entries++;
                change(version, "\n## 2026-12-" + String.format("%02d", 1 + entries % 28) + " Entry " + entries + "\n\nResults: r\n");
            }
            switch (random.nextInt(5)) {
                case 0 -> {
                    server.request(id, "logbook/summary", "{\"uri\":\"" + uri + "\"}");
                    expectedEntries.put(id, entries);
                }
                case 1 -> server.request(id, "textDocument/completion", "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":"
                        + "{\"line\":" + random.nextInt(40) + ",\"character\":" + random.nextInt(10) + "}}");
                case 2 -> server.request(id, "textDocument/diagnostic", "{\"textDocument\":{\"uri\":\"" + uri + "\"}}");
                case 3 -> server.request(id, "textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"" + uri + "\"}}");
                default -> server.request(id, "textDocument/hover", "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":"
                        + "{\"line\":" + random.nextInt(40) + ",\"character\":" + random.nextInt(10) + "}}");
            }
            ids.add(id);
            if (random.nextInt(6) == 0) {
                server.notify("$/cancelRequest", "{\"id\":" + id + "}");
                cancelled.add(id);
            }
        }
        for (int id : ids) {
            JsonObject response = server.response(id, WAIT);
            if (response.has("error")) {
                assertTrue(cancelled.contains(id) && errorCode(response) == -32800, "request " + id + " failed: " + response);
                continue;
            }
            Integer expected = expectedEntries.get(id);
            if (expected != null) {
                assertEquals(expected.intValue(), response.getAsJsonObject("result").get("entries").getAsInt(),
                        "request " + id + " was answered from another version of the document");
            }
        }
        for (int id : ids) {
            assertFalse(server.hasResponse(id), "request " + id + " was answered twice");
        }
        stillAnswers(3000);
    }

    private void change(int version, String appended) throws IOException {
        server.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":" + version
                + "},\"contentChanges\":[{\"range\":{\"start\":{\"line\":100000,\"character\":0},\"end\":{\"line\":100000,\"character\":0}},"
                + "\"text\":" + new JsonPrimitive(appended) + "}]}");
    }

    private int entries(int id) throws Exception {
        server.request(id, "logbook/summary", "{\"uri\":\"" + uri + "\"}");
        return server.response(id, WAIT).getAsJsonObject("result").get("entries").getAsInt();
    }

    private String hover(int id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"" + uri
                + "\"},\"position\":{\"line\":2,\"character\":5}}}";
    }

    private void stillAnswers(int id) throws Exception {
        server.request(id, "textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"" + uri + "\"}}");
        JsonObject response = server.response(id, WAIT);
        assertTrue(response.has("result") && response.get("result").isJsonArray(), "the server still answers: " + response);
    }

    private static int errorCode(JsonObject response) {
        assertTrue(response.has("error"), "expected an error: " + response);
        return response.getAsJsonObject("error").get("code").getAsInt();
    }

    private static void noInternalError(JsonObject response, String what) {
        assertTrue(!response.has("error") || errorCode(response) != -32603, what + ": " + response);
    }
}
