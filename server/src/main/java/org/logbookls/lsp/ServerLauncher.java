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
import java.util.List;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
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
        Launcher<LanguageClient> launcher = new Builder(server)
                .setLocalService(server)
                .setRemoteInterface(LanguageClient.class)
                .setInput(in)
                .setOutput(out)
                .setExecutorService(Executors.newCachedThreadPool(daemon("logbook-jsonrpc")))
                .setExceptionHandler(ServerLauncher::responseError)
                .configureGson(gson -> gson.registerTypeAdapterFactory(new HandWrittenJson()))
                .create();
        server.connect(launcher.getRemoteProxy());
        return launcher.startListening();
    }

    /**
     * A request LSP4J knows but this server does not provide (document highlights, say) is
     * MethodNotFound, as for any unknown method, not an internal error with a stack trace.
     */
    private static org.eclipse.lsp4j.jsonrpc.messages.ResponseError responseError(Throwable failure) {
        if (failure instanceof UnsupportedOperationException) {
            return new org.eclipse.lsp4j.jsonrpc.messages.ResponseError(ResponseErrorCode.MethodNotFound,
                    "logbook-ls does not provide this request.", null);
        }
        return RemoteEndpoint.DEFAULT_EXCEPTION_HANDLER.apply(failure);
    }

    /**
     * LSP4J's launcher with three changes: messages are read by {@link MessageReader}, which survives
     * bad framing, written by {@link ChunkedMessageConsumer}, which does not copy large answers, and requests after {@code shutdown} are refused with {@code InvalidRequest}, as
     * the protocol asks, without reaching the server.
     */
    private static final class Builder extends LSPLauncher.Builder<LanguageClient> {
        private final LogbookLanguageServer server;
        private MessageJsonHandler json;
        private RemoteEndpoint endpoint;

        Builder(LogbookLanguageServer server) {
            this.server = server;
        }

        @Override
        protected MessageJsonHandler createJsonHandler() {
            json = super.createJsonHandler();
            return json;
        }

        @Override
        protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler handler) {
            endpoint = super.createRemoteEndpoint(handler);
            return endpoint;
        }

        @Override
        protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer ignored, MessageConsumer consumer,
                LanguageClient proxy) {
            return super.createMessageProcessor(new MessageReader(input, json, endpoint, server.log()), consumer, proxy);
        }

        @Override
        protected MessageConsumer wrapMessageConsumer(MessageConsumer consumer) {
            if (consumer instanceof StreamMessageConsumer) {
                return super.wrapMessageConsumer(new ChunkedMessageConsumer(output, json));
            }
            MessageConsumer wrapped = super.wrapMessageConsumer(consumer);
            if (!(consumer instanceof RemoteEndpoint)) {
                return wrapped;
            }
            return message -> {
                if (message instanceof RequestMessage request && server.shutdownRequested() && !"shutdown".equals(request.getMethod())) {
                    endpoint.handle(request, List.of(new MessageIssue("The server is shutting down; it accepts only 'exit' now.",
                            ResponseErrorCode.InvalidRequest.getValue())));
                    return;
                }
                wrapped.consume(message);
            };
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
