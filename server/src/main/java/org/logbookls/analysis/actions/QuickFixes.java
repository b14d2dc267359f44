package org.logbookls.analysis.actions;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.logbookls.analysis.Suggestions;
import org.logbookls.analysis.diagnostics.Diagnostic;
import org.logbookls.analysis.diagnostics.DiagnosticCode;
import org.logbookls.analysis.diagnostics.Diagnostics;
import org.logbookls.analysis.diagnostics.RequiredSections;
import org.logbookls.analysis.diagnostics.WorkspaceEnvironment;
import org.logbookls.analysis.navigation.Rename;
import org.logbookls.config.Settings;
import org.logbookls.model.DateStyle;
import org.logbookls.model.Entry;
import org.logbookls.model.EntryDate;
import org.logbookls.model.IdDefinition;
import org.logbookls.model.IdScheme;
import org.logbookls.model.Link;
import org.logbookls.model.Logbook;
import org.logbookls.model.Section;
import org.logbookls.model.SectionLabels;
import org.logbookls.model.TagDeclaration;
import org.logbookls.model.Template;
import org.logbookls.text.Cancellation;
import org.logbookls.text.LineIndex;
import org.logbookls.text.Text;
import org.logbookls.text.TextEdit;
import org.logbookls.text.TextRange;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.WorkspaceView;

/**
 * A quick fix for every diagnostic that can be fixed, computed from the model (never from the
 * message text). Every edit is minimal: it touches only the text it changes, and inserted text uses
 * the document's own line breaks.
 */
public final class QuickFixes {
    private QuickFixes() {
    }

    /** The fixes for the diagnostics that touch {@code range}. */
    public static List<CodeAction> at(WorkspaceView view, DocumentSnapshot document, TextRange range, Cancellation cancel) {
        List<CodeAction> actions = new ArrayList<>();
        Ids ids = new Ids(view, view.logbook(document));
        for (Diagnostic diagnostic : diagnostics(view, document, cancel)) {
            if (diagnostic.range().intersects(range) || diagnostic.range().touches(range.start()) || range.contains(diagnostic.range())) {
                actions.addAll(fixes(view, document, diagnostic, ids));
            }
        }
        return actions;
    }

    /** Every fix of every diagnostic in the document. */
    public static List<CodeAction> all(WorkspaceView view, DocumentSnapshot document, Cancellation cancel) {
        List<CodeAction> actions = new ArrayList<>();
        Ids ids = new Ids(view, view.logbook(document));
        for (Diagnostic diagnostic : diagnostics(view, document, cancel)) {
            cancel.check();
            actions.addAll(fixes(view, document, diagnostic, ids));
        }
        return actions;
    }

    /** The diagnostics last computed here, reused while the workspace snapshot, its index and the settings are the same. */
    private record Computed(DocumentSnapshot document, Object snapshot, Object index, Settings settings, List<Diagnostic> diagnostics) {
    }

    private static volatile Computed last;

    static List<Diagnostic> diagnostics(WorkspaceView view, DocumentSnapshot document, Cancellation cancel) {
        Settings settings = view.settingsOf(document);
        // Editors ask for code actions at every cursor move; in a long logbook the diagnostics are
        // the expensive part, and they change only with the snapshot.
        Computed known = last;
        if (known != null && known.document == document && known.snapshot == view.snapshot() && known.index == view.index()
                && known.settings.equals(settings)) {
            return known.diagnostics;
        }
        List<Diagnostic> diagnostics = List.copyOf(Diagnostics.of(document.uri(), view.logbook(document), document.lineIndex(), settings,
                new WorkspaceEnvironment(view), cancel));
        last = new Computed(document, view.snapshot(), view.index(), settings, diagnostics);
        return diagnostics;
    }

    /**
     * What renumbering needs, computed once per request rather than once per duplicated ID (a
     * logbook with 40,000 duplicates made that quadratic): the entry defining each ID range, and
     * the highest number taken per ID prefix.
     */
    private static final class Ids {
        private final WorkspaceView view;
        private final Logbook logbook;
        private java.util.Map<TextRange, Entry> entryByIdRange;
        private java.util.Map<String, Long> highestByPrefix;

        Ids(WorkspaceView view, Logbook logbook) {
            this.view = view;
            this.logbook = logbook;
        }

        Optional<Entry> entryDefining(TextRange range) {
            if (entryByIdRange == null) {
                entryByIdRange = new java.util.HashMap<>();
                for (Entry entry : logbook.entries()) {
                    entry.ids().forEach(id -> entryByIdRange.putIfAbsent(id.range(), entry));
                }
            }
            return Optional.ofNullable(entryByIdRange.get(range));
        }

        /** Free means neither defined nor mentioned anywhere: a number someone already wrote is not free. */
        long highest(String prefix) {
            if (highestByPrefix == null) {
                highestByPrefix = new java.util.HashMap<>();
                Set<String> taken = new LinkedHashSet<>(view.index().definedIds());
                taken.addAll(view.index().mentionedIds());
                logbook.idTokens().forEach(token -> taken.add(token.id()));
                logbook.entries().forEach(e -> e.ids().forEach(id -> taken.add(id.id())));
                for (String id : taken) {
                    String idPrefix = prefixOf(id);
                    if (id.length() > idPrefix.length()) {
                        highestByPrefix.merge(idPrefix, IdScheme.number(id), Math::max);
                    }
                }
            }
            return highestByPrefix.getOrDefault(prefix, 0L);
        }
    }

    private static String prefixOf(String id) {
        int digits = id.length();
        while (digits > 0 && Character.isDigit(id.charAt(digits - 1))) {
            digits--;
        }
        return id.substring(0, digits);
    }

    static List<CodeAction> fixes(WorkspaceView view, DocumentSnapshot document, Diagnostic diagnostic) {
        return fixes(view, document, diagnostic, new Ids(view, view.logbook(document)));
    }

    private static List<CodeAction> fixes(WorkspaceView view, DocumentSnapshot document, Diagnostic diagnostic, Ids ids) {
        Logbook logbook = view.logbook(document);
        return switch (diagnostic.code()) {
            case INVALID_DATE -> ordinal(document, logbook, diagnostic);
            case WEEKDAY_MISMATCH -> weekday(document, logbook, diagnostic);
            case MISSING_SECTION -> missingSection(view, document, logbook, diagnostic);
            case DATE_ORDER -> move(document, logbook, diagnostic);
            case DUPLICATE_DATE -> merge(document, logbook, diagnostic);
            case UNDEFINED_REFERENCE -> replaceWith(document, diagnostic, Suggestions.closestIds(
                    diagnostic.range().of(document.text()), view.index().definedIds()), "");
            case UNDECLARED_TAG -> tag(view, document, logbook, diagnostic);
            case DUPLICATE_ID -> renumber(document, logbook, diagnostic, ids);
            case BROKEN_LINK -> anchor(view, document, logbook, diagnostic);
            case AMBIGUOUS_DATE -> unambiguous(document, logbook, diagnostic);
            default -> List.of();
        };
    }

    private static Optional<Entry> entryWithDateAt(Logbook logbook, TextRange range) {
        for (Entry entry : logbook.entries()) {
            if (entry.date().isPresent() && entry.date().get().range().intersects(range.isEmpty() ? TextRange.of(range.start(),
                    range.start() + 1) : range)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    private static List<CodeAction> ordinal(DocumentSnapshot document, Logbook logbook, Diagnostic diagnostic) {
        for (Entry entry : logbook.entries()) {
            Optional<EntryDate> date = entry.date();
            if (date.isEmpty() || date.get().ordinalRange().isEmpty() || date.get().expectedOrdinal().isEmpty()
                    || !diagnostic.range().contains(date.get().ordinalRange().get())) {
                continue;
            }
            TextRange suffix = date.get().ordinalRange().get();
            String written = suffix.of(document.text());
            String expected = written.equals(written.toUpperCase(java.util.Locale.ROOT))
                    ? date.get().expectedOrdinal().get().toUpperCase(java.util.Locale.ROOT) : date.get().expectedOrdinal().get();
            String day = diagnostic.range().of(document.text()).replace(written, "");
            return List.of(CodeAction.fix("Write '" + day + expected + "'", document.uri(), List.of(new TextEdit(suffix, expected)),
                    DiagnosticCode.INVALID_DATE, diagnostic.range(), true, true));
        }
        return List.of();
    }

    private static List<CodeAction> weekday(DocumentSnapshot document, Logbook logbook, Diagnostic diagnostic) {
        List<CodeAction> actions = new ArrayList<>();
        for (Entry entry : logbook.entries()) {
            Optional<EntryDate> date = entry.date();
            if (date.isEmpty() || date.get().weekdayRange().isEmpty() || !date.get().weekdayRange().get().equals(diagnostic.range())
                    || date.get().start().isEmpty()) {
                continue;
            }
            LocalDate day = date.get().start().get();
            String written = diagnostic.range().of(document.text());
            String corrected = DateStyle.weekdayLike(written, day.getDayOfWeek());
            actions.add(CodeAction.fix("Change '" + written + "' to '" + corrected + "'", document.uri(),
                    List.of(new TextEdit(diagnostic.range(), corrected)), DiagnosticCode.WEEKDAY_MISMATCH, diagnostic.range(), true, false));
            DayOfWeek stated = date.get().statedWeekday().get();
            for (int distance = 1; distance <= 3; distance++) {
                for (int sign : new int[] {-1, 1}) {
                    LocalDate other = day.plusYears((long) sign * distance);
                    if (other.getDayOfWeek() != stated || !(day.getMonthValue() != 2 || day.getDayOfMonth() != 29)) {
                        continue;
                    }
                    Optional<DateStyle> style = date.get().raw().flatMap(raw -> DateStyle.learn(date.get().written(), day, raw,
                            logbook.conventions().dayFirst()));
                    if (style.isPresent() && staysInOrder(logbook, entry, other)) {
                        String rewritten = style.get().format(other);
                        actions.add(CodeAction.fix("Change the year to " + other.getYear() + " ('" + rewritten + "')", document.uri(),
                                List.of(new TextEdit(date.get().range(), rewritten)), DiagnosticCode.WEEKDAY_MISMATCH, diagnostic.range(),
                                false, false));
                        return actions;
                    }
                }
            }
        }
        return actions;
    }

    /** True when moving {@code entry} to {@code day} keeps it between its dated neighbours. */
    private static boolean staysInOrder(Logbook logbook, Entry entry, LocalDate day) {
        List<LocalDate> dates = new ArrayList<>();
        List<LocalDate> changed = new ArrayList<>();
        for (Entry other : logbook.entries()) {
            if (other.group() != entry.group() || other.date().flatMap(EntryDate::start).isEmpty()) {
                continue;
            }
            dates.add(other.date().get().start().get());
            changed.add(other.equals(entry) ? day : other.date().get().start().get());
        }
        return org.logbookls.model.Chronology.outOfOrder(changed).size() <= org.logbookls.model.Chronology.outOfOrder(dates).size();
    }

    private static List<CodeAction> missingSection(WorkspaceView view, DocumentSnapshot document, Logbook logbook, Diagnostic diagnostic) {
        Optional<Entry> target = logbook.entries().stream().filter(entry -> entry.title().equals(diagnostic.range())).findFirst();
        if (target.isEmpty()) {
            return List.of();
        }
        Entry entry = target.get();
        Settings settings = view.settingsOf(document);
        SectionLabels labels = SectionLabels.of(settings.sectionFamilies(), settings.requiredSections())
                .with(logbook.template().map(t -> t.sections().stream().map(Template.TemplateSection::label).toList()).orElse(List.of()));
        List<String> required = RequiredSections.of(logbook, settings, labels).labels();
        Text text = document.text();
        String eol = Eol.of(text);
        List<TextEdit> edits = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (int i = 0; i < required.size(); i++) {
            String label = required.get(i);
            if (entry.sections().stream().anyMatch(section -> labels.satisfies(section.label(), label))) {
                continue;
            }
            int at = insertionPoint(document, entry, required, i, labels);
            String written = NewEntry.labelAsWritten(document, logbook, entry, label, labels);
            boolean heading = written.startsWith("#");
            // A placeholder keeps the new section from being empty; replace it with what happened.
            String block = written + (heading ? "\n\nTODO" : " TODO");
            String lead = at > 0 && text.charAt(at - 1) != '\n' && text.charAt(at - 1) != '\r' ? "\n\n" : needsBlank(text, at) ? "\n" : "";
            String tail = at < text.length() && text.charAt(at) != '\n' && text.charAt(at) != '\r' ? "\n\n" : "\n";
            edits.add(new TextEdit(TextRange.empty(at), Eol.convert(lead + block + tail, eol)));
            added.add(label);
        }
        if (edits.isEmpty()) {
            return List.of();
        }
        return List.of(CodeAction.fix("Add " + String.join(" and ", added.stream().map(l -> "'" + l + "'").toList()) + " to this entry",
                document.uri(), merged(edits), DiagnosticCode.MISSING_SECTION, diagnostic.range(), true, false));
    }

    private static boolean needsBlank(Text text, int at) {
        return at >= 2 && !text.substring(Math.max(0, at - 4), at).replace("\r", "").endsWith("\n\n");
    }

    /** Where a missing section goes: before the first section the template lists after it, else at the end of the entry's text. */
    private static int insertionPoint(DocumentSnapshot document, Entry entry, List<String> required, int index, SectionLabels labels) {
        for (int later = index + 1; later < required.size(); later++) {
            for (Section section : entry.sections()) {
                if (labels.satisfies(section.label(), required.get(later))) {
                    LineIndex lines = document.lineIndex();
                    return lines.lineStart(lines.lineOf(section.labelRange().start()));
                }
            }
        }
        return contentEnd(document, entry);
    }

    /** The end of an entry's last non-blank line, before separators and blank lines. */
    static int contentEnd(DocumentSnapshot document, Entry entry) {
        Text text = document.text();
        LineIndex lines = document.lineIndex();
        int line = lines.lineOf(Math.max(entry.range().start(), entry.range().end() - 1));
        int first = lines.lineOf(entry.heading().start());
        while (line > first) {
            String content = lines.lineText(line).strip();
            if (!content.isEmpty() && !content.matches("-{3,}|\\*{3,}|_{3,}|<hr\\s*/?>|<!--.*-->")) {
                break;
            }
            line--;
        }
        int end = lines.lineEnd(line);
        return Math.min(end, text.length());
    }

    /** Moves an out-of-order entry to its chronological place in its group. */
    private static List<CodeAction> move(DocumentSnapshot document, Logbook logbook, Diagnostic diagnostic) {
        Optional<Entry> moving = entryWithDateAt(logbook, diagnostic.range());
        if (moving.isEmpty() || moving.get().date().get().start().isEmpty()) {
            return List.of();
        }
        Entry entry = moving.get();
        LocalDate day = entry.date().get().start().get();
        List<Entry> group = new ArrayList<>();
        for (Entry other : logbook.entries()) {
            if (!other.equals(entry) && other.group() == entry.group() && other.date().flatMap(EntryDate::start).isPresent()) {
                group.add(other);
            }
        }
        if (group.isEmpty()) {
            return List.of();
        }
        boolean newestFirst = diagnostic.message().contains("newest-first");
        Entry before = null;
        for (Entry other : group) {
            LocalDate otherDay = other.date().get().start().get();
            if (newestFirst ? otherDay.isBefore(day) : otherDay.isAfter(day)) {
                before = other;
                break;
            }
        }
        Text text = document.text();
        String eol = Eol.of(text);
        String body = entry.range().of(text);
        if (!body.endsWith("\n") && !body.endsWith("\r")) {
            body = body + eol;
        }
        if (!body.endsWith(eol + eol)) {
            body = body + eol;
        }
        TextEdit remove = new TextEdit(entry.range(), "");
        TextEdit insert;
        if (before != null) {
            int at = before.heading().start() - (before.heading().start() - document.lineIndex().lineStart(document.lineIndex().lineOf(before.heading().start())));
            insert = new TextEdit(TextRange.empty(at), body);
        } else {
            Entry last = group.get(group.size() - 1);
            int at = last.range().end();
            String lead = at > 0 && text.charAt(at - 1) != '\n' && text.charAt(at - 1) != '\r' ? eol + eol : needsBlank(text, at) ? eol : "";
            insert = new TextEdit(TextRange.empty(at), lead + body.stripTrailing() + eol);
        }
        if (insert.range().start() >= entry.range().start() && insert.range().start() <= entry.range().end()) {
            return List.of();
        }
        List<TextEdit> edits = new ArrayList<>(List.of(remove, insert));
        edits.sort((a, b) -> a.range().compareTo(b.range()));
        return List.of(CodeAction.fix("Move '" + entry.displayName() + "' to its place in time", document.uri(), edits,
                DiagnosticCode.DATE_ORDER, diagnostic.range(), true, false));
    }

    /** Merges a duplicate-date entry into its twin: its body joins the first entry, its heading goes. */
    private static List<CodeAction> merge(DocumentSnapshot document, Logbook logbook, Diagnostic diagnostic) {
        Optional<Entry> duplicate = entryWithDateAt(logbook, diagnostic.range());
        if (duplicate.isEmpty() || diagnostic.related().isEmpty()) {
            return List.of();
        }
        Optional<Entry> twin = entryWithDateAt(logbook, diagnostic.related().get(0).range());
        if (twin.isEmpty() || twin.get().equals(duplicate.get())) {
            return List.of();
        }
        Text text = document.text();
        String eol = Eol.of(text);
        Entry entry = duplicate.get();
        String body = text.substring(entry.heading().end(), entry.range().end()).strip();
        int at = contentEnd(document, twin.get());
        List<TextEdit> edits = new ArrayList<>();
        if (!body.isEmpty()) {
            String lead = at > 0 && text.charAt(at - 1) != '\n' && text.charAt(at - 1) != '\r' ? eol + eol : eol;
            edits.add(new TextEdit(TextRange.empty(at), lead + Eol.convert(body.replace("\r\n", "\n").replace('\r', '\n'), eol) + eol));
        }
        edits.add(new TextEdit(entry.range(), ""));
        edits.sort((a, b) -> a.range().compareTo(b.range()));
        return List.of(CodeAction.fix("Merge into the entry '" + twin.get().displayName() + "' above", document.uri(), edits,
                DiagnosticCode.DUPLICATE_DATE, diagnostic.range(), true, false));
    }

    private static List<CodeAction> replaceWith(DocumentSnapshot document, Diagnostic diagnostic, List<String> options, String prefix) {
        List<CodeAction> actions = new ArrayList<>();
        for (String option : options) {
            actions.add(CodeAction.fix("Change to '" + prefix + option + "'", document.uri(),
                    List.of(new TextEdit(diagnostic.range(), prefix + option)), diagnostic.code(), diagnostic.range(), options.size() == 1,
                    false));
        }
        return actions;
    }

    private static List<CodeAction> tag(WorkspaceView view, DocumentSnapshot document, Logbook logbook, Diagnostic diagnostic) {
        String name = diagnostic.range().of(document.text()).substring(1);
        Set<String> declared = new LinkedHashSet<>();
        logbook.tagDeclarations().forEach(d -> declared.add(d.name()));
        declared.addAll(view.index().declaredTags().keySet());
        declared.addAll(view.settingsOf(document).tags().keySet());
        List<CodeAction> actions = new ArrayList<>(replaceWith(document, diagnostic, Suggestions.closest(name, declared), "#"));
        if (!logbook.tagDeclarations().isEmpty()) {
            TagDeclaration last = logbook.tagDeclarations().get(logbook.tagDeclarations().size() - 1);
            LineIndex lines = document.lineIndex();
            int lineEnd = lines.lineContentEnd(lines.lineOf(last.range().start()));
            String lineText = lines.lineText(lines.lineOf(last.range().start()));
            String marker = lineText.substring(0, Math.max(0, last.range().start() - lines.lineStart(lines.lineOf(last.range().start()))));
            String declaration = Eol.of(document.text()) + marker + "#" + name + " - ";
            actions.add(CodeAction.fix("Declare '#" + name + "' in the Key", document.uri(),
                    List.of(new TextEdit(TextRange.empty(lineEnd), declaration)), DiagnosticCode.UNDECLARED_TAG, diagnostic.range(),
                    false, false));
        }
        return actions;
    }

    /** Gives a duplicated ID the next free ones, in its list or range and in its own entry's references. */
    private static List<CodeAction> renumber(DocumentSnapshot document, Logbook logbook, Diagnostic diagnostic, Ids ids) {
        Optional<Entry> defining = ids.entryDefining(diagnostic.range());
        if (defining.isEmpty()) {
            return List.of();
        }
        Entry entry = defining.get();
        List<IdDefinition> inPart = entry.ids().stream().filter(id -> id.range().equals(diagnostic.range())).toList();
        List<String> duplicated = new ArrayList<>();
        for (IdDefinition id : inPart) {
            if (diagnostic.message().contains("'" + id.id() + "'")) {
                duplicated.add(id.id());
            }
        }
        List<String> renamed = new ArrayList<>();
        java.util.Map<String, String> replacements = new java.util.LinkedHashMap<>();
        java.util.Map<String, Long> next = new java.util.HashMap<>();
        for (IdDefinition id : inPart) {
            String replacement = id.id();
            if (duplicated.contains(id.id())) {
                String prefix = prefixOf(id.id());
                long number = next.merge(prefix, ids.highest(prefix) + 1, (old, first) -> old + 1);
                replacement = IdScheme.withNumber(id.id(), number);
                replacements.put(id.id(), replacement);
            }
            renamed.add(replacement);
        }
        String newText = inPart.size() == 1 ? renamed.get(0) : Rename.compressIds(renamed);
        List<TextEdit> edits = new ArrayList<>(List.of(new TextEdit(diagnostic.range(), newText)));
        for (var reference : logbook.idTokens()) {
            if (entry.range().contains(reference.range().start()) && replacements.containsKey(reference.id())) {
                edits.add(new TextEdit(reference.range(), replacements.get(reference.id())));
            }
        }
        edits.sort((a, b) -> a.range().compareTo(b.range()));
        return List.of(CodeAction.fix("Renumber to '" + String.join("', '", replacements.values()) + "'", document.uri(), edits,
                DiagnosticCode.DUPLICATE_ID, diagnostic.range(), true, false));
    }

    private static List<CodeAction> anchor(WorkspaceView view, DocumentSnapshot document, Logbook logbook, Diagnostic diagnostic) {
        for (Link link : logbook.links()) {
            if (!link.destinationRange().equals(diagnostic.range()) || link.anchor().isEmpty()) {
                continue;
            }
            List<String> slugs;
            if (link.filePart().isEmpty()) {
                slugs = logbook.slugs();
            } else {
                Optional<java.nio.file.Path> target = view.resolve(document.uri(), link.filePart());
                Optional<DocumentSnapshot> targetDocument = target.flatMap(path -> view.document(WorkspaceView.uriOf(path)));
                if (targetDocument.isEmpty()) {
                    return List.of();
                }
                slugs = view.logbookWithoutSections(targetDocument.get()).slugs();
            }
            List<String> closest = Suggestions.closest(link.anchor(), slugs);
            List<CodeAction> actions = new ArrayList<>();
            int hash = link.destination().indexOf('#');
            int anchorStart = diagnostic.range().start() + document.text().substring(diagnostic.range().start(), diagnostic.range().end()).indexOf('#') + 1;
            if (hash < 0 || anchorStart <= diagnostic.range().start()) {
                return List.of();
            }
            for (String slug : closest) {
                actions.add(CodeAction.fix("Link to '#" + slug + "'", document.uri(),
                        List.of(new TextEdit(TextRange.of(anchorStart, diagnostic.range().end()), slug)), DiagnosticCode.BROKEN_LINK,
                        diagnostic.range(), closest.size() == 1, closest.size() == 1));
            }
            return actions;
        }
        return List.of();
    }

    private static List<CodeAction> unambiguous(DocumentSnapshot document, Logbook logbook, Diagnostic diagnostic) {
        Optional<Entry> entry = entryWithDateAt(logbook, diagnostic.range());
        if (entry.isEmpty() || entry.get().date().get().start().isEmpty()) {
            return List.of();
        }
        EntryDate date = entry.get().date().get();
        if (!date.written().matches("[0-9./-]+") || date.range().length() != date.written().length()) {
            return List.of();
        }
        String iso = date.start().get().toString();
        return List.of(CodeAction.fix("Write it as " + iso, document.uri(), List.of(new TextEdit(date.range(), iso)),
                DiagnosticCode.AMBIGUOUS_DATE, diagnostic.range(), true, false));
    }

    /** Edits of one action must not overlap; inserts at the same point are joined in order. */
    private static List<TextEdit> merged(List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort((a, b) -> a.range().compareTo(b.range()));
        List<TextEdit> out = new ArrayList<>();
        for (TextEdit edit : sorted) {
            if (!out.isEmpty() && out.get(out.size() - 1).range().equals(edit.range()) && edit.range().isEmpty()) {
                TextEdit last = out.remove(out.size() - 1);
                out.add(new TextEdit(last.range(), last.newText() + edit.newText()));
            } else {
                out.add(edit);
            }
        }
        return out;
    }
}
