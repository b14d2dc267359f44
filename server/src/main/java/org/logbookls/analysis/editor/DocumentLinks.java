package org.logbookls.analysis.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.logbookls.analysis.Location;
import org.logbookls.model.Entry;
import org.logbookls.model.IdDefinition;
import org.logbookls.model.Logbook;
import org.logbookls.model.Reference;
import org.logbookls.text.SplicedList;
import org.logbookls.text.TextRange;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.WorkspaceView;

/** Document links for experiment ID references: each opens the heading of the entry that defines the ID. */
public final class DocumentLinks {
    private DocumentLinks() {
    }

    /** A clickable range and where it leads. Immutable. */
    public record DocumentLink(TextRange range, Location target, String tooltip) {
    }

    /** The title of the first entry of a document that defines an ID, where it is now, and its text. */
    private record Heading(TextRange title, String titleText) {
    }

    public static List<DocumentLink> of(WorkspaceView view, DocumentSnapshot document) {
        Logbook logbook = view.logbook(document);
        List<DocumentLink> links = new ArrayList<>();
        Set<Reference> references = null;
        // Each token is read unmoved and moved only when it becomes a link; each defining document's
        // headings are found once (per version of it), not by a walk of its entries for every token: that
        // was 13,000 walks of 10,000 entries, seconds, on a large logbook after every keystroke.
        List<Reference> tokens = logbook.idTokens();
        for (int i = 0; i < tokens.size(); i++) {
            Reference token = SplicedList.unmoved(tokens, i);
            int move = SplicedList.moveAt(tokens, i);
            if (!view.index().isId(token.id())) {
                if (references == null) {
                    references = new HashSet<>(logbook.references());
                }
                if (!references.contains(token.shift(move))) {
                    continue;
                }
            }
            List<String> definers = view.index().definers(token.id());
            if (definers.isEmpty()) {
                continue;
            }
            var defining = view.document(definers.get(0));
            if (defining.isEmpty()) {
                continue;
            }
            Heading heading = headings(view, defining.get()).get(token.id());
            if (heading != null) {
                links.add(new DocumentLink(token.range().shift(move), new Location(defining.get().uri(), heading.title()),
                        "Go to " + token.id() + ": " + heading.titleText().strip()));
            }
        }
        return links;
    }

    /** For each ID {@code document} defines, the first entry defining it, in document order; kept with the document's version. */
    private static Map<String, Heading> headings(WorkspaceView view, DocumentSnapshot document) {
        return document.derived(Heading.class, view.logbookWithoutSections(document), logbook -> {
            Map<String, Heading> first = new HashMap<>();
            List<Entry> entries = logbook.entries();
            for (int i = 0; i < entries.size(); i++) {
                Entry entry = SplicedList.unmoved(entries, i);
                for (IdDefinition id : entry.ids()) {
                    if (!first.containsKey(id.id())) {
                        first.put(id.id(), new Heading(entry.title().shift(SplicedList.moveAt(entries, i)), entry.titleText()));
                    }
                }
            }
            return first;
        });
    }
}
