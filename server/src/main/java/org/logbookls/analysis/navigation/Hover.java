package org.logbookls.analysis.navigation;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.logbookls.analysis.Location;
import org.logbookls.model.Entry;
import org.logbookls.model.EntryDate;
import org.logbookls.model.Logbook;
import org.logbookls.model.Section;
import org.logbookls.model.SectionLabels;
import org.logbookls.text.Cancellation;
import org.logbookls.text.Text;
import org.logbookls.text.TextRange;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.WorkspaceView;

/**
 * Hover: for an ID, its entry's title, date, first result and how often it is referenced; for a
 * tag, its description and use count; for an entry's date, the resolved day, its weekday, where
 * the year came from, and the days since the previous entry.
 */
public final class Hover {
    private Hover() {
    }

    /** Markdown to show for a range. Immutable. */
    public record Info(TextRange range, String markdown) {
    }

    public static Optional<Info> at(WorkspaceView view, DocumentSnapshot document, int offset, Cancellation cancel) {
        Logbook logbook = view.logbook(document);
        Target target = Target.at(logbook, view.index(), document.text(), offset).orElse(null);
        if (target instanceof Target.Id id) {
            return Optional.of(new Info(id.range(), id(view, id.id(), cancel)));
        }
        if (target instanceof Target.TagName tag) {
            return Optional.of(new Info(tag.range(), tag(view, logbook, tag.name())));
        }
        if (target instanceof Target.Date date) {
            return Optional.of(new Info(date.date().range(), date(logbook, date.entry(), date.date())));
        }
        return Optional.empty();
    }

    /** The Markdown shown for an ID wherever it appears (hover, completion documentation). */
    public static String id(WorkspaceView view, String id, Cancellation cancel) {
        List<Location> definitions = Definition.ids(view, id, cancel);
        if (definitions.isEmpty()) {
            return "**" + id + "** is not defined by any entry.";
        }
        Location first = definitions.get(0);
        StringBuilder markdown = new StringBuilder();
        DocumentSnapshot defining = view.document(first.uri()).orElseThrow();
        // A closed document's sections were not read: only this entry's are, for its results.
        Logbook logbook = view.logbookWithoutSections(defining);
        for (Entry entry : logbook.entries()) {
            if (!entry.title().equals(first.range())) {
                continue;
            }
            markdown.append("**").append(id).append("** — ").append(entry.plainTitle()).append("\n\n");
            entry.date().flatMap(EntryDate::start).ifPresent(day -> markdown.append(describe(day)).append("  \n"));
            markdown.append('`').append(fileName(first.uri())).append("`, line ")
                    .append(defining.lineIndex().lineOf(entry.heading().start()) + 1).append("\n\n");
            resultSummary(defining.text(), defining.sections(view.settingsOf(defining), entry), view.settingsOf(defining).sectionFamilies())
                    .ifPresent(summary -> markdown.append("> ").append(summary).append("\n\n"));
        }
        int references = References.ofId(view, id, false, cancel).size();
        markdown.append(references == 1 ? "1 reference" : references + " references");
        if (definitions.size() > 1) {
            markdown.append(" · defined by ").append(definitions.size()).append(" entries");
        }
        return markdown.toString();
    }

    /** The first line of the entry's results, for a glance at what came of an experiment. */
    static Optional<String> resultSummary(Text text, List<Section> sections, java.util.Map<String, List<String>> families) {
        SectionLabels labels = SectionLabels.of(families, List.of());
        for (Section section : sections) {
            if (!labels.families(section.label()).contains("results") || section.empty()) {
                continue;
            }
            for (String line : section.content().of(text).split("\\R")) {
                String stripped = line.strip().replaceFirst("^[-*+]\\s+", "");
                if (!stripped.isEmpty() && !stripped.startsWith("|-") && !stripped.startsWith("---")) {
                    return Optional.of(section.label() + ": " + (stripped.length() > 160 ? stripped.substring(0, 157) + "…" : stripped));
                }
            }
        }
        return Optional.empty();
    }

    private static String tag(WorkspaceView view, Logbook logbook, String name) {
        StringBuilder markdown = new StringBuilder("**#").append(name).append("**");
        String description = logbook.tagDeclarations().stream().filter(d -> d.name().equals(name)).map(d -> d.description())
                .findFirst().orElse(view.index().declaredTags().get(name));
        if (description != null && !description.isBlank()) {
            markdown.append(" — ").append(description.strip());
        } else if (description == null) {
            markdown.append(" (not declared)");
        }
        int uses = view.index().tagUses().getOrDefault(name, 0);
        int logbooks = view.index().tagUsers(name).size();
        markdown.append("\n\nUsed ").append(uses == 1 ? "once" : uses + " times").append(" in ")
                .append(logbooks == 1 ? "1 logbook" : logbooks + " logbooks").append('.');
        return markdown.toString();
    }

    private static String date(Logbook logbook, Entry entry, EntryDate date) {
        StringBuilder markdown = new StringBuilder();
        if (date.start().isEmpty()) {
            return "**" + date.written() + "** is not a real date: " + date.problem().map(EntryDate.Problem::explanation).orElse("unknown");
        }
        LocalDate day = date.start().get();
        markdown.append("**").append(date.yearKnown() ? day.toString() : day.toString().substring(5)).append("**, ")
                .append(day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        date.end().ifPresent(end -> markdown.append(" to ").append(end).append(", ")
                .append(end.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)));
        markdown.append("\n\n").append(switch (date.yearSource()) {
            case WRITTEN -> "Year as written.";
            case NEIGHBOURS -> "Year " + day.getYear() + " inferred from the neighbouring entries.";
            case CONTEXT -> "Year " + day.getYear() + " inferred from the file's front matter or path.";
            case WEEKDAY -> "Year " + day.getYear() + " inferred from the weekdays the entries name.";
            case UNKNOWN -> "The year is unknown: nothing in the logbook says it.";
        });
        LocalDate previous = null;
        for (Entry other : logbook.entries()) {
            if (other.equals(entry) || other.date().isEmpty() || other.date().get().start().isEmpty()) {
                continue;
            }
            LocalDate candidate = other.date().get().start().get();
            if (candidate.isBefore(day) && (previous == null || candidate.isAfter(previous))) {
                previous = candidate;
            }
        }
        if (previous != null) {
            long days = ChronoUnit.DAYS.between(previous, day);
            markdown.append("\n\n").append(days == 1 ? "1 day" : days + " days").append(" after the previous entry (")
                    .append(date.yearKnown() ? previous.toString() : previous.toString().substring(5)).append(").");
        }
        return markdown.toString();
    }

    private static String describe(LocalDate day) {
        return day + " (" + day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ")";
    }

    private static String fileName(String uri) {
        String path = java.net.URI.create(uri).getPath();
        if (path == null) {
            return uri;
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
