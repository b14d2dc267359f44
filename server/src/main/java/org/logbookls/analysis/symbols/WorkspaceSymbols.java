package org.logbookls.analysis.symbols;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
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
        List<String> uris = new ArrayList<>(view.snapshot().allDocuments().keySet());
        uris.sort(null);
        for (String uri : uris) {
            cancel.check();
            DocumentSnapshot document = view.snapshot().allDocuments().get(uri);
            Logbook logbook = view.logbook(document);
            if (!logbook.detection().logbook()) {
                continue;
            }
            String container = fileName(uri);
            for (Entry entry : logbook.entries()) {
                String date = entry.date().flatMap(EntryDate::start).map(Object::toString).orElse("");
                String title = entry.plainTitle();
                for (IdDefinition id : entry.ids()) {
                    if (!needle.isEmpty() && id.id().toLowerCase(Locale.ROOT).startsWith(words[0]) && words.length == 1) {
                        found.add(new Found(id.id() + " — " + title, container, true, uri, entry.title()));
                    }
                }
                String ids = entry.ids().stream().map(IdDefinition::id).collect(Collectors.joining(" "));
                String haystack = (date + " " + ids + " " + title).toLowerCase(Locale.ROOT);
                if (matches(haystack, date, words)) {
                    String name = (date.isEmpty() ? "" : date + " ") + (ids.isEmpty() ? "" : "[" + ids.replace(" ", ", ") + "] ") + title;
                    found.add(new Found(name.strip(), container, false, uri, entry.title()));
                }
                if (found.size() >= LIMIT) {
                    return found;
                }
            }
        }
        return found;
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
