package org.logbookls.lsp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.logbookls.workspace.Uris;
import org.logbookls.analysis.diagnostics.DiagnosticCode;
import org.logbookls.config.SeverityLevel;
import org.logbookls.json.ConfigFiles;
import org.logbookls.json.ConfigProblem;
import org.logbookls.text.LineIndex;

/**
 * Pushes diagnostics to clients that do not pull them: debounced per document (bursts of typing
 * coalesce into one computation on the latest snapshot), published only when they differ from
 * what the client already has, and cleared when the document closes.
 *
 * <p>Problems in {@code .logbook.json} files are published on those files, and announced once
 * with a message, whichever way document diagnostics travel.
 */
final class DiagnosticsPublisher {
    private final Session session;
    private final ScheduledExecutorService scheduler;
    private final long delayMillis;
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Map<String, List<Diagnostic>> published = new ConcurrentHashMap<>();
    private final Map<String, List<Diagnostic>> configPublished = new ConcurrentHashMap<>();

    DiagnosticsPublisher(Session session, ScheduledExecutorService scheduler, long delayMillis) {
        this.session = session;
        this.scheduler = scheduler;
        this.delayMillis = delayMillis;
    }

    void schedule(String uri) {
        ScheduledFuture<?> next = scheduler.schedule(() -> publish(uri), delayMillis, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = pending.put(uri, next);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /** After an edit: the other open documents may refer to what changed (their diagnostics follow the index). */
    void scheduleOthers(String changed) {
        for (String uri : session.workspace().current().documents().keySet()) {
            if (!uri.equals(changed)) {
                schedule(uri);
            }
        }
    }

    /** After a change that can affect every document (settings, configuration files): recompute all of them. */
    void scheduleAll() {
        for (String uri : session.workspace().current().documents().keySet()) {
            schedule(uri);
        }
        if (session.clientPullsDiagnostics() && session.clientRefreshesDiagnostics()) {
            session.client().ifPresent(client -> client.refreshDiagnostics().exceptionally(refused -> null));
        }
    }

    void clear(String uri) {
        ScheduledFuture<?> previous = pending.remove(uri);
        if (previous != null) {
            previous.cancel(false);
        }
        published.remove(uri);
        session.client().ifPresent(client -> client.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of())));
    }

    private void publish(String uri) {
        try {
            pending.remove(uri);
            var snapshot = session.workspace().current();
            var document = snapshot.document(uri);
            if (document.isEmpty()) {
                return;
            }
            ConfigFiles.Resolved resolved = session.settings().resolve(snapshot, uri);
            publishConfigProblems(resolved);
            if (session.clientPullsDiagnostics()) {
                return;
            }
            org.logbookls.text.Cancellation stale = () -> {
                if (session.workspace().current().document(uri).orElse(null) != document.get()) {
                    throw new java.util.concurrent.CancellationException("a newer version arrived");
                }
            };
            List<Diagnostic> diagnostics = session.diagnostics(session.view(snapshot, stale), document.get(), stale);
            List<Diagnostic> previous = published.put(uri, diagnostics);
            if (!Objects.equals(previous, diagnostics)) {
                session.client().ifPresent(client -> client.publishDiagnostics(
                        new PublishDiagnosticsParams(uri, diagnostics, document.get().version())));
            }
        } catch (java.util.concurrent.CancellationException stale) {
            // A newer version is already scheduled; it will publish.
        } catch (RuntimeException | StackOverflowError failure) {
            session.log().error("Computing diagnostics for " + uri + " failed.", failure);
        }
    }

    private void publishConfigProblems(ConfigFiles.Resolved resolved) {
        SeverityLevel level = resolved.settings().severities().get(DiagnosticCode.INVALID_CONFIG.id());
        for (ConfigFiles.Loaded loaded : resolved.files()) {
            String uri = Uris.uri(loaded.path());
            List<Diagnostic> diagnostics = new ArrayList<>();
            if (!loaded.decoded().problems().isEmpty() && level != SeverityLevel.OFF) {
                String text;
                try {
                    text = Files.readString(loaded.path(), StandardCharsets.UTF_8);
                } catch (IOException | RuntimeException unreadable) {
                    text = "";
                }
                LineIndex lines = LineIndex.of(text);
                for (ConfigProblem problem : loaded.decoded().problems()) {
                    DiagnosticSeverity severity = level != null
                            ? Convert.severity(org.logbookls.analysis.diagnostics.Severity.of(level).orElseThrow())
                            : problem.error() ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
                    Diagnostic diagnostic = new Diagnostic(Convert.range(lines, problem.range(), session.encoding()), problem.message(),
                            severity, "logbook");
                    diagnostic.setCode(Either.forLeft(DiagnosticCode.INVALID_CONFIG.id()));
                    diagnostics.add(diagnostic);
                }
            }
            List<Diagnostic> previous = configPublished.put(uri, diagnostics);
            if (Objects.equals(previous, diagnostics) || previous == null && diagnostics.isEmpty()) {
                continue;
            }
            session.client().ifPresent(client -> {
                client.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics));
                if (!diagnostics.isEmpty()) {
                    client.showMessage(new MessageParams(MessageType.Warning, "Logbook: " + loaded.path() + " has "
                            + diagnostics.size() + " problem(s): " + diagnostics.get(0).getMessage()));
                }
            });
        }
    }
}
