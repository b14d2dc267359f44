package org.logbookls.workspace;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.logbookls.model.Entry;
import org.logbookls.model.EntryDate;
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
        // Copied unless it is the map {@link #of} made and handed over, or the frozen map of other facts (kept
        // when the entries name the same): a copy per version was a fifth of the facts' cost.
        definedIds = definedIds instanceof HandedOver<String, IdSummary> ? FrozenMap.handedOver(definedIds) : FrozenMap.of(definedIds);
        schemes = Set.copyOf(schemes);
        idTokens = idTokens instanceof HandedOverSet<String> ? FrozenSet.handedOver(idTokens) : FrozenSet.of(idTokens);
        tagUses = Map.copyOf(tagUses);
        declaredTags = Map.copyOf(declaredTags);
    }

    /** A map made by {@link #of} for the facts it makes, and not kept by it: the constructor need not copy it. */
    private static final class HandedOver<K, V> extends LinkedHashMap<K, V> {
        HandedOver(int capacity) {
            super(capacity);
        }
    }

    /** A set made by {@link #of} for the facts it makes, and not kept by it: the constructor need not copy it. */
    private static final class HandedOverSet<E> extends LinkedHashSet<E> {
        HandedOverSet(int capacity) {
            super(capacity);
        }
    }

    /**
     * What completion and hover show for an ID without opening its logbook: the defining entry's plain
     * title and its day ({@link EntryDate#NO_DAY} when it has no real one).
     *
     * <p>The day is kept as a number and written out only when asked for: the summaries are made anew
     * for every entry whenever an entry heading is broken or mended, and writing 10,000 dates out each
     * time was most of the facts' cost after such a keystroke, for the few an editor ever shows.
     */
    public record IdSummary(String title, long day) {
        /** The day as ISO writes it ({@code 2024-03-07}); empty when the entry has no real day. */
        public String date() {
            return day == EntryDate.NO_DAY ? "" : EntryDate.iso(LocalDate.ofEpochDay(day));
        }
    }

    /**
     * The facts of {@code after}, a later version of the document whose facts were {@code facts}
     * and whose model was {@code before}: those facts themselves when everything {@link #of} reads is
     * the same; else new facts that keep each part of the old ones that reads the same — the defined
     * IDs (or all but their summaries, when only titles or dates were typed), the ID tokens, the
     * tags, the declarations — and read the others anew.
     *
     * <p>Why: after a keystroke the facts were computed again and compared with the last ones, maps
     * of every ID, token and tag in the document, for an answer that is almost always "the same" or
     * "the same but one title"; and an entry heading broken or mended changes the definitions and
     * one token, not the 6,000 tags. Entries and tokens behind the edit hold the same strings as
     * before (moved, not read again), so the comparison is a walk of references without allocating.
     * Keep it in step with {@link #of}.
     */
    public static DocumentFacts after(DocumentFacts facts, Logbook before, Logbook after) {
        if (before == after) {
            return facts;
        }
        if (before.detection().logbook() != after.detection().logbook() || !before.schemes().equals(after.schemes())) {
            return of(facts.uri(), after);
        }
        Definitions definitions = definitions(before, after);
        boolean sameTokens = sameNames(before.idTokens(), after.idTokens(), Reference::id);
        boolean sameTags = sameNames(before.tags(), after.tags(), Tag::name);
        boolean sameDeclarations = TagDeclaration.sameReadings(before.tagDeclarations(), after.tagDeclarations());
        if (definitions == Definitions.SAME && sameTokens && sameTags && sameDeclarations) {
            return facts;
        }
        Map<String, IdSummary> defined = switch (definitions) {
            case SAME -> facts.definedIds();
            case SAME_IDS -> definedIds(after, before, facts.definedIds());
            case OTHER -> definedIds(after);
        };
        return new DocumentFacts(facts.uri(), facts.logbook(), defined, facts.schemes(),
                sameTokens ? facts.idTokens() : idTokens(after), sameTags ? facts.tagUses() : tagUses(after),
                sameDeclarations ? facts.declaredTags() : declaredTags(after), declarationFile(after));
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

    /** Equal, tried as the same object first (facts kept from the last version hold the same collections). */
    static boolean same(Object a, Object b) {
        return a == b || a.equals(b);
    }

    /** How two models' entries differ in what {@link #of} reads of them. */
    private enum Definitions { SAME, SAME_IDS, OTHER }

    /**
     * SAME when each entry's IDs, plain title and start date are equal; SAME_IDS when only plain titles
     * and start dates differ; else OTHER. Stricter than comparing the defined IDs (an entry without
     * IDs still counts), never looser.
     */
    private static Definitions definitions(Logbook before, Logbook after) {
        if (before.entries().size() != after.entries().size()) {
            return Definitions.OTHER;
        }
        Definitions definitions = Definitions.SAME;
        for (int i = 0; i < before.entries().size(); i++) {
            int same = SplicedList.sameSourceRun(before.entries(), after.entries(), i);
            if (same > 0) {
                i += same - 1;
                continue;
            }
            Entry old = SplicedList.unmoved(before.entries(), i);
            Entry now = SplicedList.unmoved(after.entries(), i);
            if (!Entry.sameNames(old, now)) {
                if (!Entry.sameIds(old, now)) {
                    return Definitions.OTHER;
                }
                definitions = Definitions.SAME_IDS;
            }
        }
        return definitions;
    }

    /** The same names in the same order. */
    private static <T> boolean sameNames(List<T> before, List<T> after, java.util.function.Function<T, String> name) {
        if (before.size() != after.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            // Runs of the very same items (both versions read them from one old list) are skipped whole.
            int same = SplicedList.sameSourceRun(before, after, i);
            if (same > 0) {
                i += same - 1;
                continue;
            }
            if (!name.apply(SplicedList.unmoved(before, i)).equals(name.apply(SplicedList.unmoved(after, i)))) {
                return false;
            }
        }
        return true;
    }

    public static DocumentFacts of(String uri, Logbook logbook) {
        return new DocumentFacts(uri, logbook.detection().logbook(), definedIds(logbook), logbook.schemes(), idTokens(logbook),
                tagUses(logbook), declaredTags(logbook), declarationFile(logbook));
    }

    // Facts have no positions: tokens and tags are read unmoved, as the version they were kept from holds them.

    private static Set<String> idTokens(Logbook logbook) {
        List<Reference> idTokens = logbook.idTokens();
        Set<String> tokens = new HandedOverSet<>(idTokens.size() * 4 / 3 + 16);
        for (int i = 0; i < idTokens.size(); i++) {
            tokens.add(SplicedList.unmoved(idTokens, i).id());
        }
        return tokens;
    }

    private static Map<String, Integer> tagUses(Logbook logbook) {
        Map<String, Integer> tags = new LinkedHashMap<>();
        List<Tag> tagList = logbook.tags();
        for (int i = 0; i < tagList.size(); i++) {
            tags.merge(SplicedList.unmoved(tagList, i).name(), 1, Integer::sum);
        }
        return tags;
    }

    private static Map<String, String> declaredTags(Logbook logbook) {
        Map<String, String> declared = new LinkedHashMap<>();
        for (TagDeclaration declaration : logbook.tagDeclarations()) {
            declared.putIfAbsent(declaration.name(), declaration.description());
        }
        return declared;
    }

    /** A document that declares tags and holds no entries is the workspace's tag list (a "tags.md"). */
    private static boolean declarationFile(Logbook logbook) {
        return logbook.entries().isEmpty() && logbook.tagDeclarations().stream().anyMatch(TagDeclaration::keyList);
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
                    summary = new IdSummary(entry.plainTitle(), entry.date().map(EntryDate::startDay).orElse(EntryDate.NO_DAY));
                }
                defined.putIfAbsent(id.id(), summary);
            }
        }
        return defined;
    }
}
