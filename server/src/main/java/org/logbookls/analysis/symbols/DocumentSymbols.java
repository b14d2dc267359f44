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

    /**
     * The outline's shape before its entries are made symbols: what an editor's answer writes entry
     * by entry, reusing what it wrote for an entry that did not change since ({@code Outline} in the
     * protocol layer). A {@link Group} is a heading outside entries; a {@link Placed} is an entry.
     */
    public sealed interface Node permits Group, Placed {
        /** Where the symbol made of this node starts and ends. */
        TextRange range();
    }

    /** A heading outside entries (the logbook's title, a month), named as shown, with what is under it. */
    public record Group(String name, TextRange range, TextRange selection, List<Node> children) implements Node {
        public Group {
            children = List.copyOf(children);
        }
    }

    /**
     * An entry as its source list holds it (unmoved: {@link SplicedList#unmoved}) and how far it moved
     * since: its ranges are off by {@code delta}. The same entry object at a later version stands
     * for the same text, so its symbol differs only by where it now is.
     */
    public record Placed(Entry entry, int delta) implements Node {
        static Placed at(List<Entry> entries, int index) {
            return new Placed(SplicedList.unmoved(entries, index), SplicedList.moveAt(entries, index));
        }

        @Override
        public TextRange range() {
            return where(entry.range());
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

        /** The entry's symbol: named by its date and IDs, its plain title as detail, its sections as children. */
        public Symbol symbol() {
            return DocumentSymbols.entry(this);
        }
    }

    public static List<Symbol> of(Logbook logbook, CharSequence text, Cancellation cancel) {
        List<Symbol> symbols = new ArrayList<>();
        for (Node node : nodes(logbook, cancel)) {
            symbols.add(symbol(node));
        }
        return symbols;
    }

    /** The symbol of {@code node}, with every symbol under it. */
    public static Symbol symbol(Node node) {
        if (node instanceof Placed placed) {
            return placed.symbol();
        }
        Group group = (Group) node;
        List<Symbol> children = new ArrayList<>(group.children().size());
        for (Node child : group.children()) {
            children.add(symbol(child));
        }
        return new Symbol(group.name(), "", Kind.HEADING, group.range(), group.selection(), children);
    }

    /** The outline of {@code logbook} as nodes, in document order. */
    public static List<Node> nodes(Logbook logbook, Cancellation cancel) {
        List<Node> roots = new ArrayList<>();
        List<Frame> open = new ArrayList<>();
        List<Entry> entries = logbook.entries();
        // Entries and the headings outside entries, merged in document order.
        List<Object> items = new ArrayList<>(entries.size() + logbook.anchors().size());
        int e = 0;
        // The furthest end of the entries before the anchor: one pass, not one scan of every
        // entry per heading (100,000 headings made that minutes).
        int furthestEnd = -1;
        // Entries are read unmoved with how far they moved (SplicedList): moving each entry behind an
        // edit, with all it holds, for the few ranges a symbol needs was most of an outline's time.
        // Anchors are read unmoved too, and only those outside every entry moved: moving all 20,000 of a
        // 10,000-entry logbook for their starts was a tenth of what an outline allocated.
        List<Anchor> anchors = logbook.anchors();
        for (int a = 0; a < anchors.size(); a++) {
            int anchorStart = SplicedList.unmoved(anchors, a).headingStart() + SplicedList.moveAt(anchors, a);
            while (e < entries.size()) {
                Entry entry = SplicedList.unmoved(entries, e);
                int delta = SplicedList.moveAt(entries, e);
                if (entry.headingStart() + delta > anchorStart) {
                    break;
                }
                furthestEnd = Math.max(furthestEnd, entry.end() + delta);
                items.add(new Placed(entry, delta));
                e++;
            }
            boolean inside = furthestEnd > anchorStart;
            if (!inside) {
                items.add(anchors.get(a));
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
                open.add(new Frame(level, anchor.text().isBlank() ? "(untitled)" : anchor.text(), anchor.heading(), anchor.title()));
            } else {
                Placed placed = (Placed) item;
                while (!open.isEmpty() && open.get(open.size() - 1).level >= placed.entry.level()) {
                    close(open, roots);
                }
                if (open.isEmpty()) {
                    roots.add(placed);
                } else {
                    Frame parent = open.get(open.size() - 1);
                    parent.children.add(placed);
                    parent.end = Math.max(parent.end, placed.end(placed.entry.range()));
                }
            }
        }
        while (!open.isEmpty()) {
            close(open, roots);
        }
        return roots;
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
        final TextRange range;
        final TextRange selection;
        final List<Node> children = new ArrayList<>();
        int end;

        Frame(int level, String name, TextRange range, TextRange selection) {
            this.level = level;
            this.name = name;
            this.range = range;
            this.selection = selection;
            this.end = range.end();
        }
    }

    private static void close(List<Frame> open, List<Node> roots) {
        Frame frame = open.remove(open.size() - 1);
        Group group = new Group(frame.name, TextRange.of(frame.range.start(), frame.end), frame.selection, frame.children);
        if (open.isEmpty()) {
            roots.add(group);
        } else {
            Frame parent = open.get(open.size() - 1);
            parent.children.add(group);
            parent.end = Math.max(parent.end, frame.end);
        }
    }
}
