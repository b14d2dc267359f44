package org.logbookls.analysis.diagnostics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.logbookls.model.Chronology;
import org.logbookls.model.Entry;

/**
 * {@code date-order}: entries follow the logbook's direction. The direction is inferred for the
 * whole file, or for each group of entries under a common parent heading when that explains the
 * file better (fewer entries out of order); only the fewest entries that break it are reported.
 */
final class DateOrderCheck implements Check {
    @Override
    public List<DiagnosticCode> codes() {
        return List.of(DiagnosticCode.DATE_ORDER);
    }

    @Override
    public Set<ModelPart> reads() {
        return EnumSet.of(ModelPart.HEADINGS);
    }

    @Override
    public void run(CheckContext context, List<Diagnostic> out) {
        // Entries by index, their dates read unmoved: only the entries reported are read where they are.
        List<Integer> dated = new ArrayList<>();
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < context.entryCount(); i++) {
            Entry entry = context.unmovedEntry(i);
            if (entry.date().isPresent() && entry.date().get().valid()) {
                dated.add(i);
                groups.computeIfAbsent(entry.group(), g -> new ArrayList<>()).add(i);
            }
        }
        if (dated.size() < 2) {
            return;
        }
        Chronology.Order wholeFile = Chronology.order(dates(context, dated));
        if (groups.size() > 1) {
            List<Chronology.Order> byGroup = new ArrayList<>();
            int brokenByGroup = 0;
            for (List<Integer> group : groups.values()) {
                byGroup.add(Chronology.order(dates(context, group)));
                brokenByGroup += byGroup.get(byGroup.size() - 1).outOfOrder().size();
            }
            if (brokenByGroup < wholeFile.outOfOrder().size()) {
                int i = 0;
                for (List<Integer> group : groups.values()) {
                    report(context, group, byGroup.get(i++), true, out);
                }
                return;
            }
        }
        report(context, dated, wholeFile, false, out);
    }

    private static void report(CheckContext context, List<Integer> entries, Chronology.Order order, boolean grouped, List<Diagnostic> out) {
        String direction = order.newestFirst() ? "newest-first" : "oldest-first";
        String scope = grouped ? "the entries of this part of the logbook run " : "this logbook runs ";
        for (int index : order.outOfOrder()) {
            context.cancel().check();
            Entry entry = context.entry(entries.get(index));
            List<Diagnostic.Related> related = new ArrayList<>();
            StringBuilder neighbours = new StringBuilder();
            if (index > 0) {
                Entry previous = context.entry(entries.get(index - 1));
                neighbours.append("it comes after '").append(previous.displayName()).append("'");
                related.add(new Diagnostic.Related(previous.date().get().range(), "The entry before it"));
            }
            if (index + 1 < entries.size()) {
                Entry next = context.entry(entries.get(index + 1));
                neighbours.append(neighbours.length() > 0 ? " and before '" : "it comes before '").append(next.displayName()).append("'");
                related.add(new Diagnostic.Related(next.date().get().range(), "The entry after it"));
            }
            String message = "Entry '" + entry.displayName() + "' (" + DateText.of(entry.date().get()) + ") is out of order: "
                    + scope + direction + ", but " + neighbours + ".";
            out.add(new Diagnostic(entry.date().get().range(), DiagnosticCode.DATE_ORDER, DiagnosticCode.DATE_ORDER.defaultSeverity(),
                    message, related));
        }
    }

    private static long[] dates(CheckContext context, List<Integer> entries) {
        long[] days = new long[entries.size()];
        for (int i = 0; i < days.length; i++) {
            days[i] = context.unmovedEntry(entries.get(i)).date().get().start().get().toEpochDay();
        }
        return days;
    }
}
