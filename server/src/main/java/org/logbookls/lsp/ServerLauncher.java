package org.logbookls.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Starts the server on a pair of streams. Standard output belongs to JSON-RPC alone: anything the
 * JVM or a library would print there is redirected to standard error first.
 */
public final class ServerLauncher {
    /** Push diagnostics after this much quiet; lemminx uses 500 ms, marksman 200 ms. */
    public static final long DEBOUNCE_MILLIS = 300;

    private ServerLauncher() {
    }

    /** Runs the server on standard input/output until the client disconnects or asks it to exit. */
    public static void launch(InputStream in, PrintStream out) {
        PrintStream protocol = out;
        System.setOut(System.err);
        Future<Void> listening = start(in, protocol, System::exit, System.err);
        try {
            listening.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException ended) {
            System.err.println("[logbook-ls] The connection ended: " + ended.getCause());
        }
        System.exit(0);
    }

    /** Starts a server on the given streams and returns the future of its listening loop (for tests). */
    public static Future<Void> start(InputStream in, OutputStream out, java.util.function.IntConsumer exit, PrintStream log) {
        ExecutorService requests = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon("logbook-request"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("logbook-diagnostics"));
        LogbookLanguageServer server = new LogbookLanguageServer(requests, scheduler, DEBOUNCE_MILLIS, exit, log);
        Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>()
                .setLocalService(server)
                .setRemoteInterface(LanguageClient.class)
                .setInput(in)
                .setOutput(out)
                .setExecutorService(Executors.newCachedThreadPool(daemon("logbook-jsonrpc")))
                .create();
        server.connect(launcher.getRemoteProxy());
        return launcher.startListening();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
