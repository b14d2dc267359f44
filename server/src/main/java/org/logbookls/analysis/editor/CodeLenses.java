package org.logbookls.analysis.editor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.logbookls.analysis.Location;
import org.logbookls.analysis.navigation.References;
import org.logbookls.model.Entry;
import org.logbookls.model.IdDefinition;
import org.logbookls.text.Cancellation;
import org.logbookls.text.TextRange;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.WorkspaceView;

/** A lens over each entry that defines experiment IDs: how often they are referenced across the workspace. */
public final class CodeLenses {
    private CodeLenses() {
    }

    /** One lens: its range (the entry's title), its text, and the references it counts. Immutable. */
    public record Lens(TextRange range, String title, List<Location> references) {
        public Lens {
            references = List.copyOf(references);
        }
    }

    public static List<Lens> of(WorkspaceView view, DocumentSnapshot document, Cancellation cancel) {
        List<Lens> lenses = new ArrayList<>();
        Set<String> defined = new java.util.HashSet<>();
        for (Entry entry : view.logbook(document).entries()) {
            entry.ids().stream().map(IdDefinition::id).forEach(defined::add);
        }
        // One walk for every ID of the document: a walk per entry was quadratic in a long logbook.
        var referencesById = References.ofIds(view, defined, cancel);
        for (Entry entry : view.logbook(document).entries()) {
            if (entry.ids().isEmpty()) {
                continue;
            }
            Set<String> ids = new LinkedHashSet<>();
            entry.ids().stream().map(IdDefinition::id).forEach(ids::add);
            List<Location> references = new ArrayList<>();
            for (String id : ids) {
                references.addAll(referencesById.getOrDefault(id, List.of()));
            }
            int count = references.size();
            lenses.add(new Lens(entry.title(), count == 1 ? "1 reference" : count + " references", references));
        }
        return lenses;
    }
}
