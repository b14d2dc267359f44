package org.logbookls.model;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.logbookls.model.HeadingReader.Candidate;
import org.logbookls.syntax.Block;
import org.logbookls.syntax.IncrementalParser;
import org.logbookls.syntax.MaskedText;
import org.logbookls.syntax.SyntaxTree;
import org.logbookls.text.SplicedList;
import org.logbookls.text.Text;
import org.logbookls.text.TextRange;

/**
 * The build after an edit that changed no heading candidate's readings, but for candidates that
 * decide nothing (a sub-heading added or broken): typing in an entry's body, a title's words or a
 * sub-heading's label, which is most edits.
 *
 * <p>Every decision the full build makes over the whole document (is it a logbook, the entry level,
 * which candidates are entries and where each one ends, the date conventions and every entry's date)
 * depends only on the candidates' readings (kind, level, dates, ID list and their text) and on dates
 * kept in tables. So when the region's candidates read as they did before the edit, the entries are
 * the old ones: those before the region as they were, those after it moved by the edit's length, and
 * only those overlapping it read again (title, IDs and sections). A heading whose date, IDs, level or
 * kind changed, a date in a table near the edit, a changed template or a per-day file leave it to the
 * full build. {@code IncrementalAnalysisTest} checks the result equals a build from scratch.
 */
final class KeptEntries {
    /**
     * The entries, the template and the entries' ID lists (sorted) of the new version; the entries
     * {@code [firstRead, endRead)} were read again, the others are the old ones (moved when behind
     * the edit), index for index.
     */
    record Kept(List<Entry> entries, Optional<Template> template, List<TextRange> idLists, int firstRead, int endRead,
            Optional<Set<IdScheme>> schemes, LogbookBuilder.Census census) {
    }

    private KeptEntries() {
    }

    /** The entries of {@code tree} kept from {@code previous}, or empty when the edit may have changed more than their bodies. */
    static Optional<Kept> of(SyntaxTree tree, ModelOptions options, LogbookBuilder.Previous previous, List<Candidate> candidates) {
        Logbook old = previous.built().logbook();
        IncrementalParser.Region region = previous.region();
        // The front matter decides whether a file is a logbook and the year of yearless dates.
        if (old.detection().reason() == Detection.Reason.DATED_FILE
                || tree.frontMatter().isPresent() && region.from() < tree.frontMatter().get().range().end()) {
            return Optional.empty();
        }
        Optional<Moves> moves = Moves.of(tree, options, previous, candidates);
        if (moves.isEmpty()) {
            return Optional.empty();
        }
        SectionLabels baseLabels = SectionLabels.of(options.sectionFamilies(), options.requiredSections());
        // Read with the old template's labels; the template is checked to be the same below.
        SectionReader sections = LogbookBuilder.sectionReader(tree, baseLabels, previous.built().templateLabels());
        int oldTo = region.to() - region.delta();
        int oldLength = previous.textBefore().length();
        // The entries behind the edit are moved when read (a spliced list): moving all of them here
        // made every keystroke keep a new copy of each, half of what a version of a 2 MB logbook held.
        List<Entry> oldEntries = old.entries();
        int head = SplicedList.firstAtOrAfter(oldEntries, entry -> entry.range().end(), region.from());
        // An entry that ran to the end of the text ends at the new end, so it is read again.
        while (head < oldEntries.size() && endOf(oldEntries, head) == region.from() && region.from() != oldLength) {
            head++;
        }
        int tail = Math.max(head, SplicedList.firstAtOrAfter(oldEntries, entry -> entry.range().start(), oldTo));
        Moves m = moves.get();
        // Entry headings that are entries' no more (a closing fence typed into swallows those up to the
        // next fence's end): their bodies join the entry before them, which is read again.
        int removed = -1;
        int removedCount = m.removedAt.length;
        if (removedCount > 0) {
            removed = SplicedList.firstAtOrAfter(oldEntries, entry -> entry.heading().start(), m.removedAt[0]);
            if (removed == 0 || removed + removedCount > tail || endOf(oldEntries, removed - 1) != m.removedAt[0]) {
                return Optional.empty();
            }
            // One after the other, each ending where the next starts: the entry before takes all they held.
            for (int k = 0; k < removedCount; k++) {
                if (startOf(oldEntries, removed + k) != m.removedAt[k]
                        || k + 1 < removedCount && endOf(oldEntries, removed + k) != m.removedAt[k + 1]) {
                    return Optional.empty();
                }
            }
            head = Math.min(head, removed - 1);
        }
        List<Entry> read = new ArrayList<>(tail - head + m.addedAt.length);
        List<TextRange> regionIdLists = new ArrayList<>();
        boolean idsChanged = m.toggles();
        int added = 0;
        for (int i = head; i < tail; i++) {
            if (i >= removed && i < removed + removedCount) {
                continue;
            }
            Entry entry = oldEntries.get(i);
            // The entry before removed ones ends where the last of them did.
            Entry last = i + 1 == removed ? oldEntries.get(removed + removedCount - 1) : entry;
            int start = m.now(entry.heading().start());
            int end = last.range().end() == oldLength ? tree.text().length() : m.now(last.range().end());
            if (start < 0 || end < 0) {
                return Optional.empty();
            }
            // Headings that became entries' split the entry they were in: it ends at the first, each runs to the next.
            int cut = firstAfter(m.addedAt, start);
            int to = cut < m.addedAt.length && m.addedAt[cut] < end ? m.addedAt[cut] : end;
            Optional<Entry> again = readAgain(tree, options, old.conventions(), entry, start, to, m, candidates, sections, regionIdLists);
            if (again.isEmpty()) {
                return Optional.empty();
            }
            idsChanged |= !Entry.sameIds(entry, again.get());
            read.add(again.get());
            for (; cut < m.addedAt.length && m.addedAt[cut] < end; cut++) {
                int next = cut + 1 < m.addedAt.length && m.addedAt[cut + 1] < end ? m.addedAt[cut + 1] : end;
                Optional<Entry> newEntry = readAgain(tree, options, old.conventions(), entry, m.addedAt[cut], next, m, candidates, sections,
                        regionIdLists);
                if (newEntry.isEmpty()) {
                    return Optional.empty();
                }
                read.add(newEntry.get());
                added++;
            }
        }
        if (added != m.addedAt.length || m.rereadCount > 0
                && read.stream().filter(entry -> m.reread(entry.heading().start())).count() != m.rereadCount) {
            // A heading read anew that is no entry's (it would start one the old build did not have).
            return Optional.empty();
        }
        List<Entry> entries = SplicedList.builder(Entry::shift).add(oldEntries, 0, head, 0).addAll(read, 0)
                .add(oldEntries, tail, oldEntries.size(), region.delta()).build();
        int firstRead = head;
        int endRead = tail;
        Optional<Template> template = template(tree, baseLabels, entries, previous, m.toggles());
        List<String> templateLabels = template.map(t -> t.sections().stream().map(Template.TemplateSection::label).toList())
                .orElse(List.of());
        if (!templateLabels.equals(previous.built().templateLabels())) {
            return Optional.empty();
        }
        List<TextRange> oldIdLists = previous.built().idLists();
        int before = SplicedList.firstAtOrAfter(oldIdLists, TextRange::start, region.from());
        int after = SplicedList.firstAtOrAfter(oldIdLists, TextRange::start, oldTo);
        List<TextRange> idLists = SplicedList.builder(TextRange::shift).add(oldIdLists, 0, before, 0).addAll(regionIdLists, 0)
                .add(oldIdLists, after, oldIdLists.size(), region.delta()).build();
        // The ID schemes are those of every entry's IDs: looked at only when an entry's IDs changed (a heading's ID typed into).
        Optional<Set<IdScheme>> schemes = idsChanged ? changedSchemes(old.schemes(), oldEntries, head, tail, read, entries) : Optional.empty();
        return Optional.of(new Kept(entries, template, idLists, firstRead, endRead, schemes, m.census));
    }

    /**
     * The schemes of every entry of {@code entries} (the old ones, those from {@code head} to {@code tail}
     * replaced by {@code read}) when they differ from {@code old}, the old entries' schemes; empty when
     * they are the same. They are when the IDs read again are in old schemes and each scheme of the
     * IDs replaced is still some entry's — nearly always found among the first entries.
     *
     * <p>Why: an entry heading broken or mended changes the entries' IDs, and collecting the schemes of
     * all 10,000 entries' IDs again, for the same set, was a tenth of such a keystroke's work.
     */
    private static Optional<Set<IdScheme>> changedSchemes(Set<IdScheme> old, List<Entry> oldEntries, int head, int tail, List<Entry> read,
            List<Entry> entries) {
        for (Entry entry : read) {
            for (IdDefinition id : entry.ids()) {
                Optional<IdScheme> scheme = IdScheme.of(id.id());
                if (scheme.isPresent() && !old.contains(scheme.get())) {
                    return Optional.of(schemes(entries));
                }
            }
        }
        Set<IdScheme> replaced = new LinkedHashSet<>();
        for (int i = head; i < tail; i++) {
            for (IdDefinition id : SplicedList.unmoved(oldEntries, i).ids()) {
                IdScheme.of(id.id()).ifPresent(replaced::add);
            }
        }
        for (IdScheme scheme : replaced) {
            if (!usedBy(entries, scheme)) {
                return Optional.of(schemes(entries)).filter(now -> !now.equals(old));
            }
        }
        return Optional.empty();
    }

    /** Whether some entry of {@code entries} defines an ID in {@code scheme}. */
    private static boolean usedBy(List<Entry> entries, IdScheme scheme) {
        for (int i = 0; i < entries.size(); i++) {
            List<IdDefinition> ids = SplicedList.unmoved(entries, i).ids();
            for (int k = 0; k < ids.size(); k++) {
                if (scheme.isSchemeOf(ids.get(k).id())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The schemes of every entry's IDs, as the full build collects them. */
    private static Set<IdScheme> schemes(List<Entry> entries) {
        Set<IdScheme> schemes = new LinkedHashSet<>();
        IdScheme last = null;
        for (int i = 0; i < entries.size(); i++) {
            // Indexed: an iterator per entry was a twentieth of what a heading keystroke allocated.
            List<IdDefinition> ids = SplicedList.unmoved(entries, i).ids();
            for (int k = 0; k < ids.size(); k++) {
                last = LogbookBuilder.addScheme(schemes, last, ids.get(k).id());
            }
        }
        return schemes;
    }

    /** The index of the first of {@code sorted} above {@code offset}. */
    private static int firstAfter(int[] sorted, int offset) {
        int index = 0;
        while (index < sorted.length && sorted[index] <= offset) {
            index++;
        }
        return index;
    }

    /** Where the entry at {@code index} ends, read without moving it. */
    private static int endOf(List<Entry> entries, int index) {
        return SplicedList.unmoved(entries, index).range().end() + SplicedList.moveAt(entries, index);
    }

    /** Where the entry at {@code index} starts, read without moving it. */
    private static int startOf(List<Entry> entries, int index) {
        return SplicedList.unmoved(entries, index).range().start() + SplicedList.moveAt(entries, index);
    }

    /**
     * The entry whose heading now starts at {@code start} and which ends at {@code end}, read again:
     * {@code entry} itself where it is now, or, when a heading became an entry's, the new entry (in the
     * group of {@code entry}, the one it was in). Empty when its date may have changed.
     */
    private static Optional<Entry> readAgain(SyntaxTree tree, ModelOptions options, DateConventions conventions, Entry entry, int start,
            int end, Moves moves, List<Candidate> candidates, SectionReader sections, List<TextRange> regionIdLists) {
        int index = HeadingReader.firstFrom(candidates, start);
        if (index == candidates.size() || candidates.get(index).heading().start() != start) {
            return Optional.empty();
        }
        Candidate candidate = candidates.get(index);
        int bodyStart = candidate.heading().end();
        boolean reread = moves.reread(start);
        if (candidate.leadingDate().isEmpty() && candidate.trailingDate().isEmpty()) {
            // A date in a table in the body comes first, and the body is what changed.
            boolean dateFromTable = entry.date().isPresent() && !entry.heading().contains(entry.date().get().range());
            // Without one, a title that looks like a date but is no whole one ("22.0") is the date: typed into, it is another.
            boolean titleChanged = !reread && entry.date().isPresent() && !entry.titleText().equals(candidate.title().of(tree.text()));
            if (dateFromTable || titleChanged || LogbookBuilder.tableDate(tree, bodyStart, end, tree.firstBlockFrom(bodyStart)).isPresent()) {
                return Optional.empty();
            }
        }
        LogbookBuilder.Draft draft = new LogbookBuilder.Draft();
        draft.heading = candidate.heading();
        draft.title = candidate.title();
        // As the full build reads them from the candidate: a date line is at the entry level.
        draft.level = candidate.kind() == HeadingReader.Kind.DATE_LINE ? entry.level() : candidate.level();
        draft.pseudo = candidate.kind() != HeadingReader.Kind.HEADING;
        draft.idList = candidate.idList();
        draft.end = end;
        draft.group = entry.group();
        draft.ids = LogbookBuilder.ids(tree.maskedText(), draft.idList, options);
        if (start >= moves.from) {
            candidate.idList().ifPresent(regionIdLists::add);
        }
        int move = start - entry.heading().start();
        // The date is read from the heading: when it reads as before, the same date moved with the heading; when
        // it was typed into, read again alone (Moves made sure no other date or decision depends on it).
        Optional<EntryDate> date = reread ? dateAlone(tree.text(), candidate, conventions) : entry.date().map(d -> d.shift(move));
        List<Section> entrySections = sections.read(bodyStart, end, tree.firstBlockFrom(bodyStart));
        return Optional.of(LogbookBuilder.entry(draft, tree, date, entrySections));
    }

    /** The date of a heading read alone, as the full build reads it: its leading or trailing date, else its title if it looks like one. */
    private static Optional<EntryDate> dateAlone(Text text, Candidate candidate, DateConventions conventions) {
        Optional<DateMention> mention = candidate.leadingDate().or(candidate::trailingDate);
        if (mention.isPresent()) {
            return Optional.of(DateResolver.resolveAlone(LogbookBuilder.input(text, mention.get()), conventions));
        }
        if (candidate.dateLike()) {
            return Optional.of(DateResolver.resolveAlone(new DateResolver.Input(candidate.title().of(text), candidate.title(), Optional.empty(), ""),
                    conventions));
        }
        return Optional.empty();
    }

    /**
     * The template before the edit (moved if it lies after the region) when the edit cannot have
     * changed it: it does not overlap the region, no heading or HTML comment in the region may
     * start one, the region is not inside a part headed like instructions, and no entry heading that
     * came or went ({@code toggles}) may end one. Else it is read again: reading it looks at every
     * heading of the document.
     *
     * <p>The sections of a template headed like instructions end at the next entry heading (an
     * example entry in a comment is read without the entry headings): one that came or went moves
     * the end of such a template, if there is one. A part headed like instructions that had no
     * sections before the edit gets its first from a label typed into one of its list items; only a
     * heading between the entry heading before the region and the region can head that part. The
     * reparsed region began at a heading until paragraphs and list items bounded it too, so it held
     * the part's heading then; now a keystroke in "- Context" under "## Instructions" reparses that
     * item alone (found by the fuzzer). Reading the template again after every entry heading broken
     * or mended was a tenth of such a keystroke.
     */
    private static Optional<Template> template(SyntaxTree tree, SectionLabels labels, List<Entry> entries,
            LogbookBuilder.Previous previous, boolean toggles) {
        IncrementalParser.Region region = previous.region();
        int oldTo = region.to() - region.delta();
        int entryLevel = previous.built().entryLevel();
        Optional<Template> old = previous.built().logbook().template();
        boolean overlaps = old.isPresent() && old.get().range().end() > region.from() && old.get().range().start() < oldTo;
        boolean mayEnd = toggles && old.filter(template -> template.origin() == Template.Origin.INSTRUCTIONS).isPresent();
        if (mayEnd || overlaps || mayStartTemplate(tree, region, entryLevel) || mayHeadTemplateBefore(tree, entries, region, entryLevel)) {
            return TemplateReader.read(tree, labels, headings(entries), entryLevel);
        }
        return old.map(template -> template.range().start() >= oldTo ? template.shift(region.delta()) : template);
    }

    /** Whether a heading from the last entry heading before the region up to the region may head instructions. */
    private static boolean mayHeadTemplateBefore(SyntaxTree tree, List<Entry> entries, IncrementalParser.Region region, int entryLevel) {
        int before = SplicedList.firstAtOrAfter(entries, entry -> entry.heading().start(), region.from()) - 1;
        int from = before < 0 ? 0 : entries.get(before).heading().start();
        List<SyntaxTree.Heading> headings = tree.headings();
        for (int h = tree.firstHeadingFrom(region.from()) - 1; h >= 0; h--) {
            Block block = headings.get(h).block();
            if (block.start() < from) {
                break;
            }
            if (block.depth() == 0 && block.level() <= entryLevel && TemplateReader.mayBeInstructions(tree.text(), block.content())) {
                return true;
            }
        }
        return false;
    }

    private static boolean mayStartTemplate(SyntaxTree tree, IncrementalParser.Region region, int entryLevel) {
        List<SyntaxTree.Heading> headings = tree.headings();
        for (int h = tree.firstHeadingFrom(region.from()); h < headings.size(); h++) {
            Block block = headings.get(h).block();
            if (block.start() >= region.to()) {
                break;
            }
            if (block.depth() == 0 && block.level() <= entryLevel && TemplateReader.mayBeInstructions(tree.text(), block.content())) {
                return true;
            }
        }
        List<SyntaxTree.HtmlComment> comments = tree.htmlComments();
        int first = SplicedList.firstAtOrAfter(comments, comment -> comment.range().end(), region.from() + 1);
        return first < comments.size() && comments.get(first).range().start() < region.to();
    }

    /** The entries' headings, as a view: the template reader looks at them only if some heading may be instructions. */
    private static List<TextRange> headings(List<Entry> entries) {
        return new AbstractList<>() {
            @Override
            public TextRange get(int index) {
                return entries.get(index).heading();
            }

            @Override
            public int size() {
                return entries.size();
            }
        };
    }

    /**
     * Where the old candidates went. Those before the region stayed, those after it moved by the
     * edit's length, and each one inside it moved by 0 or by that length. Exists only when the region's
     * candidates are the old ones, read as values and as text, but for headings that decide nothing
     * ({@link #bystander}), which may come and go, entry headings whose date or IDs changed alone
     * ({@link #entryAlone}), and entry headings that became no entries' or headings that became
     * entries' ({@link #toggled}), one way only.
     */
    private static final class Moves {
        /** At most this many entry headings come or go in one edit; more are left to the full build. */
        private static final int MAX_TOGGLED = 64;
        /**
         * The places tried for the headings that came or went, from the first candidate that reads
         * otherwise than before: each try walks the region, and trying every place took 30-250 ms for a
         * paste over 500 headings that broke 40 of them.
         */
        private static final int MAX_TRIES = 5;
        final int from;
        final int oldTo;
        final int delta;
        final List<Candidate> old;
        /** The indexes of the old candidates of the region that are no bystanders and still there, and where each one moved. */
        final int[] oldIndexes;
        final int[] moves;
        /** Where the entry headings whose date or IDs changed (or which became entries' headings) start now, in order. */
        final int[] rereadStarts;
        final int rereadCount;
        /** The whole-document counts with those headings' new readings. */
        final LogbookBuilder.Census census;
        /** Where the entry headings that are no entries' now started (in the old text), in order. */
        final int[] removedAt;
        /** Where the headings that are entries' now start (in the new text), in order. */
        final int[] addedAt;

        private Moves(IncrementalParser.Region region, List<Candidate> old, int[] oldIndexes, int[] moves, int[] rereadStarts,
                int rereadCount, LogbookBuilder.Census census, int[] removedAt, int[] addedAt) {
            this.from = region.from();
            this.oldTo = region.to() - region.delta();
            this.delta = region.delta();
            this.old = old;
            this.oldIndexes = oldIndexes;
            this.moves = moves;
            this.rereadStarts = rereadStarts;
            this.rereadCount = rereadCount;
            this.census = census;
            this.removedAt = removedAt;
            this.addedAt = addedAt;
        }

        /** Whether the entry heading now starting at {@code start} was typed into: its date and IDs are read again. */
        boolean reread(int start) {
            return rereadCount > 0 && Arrays.binarySearch(rereadStarts, 0, rereadCount, start) >= 0;
        }

        /** Whether an entry heading came or went. */
        boolean toggles() {
            return removedAt.length > 0 || addedAt.length > 0;
        }

        static Optional<Moves> of(SyntaxTree tree, ModelOptions options, LogbookBuilder.Previous previous, List<Candidate> now) {
            IncrementalParser.Region region = previous.region();
            LogbookBuilder.Built built = previous.built();
            List<Candidate> old = built.candidates();
            int nowFirst = HeadingReader.firstFrom(now, region.from());
            int nowEnd = HeadingReader.firstFrom(now, region.to());
            int oldFirst = HeadingReader.firstFrom(old, region.from());
            int oldEnd = HeadingReader.firstFrom(old, region.to() - region.delta());
            // An entry's group is the index of a candidate: one more or fewer before it renumbers it.
            if (nowEnd - nowFirst != oldEnd - oldFirst && built.lastGroup() >= oldFirst) {
                return Optional.empty();
            }
            int[] olds = deciding(old, oldFirst, oldEnd, built);
            int[] nows = deciding(now, nowFirst, nowEnd, built);
            Pairing pairing = new Pairing(tree, options, previous, now, olds, nows);
            if (olds.length == nows.length) {
                return pairing.pair(-1, -1, 0, 0);
            }
            int count = Math.abs(olds.length - nows.length);
            int longer = Math.max(olds.length, nows.length);
            if (count > MAX_TOGGLED) {
                return Optional.empty();
            }
            // Candidates fewer or more, one after the other: "x## 2024-03-12" typed, or undone, or a closing fence
            // typed into, which swallows the headings up to the next fence's end. Where they were is tried in turn,
            // from the first candidate that does not read as it did (those before it are no doubt the same).
            boolean fewer = olds.length > nows.length;
            int first = pairing.sameFromTheStart();
            for (int k = first; k + count <= longer && k < first + MAX_TRIES; k++) {
                Optional<Moves> moves = fewer ? pairing.pair(k, -1, count, first) : pairing.pair(-1, k, count, first);
                if (moves.isPresent()) {
                    return moves;
                }
            }
            return Optional.empty();
        }

        /** The indexes of the candidates from {@code first} to {@code end} that are no {@link #bystander}s. */
        private static int[] deciding(List<Candidate> candidates, int first, int end, LogbookBuilder.Built built) {
            int[] indexes = new int[end - first];
            int count = 0;
            for (int i = first; i < end; i++) {
                if (!bystander(candidates.get(i), built)) {
                    indexes[count++] = i;
                }
            }
            return Arrays.copyOf(indexes, count);
        }

        /** The old and new deciding candidates of the region, paired in order. */
        private record Pairing(SyntaxTree tree, ModelOptions options, LogbookBuilder.Previous previous, List<Candidate> now, int[] olds,
                int[] nows) {
            /**
             * The moves when the old candidates (but {@code toggled} from {@code gone}, an index into
             * {@code olds}, or none when -1) are the new ones (but {@code toggled} from {@code come}, an
             * index into {@code nows}, or none when -1), in order, each read as before or re-read alone,
             * with entry headings toggled only one way; else empty. The first {@code known} of each are
             * known to read as each other ({@link #sameFromTheStart}), before any that came or went.
             */
            Optional<Moves> pair(int gone, int come, int toggled, int known) {
                Attempt attempt = new Attempt(previous.built(), olds.length, nows.length);
                List<Candidate> old = attempt.built.candidates();
                IncrementalParser.Region region = previous.region();
                int[] oldIndexes = new int[olds.length];
                int[] moves = new int[olds.length];
                int count = 0;
                int i = 0;
                int j = 0;
                while (i < olds.length || j < nows.length) {
                    if (gone >= 0 && i >= gone && i < gone + toggled) {
                        Candidate before = old.get(olds[i++]);
                        if (!attempt.toggle(before, null, true, before.heading().start())) {
                            return Optional.empty();
                        }
                        continue;
                    }
                    if (come >= 0 && j >= come && j < come + toggled) {
                        Candidate after = now.get(nows[j++]);
                        if (!attempt.toggle(after, null, false, after.heading().start())) {
                            return Optional.empty();
                        }
                        continue;
                    }
                    if (i == olds.length || j == nows.length) {
                        return Optional.empty();
                    }
                    Candidate before = old.get(olds[i]);
                    Candidate after = now.get(nows[j]);
                    int move = after.heading().start() - before.heading().start();
                    if (move != 0 && move != region.delta()) {
                        return Optional.empty();
                    }
                    Candidate moved = move == 0 ? before : before.shift(move);
                    if ((i != j || i >= known) && !readsAsBefore(before, moved, after)) {
                        Optional<LogbookBuilder.Census> alone = entryAlone(moved, after, attempt.census, options, tree, attempt.built);
                        // Else the same line may be an entry heading before and none now ("## 2024-0x3-12"), or the reverse.
                        boolean sameLine = gone < 0 && come < 0 && moved.heading().start() == after.heading().start();
                        if (alone.isPresent()) {
                            attempt.census = alone.get();
                            attempt.reread(after.heading().start());
                        } else if (!sameLine || !(inert(after, attempt.built) ? attempt.toggle(moved, after, true, before.heading().start())
                                : inert(moved, attempt.built) && attempt.toggle(after, moved, false, after.heading().start()))) {
                            return Optional.empty();
                        }
                    }
                    oldIndexes[count] = olds[i++];
                    moves[count++] = move;
                    j++;
                }
                return Optional.of(new Moves(region, old, Arrays.copyOf(oldIndexes, count), Arrays.copyOf(moves, count), attempt.rereadStarts,
                        attempt.rereadCount, attempt.census, Arrays.copyOf(attempt.removedAt, attempt.removedCount),
                        Arrays.copyOf(attempt.addedAt, attempt.addedCount)));
            }

            /** How many of the old and new deciding candidates, from the first, read as each other in turn. */
            int sameFromTheStart() {
                List<Candidate> old = previous.built().candidates();
                int same = 0;
                while (same < olds.length && same < nows.length) {
                    Candidate before = old.get(olds[same]);
                    Candidate after = now.get(nows[same]);
                    int move = after.heading().start() - before.heading().start();
                    if (move != 0 && move != previous.region().delta() || !readsAsBefore(before, move == 0 ? before : before.shift(move), after)) {
                        break;
                    }
                    same++;
                }
                return same;
            }

            /** Whether {@code after} reads as {@code before} ({@code moved} where it is now) did: the same readings and text. */
            private boolean readsAsBefore(Candidate before, Candidate moved, Candidate after) {
                return sameReadings(after, moved) && readText(after, tree.text()).equals(readText(before, previous.textBefore()))
                        && readText(after, tree.maskedText()).equals(readText(before, previous.maskedBefore()));
            }

            /** One pairing's running counts and findings. */
            private final class Attempt {
                final LogbookBuilder.Built built;
                LogbookBuilder.Census census;
                final int[] rereadStarts;
                int rereadCount;
                final int[] removedAt;
                int removedCount;
                final int[] addedAt;
                int addedCount;

                Attempt(LogbookBuilder.Built built, int olds, int nows) {
                    this.built = built;
                    this.census = built.census();
                    this.rereadStarts = new int[nows];
                    this.removedAt = new int[olds];
                    this.addedAt = new int[nows];
                }

                void reread(int start) {
                    rereadStarts[rereadCount++] = start;
                }

                /**
                 * {@code entry} gone ({@code removed}, its heading at {@code at} in the old text) or come
                 * (at {@code at} in the new text, where it is read), {@code other} in its place; false when
                 * that changes more ({@link #toggled}) or one already went the other way.
                 */
                boolean toggle(Candidate entry, Candidate other, boolean removed, int at) {
                    if (removed ? addedCount > 0 : removedCount > 0) {
                        return false;
                    }
                    Optional<LogbookBuilder.Census> changed = toggled(entry, other, removed, census, options, tree, built);
                    if (changed.isEmpty()) {
                        return false;
                    }
                    census = changed.get();
                    if (removed) {
                        removedAt[removedCount++] = at;
                    } else {
                        addedAt[addedCount++] = at;
                        reread(at);
                    }
                    return true;
                }
            }
        }

        /**
         * The counts of the whole document with {@code entry}, an entry heading, gone ({@code removed})
         * or come, {@code other} in its stead or before it (an {@link #inert} candidate at its place, as
         * the caller found, or null for none), when no other entry changes but the one before it (which
         * takes its body) or the one it was in (which it splits); else empty.
         *
         * <p>Why: a keystroke that breaks an entry heading's date or its "##" ("## 2024-0x3-12"), and
         * its undo, took the build from scratch: on a 10,000-entry logbook 6-8 ms and 10,000 drafts,
         * and a tenth of a logbook's keystrokes are in entry headings. It is when: {@code entry} is a
         * heading surely an entry ({@link #surelyEntry}) at the entry level and every entry is at that
         * level (so a heading at that level that is no entry neither ends one nor heads a group); its
         * date, if any, decides no other (and every date was decided by its own text); no ID list is
         * unbracketed; and the detection and the two-numeric-dates rule come out the same. The entry
         * level, counted over headings with a date or IDs, stays: with bracketed lists and uniform
         * levels those are all entries at that level.
         */
        private static Optional<LogbookBuilder.Census> toggled(Candidate entry, Candidate other, boolean removed,
                LogbookBuilder.Census census, ModelOptions options, SyntaxTree tree, LogbookBuilder.Built built) {
            if (!census.datesIndependent() || census.unbracketedIds() || entry.kind() != HeadingReader.Kind.HEADING || !surelyEntry(entry)
                    || entry.level() != built.entryLevel() || !built.uniformLevels() || !decidesNoOtherDate(entry)) {
                return Optional.empty();
            }
            LogbookBuilder.Census now = removed ? census.replacing(entry, other) : census.replacing(other, entry);
            return sameDecisions(census, now, options, tree, built) ? Optional.of(now) : Optional.empty();
        }

        /**
         * A candidate that is no entry and changes no other: no date, no IDs, not date-like, and a
         * paragraph or a heading no higher than the entries (it neither ends one nor heads a group
         * when every entry is at the entry level).
         */
        private static boolean inert(Candidate candidate, LogbookBuilder.Built built) {
            return !candidate.dated() && candidate.idList().isEmpty() && !candidate.dateLike()
                    && (candidate.kind() == HeadingReader.Kind.HASH_PARAGRAPH
                            || candidate.kind() == HeadingReader.Kind.HEADING && candidate.level() >= built.entryLevel());
        }

        /**
         * The decisions over the whole document read from the counts are the same with {@code now} as
         * with {@code census}: the detection, the two-numeric-dates rule and the entry level (the last
         * entry heading at its level removed, the level the date lines' entries take changed: the
         * fuzzer found a model kept with the old one).
         */
        private static boolean sameDecisions(LogbookBuilder.Census census, LogbookBuilder.Census now, ModelOptions options, SyntaxTree tree,
                LogbookBuilder.Built built) {
            return !now.unbracketedIds() && (now.numericLeading() >= 2) == (census.numericLeading() >= 2)
                    && now.entryLevel() == built.entryLevel()
                    && LogbookDetector.detect(options, tree.frontMatter(), now.leadingDated(), now.idHeadings())
                            .equals(built.logbook().detection());
        }

        /**
         * The counts of the whole document with {@code before} (an entry heading, moved) read as
         * {@code after}, when that changes nothing but its entry's date, IDs and title; else empty.
         *
         * <p>Why: a keystroke in an entry heading's date or ID list (a tenth of a logbook's keystrokes)
         * took the build from scratch, 6–8 ms and 10,000 drafts on a 10,000-entry logbook, for a change
         * that is nearly always its entry's alone. It is when: both readings are surely entries (a
         * leading date, or a bracketed ID list: the entry level and the other headings' entries stay as
         * they were), of the same kind and level at the same place; no date of the document takes its
         * year from another and the chronology did not choose the day/month order, and neither date
         * here is numeric or yearless (the other dates, the order and its evidence stay); no ID list is
         * unbracketed (those are entries when their scheme is used twice); and the document's detection
         * and the two-numeric-dates rule for date-like titles come out the same with the new counts.
         */
        private static Optional<LogbookBuilder.Census> entryAlone(Candidate before, Candidate after, LogbookBuilder.Census census,
                ModelOptions options, SyntaxTree tree, LogbookBuilder.Built built) {
            if (!census.datesIndependent() || census.unbracketedIds() || before.kind() != after.kind()
                    || before.kind() == HeadingReader.Kind.BANNER || before.level() != after.level()
                    || before.heading().start() != after.heading().start() || !surelyEntry(before) || !surelyEntry(after)
                    || !decidesNoOtherDate(before) || !decidesNoOtherDate(after)) {
                return Optional.empty();
            }
            LogbookBuilder.Census now = census.replacing(before, after);
            return sameDecisions(census, now, options, tree, built) ? Optional.of(now) : Optional.empty();
        }

        /** Taken as an entry whatever the other headings are: it leads with a date or has a bracketed ID list. */
        private static boolean surelyEntry(Candidate candidate) {
            return candidate.leadingDate().isPresent() || candidate.idList().isPresent() && candidate.bracketed();
        }

        /** Its date, if it has one in the heading, decides nothing for the others. */
        private static boolean decidesNoOtherDate(Candidate candidate) {
            Optional<DateMention> mention = candidate.leadingDate().or(candidate::trailingDate);
            return mention.isEmpty() || DateResolver.decidesNothingElse(mention.get());
        }

        /**
         * A heading that decides nothing over the whole document: no date, no IDs, not date-like, and
         * deeper than every entry, so it neither ends one nor heads a group ("### Results" under "##
         * 2024-03-12"). Adding, breaking ("x### Results") or mending one changes only the sections of
         * the entry it is in, which are read again; before, a keystroke in the first characters of a
         * sub-heading rebuilt the whole model.
         */
        private static boolean bystander(Candidate candidate, LogbookBuilder.Built built) {
            return candidate.kind() == HeadingReader.Kind.HEADING && !candidate.dated() && candidate.idList().isEmpty()
                    && !candidate.dateLike() && candidate.level() > Math.max(built.entryLevel(), built.deepestLevel());
        }

        /**
         * Whether a candidate reads as its old self (moved as its heading did): its kind, level, dates,
         * ID list and where its title starts. The rest of its title is read again with its entry, and
         * no decision over the whole document reads it: typing a title's words or a sub-heading's
         * label (a tenth of all keystrokes in a logbook of short entries) keeps the entries.
         */
        private static boolean sameReadings(Candidate now, Candidate moved) {
            return now.heading().start() == moved.heading().start() && now.title().start() == moved.title().start()
                    && now.level() == moved.level() && now.kind() == moved.kind() && now.dateLike() == moved.dateLike()
                    && now.leadingDate().equals(moved.leadingDate()) && now.trailingDate().equals(moved.trailingDate())
                    && now.idList().equals(moved.idList());
        }

        /**
         * A candidate's text from its heading's start to the end of the last thing it reads (a date,
         * its weekday or ordinal, the ID list): a candidate holds ranges and readings, not text, so an
         * ID changed in its list (e0001 to e0002) reads the same and only this text tells.
         */
        private static String readText(Candidate candidate, CharSequence text) {
            int end = candidate.title().start();
            for (Optional<DateMention> date : List.of(candidate.leadingDate(), candidate.trailingDate())) {
                if (date.isPresent()) {
                    end = Math.max(end, date.get().range().end());
                    end = Math.max(end, date.get().weekdayRange().map(TextRange::end).orElse(end));
                    end = Math.max(end, date.get().ordinalRange().map(TextRange::end).orElse(end));
                }
            }
            end = Math.max(end, candidate.idList().map(TextRange::end).orElse(end));
            return text.subSequence(candidate.heading().start(), Math.min(end, text.length())).toString();
        }

        /** Where the old candidate heading that started at {@code oldStart} (or the old text's end) starts now; -1 if none did. */
        int now(int oldStart) {
            if (oldStart < from) {
                return oldStart;
            }
            if (oldStart >= oldTo) {
                return oldStart + delta;
            }
            int index = HeadingReader.firstFrom(old, oldStart);
            int at = Arrays.binarySearch(oldIndexes, index);
            if (at < 0 || old.get(index).heading().start() != oldStart) {
                return -1;
            }
            return oldStart + moves[at];
        }
    }
}
