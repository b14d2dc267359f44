package org.logbookls.workspace;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.logbookls.config.Settings;
import org.logbookls.model.Logbook;
import org.logbookls.text.Cancellation;

/**
 * Keeps the workspace index current without recomputing what did not change: the facts of a
 * document are computed once per document version and settings, and the index is rebuilt only
 * when some document's facts differ from last time.
 *
 * <p>Thread-safe; the one place where index state outlives a snapshot.
 */
public final class IndexCache {
    private final Map<String, Cached> facts = new HashMap<>();
    private WorkspaceIndex index = WorkspaceIndex.EMPTY;
    private Map<String, DocumentFacts> indexed = Map.of();

    /** The facts of one version of a document, and the model they were read from (null for a closed document). */
    private record Cached(DocumentSnapshot document, Settings settings, Logbook logbook, Object names, DocumentFacts facts) {
    }

    /** The facts of one document, from cache when neither the document nor its settings changed. */
    public DocumentFacts facts(DocumentSnapshot document, Settings settings) {
        Cached cached;
        synchronized (this) {
            cached = facts.get(document.uri());
            if (cached != null && cached.document() == document && sameSettings(cached.settings(), settings)) {
                return cached.facts();
            }
        }
        // Computed outside the lock, so that documents are analysed in parallel (the start-up index).
        // Entries are found by the document's identity, so one put by a slower, older request is
        // only a miss for the next, never a wrong answer. A new version that names what the last one
        // did keeps the last facts, the same object: its model says so (the same names object, after
        // typing in a body), else the two models are compared.
        // Facts read no sections: a closed document's are left unread (DocumentSnapshot.logbookWithoutSections).
        Logbook logbook = document.logbookWithoutSections(settings);
        Object names = document.names(logbook);
        DocumentFacts computed;
        if (cached == null || cached.logbook() == null || !sameSettings(cached.settings(), settings)) {
            computed = DocumentFacts.of(document.uri(), logbook);
        } else {
            computed = cached.names() == names ? cached.facts() : DocumentFacts.after(cached.facts(), cached.logbook(), logbook);
        }
        // A closed document's model is not kept for the comparison with its next version (a file read
        // again, or the document opened: rare, and its facts are then read whole): a hover that builds
        // its sections replaces its model, and this one would have stayed alive beside it.
        boolean keep = !document.isClosed();
        synchronized (this) {
            facts.put(document.uri(), new Cached(document, settings, keep ? logbook : null, keep ? names : null, computed));
        }
        return computed;
    }

    /**
     * Forgets the facts kept for {@code uri} and the model they were read from: a document closed is
     * read again from disk, or gone. Kept until the next index, the closed version's model was alive
     * while the document opened again, and the server's heap was sized for two models of it.
     */
    public synchronized void forget(String uri) {
        facts.remove(uri);
    }

    /** The index of every document in {@code snapshot}, reusing the last one when no facts changed. */
    public WorkspaceIndex index(WorkspaceSnapshot snapshot, Function<DocumentSnapshot, Settings> settings, Cancellation cancel) {
        Map<String, DocumentFacts> current = new HashMap<>();
        for (DocumentSnapshot document : snapshot.allDocuments().values()) {
            cancel.check();
            current.put(document.uri(), facts(document, settings.apply(document)));
        }
        synchronized (this) {
            facts.keySet().retainAll(current.keySet());
            if (!matching(current, indexed, (before, now) -> false)) {
                // A title or a date typed changes one document's ID summaries and nothing the index derives from them;
                // facts read anew are often equal to the last ones (compared last: that walks every ID).
                // One document's facts changed (a heading broken, an ID or a tag typed): the index follows it.
                index = matching(current, indexed, DocumentFacts::sameButSummaries) ? index.withSummaries(current)
                        : matching(current, indexed, DocumentFacts::equals) ? index : updatedOrBuilt(current);
                indexed = Map.copyOf(current);
            }
            return index;
        }
    }

    /** Settings are cached per folder, so the same settings are mostly the same object: compared by identity first. */
    private static boolean sameSettings(Settings a, Settings b) {
        return a == b || a.equals(b);
    }

    /** The index of {@code current}: the last one brought up to date when only one document's facts are new, else built anew. */
    private WorkspaceIndex updatedOrBuilt(Map<String, DocumentFacts> current) {
        String changed = onlyChanged(current, indexed);
        return changed != null ? index.withDocument(current, changed) : WorkspaceIndex.build(current);
    }

    /** The one document whose facts are not the very ones indexed, when the documents are the same and only one is; else null. */
    private static String onlyChanged(Map<String, DocumentFacts> current, Map<String, DocumentFacts> indexed) {
        if (current.size() != indexed.size()) {
            return null;
        }
        String changed = null;
        for (Map.Entry<String, DocumentFacts> entry : current.entrySet()) {
            DocumentFacts before = indexed.get(entry.getKey());
            if (before == null || before != entry.getValue() && changed != null) {
                return null;
            }
            if (before != entry.getValue()) {
                changed = entry.getKey();
            }
        }
        return changed;
    }

    /**
     * The same documents, each document's facts the same object or, failing that, alike as
     * {@code alike} says: facts kept from the last version are the same object, so identity is tried
     * first.
     */
    private static boolean matching(Map<String, DocumentFacts> current, Map<String, DocumentFacts> indexed,
            BiPredicate<DocumentFacts, DocumentFacts> alike) {
        if (current.size() != indexed.size()) {
            return false;
        }
        for (Map.Entry<String, DocumentFacts> entry : current.entrySet()) {
            DocumentFacts before = indexed.get(entry.getKey());
            if (before != entry.getValue() && (before == null || !alike.test(before, entry.getValue()))) {
                return false;
            }
        }
        return true;
    }
}
