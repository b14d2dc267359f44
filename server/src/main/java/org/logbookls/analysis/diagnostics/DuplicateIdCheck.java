package org.logbookls.analysis.diagnostics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.logbookls.model.Entry;
import org.logbookls.model.IdDefinition;
import org.logbookls.text.TextRange;

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
    public void run(CheckContext context, List<Diagnostic> out) {
        // One map, sized for an ID per entry: the first definition of each ID and its entry. Two maps
        // grown from empty made two nodes per ID and grew several times, after every edit.
        Map<String, First> first = new HashMap<>(context.logbook().entries().size() * 4 / 3 + 16);
        for (Entry entry : context.logbook().entries()) {
            context.cancel().check();
            // Made only for an entry that repeats an ID: most entries do not.
            Map<TextRange, List<String>> repeated = Map.of();
            Map<TextRange, Entry> twins = null;
            Map<TextRange, IdDefinition> twinDefinitions = null;
            for (IdDefinition id : entry.ids()) {
                First known = first.get(id.id());
                if (known == null) {
                    first.put(id.id(), new First(entry, id));
                    continue;
                }
                Entry earlier = known.entry();
                if (earlier != entry) {
                    if (twins == null) {
                        repeated = new LinkedHashMap<>();
                        twins = new HashMap<>();
                        twinDefinitions = new HashMap<>();
                    }
                    repeated.computeIfAbsent(id.range(), r -> new ArrayList<>()).add(id.id());
                    twins.putIfAbsent(id.range(), earlier);
                    twinDefinitions.putIfAbsent(id.range(), known.id());
                }
            }
            for (Map.Entry<TextRange, List<String>> found : repeated.entrySet()) {
                List<String> ids = found.getValue();
                Entry twin = twins.get(found.getKey());
                String what = ids.size() == 1 ? "Experiment ID '" + ids.get(0) + "' is" : "Experiment IDs '" + String.join("', '", ids) + "' are";
                String message = what + " already defined by the entry '" + twin.titleText() + "' on line "
                        + context.lineNumber(twin.heading().start()) + "; give this entry the next free ID.";
                out.add(new Diagnostic(found.getKey(), DiagnosticCode.DUPLICATE_ID, DiagnosticCode.DUPLICATE_ID.defaultSeverity(), message,
                        List.of(new Diagnostic.Related(twinDefinitions.get(found.getKey()).range(), "The first definition"))));
            }
        }
    }

    /** The first entry that defines an ID, and that definition. */
    private record First(Entry entry, IdDefinition id) {
    }
}
