package org.logbookls.analysis.diagnostics;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.logbookls.model.Entry;
import org.logbookls.model.IdDefinition;
import org.logbookls.text.Text;

/**
 * {@code duplicate-date}: two entries of one group on the same day. Several entries on one day are
 * fine when they say which is which: a time beside the date, or distinct experiment IDs.
 */
final class DuplicateDateCheck implements Check {
    @Override
    public List<DiagnosticCode> codes() {
        return List.of(DiagnosticCode.DUPLICATE_DATE);
    }

    @Override
    public Set<ModelPart> reads() {
        return EnumSet.of(ModelPart.HEADINGS, ModelPart.TITLES);
    }

    @Override
    public void run(CheckContext context, List<Diagnostic> out) {
        // The first entry of each day, by index; dates are read unmoved, and only twins where they are.
        FirstOfDay first = new FirstOfDay(context.entryCount());
        for (int i = 0; i < context.entryCount(); i++) {
            context.cancel().check();
            Entry unmoved = context.unmovedEntry(i);
            if (unmoved.date().isEmpty() || !unmoved.date().get().valid() || unmoved.date().get().time().isPresent()) {
                continue;
            }
            int twinIndex = first.putIfAbsent(unmoved.group(), unmoved.date().get().startDay(), i);
            if (twinIndex < 0 || distinctIds(unmoved, context.unmovedEntry(twinIndex))) {
                continue;
            }
            Entry entry = context.entry(i);
            Entry twin = context.entry(twinIndex);
            if (!sameTitle(context.text(), entry, twin)) {
                continue;
            }
            String message = "Entry '" + entry.displayName() + "' has the same date (" + DateText.of(entry.date().get())
                    + ") as the entry '" + twin.displayName() + "' on line " + context.lineNumber(twin.heading().start())
                    + "; merge them, or add a time or an experiment ID to tell them apart.";
            out.add(new Diagnostic(entry.date().get().range(), DiagnosticCode.DUPLICATE_DATE,
                    DiagnosticCode.DUPLICATE_DATE.defaultSeverity(), message,
                    List.of(new Diagnostic.Related(twin.date().get().range(), "The first entry with this date"))));
        }
    }

    /**
     * The index of the first entry of each day of each group: an open-addressing table of plain numbers,
     * since a map of boxed days and indexes for 10,000 entries was most of the check.
     */
    static final class FirstOfDay {
        private final long[] days;
        private final int[] groups;
        private final int[] entries;
        private final int mask;

        FirstOfDay(int expected) {
            int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
            days = new long[capacity];
            groups = new int[capacity];
            entries = new int[capacity];
            java.util.Arrays.fill(entries, -1);
            mask = capacity - 1;
        }

        /** The entry already kept for this day of this group, else -1 after keeping {@code entry} for it. */
        int putIfAbsent(int group, long day, int entry) {
            long mixed = (day * 0x9E3779B97F4A7C15L) ^ (group * 0xC2B2AE3D27D4EB4FL);
            int slot = (int) (mixed ^ (mixed >>> 32)) & mask;
            while (entries[slot] >= 0) {
                if (days[slot] == day && groups[slot] == group) {
                    return entries[slot];
                }
                slot = (slot + 1) & mask;
            }
            days[slot] = day;
            groups[slot] = group;
            entries[slot] = entry;
            return -1;
        }
    }

    /**
     * "050914" and "New Experiment 050914" are two titled entries of one day; "## 2024/10/08" twice is
     * one day written down twice. Titles are compared without their dates.
     */
    private static boolean sameTitle(Text text, Entry a, Entry b) {
        return titleWithoutDate(text, a).equals(titleWithoutDate(text, b));
    }

    private static String titleWithoutDate(Text text, Entry entry) {
        String title = entry.title().of(text);
        org.logbookls.text.TextRange date = entry.date().get().range();
        if (entry.title().contains(date)) {
            title = text.substring(entry.title().start(), date.start()) + text.substring(date.end(), entry.title().end());
        }
        return org.logbookls.model.SectionLabels.normalize(title);
    }

    private static boolean distinctIds(Entry a, Entry b) {
        if (a.ids().isEmpty() || b.ids().isEmpty()) {
            return false;
        }
        Set<String> ids = new HashSet<>();
        for (IdDefinition id : a.ids()) {
            ids.add(id.id());
        }
        for (IdDefinition id : b.ids()) {
            if (ids.contains(id.id())) {
                return false;
            }
        }
        return true;
    }
}
