package org.logbookls.analysis.actions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.logbookls.analysis.completion.Completion;
import org.logbookls.analysis.diagnostics.RequiredSections;
import org.logbookls.config.Settings;
import org.logbookls.model.Chronology;
import org.logbookls.model.DateStyle;
import org.logbookls.model.Detection;
import org.logbookls.model.Entry;
import org.logbookls.model.EntryDate;
import org.logbookls.model.IdDefinition;
import org.logbookls.model.IdScheme;
import org.logbookls.model.Logbook;
import org.logbookls.model.Section;
import org.logbookls.model.SectionLabels;
import org.logbookls.model.SectionStyle;
import org.logbookls.model.Template;
import org.logbookls.syntax.Block;
import org.logbookls.syntax.BlockKind;
import org.logbookls.text.Cancellation;
import org.logbookls.text.LineIndex;
import org.logbookls.text.Text;
import org.logbookls.text.TextEdit;
import org.logbookls.text.TextRange;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.WorkspaceView;

/**
 * Today's entry, written the way the logbook writes its entries: the latest entry's heading shape
 * (level, brackets, counter, setext underline, ID list) with today's date in the logbook's own
 * {@link DateStyle}, the sections its template (or configuration, or habit) asks for in the label
 * spelling its entries use, the next free experiment ID, and the unchecked items of the previous
 * entry's Next Steps. It goes where the author would put it: at the top of a newest-first logbook,
 * at the end of an oldest-first one, with the logbook's own separator between entries.
 */
public final class NewEntry {
    private static final Pattern COUNTER = Pattern.compile("^(.*?\\p{L}[\\p{L} ]*?\\s*)(\\d{1,5})(\\s*[:.\\-–—|)]?\\s*)$");
    private static final Pattern SEPARATOR = Pattern.compile("^\\s*(-{3,}|\\*{3,}|_{3,}|<hr\\s*/?>|<!--.*-->)\\s*$");
    private static final Pattern OPEN_ITEM = Pattern.compile("^(\\s*)([-*+])\\s+(?:\\[ \\]\\s+)?(?!\\[[xX]\\])(.+?)\\s*$");
    private static final Pattern DATED_FILE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})(.*)\\.(md|markdown)$", Pattern.CASE_INSENSITIVE);
    private static final String CARRIED = " (carried over)";

    private NewEntry() {
    }

    /** What the new-entry action does. */
    public sealed interface Plan permits Existing, Insert, CreateFile, Unavailable {
    }

    /** Today's entry is already there: go to it instead of writing a second one. */
    public record Existing(String uri, TextRange heading) implements Plan {
    }

    /**
     * Insert {@code edit}; {@code snippet} is the same text with tab stops, for clients that take
     * snippets, and {@code cursor} the offset within the inserted text where typing continues.
     */
    public record Insert(String uri, TextEdit edit, String snippet, int cursor) implements Plan {
    }

    /** One-file-per-day logbooks: today's file, with its first lines. */
    public record CreateFile(String uri, String text, String snippet, int cursor) implements Plan {
    }

    /** Why no entry can be written here. */
    public record Unavailable(String why) implements Plan {
    }

    public static Plan plan(WorkspaceView view, DocumentSnapshot document, Cancellation cancel) {
        Logbook logbook = view.logbook(document);
        Settings settings = view.settingsOf(document);
        if (!logbook.detection().logbook()) {
            return new Unavailable("This Markdown file is not a logbook.");
        }
        LocalDate today = settings.todayOrClock();
        if (logbook.detection().reason() == Detection.Reason.DATED_FILE) {
            return perDay(view, document, logbook, today);
        }
        for (Entry entry : logbook.entries()) {
            cancel.check();
            if (entry.date().flatMap(EntryDate::start).map(day -> sameDay(day, today, entry.date().get())).orElse(false)) {
                return new Existing(document.uri(), entry.title());
            }
        }
        Text text = document.text();
        String eol = Eol.of(text);
        Entry reference = reference(logbook);
        Writer writer = new Writer();
        heading(document, logbook, reference, today, writer);
        if (reference != null) {
            table(document, reference, today, writer);
        }
        sections(view, document, logbook, reference, settings, writer);
        if (!writer.hasStops()) {
            writer.stop("");
        }
        return place(document, logbook, reference, writer, eol);
    }

    private static boolean sameDay(LocalDate day, LocalDate today, EntryDate date) {
        return date.yearKnown() ? day.equals(today) : day.getMonth() == today.getMonth() && day.getDayOfMonth() == today.getDayOfMonth();
    }

    /** The entry new ones are modelled on: the latest dated one, else the highest-numbered experiment, else the first. */
    static Entry reference(Logbook logbook) {
        Entry latest = null;
        for (Entry entry : logbook.entries()) {
            Optional<LocalDate> day = entry.date().flatMap(EntryDate::start);
            if (day.isPresent() && (latest == null || !day.get().isBefore(latest.date().get().start().get()))) {
                latest = entry;
            }
        }
        if (latest != null) {
            return latest;
        }
        Entry highest = null;
        for (Entry entry : logbook.entries()) {
            if (!entry.ids().isEmpty() && (highest == null || IdScheme.number(lastId(entry)) > IdScheme.number(lastId(highest)))) {
                highest = entry;
            }
        }
        return highest != null ? highest : logbook.entries().isEmpty() ? null : logbook.entries().get(0);
    }

    private static void heading(DocumentSnapshot document, Logbook logbook, Entry reference, LocalDate today, Writer writer) {
        Text text = document.text();
        String date = style(logbook, today).format(today);
        if (reference == null) {
            writer.literal("## " + date);
            return;
        }
        String nextId = nextId(logbook);
        LineIndex lines = document.lineIndex();
        int lineStart = lines.lineStart(lines.lineOf(reference.heading().start()));
        int lineEnd = lines.lineContentEnd(lines.lineOf(reference.heading().start()));
        boolean setext = !reference.pseudo() && lines.lineOf(reference.heading().end() - 1) > lines.lineOf(reference.heading().start());
        // Only a date on the heading's first line shapes the new heading: a setext heading can run
        // over several lines, and its date may sit on a later one.
        Optional<EntryDate> headingDate = reference.date().filter(d -> reference.heading().contains(d.range())
                && d.range().start() >= lineStart && d.range().end() <= lineEnd);
        String line;
        boolean titleSlot;
        if (headingDate.isPresent()) {
            TextRange at = headingDate.get().range();
            String prefix = incrementCounter(text.substring(lineStart, at.start()));
            String after = text.substring(at.end(), lineEnd);
            int closers = 0;
            while (closers < after.length() && "])".indexOf(after.charAt(closers)) >= 0) {
                closers++;
            }
            titleSlot = !after.substring(closers).isBlank();
            line = prefix + date + after.substring(0, closers);
            int idsAt = reference.ids().isEmpty() ? -1 : reference.ids().get(0).range().start();
            if (nextId != null && idsAt > at.end() && idsAt <= lineEnd) {
                // "## 2026-11-20 [e0039] Adam": the next ID follows the date, as the IDs did.
                int open = text.lastIndexOf('[', idsAt);
                boolean bracketed = open >= at.end() + closers;
                int idsEnd = reference.ids().get(reference.ids().size() - 1).range().end();
                line += text.substring(at.end() + closers, bracketed ? open : idsAt)
                        + (bracketed ? "[" + nextId + "]" : nextId + (text.startsWith(":", idsEnd) ? ":" : ""));
                titleSlot = true;
            }
        } else if (!reference.ids().isEmpty() && nextId != null) {
            int open = text.indexOf('[', lineStart);
            line = text.substring(lineStart, open < 0 || open > lineEnd ? lineStart : open) + "[" + nextId + "]";
            titleSlot = true;
        } else {
            line = text.substring(lineStart, reference.title().start()) + date;
            titleSlot = false;
        }
        if (headingDate.isPresent() && !reference.ids().isEmpty() && nextId != null
                && reference.ids().get(0).range().start() < headingDate.get().range().start()) {
            line = line.replaceFirst("\\[[^\\]]*\\]", "[" + Matcher.quoteReplacement(nextId) + "]");
        }
        writer.literal(line);
        if (titleSlot) {
            writer.literal(" ");
            writer.stop("");
        }
        if (setext) {
            String underline = lines.lineText(lines.lineOf(reference.heading().end() - 1)).strip();
            char mark = underline.isEmpty() ? '-' : underline.charAt(0);
            writer.literal("\n" + String.valueOf(mark).repeat(Math.max(3, line.length())));
        }
    }

    /** Days after which a yearless date would be read in the wrong year. */
    private static final int YEARLESS_SAFE_DAYS = 150;

    /**
     * The logbook's latest style; a style without a year only when the latest entry is recent and
     * of this year, since a yearless date is read by its neighbours. Otherwise the latest style
     * that writes a year, else ISO.
     */
    public static DateStyle style(Logbook logbook, LocalDate today) {
        Optional<DateStyle> latest = Completion.style(logbook);
        if (latest.isPresent() && latest.get().hasYear()) {
            return latest.get();
        }
        Entry reference = reference(logbook);
        // Where the author never writes a year at all (or only weekdays tell it), a yearless date is the logbook's way.
        boolean yearsUnknown = reference != null && reference.date().map(d -> d.yearSource() == EntryDate.YearSource.UNKNOWN
                || d.yearSource() == EntryDate.YearSource.WEEKDAY).orElse(false);
        boolean recent = reference != null && reference.date().filter(EntryDate::yearKnown).flatMap(EntryDate::start)
                .map(day -> day.getYear() == today.getYear() && java.time.temporal.ChronoUnit.DAYS.between(day, today) <= YEARLESS_SAFE_DAYS)
                .orElse(false);
        if (latest.isPresent() && (recent || yearsUnknown)) {
            return latest.get();
        }
        for (int i = logbook.entries().size() - 1; i >= 0; i--) {
            Entry entry = logbook.entries().get(i);
            Optional<EntryDate> date = entry.date().filter(d -> entry.heading().contains(d.range()) && d.start().isPresent()
                    && d.yearSource() == EntryDate.YearSource.WRITTEN && d.end().isEmpty() && d.time().isEmpty());
            Optional<DateStyle> withYear = date.flatMap(d -> d.raw().flatMap(raw -> DateStyle.learn(d.written(), d.start().get(), raw,
                    logbook.conventions().dayFirst())));
            if (withYear.isPresent() && withYear.get().hasYear()) {
                return withYear.get();
            }
        }
        return DateStyle.ISO;
    }

    /** "Day 99: " becomes "Day 100: ", so a counter in the heading keeps counting. */
    private static String incrementCounter(String prefix) {
        Matcher matcher = COUNTER.matcher(prefix);
        if (!matcher.matches()) {
            return prefix;
        }
        long next = Long.parseLong(matcher.group(2)) + 1;
        return matcher.group(1) + next + matcher.group(3);
    }

    /** A date table at the top of the entry ({@code |Start Date|2017-07-25|}) is copied with today's dates. */
    private static void table(DocumentSnapshot document, Entry reference, LocalDate today, Writer writer) {
        if (reference.date().isEmpty() || reference.heading().contains(reference.date().get().range())) {
            return;
        }
        for (Block block : document.syntax().blocks()) {
            if (block.kind() == BlockKind.TABLE && reference.range().contains(block.start())) {
                String table = block.range().of(document.text()).replace("\r\n", "\n").replace('\r', '\n');
                StringBuilder copy = new StringBuilder();
                for (String row : table.split("\n")) {
                    copy.append(row.replaceAll("\\d{4}-\\d{2}-\\d{2}", today.toString())).append('\n');
                }
                writer.literal("\n\n" + copy.toString().stripTrailing());
                return;
            }
        }
    }

    private static void sections(WorkspaceView view, DocumentSnapshot document, Logbook logbook, Entry reference, Settings settings,
            Writer writer) {
        SectionLabels labels = SectionLabels.of(settings.sectionFamilies(), settings.requiredSections());
        List<String> template = logbook.template().map(t -> t.sections().stream().map(Template.TemplateSection::label).toList())
                .orElse(List.of());
        labels = labels.with(template);
        List<String> required = RequiredSections.of(logbook, settings, labels).labels();
        Text text = document.text();
        if (required.isEmpty()) {
            if (reference != null && startsWithList(document, reference)) {
                writer.literal("\n- ");
                writer.stop("");
            }
            return;
        }
        List<String> carried = settings.carryOver() && reference != null ? openItems(text, reference, labels) : List.of();
        boolean carriedPlaced = false;
        boolean first = true;
        boolean tight = reference != null && tightAfterHeading(document, reference);
        for (String label : required) {
            String written = labelAsWritten(document, logbook, reference, label, labels);
            boolean heading = written.startsWith("#");
            writer.literal((first && tight ? "\n" : "\n\n") + written + (heading ? "\n" : " "));
            first = false;
            boolean nextSteps = labels.families(label).contains("next-steps");
            if (nextSteps && !carried.isEmpty() && !carriedPlaced) {
                carriedPlaced = true;
                writer.literal((heading ? "" : "\n") + String.join("\n", carried) + (heading ? "\n" : ""));
            }
            writer.stop("");
        }
    }

    /** True when the reference entry's first line of text follows its heading with no blank line between. */
    private static boolean tightAfterHeading(DocumentSnapshot document, Entry reference) {
        LineIndex lines = document.lineIndex();
        int next = lines.lineOf(Math.max(reference.heading().start(), reference.heading().end() - 1)) + 1;
        return next < lines.lineCount() && lines.lineStart(next) < reference.range().end() && !lines.lineText(next).isBlank()
                && reference.date().map(d -> reference.heading().contains(d.range())).orElse(true);
    }

    private static boolean startsWithList(DocumentSnapshot document, Entry reference) {
        for (Block block : document.syntax().blocks()) {
            if (block.start() >= reference.heading().end() && reference.range().contains(block.start())) {
                return block.kind() == BlockKind.LIST_ITEM;
            }
        }
        return false;
    }

    /** The label as the logbook's entries write it ("**Today's Progress**:", "## Results & Deliverables", "Plans:"). */
    static String labelAsWritten(DocumentSnapshot document, Logbook logbook, Entry reference, String label, SectionLabels labels) {
        List<Entry> candidates = new ArrayList<>();
        if (reference != null) {
            candidates.add(reference);
        }
        candidates.addAll(logbook.entries());
        String wanted = SectionLabels.normalize(label);
        for (Entry entry : candidates) {
            for (Section section : entry.sections()) {
                if (SectionLabels.normalize(section.label()).equals(wanted)) {
                    return written(document, section);
                }
            }
        }
        int level = reference == null ? 2 : reference.level();
        Optional<Template.TemplateSection> fromTemplate = logbook.template().flatMap(t -> t.sections().stream()
                .filter(section -> SectionLabels.normalize(section.label()).equals(wanted)).findFirst());
        if (fromTemplate.isPresent() && fromTemplate.get().style() == SectionStyle.HEADING) {
            return "#".repeat(Math.min(6, level + 1)) + " " + fromTemplate.get().label();
        }
        if (reference != null) {
            for (Section section : reference.sections()) {
                if (labels.satisfies(section.label(), label) && labels.families(section.label()).equals(labels.families(label))) {
                    return written(document, section);
                }
            }
        }
        SectionStyle style = reference == null ? SectionStyle.LABEL_LINE : LabelStyles.labelStyle(logbook, reference);
        return switch (style) {
            case HEADING -> "#".repeat(Math.min(6, level + 1)) + " " + label;
            case BOLD_LABEL -> "**" + label + ":**";
            case LIST_ITEM -> "- " + label + ":";
            case LABEL_LINE -> label + ":";
        };
    }

    private static String written(DocumentSnapshot document, Section section) {
        LineIndex lines = document.lineIndex();
        int line = lines.lineOf(section.labelRange().start());
        int lineStart = lines.lineStart(line);
        int end = section.style() == SectionStyle.HEADING ? lines.lineContentEnd(line)
                : Math.min(section.content().start(), lines.lineContentEnd(line));
        return document.text().substring(lineStart, end).stripTrailing();
    }

    /** The unchecked items of the reference entry's Next Steps, marked as carried over. */
    private static List<String> openItems(Text text, Entry reference, SectionLabels labels) {
        List<String> items = new ArrayList<>();
        for (Section section : reference.sections()) {
            if (!labels.families(section.label()).contains("next-steps")) {
                continue;
            }
            for (String line : section.content().of(text).split("\\R")) {
                Matcher item = OPEN_ITEM.matcher(line);
                if (item.matches() && item.group(1).length() < 2) {
                    String body = item.group(3).endsWith(CARRIED.strip()) ? item.group(3) : item.group(3) + CARRIED;
                    items.add(item.group(2) + " [ ] " + body);
                }
            }
        }
        return items;
    }

    private static Plan place(DocumentSnapshot document, Logbook logbook, Entry reference, Writer writer, String eol) {
        Text text = document.text();
        String separator = separator(document, logbook);
        if (reference == null) {
            String lead = text.isEmpty() ? "" : text.endsWith("\n\n") || text.endsWith("\r\n\r\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n";
            return insert(document, text.length(), lead, writer, "\n", eol);
        }
        if (newestFirst(document, logbook, reference)) {
            String tail = "\n\n" + (separator.isEmpty() ? "" : separator + "\n\n");
            return insert(document, reference.heading().start() - columnOf(document, reference.heading().start()), "", writer, tail, eol);
        }
        int entryEnd = reference.range().end();
        int end = entryEnd;
        // A template kept in a comment after the last entry stays last.
        Optional<TextRange> template = logbook.template().map(Template::range)
                .filter(range -> reference.range().contains(range.start()) && text.substring(range.end(), entryEnd).isBlank());
        if (template.isPresent()) {
            end = template.get().start() - columnOf(document, template.get().start());
        }
        String before = text.substring(reference.range().start(), end);
        String lead = end == 0 ? "" : before.endsWith("\n\n") || before.endsWith("\r\n\r\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
        if (!separator.isEmpty() && !endsWithSeparator(before, separator)) {
            lead += separator + "\n\n";
        }
        return insert(document, end, lead, writer, "\n", eol);
    }

    private static int columnOf(DocumentSnapshot document, int offset) {
        return offset - document.lineIndex().lineStart(document.lineIndex().lineOf(offset));
    }

    private static boolean endsWithSeparator(String entryText, String separator) {
        return entryText.stripTrailing().endsWith(separator.strip());
    }

    private static Plan insert(DocumentSnapshot document, int offset, String lead, Writer writer, String tail, String eol) {
        String following = document.text().substring(offset);
        if (!following.isEmpty() && !following.startsWith("\n") && !following.startsWith("\r") && !tail.endsWith("\n\n")) {
            // Text right after the entry needs a blank line, or it would join the entry's last paragraph.
            tail = tail + "\n";
        }
        String plain = Eol.convert(lead + writer.plain() + tail, eol);
        String snippet = Eol.convert(escape(lead) + writer.snippet() + escape(tail), eol);
        int cursor = Eol.convert(lead, eol).length() + Eol.convert(writer.plainUpToFirstStop(), eol).length();
        return new Insert(document.uri(), new TextEdit(TextRange.empty(offset), plain), snippet, cursor);
    }

    /** The line that separates entries in this logbook (`---`, `<hr>`, an HTML comment), if most entries end with one. */
    private static String separator(DocumentSnapshot document, Logbook logbook) {
        Text text = document.text();
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        List<Entry> entries = logbook.entries();
        for (int i = 0; i + 1 < entries.size(); i++) {
            String body = entries.get(i).range().of(text).stripTrailing();
            int lastBreak = Math.max(body.lastIndexOf('\n'), body.lastIndexOf('\r'));
            String last = body.substring(lastBreak + 1);
            if (SEPARATOR.matcher(last).matches()) {
                counts.merge(last.strip(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().filter(e -> e.getValue() * 2 >= entries.size() - 1 && entries.size() > 1)
                .max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey).orElse("");
    }

    private static final Pattern NEWEST_FIRST = Pattern.compile("(?i)reverse[- ]chronological|newest[- ]first|most recent (first|at the top)|latest first");
    private static final Pattern OLDEST_FIRST = Pattern.compile("(?i)oldest[- ]first|chronological order");

    /** The direction of the reference's group; with fewer than two dates, what the logbook's own instructions say. */
    private static boolean newestFirst(DocumentSnapshot document, Logbook logbook, Entry reference) {
        List<LocalDate> dates = new ArrayList<>();
        for (Entry entry : logbook.entries()) {
            if (entry.group() == reference.group()) {
                entry.date().flatMap(EntryDate::start).ifPresent(dates::add);
            }
        }
        if (dates.size() >= 2) {
            return Chronology.order(dates).newestFirst();
        }
        String preamble = logbook.preamble().of(document.text());
        if (NEWEST_FIRST.matcher(preamble).find()) {
            return true;
        }
        if (OLDEST_FIRST.matcher(preamble).find()) {
            return false;
        }
        return logbook.entries().indexOf(reference) == 0 && logbook.entries().size() > 1;
    }

    /** The ID after the highest this logbook defines, or null when it numbers no experiments. */
    public static String nextId(Logbook logbook) {
        String highest = null;
        for (Entry entry : logbook.entries()) {
            for (IdDefinition id : entry.ids()) {
                if (highest == null || IdScheme.number(id.id()) > IdScheme.number(highest)) {
                    highest = id.id();
                }
            }
        }
        if (highest == null) {
            return null;
        }
        return IdScheme.next(highest);
    }

    private static String lastId(Entry entry) {
        return entry.ids().get(entry.ids().size() - 1).id();
    }

    private static Plan perDay(WorkspaceView view, DocumentSnapshot document, Logbook logbook, LocalDate today) {
        java.net.URI uri = java.net.URI.create(document.uri());
        String path = uri.getPath();
        if (path == null) {
            return new Unavailable("This per-day note has no file path.");
        }
        int slash = path.lastIndexOf('/');
        String folder = path.substring(0, slash);
        Matcher name = DATED_FILE.matcher(path.substring(slash + 1));
        if (!name.matches()) {
            return new Unavailable("This note's name does not start with a date.");
        }
        String folderName = folder.substring(folder.lastIndexOf('/') + 1);
        if (folderName.equals(name.group(1))) {
            folder = folder.substring(0, folder.lastIndexOf('/') + 1) + today.getYear();
        }
        String rest = name.group(4).isEmpty() ? "" : "-untitled";
        String newPath = folder + "/" + today + rest + "." + name.group(5);
        String newUri = java.net.URI.create("file://" + newPath.replace(" ", "%20")).toString();
        if (view.document(newUri).isPresent()) {
            return new Existing(newUri, TextRange.empty(0));
        }
        Writer writer = new Writer();
        document.syntax().frontMatter().ifPresent(frontMatter -> {
            String eolless = frontMatter.range().of(document.text()).replace("\r\n", "\n");
            StringBuilder copy = new StringBuilder();
            for (String line : eolless.split("\n")) {
                String key = line.contains(":") ? line.substring(0, line.indexOf(':')).strip().toLowerCase(java.util.Locale.ROOT) : "";
                if (line.startsWith(" ") || line.startsWith("\t") || line.startsWith("- ")) {
                    continue;
                }
                if (key.equals("date") || key.equals("created_at") || key.equals("created") || key.equals("updated_at")) {
                    copy.append(line, 0, line.indexOf(':') + 1).append(' ').append(today).append('\n');
                } else if (key.equals("title") || key.equals("tags")) {
                    copy.append(line, 0, line.indexOf(':') + 1).append(key.equals("tags") ? "" : " ").append('\n');
                } else {
                    copy.append(line).append('\n');
                }
            }
            writer.literal(copy.toString());
        });
        int level = logbook.entries().isEmpty() ? 1 : Math.max(1, Math.min(6, logbook.entries().get(0).level()));
        writer.literal("#".repeat(level) + " ");
        writer.stop("");
        writer.literal("\n");
        String eol = Eol.of(document.text());
        return new CreateFile(newUri, Eol.convert(writer.plain(), eol), Eol.convert(writer.snippet(), eol),
                Eol.convert(writer.plainUpToFirstStop(), eol).length());
    }

    static String escape(String literal) {
        return literal.replace("\\", "\\\\").replace("$", "\\$").replace("}", "\\}");
    }

    /** Builds the plain text and the snippet of the new entry side by side. */
    static final class Writer {
        private final StringBuilder plain = new StringBuilder();
        private final StringBuilder snippet = new StringBuilder();
        private int stops;
        private int firstStop = -1;

        void literal(String text) {
            plain.append(text);
            snippet.append(escape(text));
        }

        /** A tab stop, with {@code placeholder} as its default text in both forms. */
        void stop(String placeholder) {
            if (firstStop < 0) {
                firstStop = plain.length();
            }
            stops++;
            plain.append(placeholder);
            snippet.append("${").append(stops).append(placeholder.isEmpty() ? "" : ":" + escape(placeholder)).append('}');
        }

        String plain() {
            return plain.toString();
        }

        String snippet() {
            return snippet.toString();
        }

        boolean hasStops() {
            return stops > 0;
        }

        String plainUpToFirstStop() {
            return plain.substring(0, firstStop < 0 ? plain.length() : firstStop);
        }
    }
}
