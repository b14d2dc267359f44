package org.logbookls.analysis.diagnostics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.logbookls.model.Entry;
import org.logbookls.model.EntryDate;
import org.logbookls.model.Logbook;
import org.logbookls.model.Section;
import org.logbookls.model.Suppression;
import org.logbookls.model.TagDeclaration;
import org.logbookls.model.Template;
import org.logbookls.text.SplicedList;
import org.logbookls.text.TextChange;
import org.logbookls.text.TextRange;

/**
 * What an edit may have changed for the checks: the parts of the model ({@link ModelPart}) that
 * differ between the version before it and the version after, and each diagnostic moved as the
 * text did. {@link Diagnostics#afterEdits} moves the diagnostics of the checks that read no
 * changed part and runs the others again.
 *
 * <p>Every check reads the model's values (dates, IDs, labels, titles, names, schemes, conventions),
 * the positions of what it reports, the text at those positions, line numbers, the settings and
 * the workspace. The caller vouches for the last two (the same objects, the same day) and for the
 * edits between the versions: all known, none adding or removing a line break
 * ({@code DocumentSnapshot.lineKeepingEditsSince}), so line numbers stay. This class checks the
 * rest, part by part: the two models hold the same values, item for item, and every position a
 * check reports lies outside the edits, where it moved as the text did (not at all before an edit,
 * by the edit's length after it). Then each diagnostic of a part's checks moves the same way. Edits
 * rather than one difference of the two texts: an editor's undo here and typing there, between two
 * requests, would be one difference spanning every line in between.
 *
 * <p>Why: the checks read every entry, 5 ms on a 10,000-entry logbook after each keystroke, for
 * a list that nearly always only moved; and when it did not, mostly because one part changed (a
 * section's label typed, a reference, a tag) which one or two checks read. This comparison walks
 * the same items but mostly compares objects: the entries and tokens an edit kept are the old
 * ones, read unmoved. {@code IncrementalAnalysisTest} checks the result equals the checks' after
 * every random edit, and that each kind of change (a name changed inside its range, a label, a
 * template, a declared tag, an anchor, a suppression, a line break) is seen.
 *
 * <p>Some comparisons are implied by others and kept because they are cheap and the implication
 * is not obvious: an entry's title text by its plain title, IDs and date; its positions, and a
 * position touching the edit, by the ranges of the diagnostics themselves, which must move too.
 * Removing one of those leaves the tests passing.
 */
public final class MovedDiagnostics {
    private final List<TextChange> edits;

    private MovedDiagnostics(List<TextChange> edits) {
        this.edits = edits;
    }

    /**
     * The parts that differ between {@code before} and {@code after}, a model of the text {@code edits}
     * made of {@code before}'s, in order: in value, or in a position that did not move as the text
     * did; and the links when one points into another file. Empty when something every check reads differs. None of the edits added or removed a line break.
     */
    public static Optional<Set<ModelPart>> changedParts(Logbook before, Logbook after, List<TextChange> edits) {
        return new MovedDiagnostics(edits).changed(before, after);
    }

    /** {@code diagnostic} where the edits moved it; empty when one of its ranges touches an edit (it may have moved either way, or gone). */
    public static Optional<Diagnostic> moved(Diagnostic diagnostic, List<TextChange> edits) {
        MovedDiagnostics moves = new MovedDiagnostics(edits);
        Optional<TextRange> range = moves.moved(diagnostic.range());
        if (range.isEmpty()) {
            return Optional.empty();
        }
        List<Diagnostic.Related> related = new ArrayList<>(diagnostic.related().size());
        for (Diagnostic.Related other : diagnostic.related()) {
            Optional<TextRange> otherRange = moves.moved(other.range());
            if (otherRange.isEmpty()) {
                return Optional.empty();
            }
            related.add(new Diagnostic.Related(otherRange.get(), other.message()));
        }
        return Optional.of(new Diagnostic(range.get(), diagnostic.code(), diagnostic.severity(), diagnostic.message(), related));
    }

    /** Where the old offset {@code offset} is now; -1 when it touches an edit (it may have moved either way, or gone). */
    private int moved(int offset) {
        for (int i = 0; i < edits.size() && offset >= 0; i++) {
            TextChange edit = edits.get(i);
            offset = offset < edit.replaced().start() ? offset : offset > edit.replaced().end() ? offset + edit.delta() : -1;
        }
        return offset;
    }

    private Optional<TextRange> moved(TextRange range) {
        int from = moved(range.start());
        int to = moved(range.end());
        return from < 0 || to < 0 ? Optional.empty() : Optional.of(TextRange.of(from, to));
    }

    /** The old range {@code before} (its positions off by {@code beforeMove}) is now {@code after} (off by {@code afterMove}). */
    private boolean movedTo(TextRange before, int beforeMove, TextRange after, int afterMove) {
        int from = moved(before.start() + beforeMove);
        int to = moved(before.end() + beforeMove);
        return from >= 0 && to >= 0 && from == after.start() + afterMove && to == after.end() + afterMove;
    }

    /**
     * Every position from {@code start} to {@code end} (of items read unmoved, off by {@code beforeMove})
     * lies on one side of each edit, so moved as one, to where they are now (off by {@code afterMove}).
     */
    private boolean movedWhole(int start, int end, int beforeMove, int afterMove) {
        int from = start + beforeMove;
        int to = end + beforeMove;
        for (TextChange edit : edits) {
            if (from > edit.replaced().end()) {
                from += edit.delta();
                to += edit.delta();
            } else if (to >= edit.replaced().start()) {
                return false;
            }
        }
        return from == start + afterMove && to == end + afterMove;
    }

    /**
     * How many items from {@code index} on both lists are the very same objects (read from one place of
     * one old list: {@link SplicedList#sameSourceRun}) and moved as one with the text, from the first's
     * {@code start} to the last's {@code end}; 0 when not at least two. The lists hold disjoint items in
     * document order, so every position the items hold lies in that span. Comparing a 10,000-entry
     * logbook's lists item by item was half the time of a request after a keystroke.
     */
    private <T> int unchangedRun(List<T> before, List<T> after, int index, Function<T, TextRange> range) {
        int same = SplicedList.sameSourceRun(before, after, index);
        if (same < 2) {
            return 0;
        }
        int start = range.apply(SplicedList.unmoved(before, index)).start();
        int end = range.apply(SplicedList.unmoved(before, index + same - 1)).end();
        return movedWhole(start, end, SplicedList.moveAt(before, index), SplicedList.moveAt(after, index)) ? same : 0;
    }

    private Optional<Set<ModelPart>> changed(Logbook before, Logbook after) {
        if (!before.detection().equals(after.detection()) || !before.conventions().equals(after.conventions())
                || !sameSuppressions(before.suppressions(), after.suppressions())) {
            return Optional.empty();
        }
        Set<ModelPart> changed = EnumSet.noneOf(ModelPart.class);
        // The schemes are those of the entries' IDs, and say which words are IDs, which only the reference check
        // asks (Environment.isId): an ID typed into a new scheme ("e0x9995") ran every check again.
        if (!before.schemes().equals(after.schemes())) {
            changed.add(ModelPart.IDS);
            changed.add(ModelPart.ID_TOKENS);
        }
        if (!sameTemplate(before.template(), after.template())) {
            changed.add(ModelPart.TEMPLATE);
        }
        if (before.entries().size() == after.entries().size()) {
            compareEntries(before.entries(), after.entries(), changed);
        } else {
            // An entry heading broken or mended: the entries are not paired one by one, and all their parts count as changed.
            changed.addAll(ENTRY_PARTS);
        }
        if (!sameTokens(before.idTokens(), after.idTokens(), r -> r.range(), r -> r.id())
                || !sameTokens(before.references(), after.references(), r -> r.range(), r -> r.id())) {
            changed.add(ModelPart.ID_TOKENS);
        }
        if (!TagDeclaration.sameReadings(before.tagDeclarations(), after.tagDeclarations()) || !sameTokens(before.tags(), after.tags(), t -> t.range(), t -> t.name())) {
            changed.add(ModelPart.TAGS);
        }
        if (!sameItems(before.links(), after.links(), l -> l.range(), l -> l.destination() + (l.image() ? "\0image" : ""))
                || !sameItems(before.links(), after.links(), l -> l.destinationRange(), l -> "") || !sameAnchors(before, after)
                || linksIntoOtherFiles(after)) {
            changed.add(ModelPart.LINKS);
        }
        return Optional.of(changed);
    }

    /**
     * A link into another file is checked against the workspace's files and that file's headings,
     * which the caller does not vouch for: the links count as changed.
     */
    private static boolean linksIntoOtherFiles(Logbook logbook) {
        for (var link : logbook.links()) {
            if (link.local() && !link.filePart().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameTemplate(Optional<Template> before, Optional<Template> after) {
        return before.map(Template::sections).equals(after.map(Template::sections));
    }

    /**
     * The anchors' texts, whose slugs links are checked against (the slugs depend on nothing else);
     * no check reports an anchor's position.
     */
    private static boolean sameAnchors(Logbook before, Logbook after) {
        if (before.anchors().size() != after.anchors().size()) {
            return false;
        }
        // Runs of the very same anchors (both versions read them from one old list) are skipped whole:
        // reading 20,000 anchors of each version was a tenth of a request.
        for (int i = 0; i < before.anchors().size(); ) {
            int same = SplicedList.sameSourceRun(before.anchors(), after.anchors(), i);
            if (same > 0) {
                i += same;
                continue;
            }
            if (!SplicedList.unmoved(before.anchors(), i).text().equals(SplicedList.unmoved(after.anchors(), i).text())) {
                return false;
            }
            i++;
        }
        return true;
    }

    private boolean sameSuppressions(List<Suppression> before, List<Suppression> after) {
        if (before.size() != after.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            Suppression old = before.get(i);
            Suppression now = after.get(i);
            int offset = moved(old.offset());
            if (offset < 0 || offset != now.offset() || old.kind() != now.kind() || !old.codes().equals(now.codes())) {
                return false;
            }
        }
        return true;
    }

    /** {@link #sameItems} of words that never nest (IDs, tags), skipping runs of the same objects that moved as one. */
    private <T> boolean sameTokens(List<T> before, List<T> after, Function<T, TextRange> range, Function<T, String> name) {
        return sameItems(before, after, range, name, true);
    }

    private <T> boolean sameItems(List<T> before, List<T> after, Function<T, TextRange> range, Function<T, String> name) {
        return sameItems(before, after, range, name, false);
    }

    /** Items with a name and a reported range: the same names in order, each range moved as the text did. */
    private <T> boolean sameItems(List<T> before, List<T> after, Function<T, TextRange> range, Function<T, String> name, boolean disjoint) {
        if (before.size() != after.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            int unchanged = disjoint ? unchangedRun(before, after, i, range) : 0;
            if (unchanged > 0) {
                i += unchanged - 1;
                continue;
            }
            T old = SplicedList.unmoved(before, i);
            T now = SplicedList.unmoved(after, i);
            int oldMove = SplicedList.moveAt(before, i);
            int nowMove = SplicedList.moveAt(after, i);
            if (old != now && !name.apply(old).equals(name.apply(now)) || !movedTo(range.apply(old), oldMove, range.apply(now), nowMove)) {
                return false;
            }
        }
        return true;
    }

    private static final Set<ModelPart> ENTRY_PARTS = EnumSet.of(ModelPart.HEADINGS, ModelPart.IDS, ModelPart.TITLES, ModelPart.SECTIONS);

    /** Adds each of {@link #ENTRY_PARTS} to {@code changed} when some entry's differ; as many entries in both. */
    private void compareEntries(List<Entry> before, List<Entry> after, Set<ModelPart> changed) {
        for (int i = 0; i < before.size() && !changed.containsAll(ENTRY_PARTS); i++) {
            int unchanged = unchangedRun(before, after, i, Entry::range);
            if (unchanged > 0) {
                i += unchanged - 1;
                continue;
            }
            Entry old = SplicedList.unmoved(before, i);
            Entry now = SplicedList.unmoved(after, i);
            int oldMove = SplicedList.moveAt(before, i);
            int nowMove = SplicedList.moveAt(after, i);
            if (old == now) {
                // A kept entry: all its positions moved together; it must lie wholly on one side of the edit.
                if (!movedTo(old.range(), oldMove, now.range(), nowMove)) {
                    changed.addAll(ENTRY_PARTS);
                }
                continue;
            }
            if (!sameHeadingValues(old, now) || !sameHeadingPositions(old, oldMove, now, nowMove)) {
                changed.add(ModelPart.HEADINGS);
            }
            if (!sameIds(old, oldMove, now, nowMove)) {
                changed.add(ModelPart.IDS);
            }
            if (!old.titleText().equals(now.titleText()) || !old.plainTitle().equals(now.plainTitle())
                    || !movedTo(old.title(), oldMove, now.title(), nowMove)) {
                changed.add(ModelPart.TITLES);
            }
            if (!sameSections(old, oldMove, now, nowMove)) {
                changed.add(ModelPart.SECTIONS);
            }
        }
    }

    /** The same IDs, in order, each moved as the text did. */
    private boolean sameIds(Entry old, int oldMove, Entry now, int nowMove) {
        if (old.ids().size() != now.ids().size()) {
            return false;
        }
        for (int i = 0; i < old.ids().size(); i++) {
            if (!old.ids().get(i).id().equals(now.ids().get(i).id())
                    || !movedTo(old.ids().get(i).range(), oldMove, now.ids().get(i).range(), nowMove)) {
                return false;
            }
        }
        return true;
    }

    /** Everything a check reads of an entry's heading but its title, IDs and positions: level, group, date and display name. */
    private static boolean sameHeadingValues(Entry old, Entry now) {
        if (old.level() != now.level() || old.pseudo() != now.pseudo() || old.group() != now.group()
                || old.date().isPresent() != now.date().isPresent() || !old.displayName().equals(now.displayName())) {
            return false;
        }
        if (old.date().isPresent()) {
            EntryDate a = old.date().get();
            EntryDate b = now.date().get();
            return a.written().equals(b.written()) && a.startDay() == b.startDay() && a.end().equals(b.end())
                    && a.yearSource() == b.yearSource() && a.statedWeekday().equals(b.statedWeekday())
                    && a.weekdayRange().isPresent() == b.weekdayRange().isPresent()
                    && a.ordinalRange().isPresent() == b.ordinalRange().isPresent() && a.expectedOrdinal().equals(b.expectedOrdinal())
                    && a.time().equals(b.time()) && a.problem().equals(b.problem()) && a.alternative().equals(b.alternative())
                    && a.raw().equals(b.raw());
        }
        return true;
    }

    /** An entry's sections read the same (labels, styles, levels, emptiness) and their labels moved as the text did. */
    private boolean sameSections(Entry old, int oldMove, Entry now, int nowMove) {
        if (old.sections().size() != now.sections().size()) {
            return false;
        }
        for (int i = 0; i < old.sections().size(); i++) {
            Section a = old.sections().get(i);
            Section b = now.sections().get(i);
            if (!a.label().equals(b.label()) || a.style() != b.style() || a.level() != b.level() || a.empty() != b.empty()
                    || !movedTo(a.labelRange(), oldMove, b.labelRange(), nowMove)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The positions of an entry's heading a check reports, or counts lines from, moved as the text did:
     * its date and where it starts (its end, like its title's, may hold the edit: the title's
     * range is {@link ModelPart#TITLES}'); an entry's extent, which none reports, may hold the edit.
     */
    private boolean sameHeadingPositions(Entry old, int oldMove, Entry now, int nowMove) {
        TextRange oldStart = TextRange.of(old.heading().start(), old.heading().start());
        if (!movedTo(oldStart, oldMove, TextRange.of(now.heading().start(), now.heading().start()), nowMove)) {
            return false;
        }
        if (old.date().isPresent()) {
            EntryDate a = old.date().get();
            EntryDate b = now.date().get();
            return movedTo(a.range(), oldMove, b.range(), nowMove)
                    && (a.weekdayRange().isEmpty() || movedTo(a.weekdayRange().get(), oldMove, b.weekdayRange().get(), nowMove))
                    && (a.ordinalRange().isEmpty() || movedTo(a.ordinalRange().get(), oldMove, b.ordinalRange().get(), nowMove));
        }
        return true;
    }
}
