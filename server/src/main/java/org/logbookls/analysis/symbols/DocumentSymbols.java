package org.logbookls.analysis.symbols;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.logbookls.model.Anchor;
import org.logbookls.model.Entry;
import org.logbookls.model.EntryDate;
import org.logbookls.model.IdDefinition;
import org.logbookls.model.Logbook;
import org.logbookls.model.Section;
import org.logbookls.text.Cancellation;
import org.logbookls.text.SplicedList;
import org.logbookls.text.TextRange;

/**
 * The outline of a logbook, read as a timeline: each entry named by its normalised date and IDs,
 * with its sections as children; the headings outside entries (preamble, group headings) around them.
 */
public final class DocumentSymbols {
    private DocumentSymbols() {
    }

    /** What a symbol stands for, for the editor's icon. */
    public enum Kind { ENTRY, SECTION, HEADING }

    /** One node of the outline. Immutable. */
    public record Symbol(String name, String detail, Kind kind, TextRange range, TextRange selection, List<Symbol> children) {
        public Symbol {
            children = List.copyOf(children);
        }
    }

    public static List<Symbol> of(Logbook logbook, String text, Cancellation cancel) {
        List<Symbol> roots = new ArrayList<>();
        List<Frame> open = new ArrayList<>();
        List<Entry> entries = logbook.entries();
        // Entries and the headings outside entries, merged in document order.
        List<Object> items = new ArrayList<>();
        int e = 0;
        // The furthest end of the entries before the anchor: one pass, not one scan of every
        // entry per heading (100,000 headings made that minutes).
        int furthestEnd = -1;
        // Entries are read unmoved with how far they moved (SplicedList): moving each entry behind an
        // edit, with all it holds, for the few ranges a symbol needs was most of an outline's time.
        for (Anchor anchor : logbook.anchors()) {
            while (e < entries.size()) {
                Placed placed = Placed.at(entries, e);
                if (placed.start(placed.entry.heading()) > anchor.heading().start()) {
                    break;
                }
                furthestEnd = Math.max(furthestEnd, placed.end(placed.entry.range()));
                items.add(placed);
                e++;
            }
            boolean inside = furthestEnd > anchor.heading().start();
            if (!inside) {
                items.add(anchor);
            }
        }
        while (e < entries.size()) {
            items.add(Placed.at(entries, e++));
        }
        for (Object item : items) {
            cancel.check();
            if (item instanceof Anchor anchor) {
                int level = anchor.level();
                while (!open.isEmpty() && open.get(open.size() - 1).level >= level) {
                    close(open, roots);
                }
                open.add(new Frame(level, anchor.text().isBlank() ? "(untitled)" : anchor.text(), "", Kind.HEADING, anchor.heading(),
                        anchor.title()));
            } else {
                Placed placed = (Placed) item;
                while (!open.isEmpty() && open.get(open.size() - 1).level >= placed.entry.level()) {
                    close(open, roots);
                }
                Symbol symbol = entry(placed);
                if (open.isEmpty()) {
                    roots.add(symbol);
                } else {
                    Frame parent = open.get(open.size() - 1);
                    parent.children.add(symbol);
                    parent.end = Math.max(parent.end, symbol.range().end());
                }
            }
        }
        while (!open.isEmpty()) {
            close(open, roots);
        }
        return roots;
    }

    /** An entry as its source list holds it, and how far it moved since: its ranges are off by {@code delta}. */
    private record Placed(Entry entry, int delta) {
        static Placed at(List<Entry> entries, int index) {
            return new Placed(SplicedList.unmoved(entries, index), SplicedList.moveAt(entries, index));
        }

        int start(TextRange range) {
            return range.start() + delta;
        }

        int end(TextRange range) {
            return range.end() + delta;
        }

        TextRange where(TextRange range) {
            return delta == 0 ? range : range.shift(delta);
        }
    }

    private static Symbol entry(Placed placed) {
        Entry entry = placed.entry;
        StringBuilder name = new StringBuilder();
        entry.date().flatMap(EntryDate::start).ifPresent(day -> {
            name.append(entry.date().get().yearKnown() ? day.toString() : day.toString().substring(5));
            entry.date().get().end().ifPresent(end -> name.append("..").append(entry.date().get().yearKnown() ? end : end.toString().substring(5)));
        });
        if (!entry.ids().isEmpty()) {
            if (name.length() > 0) {
                name.append(' ');
            }
            name.append('[').append(entry.ids().stream().map(IdDefinition::id).collect(Collectors.joining(", "))).append(']');
        }
        String title = entry.plainTitle();
        if (name.length() == 0) {
            name.append(title);
        }
        List<Symbol> sections = new ArrayList<>();
        for (Section section : entry.sections()) {
            TextRange range = TextRange.of(placed.start(section.labelRange()),
                    Math.max(placed.end(section.labelRange()), placed.end(section.content())));
            sections.add(new Symbol(section.label(), section.empty() ? "empty" : "", Kind.SECTION, range, placed.where(section.labelRange()),
                    List.of()));
        }
        return new Symbol(name.toString(), title.equals(name.toString()) ? "" : title, Kind.ENTRY, placed.where(entry.range()),
                placed.where(entry.title()), sections);
    }

    /** A heading still open while its children are collected. */
    private static final class Frame {
        final int level;
        final String name;
        final String detail;
        final Kind kind;
        final TextRange range;
        final TextRange selection;
        final List<Symbol> children = new ArrayList<>();
        int end;

        Frame(int level, String name, String detail, Kind kind, TextRange range, TextRange selection) {
            this.level = level;
            this.name = name;
            this.detail = detail;
            this.kind = kind;
            this.range = range;
            this.selection = selection;
            this.end = range.end();
        }
    }

    private static void close(List<Frame> open, List<Symbol> roots) {
        Frame frame = open.remove(open.size() - 1);
        Symbol symbol = new Symbol(frame.name, frame.detail, frame.kind, TextRange.of(frame.range.start(), frame.end), frame.selection,
                frame.children);
        if (open.isEmpty()) {
            roots.add(symbol);
        } else {
            Frame parent = open.get(open.size() - 1);
            parent.children.add(symbol);
            parent.end = Math.max(parent.end, frame.end);
        }
    }
}
