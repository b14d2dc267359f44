package org.logbookls.analysis.editor;

import java.util.ArrayList;
import java.util.List;
import org.logbookls.analysis.Location;
import org.logbookls.model.Entry;
import org.logbookls.model.Logbook;
import org.logbookls.model.Reference;
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

    public static List<DocumentLink> of(WorkspaceView view, DocumentSnapshot document) {
        Logbook logbook = view.logbook(document);
        List<DocumentLink> links = new ArrayList<>();
        for (Reference token : logbook.idTokens()) {
            if (!view.index().isId(token.id()) && !logbook.references().contains(token)) {
                continue;
            }
            List<String> definers = view.index().definers(token.id());
            if (definers.isEmpty()) {
                continue;
            }
            view.document(definers.get(0)).ifPresent(defining -> {
                for (Entry entry : view.logbook(defining).entries()) {
                    if (entry.ids().stream().anyMatch(id -> id.id().equals(token.id()))) {
                        links.add(new DocumentLink(token.range(), new Location(defining.uri(), entry.title()),
                                "Go to " + token.id() + ": " + entry.titleText().strip()));
                        return;
                    }
                }
            });
        }
        return links;
    }
}
