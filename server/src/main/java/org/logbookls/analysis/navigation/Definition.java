package org.logbookls.analysis.navigation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.logbookls.analysis.Location;
import org.logbookls.model.Entry;
import org.logbookls.model.IdDefinition;
import org.logbookls.model.Link;
import org.logbookls.model.Logbook;
import org.logbookls.model.TagDeclaration;
import org.logbookls.text.Cancellation;
import org.logbookls.text.TextRange;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.WorkspaceView;

/**
 * Go to definition: an ID goes to the heading of the entry that defines it (even when the ID is
 * inside a range there), a tag to its declaration, a link to its file or heading.
 */
public final class Definition {
    private Definition() {
    }

    public static List<Location> of(WorkspaceView view, DocumentSnapshot document, int offset, Cancellation cancel) {
        Logbook logbook = view.logbook(document);
        Optional<Target> target = Target.at(logbook, view.index(), document.text(), offset);
        if (target.isEmpty()) {
            return List.of();
        }
        if (target.get() instanceof Target.Id id) {
            return ids(view, id.id(), cancel);
        }
        if (target.get() instanceof Target.TagName tag) {
            return tags(view, tag.name(), cancel);
        }
        if (target.get() instanceof Target.LocalLink link) {
            return link(view, document, link.link());
        }
        return List.of();
    }

    static List<Location> ids(WorkspaceView view, String id, Cancellation cancel) {
        List<Location> found = new ArrayList<>();
        for (String uri : view.index().definers(id)) {
            cancel.check();
            view.document(uri).ifPresent(document -> {
                for (Entry entry : view.logbookWithoutSections(document).entries()) {
                    for (IdDefinition definition : entry.ids()) {
                        if (definition.id().equals(id)) {
                            found.add(new Location(uri, entry.title()));
                            break;
                        }
                    }
                }
            });
        }
        return found;
    }

    static List<Location> tags(WorkspaceView view, String name, Cancellation cancel) {
        List<Location> found = new ArrayList<>();
        for (var facts : view.index().facts().values()) {
            cancel.check();
            if (!facts.declaredTags().containsKey(name)) {
                continue;
            }
            view.document(facts.uri()).ifPresent(document -> {
                for (TagDeclaration declaration : view.logbookWithoutSections(document).tagDeclarations()) {
                    if (declaration.name().equals(name)) {
                        found.add(new Location(facts.uri(), declaration.range()));
                    }
                }
            });
        }
        return found;
    }

    private static List<Location> link(WorkspaceView view, DocumentSnapshot document, Link link) {
        String targetUri = document.uri();
        if (!link.filePart().isEmpty()) {
            var path = view.resolve(document.uri(), link.filePart());
            if (path.isEmpty() || !view.exists(path.get())) {
                return List.of();
            }
            targetUri = WorkspaceView.uriOf(path.get());
        }
        String anchor = link.anchor();
        var target = view.document(targetUri);
        if (!anchor.isEmpty() && target.isPresent()) {
            Logbook targetLogbook = view.logbookWithoutSections(target.get());
            int found = targetLogbook.slugs().indexOf(anchor);
            if (found >= 0) {
                return List.of(new Location(targetUri, targetLogbook.anchors().get(found).title()));
            }
        }
        return link.filePart().isEmpty() ? List.of() : List.of(new Location(targetUri, TextRange.empty(0)));
    }
}
