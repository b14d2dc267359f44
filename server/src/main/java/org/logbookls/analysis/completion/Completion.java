package org.logbookls.analysis.completion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.logbookls.analysis.diagnostics.RequiredSections;
import org.logbookls.config.Settings;
import org.logbookls.model.DateStyle;
import org.logbookls.model.Entry;
import org.logbookls.model.EntryDate;
import org.logbookls.model.IdDefinition;
import org.logbookls.model.IdScheme;
import org.logbookls.model.Logbook;
import org.logbookls.model.Section;
import org.logbookls.model.SectionLabels;
import org.logbookls.model.SectionStyle;
import org.logbookls.model.Tag;
import org.logbookls.model.Template;
import org.logbookls.syntax.MaskedText;
import org.logbookls.text.Cancellation;
import org.logbookls.text.LineIndex;
import org.logbookls.text.SplicedList;
import org.logbookls.text.Text;
import org.logbookls.text.TextRange;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.WorkspaceView;

/**
 * Completion at a position: experiment IDs, the next free ID on a new entry heading, tags,
 * today's date in the logbook's own style on an entry heading, and the sections the current entry
 * still lacks. Never inside code.
 */
public final class Completion {
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(\\[?)([^\\]]*)$");
    private static final Pattern LABEL_PREFIX = Pattern.compile("^[ \\t]*([-*+][ \\t]+)?(\\*\\*|__)?[\\p{L} ]*$");

    /**
     * At most this many IDs are offered at once, the most recent first among those matching what is
     * typed: a workspace of ten thousand experiments made a 10,000-item answer on every "[e". The
     * list is then marked incomplete, so the editor asks again as the user types on.
     */
    public static final int MAX_IDS = 200;

    private Completion() {
    }

    /** The items at a position, and whether more IDs match than were sent (the editor should ask again as the user types). */
    public record Result(List<Item> items, boolean incomplete) {
    }

    /** The items at a position. */
    public static List<Item> at(WorkspaceView view, DocumentSnapshot document, int offset, Cancellation cancel) {
        return list(view, document, offset, cancel).items();
    }

    /** What an item is, for the editor's icon. */
    public enum Kind { ID, NEXT_ID, TAG, DATE, SECTION }

    /**
     * One completion item. {@code replace} is the range the insert text replaces; {@code resolveId}
     * names an ID whose documentation is computed only when the editor asks for it.
     */
    public record Item(String label, Kind kind, String detail, Optional<String> documentation, String insertText, TextRange replace,
            String filterText, String sortText, Optional<String> resolveId) {
    }

    /** The items at a position, saying whether the ID list was cut at {@link #MAX_IDS}. */
    public static Result list(WorkspaceView view, DocumentSnapshot document, int offset, Cancellation cancel) {
        Text text = document.text();
        int position = Math.max(0, Math.min(offset, text.length()));
        if (insideCode(document, position)) {
            return new Result(List.of(), false);
        }
        Logbook logbook = view.logbook(document);
        LineIndex lines = document.lineIndex();
        int lineStart = lines.lineStart(lines.lineOf(position));
        String before = text.substring(lineStart, position);
        List<Item> items = new ArrayList<>();
        Matcher heading = HEADING.matcher(before);
        boolean onHeading = heading.matches();

        Optional<Item> tagContext = Optional.empty();
        int wordStart = position;
        while (wordStart > lineStart && isTagChar(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        if (wordStart > lineStart && text.charAt(wordStart - 1) == '#') {
            int hash = wordStart - 1;
            boolean lineStartTag = hash == lineStart && position > wordStart;
            boolean afterSpace = hash > lineStart && " \t([,;".indexOf(text.charAt(hash - 1)) >= 0;
            if (lineStartTag || afterSpace) {
                tags(view, logbook, TextRange.of(hash, position), items);
                return new Result(items, false);
            }
        }
        int idStart = position;
        while (idStart > lineStart && isIdChar(text.charAt(idStart - 1))) {
            idStart--;
        }
        String typed = text.substring(idStart, position);
        boolean bracket = idStart > lineStart && text.charAt(idStart - 1) == '[';
        if (onHeading && bracket && heading.group(2).equals("[") && !heading.group(3).contains(" ")) {
            nextId(view, logbook, TextRange.of(idStart, position), items);
        }
        boolean cut = false;
        if (bracket || !typed.isEmpty() && startsAScheme(view, logbook, typed)) {
            cut = ids(view, typed, TextRange.of(idStart, position), items, cancel);
        }
        if (onHeading) {
            todaysDate(view, document, logbook, lines, lineStart, position, heading, items);
        } else if (LABEL_PREFIX.matcher(before).matches()) {
            sections(view, document, logbook, lineStart, position, items);
        }
        return new Result(items, cut);
    }

    private static boolean insideCode(DocumentSnapshot document, int position) {
        MaskedText masked = document.syntax().maskedText();
        int at = position > 0 ? position - 1 : position;
        return at < masked.length() && masked.charAt(at) != document.text().charAt(at);
    }

    private static boolean isTagChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '/';
    }

    private static boolean isIdChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    /** "e00" or "EXP-1": a known prefix followed by at least one digit; plain words never pop up a list. */
    private static boolean startsAScheme(WorkspaceView view, Logbook logbook, String typed) {
        String lower = typed.toLowerCase(java.util.Locale.ROOT);
        List<IdScheme> schemes = new ArrayList<>(view.index().schemes());
        schemes.addAll(logbook.schemes());
        for (IdScheme scheme : schemes) {
            String prefix = scheme.prefix().toLowerCase(java.util.Locale.ROOT);
            String rest = lower.startsWith(prefix) ? lower.substring(prefix.length()) : "";
            if (!rest.isEmpty() && rest.chars().allMatch(Character::isDigit)) {
                return true;
            }
        }
        return false;
    }

    /** Adds the IDs matching {@code typed}, most recent first; true when there were more than {@link #MAX_IDS}. */
    private static boolean ids(WorkspaceView view, String typed, TextRange replace, List<Item> items, Cancellation cancel) {
        // The first MAX_IDS matches in the index's order (highest number first), and whether there are more.
        List<String> ids = new ArrayList<>(MAX_IDS);
        boolean more = false;
        for (String id : view.index().definedIdsNewestFirst()) {
            if (matches(typed, id)) {
                if (ids.size() == MAX_IDS) {
                    more = true;
                    break;
                }
                ids.add(id);
            }
        }
        int rank = 0;
        for (String id : ids) {
            cancel.check();
            var summary = view.index().summary(id);
            String detail = summary.map(s -> s.title().strip() + (s.date().isEmpty() ? "" : " · " + s.date())).orElse("");
            items.add(new Item(id, Kind.ID, detail, Optional.empty(), id, replace, id, String.format("1-%06d", rank++), Optional.of(id)));
        }
        return more;
    }

    /** The typed characters appear in the ID in order, ignoring case (as editors filter: "e38" matches "e0038"). */
    private static boolean matches(String typed, String id) {
        int at = 0;
        for (int i = 0; i < typed.length(); i++) {
            char wanted = Character.toLowerCase(typed.charAt(i));
            while (at < id.length() && Character.toLowerCase(id.charAt(at)) != wanted) {
                at++;
            }
            if (at == id.length()) {
                return false;
            }
            at++;
        }
        return true;
    }

    /** The ID after the highest one this logbook (else the workspace) defines, in the same scheme and width. */
    private static void nextId(WorkspaceView view, Logbook logbook, TextRange replace, List<Item> items) {
        String next = org.logbookls.analysis.actions.NewEntry.nextId(logbook);
        if (next == null) {
            List<String> newestFirst = view.index().definedIdsNewestFirst();
            if (newestFirst.isEmpty()) {
                return;
            }
            next = IdScheme.next(newestFirst.get(0));
        }
        String highest = IdScheme.withNumber(next, IdScheme.number(next) - 1);
        items.add(new Item(next, Kind.NEXT_ID, "next free experiment ID", Optional.of("The experiment after **" + highest + "**."),
                next, replace, next, "0-next", Optional.empty()));
    }

    private static void tags(WorkspaceView view, Logbook logbook, TextRange replace, List<Item> items) {
        Map<String, String> declared = new LinkedHashMap<>();
        logbook.tagDeclarations().forEach(d -> declared.putIfAbsent(d.name(), d.description()));
        view.index().declaredTags().forEach(declared::putIfAbsent);
        int rank = 0;
        for (Map.Entry<String, String> tag : declared.entrySet()) {
            String description = tag.getValue() == null ? "" : tag.getValue();
            items.add(new Item("#" + tag.getKey(), Kind.TAG, description.isEmpty() ? "declared tag" : description,
                    description.isEmpty() ? Optional.empty() : Optional.of(description), "#" + tag.getKey(), replace, "#" + tag.getKey(),
                    String.format("0-%04d", rank++), Optional.empty()));
        }
        Map<String, Integer> used = new LinkedHashMap<>(view.index().tagUses());
        // Names only, read unmoved: reading the tags behind an edit would move (make anew) each of them.
        List<Tag> tags = logbook.tags();
        for (int i = 0; i < tags.size(); i++) {
            used.putIfAbsent(SplicedList.unmoved(tags, i).name(), 1);
        }
        List<Map.Entry<String, Integer>> byUse = new ArrayList<>(used.entrySet());
        byUse.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        for (Map.Entry<String, Integer> tag : byUse) {
            if (declared.containsKey(tag.getKey())) {
                continue;
            }
            int count = tag.getValue();
            items.add(new Item("#" + tag.getKey(), Kind.TAG, "used " + (count == 1 ? "once" : count + " times"), Optional.empty(),
                    "#" + tag.getKey(), replace, "#" + tag.getKey(), String.format("1-%04d", rank++), Optional.empty()));
        }
    }

    private static void todaysDate(WorkspaceView view, DocumentSnapshot document, Logbook logbook, LineIndex lines, int lineStart,
            int position, Matcher heading, List<Item> items) {
        Settings settings = view.settingsOf(document);
        LocalDate today = settings.todayOrClock();
        Optional<DateStyle> learned = style(logbook);
        // Entries that are not dated (experiment journals keep dates in tables) get no date in their headings.
        if (learned.isEmpty() && (!logbook.entries().isEmpty() || !logbook.detection().logbook())) {
            return;
        }
        String date = org.logbookls.analysis.actions.NewEntry.style(logbook, today).format(today);
        String typed = heading.group(3);
        if (!date.startsWith(typed)) {
            return;
        }
        TextRange replace = TextRange.of(position - typed.length(), position);
        items.add(new Item(date, Kind.DATE, "today, in this logbook's date style", Optional.empty(), date, replace, date, "0-today",
                Optional.empty()));
    }

    /** The style of the most recent entry whose heading holds a plain date (no range, no time). */
    public static Optional<DateStyle> style(Logbook logbook) {
        Entry latest = null;
        // Read unmoved: a date and whether its heading holds it do not change when the entry moves.
        List<Entry> entries = logbook.entries();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = SplicedList.unmoved(entries, i);
            Optional<EntryDate> date = entry.date();
            if (date.isEmpty() || date.get().start().isEmpty() || date.get().end().isPresent() || date.get().time().isPresent()
                    || !entry.heading().contains(date.get().range())) {
                continue;
            }
            if (latest == null || date.get().start().get().isAfter(latest.date().get().start().get())) {
                latest = entry;
            }
        }
        if (latest == null) {
            return Optional.empty();
        }
        EntryDate date = latest.date().get();
        return date.raw().flatMap(raw -> DateStyle.learn(date.written(), date.start().get(), raw, logbook.conventions().dayFirst()));
    }

    private static void sections(WorkspaceView view, DocumentSnapshot document, Logbook logbook, int lineStart, int position,
            List<Item> items) {
        // The entry whose body holds the line, found among the unmoved entries by how far each moved.
        List<Entry> entries = logbook.entries();
        int holding = -1;
        for (int i = 0; i < entries.size(); i++) {
            Entry candidate = SplicedList.unmoved(entries, i);
            int at = lineStart - SplicedList.moveAt(entries, i);
            if (candidate.range().contains(at) && candidate.heading().end() <= at) {
                holding = i;
            }
        }
        if (holding < 0) {
            return;
        }
        Entry entry = entries.get(holding);
        Settings settings = view.settingsOf(document);
        SectionLabels labels = SectionLabels.of(settings.sectionFamilies(), settings.requiredSections());
        List<String> template = logbook.template().map(t -> t.sections().stream().map(Template.TemplateSection::label).toList())
                .orElse(List.of());
        labels = labels.with(template);
        RequiredSections required = RequiredSections.of(logbook, settings, labels);
        List<String> wanted = required.labels().isEmpty() ? List.of("Results", "Next Steps") : required.labels();
        SectionStyle style = org.logbookls.analysis.actions.LabelStyles.labelStyle(logbook, entry);
        int rank = 0;
        for (String label : wanted) {
            boolean present = false;
            for (Section section : entry.sections()) {
                if (labels.satisfies(section.label(), label)) {
                    present = true;
                    break;
                }
            }
            if (present) {
                continue;
            }
            String insert = switch (style) {
                case HEADING -> "#".repeat(Math.min(6, entry.level() + 1)) + " " + label;
                case BOLD_LABEL -> "**" + label + ":** ";
                case LIST_ITEM -> "- " + label + ": ";
                case LABEL_LINE -> label + ": ";
            };
            items.add(new Item(label, Kind.SECTION, "section this entry lacks", Optional.empty(), insert,
                    TextRange.of(lineStart, position), insert, String.format("0-%02d", rank++), Optional.empty()));
        }
    }
}
