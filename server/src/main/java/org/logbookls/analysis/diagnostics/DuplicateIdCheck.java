package org.logbookls.analysis.diagnostics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.logbookls.model.Entry;
import org.logbookls.model.IdDefinition;

/**
 * {@code duplicate-id}: an experiment ID defined by two entries. The later definition is reported,
 * once per ID list or range, naming every repeated ID in it.
 */
final class DuplicateIdCheck implements Check {
    @Override
    public List<DiagnosticCode> codes() {
        return List.of(DiagnosticCode.DUPLICATE_ID);
    }

    @Override
    public Set<ModelPart> reads() {
        return EnumSet.of(ModelPart.HEADINGS, ModelPart.IDS, ModelPart.TITLES);
    }

    @Override
    public void run(CheckContext context, List<Diagnostic> out) {
        // One map, sized for an ID per entry: the first definition of each ID and its entry. Two maps
        // grown from empty made two nodes per ID and grew several times, after every edit.
        Map<String, First> first = new HashMap<>(context.logbook().entries().size() * 4 / 3 + 16);
        for (int e = 0; e < context.entryCount(); e++) {
            context.cancel().check();
            // IDs are read unmoved; an entry that repeats one, and its twin, are read where they are.
            List<IdDefinition> ids = context.unmovedEntry(e).ids();
            // Made only for an entry that repeats an ID: most entries do not.
            Map<Integer, List<String>> repeated = Map.of();
            Map<Integer, First> twins = null;
            for (int d = 0; d < ids.size(); d++) {
                String id = ids.get(d).id();
                First known = first.get(id);
                if (known == null) {
                    first.put(id, new First(e, d));
                    continue;
                }
                if (known.entry() != e) {
                    if (twins == null) {
                        repeated = new LinkedHashMap<>();
                        twins = new HashMap<>();
                    }
                    // IDs of one range ("e0036-e0038") share its place: one diagnostic for the range.
                    int place = firstWithRange(ids, d);
                    repeated.computeIfAbsent(place, p -> new ArrayList<>()).add(id);
                    twins.putIfAbsent(place, known);
                }
            }
            if (repeated.isEmpty()) {
                continue;
            }
            Entry entry = context.entry(e);
            for (Map.Entry<Integer, List<String>> found : repeated.entrySet()) {
                List<String> names = found.getValue();
                First known = twins.get(found.getKey());
                Entry twin = context.entry(known.entry());
                String what = names.size() == 1 ? "Experiment ID '" + names.get(0) + "' is"
                        : "Experiment IDs '" + String.join("', '", names) + "' are";
                String message = what + " already defined by the entry '" + twin.titleText() + "' on line "
                        + context.lineNumber(twin.heading().start()) + "; give this entry the next free ID.";
                out.add(new Diagnostic(entry.ids().get(found.getKey()).range(), DiagnosticCode.DUPLICATE_ID,
                        DiagnosticCode.DUPLICATE_ID.defaultSeverity(), message,
                        List.of(new Diagnostic.Related(twin.ids().get(known.id()).range(), "The first definition"))));
            }
        }
    }

    /** The index of the first of {@code ids} written at the same place as the one at {@code index}. */
    private static int firstWithRange(List<IdDefinition> ids, int index) {
        for (int i = 0; i < index; i++) {
            if (ids.get(i).range().equals(ids.get(index).range())) {
                return i;
            }
        }
        return index;
    }

    /** The first entry that defines an ID, and that definition. */
    private record First(int entry, int id) {
    }
}
