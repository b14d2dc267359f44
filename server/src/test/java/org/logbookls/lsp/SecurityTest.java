package org.logbookls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logbookls.testing.ServerProcess;

/**
 * What SECURITY.md promises, checked on the server process: it reads nothing outside the
 * workspace folders, whichever way a link points, and its logs carry no file contents.
 */
class SecurityTest {
    private static final long WAIT = 30_000;
    private static final String SECRET = "TOP-SECRET-7731";

    @TempDir
    Path temp;

    @Test
    void filesOutsideTheWorkspaceAreNeverRead() throws Exception {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.md"), "# Log\n\n## 2026-11-20 [e0666] " + SECRET + "\n\nResults: x\n");
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Files.writeString(workspace.resolve("journal.md"), "# Journal\n\n## 2026-11-20 [e0001] Mine\n\nSee [e0666].\n");
        Files.createSymbolicLink(workspace.resolve("linked-folder"), outside);
        Files.createSymbolicLink(workspace.resolve("linked-secret.md"), outside.resolve("secret.md"));
        try (ServerProcess server = ServerProcess.start()) {
            server.initialize(workspace.toUri().toString(), null);
            Thread.sleep(1_000);
            String watched = "{\"changes\":[{\"uri\":\"" + workspace.resolve("linked-folder/secret.md").toUri() + "\",\"type\":1},"
                    + "{\"uri\":\"" + workspace.resolve("linked-secret.md").toUri() + "\",\"type\":1},"
                    + "{\"uri\":\"" + workspace.resolve("../outside/secret.md").toUri() + "\",\"type\":1}]}";
            server.notify("workspace/didChangeWatchedFiles", watched);
            server.request(1, "workspace/symbol", "{\"query\":\"e0666\"}");
            JsonObject symbols = server.response(1, WAIT);
            assertEquals(0, symbols.getAsJsonArray("result").size(), "nothing outside the workspace is indexed: " + symbols);
            server.request(2, "workspace/symbol", "{\"query\":\"e0001\"}");
            assertFalse(server.response(2, WAIT).getAsJsonArray("result").isEmpty(), "the workspace's own files are");
            String uri = workspace.resolve("journal.md").toUri().toString();
            server.request(3, "textDocument/definition", "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":{\"line\":4,\"character\":6}}");
            JsonObject definition = server.response(3, WAIT);
            assertTrue(definition.get("result").isJsonNull() || definition.getAsJsonArray("result").isEmpty(),
                    "[e0666] is defined nowhere the server may read: " + definition);
        }
    }

    @Test
    void logsCarryNoFileContents() throws Exception {
        try (ServerProcess server = ServerProcess.start()) {
            server.initialize(temp.toUri().toString(), null);
            String uri = temp.resolve("journal.md").toUri().toString();
            String text = "# Journal\n\n## 2026-11-20 [e0001] " + SECRET + "\n\nResults: " + SECRET + "\n";
            server.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"languageId\":\"markdown\",\"version\":1,"
                    + "\"text\":" + new JsonPrimitive(text) + "}}");
            // Broken messages that carry the secret: their handling is logged, their content must not be.
            server.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":5,\"text\":" + new JsonPrimitive(text) + "}}");
            server.send("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"textDocument/hover\",\"params\":{\"x\":\"" + SECRET);
            server.response(9, WAIT);
            server.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":1},\"contentChanges\":[{\"text\":"
                    + new JsonPrimitive(SECRET) + "}]}");
            server.request(10, "textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"" + uri + "\"}}");
            assertTrue(server.response(10, WAIT).toString().contains(SECRET), "the document itself is served");
            server.request(11, "shutdown", "null");
            server.response(11, WAIT);
            server.notify("exit", "null");
            server.waitForExit(WAIT);
            for (JsonObject notification : server.notifications()) {
                String method = notification.get("method").getAsString();
                if (method.equals("window/logMessage") || method.equals("window/showMessage")) {
                    assertFalse(notification.toString().contains(SECRET), "a log message carries file contents: " + notification);
                }
            }
            assertFalse(server.stderr().contains(SECRET), "standard error carries file contents:\n" + server.stderr());
        }
    }
}
