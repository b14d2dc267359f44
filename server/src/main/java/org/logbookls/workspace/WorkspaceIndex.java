package org.logbookls.workspace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.logbookls.model.IdScheme;

/**
 * What the workspace knows across documents: which document defines or mentions each experiment
 * ID, which tags are declared and used where, and which ID schemes are in use.
 *
 * <p>Immutable. Built from {@link DocumentFacts}; documents that are not logbooks contribute
 * nothing. Lists of URIs are sorted, so answers are deterministic.
 */
public final class WorkspaceIndex {
    public static final WorkspaceIndex EMPTY = build(Map.of());

    private final Map<String, DocumentFacts> facts;
    private final Map<String, List<String>> definers;
    private final Map<String, List<String>> mentioners;
    private final Set<IdScheme> schemes;
    private final Map<String, Integer> tagUses;
    private final Map<String, List<String>> tagUsers;
    private final Map<String, String> declaredTags;
    private final Map<String, String> workspaceTags;
    /** Stands for everything above but the facts: shared by an index made {@link #withSummaries}. */
    private final Derived derived;

    /** What is derived from the maps above when first asked for, kept with them. */
    private static final class Derived {
        private volatile List<String> newestFirst;
    }

    /** The index of {@code facts}, which differ from {@code derivedFrom}'s at most in ID summaries: what it derived is shared. */
    private WorkspaceIndex(Map<String, DocumentFacts> facts, WorkspaceIndex derivedFrom) {
        this.facts = Collections.unmodifiableMap(new TreeMap<>(facts));
        this.definers = derivedFrom.definers;
        this.mentioners = derivedFrom.mentioners;
        this.schemes = derivedFrom.schemes;
        this.tagUses = derivedFrom.tagUses;
        this.tagUsers = derivedFrom.tagUsers;
        this.declaredTags = derivedFrom.declaredTags;
        this.workspaceTags = derivedFrom.workspaceTags;
        this.derived = derivedFrom.derived;
    }

    private WorkspaceIndex(Map<String, DocumentFacts> facts) {
        this.facts = Collections.unmodifiableMap(new TreeMap<>(facts));
        Map<String, List<String>> definedBy = new HashMap<>();
        Map<String, List<String>> mentionedBy = new HashMap<>();
        Map<String, Integer> uses = new TreeMap<>();
        Map<String, List<String>> usedBy = new HashMap<>();
        Map<String, String> declared = new TreeMap<>();
        Map<String, String> workspaceWide = new TreeMap<>();
        for (DocumentFacts document : this.facts.values()) {
            if (document.declarationFile()) {
                document.declaredTags().forEach(workspaceWide::putIfAbsent);
            }
            if (!document.logbook()) {
                continue;
            }
            List<String> uri = List.of(document.uri());
            document.definedIds().keySet().forEach(id -> definedBy.merge(id, uri, WorkspaceIndex::appended));
            document.idTokens().forEach(id -> mentionedBy.merge(id, uri, WorkspaceIndex::appended));
            document.tagUses().forEach((tag, count) -> {
                uses.merge(tag, count, Integer::sum);
                usedBy.merge(tag, uri, WorkspaceIndex::appended);
            });
            document.declaredTags().forEach(declared::putIfAbsent);
        }
        this.definers = definedBy;
        this.mentioners = mentionedBy;
        this.schemes = schemesOf(this.facts.values());
        this.tagUses = Collections.unmodifiableMap(uses);
        this.tagUsers = usedBy;
        workspaceWide.forEach(declared::putIfAbsent);
        this.declaredTags = Collections.unmodifiableMap(declared);
        this.workspaceTags = Collections.unmodifiableMap(workspaceWide);
        this.derived = new Derived();
    }

    /** The ID schemes the logbooks among {@code facts} use. */
    private static Set<IdScheme> schemesOf(java.util.Collection<DocumentFacts> facts) {
        Set<IdScheme> schemes = new LinkedHashSet<>();
        for (DocumentFacts document : facts) {
            if (document.logbook()) {
                schemes.addAll(document.schemes());
            }
        }
        return Set.copyOf(schemes);
    }

    /**
     * {@code list} with the one URI of {@code one} added: most IDs are defined and mentioned in one
     * document, and a growable list for each of them (an array of ten) was 6 MB of a 70,000-ID
     * workspace, so a second document's URI makes the list growable, and a later one is added to it.
     */
    private static List<String> appended(List<String> list, List<String> one) {
        List<String> growable = list instanceof ArrayList<String> ours ? ours : new ArrayList<>(list);
        growable.add(one.get(0));
        return growable;
    }

    public static WorkspaceIndex build(Map<String, DocumentFacts> facts) {
        return new WorkspaceIndex(facts);
    }

    /**
     * The index of {@code facts}, which differ from this index's at most in the ID summaries
     * ({@link DocumentFacts#sameButSummaries}): everything else it derived is the same, so it is
     * shared instead of derived again from every document's facts.
     */
    public WorkspaceIndex withSummaries(Map<String, DocumentFacts> facts) {
        return new WorkspaceIndex(facts, this);
    }

    /**
     * The index of {@code facts}, which are this index's but for the facts of {@code uri}: when that
     * document is as much a logbook (or tag list) as before and declares the same tags, only the
     * lists of the IDs (and tags) it no longer or newly defines, mentions (or uses) are made anew,
     * and the tags' counts, and the rest is shared; otherwise the index is built from every
     * document's facts.
     *
     * <p>Why: building walks every document. In a workspace of 2,000 files, a keystroke that broke or
     * mended an entry heading in one logbook (its definitions changed) spent two thirds of its time
     * rebuilding the maps of the other documents' 70,000 IDs and 100,000 mentions.
     * {@code IncrementalAnalysisTest} compares the answers with a build's after such changes.
     */
    public WorkspaceIndex withDocument(Map<String, DocumentFacts> facts, String uri) {
        DocumentFacts old = this.facts.get(uri);
        DocumentFacts now = facts.get(uri);
        if (old == null || now == null || old.logbook() != now.logbook() || old.declarationFile() != now.declarationFile()
                || !DocumentFacts.same(old.declaredTags(), now.declaredTags()) || !now.uri().equals(uri)) {
            return build(facts);
        }
        return new WorkspaceIndex(facts, this, old, now);
    }

    /** {@link #withDocument}: {@code old} and {@code now} are one document's facts, alike but in their IDs, mentions, schemes and tags used. */
    private WorkspaceIndex(Map<String, DocumentFacts> facts, WorkspaceIndex before, DocumentFacts old, DocumentFacts now) {
        this.facts = Collections.unmodifiableMap(new TreeMap<>(facts));
        boolean contributes = now.logbook();
        this.definers = contributes ? updated(before.definers, old.definedIds().keySet(), now.definedIds().keySet(), now.uri())
                : before.definers;
        this.mentioners = contributes ? updated(before.mentioners, old.idTokens(), now.idTokens(), now.uri()) : before.mentioners;
        if (!contributes || DocumentFacts.same(old.schemes(), now.schemes())) {
            this.schemes = before.schemes;
        } else {
            this.schemes = schemesOf(this.facts.values());
        }
        if (!contributes || DocumentFacts.same(old.tagUses(), now.tagUses())) {
            this.tagUses = before.tagUses;
            this.tagUsers = before.tagUsers;
        } else {
            // A tag typed: the workspace's counts less this document's old ones, plus its new ones.
            Map<String, Integer> uses = new TreeMap<>(before.tagUses);
            old.tagUses().forEach((tag, count) -> uses.computeIfPresent(tag, (name, total) -> total - count == 0 ? null : total - count));
            now.tagUses().forEach((tag, count) -> uses.merge(tag, count, Integer::sum));
            this.tagUses = Collections.unmodifiableMap(uses);
            this.tagUsers = updated(before.tagUsers, old.tagUses().keySet(), now.tagUses().keySet(), now.uri());
        }
        this.declaredTags = before.declaredTags;
        this.workspaceTags = before.workspaceTags;
        this.derived = new Derived();
    }

    /**
     * {@code lists} (an ID's documents, sorted) after the document {@code uri} went from the IDs
     * {@code before} to {@code after}: the same map when they are the same; else the lists of the IDs
     * it left or joined are new ones laid over the old map ({@link IdLists}), which is shared, not
     * copied (copying 70,000 IDs' lists was most of the update), until the changed lists grow to an
     * eighth of it. The old index's lists are never changed.
     */
    private static Map<String, List<String>> updated(Map<String, List<String>> lists, Set<String> before, Set<String> after, String uri) {
        if (before == after) {
            return lists;
        }
        // Only the IDs between the two versions' common first and last ones can have left or joined:
        // read in order, an ID outside them is in both. Looking each of a logbook's 10,000 IDs up in
        // the other version and in the lists was most of a keystroke that broke an entry heading.
        Object[] old = before.toArray();
        Object[] now = after.toArray();
        int shorter = Math.min(old.length, now.length);
        int first = 0;
        while (first < shorter && DocumentFacts.same(old[first], now[first])) {
            first++;
        }
        int last = 0;
        while (last < shorter - first && DocumentFacts.same(old[old.length - 1 - last], now[now.length - 1 - last])) {
            last++;
        }
        if (old.length == now.length && first + last == old.length) {
            return lists;
        }
        Map<String, List<String>> base = lists instanceof IdLists layered ? layered.base : lists;
        Map<String, List<String>> changed = lists instanceof IdLists layered ? new HashMap<>(layered.changed) : new HashMap<>();
        int size = lists.size();
        boolean touched = false;
        for (int i = first; i < old.length - last; i++) {
            String id = (String) old[i];
            List<String> uris = lists.get(id);
            if (after.contains(id) || uris == null || !uris.contains(uri)) {
                continue;
            }
            touched = true;
            if (uris.size() == 1) {
                changed.put(id, IdLists.GONE);
                size--;
            } else {
                List<String> rest = new ArrayList<>(uris);
                rest.remove(uri);
                changed.put(id, rest.size() == 1 ? List.of(rest.get(0)) : rest);
            }
        }
        for (int i = first; i < now.length - last; i++) {
            String id = (String) now[i];
            if (before.contains(id)) {
                continue;
            }
            List<String> uris = lists.get(id);
            if (uris == null) {
                changed.put(id, List.of(uri));
                size++;
                touched = true;
                continue;
            }
            int at = Collections.binarySearch(uris, uri);
            if (at < 0) {
                touched = true;
                List<String> more = new ArrayList<>(uris.size() + 1);
                more.addAll(uris);
                more.add(-at - 1, uri);
                changed.put(id, more);
            }
        }
        if (!touched) {
            return lists;
        }
        IdLists layered = new IdLists(base, changed, size);
        return changed.size() > Math.max(64, base.size() / 8) ? new HashMap<>(layered) : layered;
    }

    /**
     * A map of IDs' lists read through {@code changed} (an ID's new list, or {@link #GONE}: none any
     * more) to {@code base}, which is shared with older indexes. Immutable.
     */
    private static final class IdLists extends java.util.AbstractMap<String, List<String>> {
        /** The list of an ID no document has any more, told apart by identity. */
        static final List<String> GONE = Collections.unmodifiableList(new ArrayList<>(0));

        private final Map<String, List<String>> base;
        private final Map<String, List<String>> changed;
        private final int size;

        IdLists(Map<String, List<String>> base, Map<String, List<String>> changed, int size) {
            this.base = base;
            this.changed = changed;
            this.size = size;
        }

        @Override
        public List<String> get(Object id) {
            // One lookup in the few changed lists, then the base: the reference check asks for every token.
            List<String> list = changed.get(id);
            return list == null ? base.get(id) : list == GONE ? null : list;
        }

        @Override
        public List<String> getOrDefault(Object id, List<String> otherwise) {
            List<String> lists = get(id);
            return lists == null ? otherwise : lists;
        }

        @Override
        public boolean containsKey(Object id) {
            return get(id) != null;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Set<Map.Entry<String, List<String>>> entrySet() {
            return new java.util.AbstractSet<>() {
                @Override
                public java.util.Iterator<Map.Entry<String, List<String>>> iterator() {
                    // The base's entries not changed, then the changed ones that still have a list (by hand: through
                    // a stream, the suggestions' walk of every defined ID took twice as long).
                    return new java.util.Iterator<>() {
                        private final java.util.Iterator<Map.Entry<String, List<String>>> bases = base.entrySet().iterator();
                        private final java.util.Iterator<Map.Entry<String, List<String>>> changes = changed.entrySet().iterator();
                        private Map.Entry<String, List<String>> next = advance();

                        private Map.Entry<String, List<String>> advance() {
                            while (bases.hasNext()) {
                                Map.Entry<String, List<String>> entry = bases.next();
                                if (!changed.containsKey(entry.getKey())) {
                                    return entry;
                                }
                            }
                            while (changes.hasNext()) {
                                Map.Entry<String, List<String>> entry = changes.next();
                                if (entry.getValue() != GONE) {
                                    return entry;
                                }
                            }
                            return null;
                        }

                        @Override
                        public boolean hasNext() {
                            return next != null;
                        }

                        @Override
                        public Map.Entry<String, List<String>> next() {
                            if (next == null) {
                                throw new java.util.NoSuchElementException();
                            }
                            Map.Entry<String, List<String>> current = next;
                            next = advance();
                            return current;
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }
    }

    /**
     * An object standing for every answer of this index but the ID summaries ({@link #summary}
     * and the summaries in {@link #facts}): two indexes with the same object give the same other
     * answers. The checks read none of the summaries, so after a title typed the last diagnostics
     * still hold against the new index.
     */
    public Object derived() {
        return derived;
    }

    public Map<String, DocumentFacts> facts() {
        return facts;
    }

    /**
     * Whether this index and {@code other} were made from the same documents, each with the very same
     * facts but {@code uri}'s. What the checks of {@code uri} read of the index then differs only as
     * its own model does (its IDs, schemes, tag declarations), which the comparison of the two models
     * sees: typing an ID or breaking an entry heading makes a new index, and the last diagnostics of
     * the checks that read none of it still hold ({@code Session.diagnostics}).
     */
    public boolean sameFactsBut(WorkspaceIndex other, String uri) {
        if (other == this) {
            return true;
        }
        if (facts.size() != other.facts.size() || !other.facts.containsKey(uri)) {
            return false;
        }
        for (Map.Entry<String, DocumentFacts> entry : facts.entrySet()) {
            if (other.facts.get(entry.getKey()) != entry.getValue() && !entry.getKey().equals(uri)) {
                return false;
            }
        }
        return true;
    }

    /** The documents that define {@code id}, sorted. */
    public List<String> definers(String id) {
        return definers.getOrDefault(id, List.of());
    }

    /** The documents whose text mentions {@code id} as a word (references may be among them). */
    public List<String> mentioners(String id) {
        return mentioners.getOrDefault(id, List.of());
    }

    /** Every ID-shaped word some logbook mentions. */
    public Set<String> mentionedIds() {
        return mentioners.keySet();
    }

    /**
     * Every defined ID, the highest number first (then by name): the order completion offers them in.
     * Sorted once per index, when first asked for: sorting 10,000 IDs at every completion request was
     * most of its time, and typing a completion's first characters changes no definition.
     */
    public List<String> definedIdsNewestFirst() {
        List<String> sorted = derived.newestFirst;
        if (sorted == null) {
            record Numbered(long number, String id) {
            }
            List<Numbered> numbered = new ArrayList<>(definers.size());
            definers.keySet().forEach(id -> numbered.add(new Numbered(IdScheme.number(id), id)));
            numbered.sort(java.util.Comparator.comparingLong(Numbered::number).reversed().thenComparing(Numbered::id));
            sorted = numbered.stream().map(Numbered::id).toList();
            derived.newestFirst = sorted;
        }
        return sorted;
    }

    /**
     * Every defined ID, in no particular order ({@link #definers} says where). Not sorted: a keystroke
     * that breaks an entry heading makes a new index and leaves a reference undefined, and sorting
     * 10,000 IDs for its "did you mean" was a tenth of the keystroke; the suggestions sort their few.
     */
    public Set<String> definedIds() {
        return Collections.unmodifiableSet(definers.keySet());
    }

    public Optional<DocumentFacts.IdSummary> summary(String id) {
        List<String> uris = definers(id);
        return uris.isEmpty() ? Optional.empty() : Optional.ofNullable(facts.get(uris.get(0)).definedIds().get(id));
    }

    /** The ID schemes some logbook in the workspace uses. */
    public Set<IdScheme> schemes() {
        return schemes;
    }

    public boolean isId(String token) {
        for (IdScheme scheme : schemes) {
            if (scheme.accepts(token)) {
                return true;
            }
        }
        return false;
    }

    /** How often each tag is used across the workspace, by name. */
    public Map<String, Integer> tagUses() {
        return tagUses;
    }

    public List<String> tagUsers(String tag) {
        return tagUsers.getOrDefault(tag, List.of());
    }

    /** Tags some document of the workspace declares, with their descriptions (for completion and hover). */
    public Map<String, String> declaredTags() {
        return declaredTags;
    }

    /** Tags declared for the whole workspace, by a tag list that holds no entries (for checks in every logbook). */
    public Map<String, String> workspaceTags() {
        return workspaceTags;
    }
}
