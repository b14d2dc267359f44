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
        HandedOver(int capacity) {
            super(capacity);
        }
    }

    /** What completion and hover show for an ID without opening its logbook. */
    public record IdSummary(String title, String date) {
    }

    /**
     * The facts of {@code after}, a later version of the document whose facts were {@code facts}
     * and whose model was {@code before}: those facts themselves when everything {@link #of} reads is
     * the same; when only the entries' plain titles or dates differ (a title or a date typed), new
     * facts with new ID summaries and the rest of the old ones; else facts read anew.
     *
     * <p>Why: after a keystroke the facts were computed again and compared with the last ones, maps
     * of every ID, token and tag in the document, for an answer that is almost always "the same" or
     * "the same but one title". Entries and tokens behind the edit hold the same strings as before
     * (moved, not read again), so the comparison is a walk of references without allocating. Keep
     * it in step with {@link #of}.
     */
    public static DocumentFacts after(DocumentFacts facts, Logbook before, Logbook after) {
        return switch (difference(before, after)) {
            case NONE -> facts;
            case SUMMARIES -> new DocumentFacts(facts.uri(), facts.logbook(), definedIds(after, before, facts.definedIds()),
                    facts.schemes(), facts.idTokens(), facts.tagUses(), facts.declaredTags(), facts.declarationFile());
            case OTHER -> of(facts.uri(), after);
        };
    }

    /**
     * Whether these facts and {@code other} differ at most in the ID summaries: the same IDs (in the
     * same order), tokens, tags and schemes. The workspace index then keeps what it derived from them
     * ({@link WorkspaceIndex#withSummaries}).
     */
    public boolean sameButSummaries(DocumentFacts other) {
        return uri.equals(other.uri) && logbook == other.logbook && declarationFile == other.declarationFile
                && same(schemes, other.schemes) && same(idTokens, other.idTokens) && same(tagUses, other.tagUses)
                && same(declaredTags, other.declaredTags) && sameKeysInOrder(definedIds, other.definedIds);
    }

    /** Keys compared in order, mostly by identity: the facts after a title typed hold the same ID strings, in the same order. */
    private static boolean sameKeysInOrder(Map<String, IdSummary> a, Map<String, IdSummary> b) {
        if (a.size() != b.size()) {
            return false;
        }
        java.util.Iterator<String> others = b.keySet().iterator();
        for (String key : a.keySet()) {
            if (!same(key, others.next())) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Object a, Object b) {
        return a == b || a.equals(b);
    }

    /** How two models' facts differ, from what {@link #of} reads. */
    private enum Difference { NONE, SUMMARIES, OTHER }

    /**
     * NONE when everything {@link #of} reads is equal: each entry's IDs, plain title and start date,
     * the ID tokens and tags (in order, without positions), the tag declarations, the schemes and
     * whether it is a logbook. SUMMARIES when only plain titles and start dates differ. Stricter
     * than comparing the facts (an entry without IDs still counts), never looser.
     */
    private static Difference difference(Logbook before, Logbook after) {
        if (before == after) {
            return Difference.NONE;
        }
        if (before.detection().logbook() != after.detection().logbook() || !before.schemes().equals(after.schemes())
                || before.entries().size() != after.entries().size() || before.idTokens().size() != after.idTokens().size()
                || before.tags().size() != after.tags().size() || before.tagDeclarations().size() != after.tagDeclarations().size()) {
            return Difference.OTHER;
        }
        Difference difference = Difference.NONE;
        for (int i = 0; i < before.entries().size(); i++) {
            Entry old = SplicedList.unmoved(before.entries(), i);
            Entry now = SplicedList.unmoved(after.entries(), i);
            if (!Entry.sameNames(old, now)) {
                if (!Entry.sameIds(old, now)) {
                    return Difference.OTHER;
                }
                difference = Difference.SUMMARIES;
            }
        }
        for (int i = 0; i < before.idTokens().size(); i++) {
            if (!SplicedList.unmoved(before.idTokens(), i).id().equals(SplicedList.unmoved(after.idTokens(), i).id())) {
                return Difference.OTHER;
            }
        }
        for (int i = 0; i < before.tags().size(); i++) {
            if (!SplicedList.unmoved(before.tags(), i).name().equals(SplicedList.unmoved(after.tags(), i).name())) {
                return Difference.OTHER;
            }
        }
        for (int i = 0; i < before.tagDeclarations().size(); i++) {
            TagDeclaration old = before.tagDeclarations().get(i);
            TagDeclaration now = after.tagDeclarations().get(i);
            if (!old.name().equals(now.name()) || !old.description().equals(now.description()) || old.keyList() != now.keyList()) {
                return Difference.OTHER;
            }
        }
        return difference;
    }

    public static DocumentFacts of(String uri, Logbook logbook) {
        Map<String, IdSummary> defined = definedIds(logbook);
        // Facts have no positions: tokens and tags are read unmoved, as the version they were kept from holds them.
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

    /** Each ID the entries define, with the summary of the first entry that defines it, in order. */
    private static Map<String, IdSummary> definedIds(Logbook logbook) {
        return definedIds(logbook, null, Map.of());
    }

    /**
     * {@link #definedIds(Logbook)}, given {@code before}, a version whose entries define the same IDs
     * (entry for entry), and its map {@code summaries}: an entry that names what it did before
     * keeps its summary. The first entry to define an ID is then the same in both versions, so
     * the old map holds that entry's summary. Writing every entry's date out again was most of
     * the facts' cost after a title typed.
     */
    private static Map<String, IdSummary> definedIds(Logbook logbook, Logbook before, Map<String, IdSummary> summaries) {
        // Sized for the last version's IDs (or an ID per entry): grown from empty, it was rehashed a dozen times.
        Map<String, IdSummary> defined = new HandedOver<>(Math.max(summaries.size(), logbook.entries().size()) * 4 / 3 + 16);
        // Read unmoved, as the version they were kept from holds them: facts have no positions.
        List<Entry> entries = logbook.entries();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = SplicedList.unmoved(entries, i);
            if (entry.ids().isEmpty()) {
                continue;
            }
            boolean kept = before != null && Entry.sameNames(SplicedList.unmoved(before.entries(), i), entry);
            IdSummary summary = null;
            for (IdDefinition id : entry.ids()) {
                if (kept) {
                    defined.putIfAbsent(id.id(), summaries.get(id.id()));
                    continue;
                }
                if (summary == null) {
                    summary = new IdSummary(entry.plainTitle(), entry.date().flatMap(d -> d.start()).map(Object::toString).orElse(""));
                }
                defined.putIfAbsent(id.id(), summary);
            }
        }
        return defined;
    }
}
