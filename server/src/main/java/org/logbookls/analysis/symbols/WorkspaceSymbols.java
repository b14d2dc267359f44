package org.logbookls.analysis.symbols;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.logbookls.model.Entry;
import org.logbookls.model.EntryDate;
import org.logbookls.model.IdDefinition;
import org.logbookls.model.Logbook;
import org.logbookls.text.Cancellation;
import org.logbookls.text.TextRange;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.WorkspaceView;

/**
 * Workspace symbols: every entry and every experiment across the workspace's logbooks, matched by
 * ID ("e0038"), by the words of its title ("adam second"), or by a date prefix ("2023-03").
 */
public final class WorkspaceSymbols {
    /** Answers are capped: an editor shows a list, not a database dump. */
    private static final int LIMIT = 500;

    private WorkspaceSymbols() {
    }

    /** One entry or experiment found. Immutable. */
    public record Found(String name, String container, boolean experiment, String uri, TextRange range) {
    }

    public static List<Found> query(WorkspaceView view, String query, Cancellation cancel) {
        String needle = query.strip().toLowerCase(Locale.ROOT);
        String[] words = needle.isEmpty() ? new String[0] : needle.split("\\s+");
        List<Found> found = new ArrayList<>();
        // Merged once: allDocuments() copies the open and the closed documents into a new map.
        Map<String, DocumentSnapshot> documents = view.snapshot().allDocuments();
        List<String> uris = new ArrayList<>(documents.keySet());
        uris.sort(null);
        for (String uri : uris) {
            cancel.check();
            DocumentSnapshot document = documents.get(uri);
            Logbook logbook = view.logbook(document);
            if (!logbook.detection().logbook()) {
                continue;
            }
            String container = fileName(uri);
            for (Row row : document.derived(Row.class, logbook, Row::of)) {
                for (int i = 0; i < row.ids().size(); i++) {
                    if (words.length == 1 && row.lowerIds().get(i).startsWith(words[0])) {
                        found.add(new Found(row.ids().get(i) + " — " + row.title(), container, true, uri, row.range()));
                    }
                }
                if (matches(row.haystack(), row.date(), words)) {
                    found.add(new Found(row.name(), container, false, uri, row.range()));
                }
                if (found.size() >= LIMIT) {
                    return found;
                }
            }
        }
        return found;
    }

    /**
     * One entry as a query sees it, prepared once per version of its document: its date, IDs, the
     * lower-case text queries search, and the name it is listed under. Preparing it (titles, dates,
     * lower-casing) on every query was most of a query's time in a 40,000-entry workspace.
     */
    private record Row(String date, List<String> ids, List<String> lowerIds, String title, String haystack, String name, TextRange range) {
        static List<Row> of(Logbook logbook) {
            List<Row> rows = new ArrayList<>(logbook.entries().size());
            for (Entry entry : logbook.entries()) {
                String date = entry.date().flatMap(EntryDate::start).map(Object::toString).orElse("");
                String title = entry.plainTitle();
                List<String> ids = entry.ids().stream().map(IdDefinition::id).toList();
                String joined = String.join(" ", ids);
                String name = (date.isEmpty() ? "" : date + " ") + (joined.isEmpty() ? "" : "[" + String.join(", ", ids) + "] ") + title;
                rows.add(new Row(date, ids, ids.stream().map(id -> id.toLowerCase(Locale.ROOT)).toList(), title,
                        (date + " " + joined + " " + title).toLowerCase(Locale.ROOT), name.strip(), entry.title()));
            }
            return List.copyOf(rows);
        }
    }

    private static boolean matches(String haystack, String date, String[] words) {
        for (String word : words) {
            if (word.chars().allMatch(c -> Character.isDigit(c) || c == '-') && Character.isDigit(word.charAt(0))) {
                if (!date.startsWith(word) && !haystack.contains(word)) {
                    return false;
                }
            } else if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static String fileName(String uri) {
        String path = java.net.URI.create(uri).getPath();
        return path == null ? uri : path.substring(path.lastIndexOf('/') + 1);
    }
}
