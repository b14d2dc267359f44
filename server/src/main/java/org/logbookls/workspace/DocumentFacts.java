package org.logbookls.workspace;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.logbookls.model.Entry;
import org.logbookls.model.IdDefinition;
import org.logbookls.model.IdScheme;
import org.logbookls.model.Logbook;
import org.logbookls.model.Reference;
import org.logbookls.model.Tag;
import org.logbookls.model.TagDeclaration;
import org.logbookls.text.SplicedList;

/**
 * What one document contributes to the workspace index, without positions.
 *
 * <p>Immutable, and compared by value: typing inside an entry's body changes no fact, so the
 * workspace index is reused as it is (rust-analyzer's "typing inside a function body never
 * invalidates global derived data"). Positions are read from the document's own model when a
 * request needs them.
 */
public record DocumentFacts(
        String uri,
        boolean logbook,
        Map<String, IdSummary> definedIds,
        Set<IdScheme> schemes,
        Set<String> idTokens,
        Map<String, Integer> tagUses,
        Map<String, String> declaredTags,
        boolean declarationFile) {

    public DocumentFacts {
        // Copied unless it is the map {@link #of} made and handed over: a copy per version was a fifth of the facts' cost.
        definedIds = java.util.Collections.unmodifiableMap(definedIds instanceof HandedOver<String, IdSummary> ? definedIds
                : new LinkedHashMap<>(definedIds));
        schemes = Set.copyOf(schemes);
        idTokens = Set.copyOf(idTokens);
        tagUses = Map.copyOf(tagUses);
        declaredTags = Map.copyOf(declaredTags);
    }

    /** A map made by {@link #of} for the facts it makes, and not kept by it: the constructor need not copy it. */
    private static final class HandedOver<K, V> extends LinkedHashMap<K, V> {
    }

    /** What completion and hover show for an ID without opening its logbook. */
    public record IdSummary(String title, String date) {
    }

    /**
     * True when {@link #of} gives equal facts for both models because everything it reads is equal:
     * each entry's IDs, plain title and start date, the ID tokens and tags (in order, without
     * positions), the tag declarations, the schemes and whether it is a logbook. Stricter than
     * equality of the facts (an entry without IDs still counts), never looser.
     *
     * <p>Why: after a keystroke the facts were computed again and compared with the last ones, maps
     * of every ID, token and tag in the document, for an answer that is almost always "the same".
     * Entries and tokens behind the edit hold the same strings as before (moved, not read again),
     * so this comparison is a walk of references without allocating. Keep it in step with {@link #of}.
     */
    public static boolean sameInputs(Logbook before, Logbook after) {
        if (before == after) {
            return true;
        }
        if (before.detection().logbook() != after.detection().logbook() || !before.schemes().equals(after.schemes())
                || before.entries().size() != after.entries().size() || before.idTokens().size() != after.idTokens().size()
                || before.tags().size() != after.tags().size() || before.tagDeclarations().size() != after.tagDeclarations().size()) {
            return false;
        }
        for (int i = 0; i < before.entries().size(); i++) {
            if (!Entry.sameNames(SplicedList.unmoved(before.entries(), i), SplicedList.unmoved(after.entries(), i))) {
                return false;
            }
        }
        for (int i = 0; i < before.idTokens().size(); i++) {
            if (!SplicedList.unmoved(before.idTokens(), i).id().equals(SplicedList.unmoved(after.idTokens(), i).id())) {
                return false;
            }
        }
        for (int i = 0; i < before.tags().size(); i++) {
            if (!SplicedList.unmoved(before.tags(), i).name().equals(SplicedList.unmoved(after.tags(), i).name())) {
                return false;
            }
        }
        for (int i = 0; i < before.tagDeclarations().size(); i++) {
            TagDeclaration old = before.tagDeclarations().get(i);
            TagDeclaration now = after.tagDeclarations().get(i);
            if (!old.name().equals(now.name()) || !old.description().equals(now.description()) || old.keyList() != now.keyList()) {
                return false;
            }
        }
        return true;
    }

    public static DocumentFacts of(String uri, Logbook logbook) {
        Map<String, IdSummary> defined = new HandedOver<>();
        // Facts have no positions: entries, tokens and tags are read unmoved, as the version they were kept from holds them.
        List<Entry> entries = logbook.entries();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = SplicedList.unmoved(entries, i);
            if (entry.ids().isEmpty()) {
                continue;
            }
            IdSummary summary = new IdSummary(entry.plainTitle(), entry.date().flatMap(d -> d.start()).map(Object::toString).orElse(""));
            for (IdDefinition id : entry.ids()) {
                defined.putIfAbsent(id.id(), summary);
            }
        }
        Set<String> tokens = new LinkedHashSet<>();
        List<Reference> idTokens = logbook.idTokens();
        for (int i = 0; i < idTokens.size(); i++) {
            tokens.add(SplicedList.unmoved(idTokens, i).id());
        }
        Map<String, Integer> tags = new LinkedHashMap<>();
        List<Tag> tagList = logbook.tags();
        for (int i = 0; i < tagList.size(); i++) {
            tags.merge(SplicedList.unmoved(tagList, i).name(), 1, Integer::sum);
        }
        Map<String, String> declared = new LinkedHashMap<>();
        for (TagDeclaration declaration : logbook.tagDeclarations()) {
            declared.putIfAbsent(declaration.name(), declaration.description());
        }
        // A document that declares tags and holds no entries is the workspace's tag list (a "tags.md").
        boolean declarationFile = logbook.entries().isEmpty() && logbook.tagDeclarations().stream().anyMatch(TagDeclaration::keyList);
        return new DocumentFacts(uri, logbook.detection().logbook(), defined, logbook.schemes(), tokens, tags, declared, declarationFile);
    }
}
