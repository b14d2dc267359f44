package org.logbookls.analysis.navigation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.logbookls.analysis.Location;
import org.logbookls.model.Entry;
import org.logbookls.model.IdDefinition;
import org.logbookls.model.Logbook;
import org.logbookls.model.Reference;
import org.logbookls.model.Tag;
import org.logbookls.model.TagDeclaration;
import org.logbookls.text.Cancellation;
import org.logbookls.text.Text;
import org.logbookls.text.TextRange;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.WorkspaceView;

/** Find references: every mention of an ID or tag across the workspace, with or without its definitions. */
public final class References {
    private References() {
    }

    public static List<Location> of(WorkspaceView view, DocumentSnapshot document, int offset, boolean includeDefinitions,
            Cancellation cancel) {
        Logbook logbook = view.logbook(document);
        Target target = Target.at(logbook, view.index(), document.text(), offset).orElse(null);
        if (target instanceof Target.Id id) {
            return ofId(view, id.id(), includeDefinitions, cancel);
        }
        if (target instanceof Target.TagName tag) {
            return ofTag(view, tag.name(), includeDefinitions, cancel);
        }
        return List.of();
    }

    /** Every place {@code id} is written: references, and (with {@code includeDefinitions}) the ID in its defining lists. */
    public static List<Location> ofId(WorkspaceView view, String id, boolean includeDefinitions, Cancellation cancel) {
        Set<String> uris = new LinkedHashSet<>(view.index().definers(id));
        uris.addAll(view.index().mentioners(id));
        return inEach(view, uris, cancel, (uri, document, logbook, found) -> {
            if (includeDefinitions) {
                for (Entry entry : logbook.entries()) {
                    for (IdDefinition definition : entry.ids()) {
                        if (definition.id().equals(id)) {
                            found.add(new Location(uri, tokenOrRange(document.text(), definition.range(), id)));
                        }
                    }
                }
            }
            for (Reference token : logbook.idTokens()) {
                if (token.id().equals(id)) {
                    found.add(new Location(uri, token.range()));
                }
            }
        });
    }

    /**
     * The references (not definitions) of each of {@code ids}, in one walk over the documents that
     * mention any of them: what reference counts need, without one walk per ID.
     */
    public static Map<String, List<Location>> ofIds(WorkspaceView view, Set<String> ids, Cancellation cancel) {
        Set<String> uris = new LinkedHashSet<>();
        for (String id : ids) {
            uris.addAll(view.index().mentioners(id));
        }
        Map<String, List<Location>> byId = new java.util.HashMap<>();
        inEach(view, uris, cancel, (uri, document, logbook, found) -> {
            for (Reference token : logbook.idTokens()) {
                if (ids.contains(token.id())) {
                    byId.computeIfAbsent(token.id(), key -> new ArrayList<>()).add(new Location(uri, token.range()));
                }
            }
        });
        byId.values().forEach(References::byPlace);
        return byId;
    }

    /** Every use of a tag (the name, without {@code #}), and its declarations with {@code includeDeclarations}. */
    public static List<Location> ofTag(WorkspaceView view, String name, boolean includeDeclarations, Cancellation cancel) {
        Set<String> uris = new LinkedHashSet<>(view.index().tagUsers(name));
        if (includeDeclarations) {
            for (var facts : view.index().facts().values()) {
                if (facts.declaredTags().containsKey(name)) {
                    uris.add(facts.uri());
                }
            }
        }
        return inEach(view, uris, cancel, (uri, document, logbook, found) -> {
            if (includeDeclarations) {
                for (TagDeclaration declaration : logbook.tagDeclarations()) {
                    if (declaration.name().equals(name) && declaration.range().length() == name.length() + 1) {
                        found.add(new Location(uri, TextRange.of(declaration.range().start() + 1, declaration.range().end())));
                    }
                }
            }
            for (Tag tag : logbook.tags()) {
                if (tag.name().equals(name)) {
                    found.add(new Location(uri, TextRange.of(tag.range().start() + 1, tag.range().end())));
                }
            }
        });
    }

    /** What one document adds to a search. */
    @FunctionalInterface
    private interface Search {
        void in(String uri, DocumentSnapshot document, Logbook logbook, List<Location> found);
    }

    /** Runs a search over the documents named (in URI order, skipping those gone), and sorts what it found by place. */
    private static List<Location> inEach(WorkspaceView view, Set<String> uris, Cancellation cancel, Search search) {
        List<Location> found = new ArrayList<>();
        for (String uri : uris.stream().sorted().toList()) {
            cancel.check();
            var document = view.document(uri);
            if (document.isPresent()) {
                search.in(uri, document.get(), view.logbookWithoutSections(document.get()), found);
            }
        }
        return byPlace(found);
    }

    private static List<Location> byPlace(List<Location> found) {
        found.sort((a, b) -> a.uri().equals(b.uri()) ? a.range().compareTo(b.range()) : a.uri().compareTo(b.uri()));
        return found;
    }

    /** The ID's own token when it is written inside the list; the whole range when it is only implied ("e0037" in "e0036-e0038"). */
    static TextRange tokenOrRange(Text text, TextRange list, String id) {
        Matcher matcher = Target.ID_TOKEN.matcher(text).region(list.start(), list.end());
        while (matcher.find()) {
            if (matcher.group().equals(id)) {
                return TextRange.of(matcher.start(), matcher.end());
            }
        }
        return list;
    }
}
