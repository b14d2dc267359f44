package org.logbookls.analysis.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
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
        // Dated entries by index, with their days and groups, read unmoved into plain arrays: only the entries
        // reported are read where they are (boxed indexes in lists and a map of groups were most of the check).
        int count = context.entryCount();
        int[] dated = new int[count];
        long[] days = new long[count];
        int[] groupOf = new int[count];
        int size = 0;
        boolean oneGroup = true;
        for (int i = 0; i < count; i++) {
            Entry entry = context.unmovedEntry(i);
            if (entry.date().isPresent() && entry.date().get().valid()) {
                dated[size] = i;
                days[size] = entry.date().get().startDay();
                groupOf[size] = entry.group();
                oneGroup &= groupOf[size] == groupOf[0];
                size++;
            }
        }
        if (size < 2) {
            return;
        }
        dated = Arrays.copyOf(dated, size);
        Chronology.Order wholeFile = Chronology.order(Arrays.copyOf(days, size));
        if (!oneGroup) {
            // The dated entries of each group (positions among the dated), groups in the order they first appear.
            Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
            for (int k = 0; k < size; k++) {
                groups.computeIfAbsent(groupOf[k], g -> new ArrayList<>()).add(k);
            }
            List<Chronology.Order> byGroup = new ArrayList<>();
            List<int[]> groupEntries = new ArrayList<>();
            int brokenByGroup = 0;
            for (List<Integer> members : groups.values()) {
                long[] groupDays = new long[members.size()];
                int[] entries = new int[members.size()];
                for (int m = 0; m < members.size(); m++) {
                    groupDays[m] = days[members.get(m)];
                    entries[m] = dated[members.get(m)];
                }
                byGroup.add(Chronology.order(groupDays));
                groupEntries.add(entries);
                brokenByGroup += byGroup.get(byGroup.size() - 1).outOfOrder().size();
            }
            if (brokenByGroup < wholeFile.outOfOrder().size()) {
                for (int g = 0; g < byGroup.size(); g++) {
                    report(context, groupEntries.get(g), byGroup.get(g), true, out);
                }
                return;
            }
        }
        report(context, dated, wholeFile, false, out);
    }

    private static void report(CheckContext context, int[] entries, Chronology.Order order, boolean grouped, List<Diagnostic> out) {
        String direction = order.newestFirst() ? "newest-first" : "oldest-first";
        String scope = grouped ? "the entries of this part of the logbook run " : "this logbook runs ";
        for (int index : order.outOfOrder()) {
            context.cancel().check();
            Entry entry = context.entry(entries[index]);
            List<Diagnostic.Related> related = new ArrayList<>();
            StringBuilder neighbours = new StringBuilder();
            if (index > 0) {
                Entry previous = context.entry(entries[index - 1]);
                neighbours.append("it comes after '").append(previous.displayName()).append("'");
                related.add(new Diagnostic.Related(previous.date().get().range(), "The entry before it"));
            }
            if (index + 1 < entries.length) {
                Entry next = context.entry(entries[index + 1]);
                neighbours.append(neighbours.length() > 0 ? " and before '" : "it comes before '").append(next.displayName()).append("'");
                related.add(new Diagnostic.Related(next.date().get().range(), "The entry after it"));
            }
            String message = "Entry '" + entry.displayName() + "' (" + DateText.of(entry.date().get()) + ") is out of order: "
                    + scope + direction + ", but " + neighbours + ".";
            out.add(new Diagnostic(entry.date().get().range(), DiagnosticCode.DATE_ORDER, DiagnosticCode.DATE_ORDER.defaultSeverity(),
                    message, related));
        }
    }
}
