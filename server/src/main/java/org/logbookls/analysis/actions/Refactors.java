package org.logbookls.analysis.actions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.logbookls.analysis.completion.Completion;
import org.logbookls.model.Anchor;
import org.logbookls.model.Chronology;
import org.logbookls.model.DateStyle;
import org.logbookls.model.Entry;
import org.logbookls.model.EntryDate;
import org.logbookls.model.Logbook;
import org.logbookls.text.LineIndex;
import org.logbookls.text.Text;
import org.logbookls.text.TextEdit;
import org.logbookls.text.TextRange;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.WorkspaceView;

/**
 * Whole-logbook refactors: sort entries chronologically, write every date one way, and keep a
 * table of contents with working anchors. Each returns edits (empty when nothing would change).
 */
public final class Refactors {
    private static final Pattern TOC_HEADING = Pattern.compile("(?i)^\\W*(table of contents|contents|toc|sommaire|índice|inhalt)\\W*$");

    private Refactors() {
    }

    /**
     * Sorts the entries of each group in the group's own direction; entries move with everything
     * up to the next entry, undated entries keep their place, and text outside entries is untouched.
     */
    public static List<TextEdit> sortEntries(WorkspaceView view, DocumentSnapshot document) {
        Logbook logbook = view.logbook(document);
        Text text = document.text();
        String eol = Eol.of(text);
        Map<Integer, List<Entry>> groups = new LinkedHashMap<>();
        for (Entry entry : logbook.entries()) {
            groups.computeIfAbsent(entry.group(), g -> new ArrayList<>()).add(entry);
        }
        List<TextEdit> edits = new ArrayList<>();
        for (List<Entry> group : groups.values()) {
            List<Entry> dated = group.stream().filter(e -> e.date().flatMap(EntryDate::start).isPresent()).toList();
            if (dated.size() < 2) {
                continue;
            }
            boolean newestFirst = Chronology.order(dated.stream().map(e -> e.date().get().start().get()).toList()).newestFirst();
            Comparator<Entry> byDate = Comparator.comparing(e -> e.date().get().start().get());
            List<Entry> sorted = new ArrayList<>(dated);
            sorted.sort(newestFirst ? byDate.reversed() : byDate);
            if (sorted.equals(dated)) {
                continue;
            }
            // Each dated slot receives the entry that belongs there; the last slot may lack a final line break.
            for (int i = 0; i < dated.size(); i++) {
                Entry slot = dated.get(i);
                Entry moved = sorted.get(i);
                if (slot == moved) {
                    continue;
                }
                String body = moved.range().of(text);
                boolean slotIsLast = slot.range().end() == text.length() || slot == dated.get(dated.size() - 1);
                body = withBreaks(body, eol, slotIsLast && !slot.range().of(text).endsWith("\n") && !slot.range().of(text).endsWith("\r"));
                edits.add(new TextEdit(slot.range(), body));
            }
        }
        return edits;
    }

    /** An entry's text, ending with a blank line unless it goes last and the file did not end with one. */
    private static String withBreaks(String body, String eol, boolean last) {
        String trimmed = body;
        while (trimmed.endsWith("\n") || trimmed.endsWith("\r")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return last ? trimmed : trimmed + eol + eol;
    }

    /** Writes every entry heading's date in one style: ISO 8601, or the logbook's latest style. */
    public static List<TextEdit> normaliseDates(WorkspaceView view, DocumentSnapshot document, boolean iso) {
        Logbook logbook = view.logbook(document);
        DateStyle style = iso ? DateStyle.ISO : Completion.style(logbook).orElse(DateStyle.ISO);
        List<TextEdit> edits = new ArrayList<>();
        for (Entry entry : logbook.entries()) {
            Optional<EntryDate> date = entry.date();
            if (date.isEmpty() || date.get().start().isEmpty() || !entry.heading().contains(date.get().range())
                    || date.get().end().isPresent() || !date.get().yearKnown() && iso) {
                continue;
            }
            LocalDate day = date.get().start().get();
            String written = style.format(day) + date.get().time().map(time -> " " + time).orElse("");
            if (!written.equals(date.get().range().of(document.text()))) {
                edits.add(new TextEdit(date.get().range(), written));
            }
        }
        return edits;
    }

    /**
     * Creates or updates a "Table of contents": a nested list of every heading with its GitHub anchor,
     * under the existing contents heading, or after the title when there is none.
     */
    public static List<TextEdit> tableOfContents(WorkspaceView view, DocumentSnapshot document) {
        Logbook logbook = view.logbook(document);
        Text text = document.text();
        String eol = Eol.of(text);
        LineIndex lines = document.lineIndex();
        List<Anchor> anchors = logbook.anchors();
        Anchor tocHeading = null;
        for (Anchor anchor : anchors) {
            if (TOC_HEADING.matcher(anchor.text()).matches()) {
                tocHeading = anchor;
                break;
            }
        }
        int minLevel = anchors.stream().mapToInt(Anchor::level).min().orElse(1);
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < anchors.size(); i++) {
            Anchor anchor = anchors.get(i);
            String title = escape(anchor.text());
            list.append("  ".repeat(Math.max(0, anchor.level() - minLevel))).append("- [").append(title.isBlank() ? "(untitled)" : title)
                    .append("](#").append(logbook.slugs().get(i)).append(")\n");
        }
        String toc = Eol.convert(list.toString(), eol);
        if (tocHeading != null) {
            int start = lines.lineEnd(lines.lineOf(tocHeading.heading().end() - 1));
            int end = text.length();
            for (Anchor anchor : anchors) {
                if (anchor.heading().start() > tocHeading.heading().start()) {
                    end = anchor.heading().start();
                    break;
                }
            }
            String current = text.substring(start, end);
            String replacement = eol + toc + eol;
            if (current.equals(replacement)) {
                return List.of();
            }
            return List.of(new TextEdit(TextRange.of(start, end), replacement));
        }
        int at = anchors.isEmpty() ? 0 : lines.lineEnd(lines.lineOf(anchors.get(0).heading().end() - 1));
        String heading = "#".repeat(Math.min(6, minLevel + 1)) + " Table of contents";
        String block = Eol.convert("\n" + heading + "\n\n", eol) + toc.replace(Eol.convert("- [", eol), "- [") + eol;
        return List.of(new TextEdit(TextRange.empty(at), block));
    }

    /** A heading's text as literal Markdown link text: nothing in it may become a tag, a link, emphasis or code. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\[]*_`#<>".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
