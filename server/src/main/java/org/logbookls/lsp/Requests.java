package org.logbookls.lsp;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.logbookls.text.Cancellation;

/**
 * Runs request handlers off the JSON-RPC reader thread, on a bounded executor, with
 * cancellation bridged from {@code $/cancelRequest}.
 *
 * <p>A failing handler is logged and answered with an {@code InternalError} response; it never
 * takes the server down.
 */
final class Requests {
    private final ExecutorService executor;
    private final ServerLog log;

    Requests(ExecutorService executor, ServerLog log) {
        this.executor = executor;
        this.log = log;
    }

    <T> CompletableFuture<T> compute(String method, Function<Cancellation, T> handler) {
        return CompletableFutures.computeAsync(executor, checker -> {
            try {
                return handler.apply(checker::checkCanceled);
            } catch (CancellationException cancelled) {
                throw cancelled;
            } catch (ResponseErrorException answer) {
                // A deliberate answer ("Only experiment IDs and tags can be renamed."): the editor shows it as it is.
                throw answer;
            } catch (RuntimeException | StackOverflowError failure) {
                log.error("The " + method + " request failed.", failure);
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InternalError,
                        "logbook-ls could not answer " + method + ": " + failure, null));
            }
        });
    }
}
