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
import org.logbookls.text.SplicedList;
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
        Words words = Words.of(query);
        List<Found> found = new ArrayList<>();
        // Merged once: allDocuments() copies the open and the closed documents into a new map.
        Map<String, DocumentSnapshot> documents = view.snapshot().allDocuments();
        List<String> uris = new ArrayList<>(documents.keySet());
        uris.sort(null);
        for (String uri : uris) {
            cancel.check();
            DocumentSnapshot document = documents.get(uri);
            Logbook logbook = view.logbookWithoutSections(document);
            if (!logbook.detection().logbook()) {
                continue;
            }
            if (rows(document, logbook).collect(words, uri, found)) {
                return found;
            }
        }
        return found;
    }

    /**
     * Prepares what queries search in {@code document} (whose model is {@code logbook}), so that
     * the first query does not do it for every document at once: the start-up index calls this for
     * each file it reads, on its worker threads.
     */
    public static void prepare(DocumentSnapshot document, Logbook logbook) {
        if (logbook.detection().logbook()) {
            rows(document, logbook);
        }
    }

    private static Rows rows(DocumentSnapshot document, Logbook logbook) {
        return document.derived(Rows.class, logbook, model -> Rows.of(model, document.uri()));
    }

    /** The query's lower-case words, and which of them are date prefixes ("2023-03"), decided once per query. */
    private record Words(String[] words, boolean[] datePrefix) {
        static Words of(String query) {
            String needle = query.strip().toLowerCase(Locale.ROOT);
            String[] words = needle.isEmpty() ? new String[0] : needle.split("\\s+");
            boolean[] datePrefix = new boolean[words.length];
            for (int i = 0; i < words.length; i++) {
                datePrefix[i] = Character.isDigit(words[i].charAt(0))
                        && words[i].chars().allMatch(c -> Character.isDigit(c) || c == '-');
            }
            return new Words(words, datePrefix);
        }
    }

    /**
     * One document's entries as a query sees them, prepared once per version: each entry's date,
     * IDs and title, lower-cased, in one text ({@code date ids title}, a line per entry), so that a
     * query finds the entries holding its first word by searching that text, not by asking every
     * entry. Asking every entry of a 70,000-entry workspace was most of a query's time (15 ms for a
     * word found nowhere).
     */
    private record Rows(String container, List<Row> rows, String text, int[] starts) {
        static Rows of(Logbook logbook, String uri) {
            List<Row> rows = new ArrayList<>(logbook.entries().size());
            StringBuilder text = new StringBuilder();
            StringBuilder line = new StringBuilder();
            int[] starts = new int[logbook.entries().size() + 1];
            // Read unmoved, each title moved by how far its entry did: moving whole entries for one range each was most of this.
            // A plain loop, appending to one builder: made once per logbook at start-up, the streams, joins and
            // date formatting of each entry ran mostly before the compiler had got to them (a tenth of the index's work).
            List<Entry> entries = logbook.entries();
            for (int i = 0; i < entries.size(); i++) {
                Entry entry = SplicedList.unmoved(entries, i);
                int delta = SplicedList.moveAt(entries, i);
                String date = entry.date().map(EntryDate::isoStart).orElse("");
                String title = entry.plainTitle();
                List<IdDefinition> definitions = entry.ids();
                List<String> ids = definitions.size() == 1 ? List.of(definitions.get(0).id()) : ids(definitions);
                starts[rows.size()] = text.length();
                rows.add(new Row(date.length(), ids, title, entry.titleStart() + delta, entry.titleEnd() + delta));
                // Words hold no white space, so no word is found across the line breaks between entries.
                line.setLength(0);
                line.append(date);
                for (String id : ids) {
                    line.append(' ').append(id);
                }
                if (ids.isEmpty()) {
                    line.append(' ');
                }
                line.append(' ').append(title);
                appendLowerCase(text, line);
                text.append('\n');
            }
            starts[rows.size()] = text.length();
            return new Rows(fileName(uri), List.copyOf(rows), text.toString(), starts);
        }

        private static List<String> ids(List<IdDefinition> definitions) {
            List<String> ids = new ArrayList<>(definitions.size());
            for (IdDefinition definition : definitions) {
                ids.add(definition.id());
            }
            return List.copyOf(ids);
        }

        /** {@code line} lower-cased as {@link String#toLowerCase} with the root locale does it, by hand when it is all ASCII. */
        private static void appendLowerCase(StringBuilder text, CharSequence line) {
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) >= 0x80) {
                    text.append(line.toString().toLowerCase(Locale.ROOT));
                    return;
                }
            }
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                text.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
            }
        }

        /** Adds the entries {@code words} find; true once the answer is full. */
        boolean collect(Words words, String uri, List<Found> found) {
            if (words.words().length == 0) {
                for (int row = 0; row < rows.size(); row++) {
                    if (add(row, words, uri, found)) {
                        return true;
                    }
                }
                return false;
            }
            // Every match holds the first word: an ID it starts, a date it starts, a word of the text it is in.
            String first = words.words()[0];
            for (int at = text.indexOf(first); at >= 0; ) {
                int row = rowAt(at);
                if (add(row, words, uri, found)) {
                    return true;
                }
                at = text.indexOf(first, starts[row + 1]);
            }
            return false;
        }

        private boolean add(int index, Words words, String uri, List<Found> found) {
            Row row = rows.get(index);
            if (words.words().length == 1) {
                for (String id : row.ids()) {
                    if (id.toLowerCase(Locale.ROOT).startsWith(words.words()[0])) {
                        found.add(new Found(id + " — " + row.title(), container, true, uri, row.range()));
                    }
                }
            }
            if (matches(index, words)) {
                found.add(new Found(name(index), container, false, uri, row.range()));
            }
            return found.size() >= LIMIT;
        }

        /**
         * The name an entry is listed under: its date, IDs and title. Made for the few entries found, not
         * kept for every entry: those names were 7 MB of a 70,000-entry workspace. The date is the row's
         * text's first characters (an ISO date, which lower case leaves as it is).
         */
        private String name(int index) {
            Row row = rows.get(index);
            String date = text.substring(starts[index], starts[index] + row.dateLength());
            String name = (date.isEmpty() ? "" : date + " ") + (row.ids().isEmpty() ? "" : "[" + String.join(", ", row.ids()) + "] ")
                    + row.title();
            return name.strip();
        }

        private boolean matches(int index, Words words) {
            int start = starts[index];
            int end = starts[index + 1] - 1;
            for (int i = 0; i < words.words().length; i++) {
                String word = words.words()[i];
                boolean datePrefix = words.datePrefix()[i] && word.length() <= rows.get(index).dateLength()
                        && text.startsWith(word, start);
                if (!datePrefix && !contains(start, end, word)) {
                    return false;
                }
            }
            return true;
        }

        private boolean contains(int start, int end, String word) {
            for (int at = start; at + word.length() <= end; at++) {
                if (text.startsWith(word, at)) {
                    return true;
                }
            }
            return false;
        }

        private int rowAt(int offset) {
            int found = java.util.Arrays.binarySearch(starts, offset);
            return found >= 0 ? found : -found - 2;
        }
    }

    /** One entry: how long its date is, its IDs, its title, and where the title is written. */
    private record Row(int dateLength, List<String> ids, String title, int start, int end) implements org.logbookls.text.Span {
    }

    private static String fileName(String uri) {
        String path = java.net.URI.create(uri).getPath();
        return path == null ? uri : path.substring(path.lastIndexOf('/') + 1);
    }
}
