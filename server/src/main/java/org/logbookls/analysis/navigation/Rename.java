package org.logbookls.analysis.navigation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.logbookls.analysis.Location;
import org.logbookls.model.Entry;
import org.logbookls.model.IdDefinition;
import org.logbookls.model.Logbook;
import org.logbookls.text.Cancellation;
import org.logbookls.text.Text;
import org.logbookls.text.TextEdit;
import org.logbookls.text.TextRange;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.WorkspaceView;

/**
 * Rename an experiment ID or a tag everywhere in the workspace. An ID inside a range is taken out
 * of it: renaming e0037 in {@code e0036-e0038} to e0100 writes {@code e0036, e0100, e0038}.
 * The edits are returned, never applied: the editor applies them (and can undo them).
 */
public final class Rename {
    private static final Pattern TAG_NAME = Pattern.compile("[\\p{L}][\\p{L}\\p{N}_/-]*");
    private static final Pattern ID_PARTS = Pattern.compile("([A-Za-z]{1,8}[-_]?)(\\d{1,6})");

    private Rename() {
    }

    /** What can be renamed at a position: its range and current text, or why nothing can. */
    public record Prepared(TextRange range, String placeholder) {
    }

    /** The edits of a rename, per document URI, or why it is refused. Immutable. */
    public record Result(Optional<String> refusal, Map<String, List<TextEdit>> edits) {
        public Result {
            Map<String, List<TextEdit>> copy = new LinkedHashMap<>();
            edits.forEach((uri, list) -> copy.put(uri, List.copyOf(list)));
            edits = java.util.Collections.unmodifiableMap(copy);
        }

        static Result refused(String why) {
            return new Result(Optional.of(why), Map.of());
        }
    }

    public static Optional<Prepared> prepare(WorkspaceView view, DocumentSnapshot document, int offset) {
        Target target = Target.at(view.logbook(document), view.index(), document.text(), offset).orElse(null);
        if (target instanceof Target.Id id) {
            return Optional.of(new Prepared(id.range(), id.id()));
        }
        if (target instanceof Target.TagName tag) {
            return Optional.of(new Prepared(tag.range(), tag.name()));
        }
        return Optional.empty();
    }

    public static Result of(WorkspaceView view, DocumentSnapshot document, int offset, String newName, Cancellation cancel) {
        Optional<Target> target = Target.at(view.logbook(document), view.index(), document.text(), offset);
        if (target.isEmpty()) {
            return Result.refused("Only experiment IDs and tags can be renamed.");
        }
        if (target.get() instanceof Target.Id id) {
            return renameId(view, id.id(), newName.strip(), cancel);
        }
        if (target.get() instanceof Target.TagName tag) {
            return renameTag(view, tag.name(), newName.strip(), cancel);
        }
        return Result.refused("Only experiment IDs and tags can be renamed.");
    }

    private static Result renameId(WorkspaceView view, String id, String newId, Cancellation cancel) {
        if (!Target.ID_TOKEN.matcher(newId).matches()) {
            return Result.refused("'" + newId + "' is not an experiment ID: write letters, an optional '-' or '_', then digits, like '" + id + "'.");
        }
        if (newId.equals(id)) {
            return new Result(Optional.empty(), Map.of());
        }
        if (!view.index().definers(newId).isEmpty()) {
            return Result.refused("'" + newId + "' is already defined; choose a free ID.");
        }
        Map<String, List<TextEdit>> edits = new LinkedHashMap<>();
        for (Location location : References.ofId(view, id, false, cancel)) {
            edits.computeIfAbsent(location.uri(), uri -> new ArrayList<>()).add(new TextEdit(location.range(), newId));
        }
        for (String uri : view.index().definers(id)) {
            cancel.check();
            DocumentSnapshot defining = view.document(uri).orElseThrow();
            Logbook logbook = view.logbookWithoutSections(defining);
            for (Entry entry : logbook.entries()) {
                List<TextRange> done = new ArrayList<>();
                for (IdDefinition definition : entry.ids()) {
                    if (!definition.id().equals(id) || done.contains(definition.range())) {
                        continue;
                    }
                    done.add(definition.range());
                    edits.computeIfAbsent(uri, u -> new ArrayList<>()).add(definitionEdit(defining.text(), entry, definition.range(), id, newId));
                }
            }
        }
        edits.values().forEach(list -> list.sort((a, b) -> a.range().compareTo(b.range())));
        return new Result(Optional.empty(), edits);
    }

    /** The edit of one part of an ID list: the token itself, or a range rewritten without the renamed ID. */
    private static TextEdit definitionEdit(Text text, Entry entry, TextRange part, String id, String newId) {
        if (part.of(text).equals(id)) {
            return new TextEdit(part, newId);
        }
        List<String> ids = new ArrayList<>();
        for (IdDefinition definition : entry.ids()) {
            if (definition.range().equals(part)) {
                ids.add(definition.id().equals(id) ? newId : definition.id());
            }
        }
        return new TextEdit(part, compress(ids));
    }

    /** "e0036, e0037, e0038, e0100" → "e0036-e0038, e0100": consecutive runs become ranges again. */
    public static String compressIds(List<String> ids) {
        return compress(ids);
    }

    static String compress(List<String> ids) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < ids.size()) {
            int j = i;
            while (j + 1 < ids.size() && consecutive(ids.get(j), ids.get(j + 1))) {
                j++;
            }
            parts.add(j - i >= 1 ? ids.get(i) + "-" + ids.get(j) : ids.get(i));
            i = j + 1;
        }
        return String.join(", ", parts);
    }

    private static boolean consecutive(String a, String b) {
        Matcher first = ID_PARTS.matcher(a);
        Matcher second = ID_PARTS.matcher(b);
        return first.matches() && second.matches() && first.group(1).equals(second.group(1))
                && first.group(2).length() == second.group(2).length()
                && Long.parseLong(second.group(2)) == Long.parseLong(first.group(2)) + 1;
    }

    private static Result renameTag(WorkspaceView view, String name, String newName, Cancellation cancel) {
        String bare = newName.startsWith("#") ? newName.substring(1) : newName;
        if (!TAG_NAME.matcher(bare).matches()) {
            return Result.refused("'" + newName + "' is not a tag name: start with a letter, then letters, digits, '_', '-' or '/'.");
        }
        if (!bare.equals(name) && view.index().tagUses().containsKey(bare)
                && !bare.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
            // Merging two tags is a legitimate rename; say nothing and let the edits merge them.
            cancel.check();
        }
        Map<String, List<TextEdit>> edits = new LinkedHashMap<>();
        for (Location location : References.ofTag(view, name, true, cancel)) {
            edits.computeIfAbsent(location.uri(), uri -> new ArrayList<>()).add(new TextEdit(location.range(), bare));
        }
        return new Result(Optional.empty(), edits);
    }
}
