package org.logbookls.lsp;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Logs to the client's output channel ({@code window/logMessage}), or to standard error before a
 * client is connected. Never to standard output, which belongs to JSON-RPC. Messages never carry
 * file contents.
 */
final class ServerLog {
    private final PrintStream fallback;
    private volatile LanguageClient client;

    ServerLog(PrintStream fallback) {
        this.fallback = fallback;
    }

    void connect(LanguageClient languageClient) {
        this.client = languageClient;
    }

    void info(String message) {
        send(MessageType.Info, message);
    }

    void warning(String message) {
        send(MessageType.Warning, message);
    }

    void error(String message, Throwable failure) {
        StringWriter trace = new StringWriter();
        if (failure != null) {
            failure.printStackTrace(new PrintWriter(trace));
        }
        send(MessageType.Error, message + (failure == null ? "" : "\n" + trace));
    }

    private void send(MessageType type, String message) {
        LanguageClient connected = client;
        if (connected == null) {
            fallback.println("[logbook-ls " + type.name().toLowerCase() + "] " + message);
            return;
        }
        try {
            connected.logMessage(new MessageParams(type, message));
        } catch (RuntimeException closed) {
            fallback.println("[logbook-ls " + type.name().toLowerCase() + "] " + message);
        }
    }
}
