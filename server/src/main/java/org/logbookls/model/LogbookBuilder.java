package org.logbookls.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.logbookls.model.HeadingReader.Candidate;
import org.logbookls.model.HeadingReader.Kind;
import org.logbookls.syntax.Block;
import org.logbookls.syntax.BlockKind;
import org.logbookls.syntax.FrontMatter;
import org.logbookls.syntax.IncrementalParser;
import org.logbookls.syntax.MaskedText;
import org.logbookls.syntax.SyntaxTree;
import org.logbookls.syntax.SyntaxTree.HtmlComment;
import org.logbookls.text.LineIndex;
import org.logbookls.text.SplicedList;
import org.logbookls.text.Text;
import org.logbookls.text.TextRange;

/**
 * Lowers a {@link SyntaxTree} into a {@link Logbook}.
 *
 * <p>Never fails: any tree gives a model. Entries are the headings (or heading-like lines) that
 * carry a leading date or define experiment IDs, plus headings at the entries' own level that end
 * with a date. An entry runs to the next entry or the next heading of a higher rank; headings of
 * the same rank that carry no date ("### Initial Setup" right after "### 10/12/24") belong to it.
 */
public final class LogbookBuilder {
    private static final Pattern SUPPRESSION = Pattern.compile(
            "^\\s*logbook-(disable-next-line|disable|enable)\\b([\\s\\S]*)$");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19\\d\\d|20\\d\\d)(?!\\d)");
    private static final Pattern TABLE_START = Pattern.compile("(?i)^(start(ed)?( date)?|date|begin|from|started on)$");
    private static final Pattern TABLE_END = Pattern.compile("(?i)^(end( date)?|finish(ed)?( date)?|until|to|ended)$");
    private static final int NO_HEADING_LEVEL = 7;
    /** From this length on, the independent passes of a build run on every core. */
    private static final int PARALLEL_CHARS = 128 * 1024;
    /** Fewer entries to read are read on one core: the work of each is small. */
    private static final int PARALLEL_ENTRIES = 256;

    private LogbookBuilder() {
    }

    public static Logbook build(SyntaxTree tree, ModelOptions options) {
        return build(tree, options, Optional.empty()).logbook();
    }

    /**
     * A model and what building it read that the next version's build can reuse: the heading
     * candidates (each depends on its own line only), the template labels the sections were read
     * with, and the ID lists of the entry headings (which the ID tokens leave out). {@code names}
     * stands for what the model names (entries' IDs, plain titles and dates; ID tokens; tags; tag
     * declarations): two models with the same {@code names} object name the same things, though their
     * positions may differ. A version whose kept entries and region name what the last version's did
     * passes its object on ({@link Names}); every other build makes a new one. {@code deepestLevel} and
     * {@code shallowestLevel} are the deepest and the shallowest level of an entry, and {@code lastGroup}
     * the last candidate that heads an entry's group (-1 if none): a heading below both decides nothing
     * over the whole document, and when every entry is at the entry level an entry heading can come or
     * go without changing another entry but the one before it ({@link KeptEntries}).
     */
    public record Built(Logbook logbook, List<Candidate> candidates, int entryLevel, int deepestLevel, int shallowestLevel,
            int lastGroup, List<String> templateLabels, List<TextRange> idLists, boolean keyHeadings, Object names, Census census) {
        /** The model alone, without what only the next version's build reuses: for a document no edit will follow. */
        public Built forgotten() {
            return new Built(logbook, List.of(), entryLevel, deepestLevel, shallowestLevel, lastGroup, templateLabels, List.of(), keyHeadings,
                    names, census);
        }

        /** Whether every entry is at the entry level (a logbook without entries too). */
        boolean uniformLevels() {
            return logbook.entries().isEmpty() || deepestLevel == entryLevel && shallowestLevel == entryLevel;
        }
    }

    /**
     * What the decisions over the whole document counted among the candidates and read from the
     * dates: how many headings lead with a date, how many are headings with a bracketed ID list, how
     * many lead with a date that is not written with a month name, whether any ID list is unbracketed,
     * and whether every date was decided by its own text alone ({@link DateResolver.Result#independent}).
     * A heading whose date or IDs changed moves the first three by one at most; when the decisions
     * come out the same with the new counts, only its entry changes ({@link KeptEntries}).
     */
    public record Census(int leadingDated, int idHeadings, int numericLeading, boolean unbracketedIds, boolean datesIndependent,
            List<Integer> levels) {
        /** The counts over {@code candidates}, the dates not yet resolved (taken as not independent). */
        static Census of(List<Candidate> candidates) {
            int leadingDated = 0;
            int idHeadings = 0;
            int numericLeading = 0;
            boolean unbracketedIds = false;
            int[] levels = new int[8];
            for (Candidate candidate : candidates) {
                leadingDated += leadsWithDate(candidate);
                idHeadings += idHeading(candidate);
                numericLeading += leadsWithNumericDate(candidate);
                unbracketedIds |= candidate.idList().isPresent() && !candidate.bracketed();
                if (decidesLevel(candidate)) {
                    levels = count(levels, candidate.level());
                }
            }
            return new Census(leadingDated, idHeadings, numericLeading, unbracketedIds, false, trimmed(levels));
        }

        Census withDatesIndependent(boolean independent) {
            return new Census(leadingDated, idHeadings, numericLeading, unbracketedIds, independent, levels);
        }

        /** These counts with {@code before} read as {@code after}; either may be null, for a candidate that came or went. */
        Census replacing(Candidate before, Candidate after) {
            int[] counts = new int[Math.max(8, levels.size())];
            for (int level = 0; level < levels.size(); level++) {
                counts[level] = levels.get(level);
            }
            if (before != null && decidesLevel(before) && before.level() < counts.length) {
                counts[before.level()]--;
            }
            if (after != null && decidesLevel(after)) {
                counts = count(counts, after.level());
            }
            return new Census(leadingDated - leadsWithDate(before) + leadsWithDate(after), idHeadings - idHeading(before) + idHeading(after),
                    numericLeading - leadsWithNumericDate(before) + leadsWithNumericDate(after),
                    unbracketedIds || after != null && after.idList().isPresent() && !after.bracketed(), datesIndependent, trimmed(counts));
        }

        /**
         * The entry level these counts decide ({@link #entryLevel(List)}), or -1 when no heading with a
         * date or IDs decides it and the headings with a trailing date do, which the counts do not hold.
         */
        int entryLevel() {
            int best = -1;
            int bestCount = 0;
            for (int level = 0; level < levels.size(); level++) {
                if (levels.get(level) > bestCount) {
                    best = level;
                    bestCount = levels.get(level);
                }
            }
            return best;
        }

        private static List<Integer> trimmed(int[] counts) {
            int size = counts.length;
            while (size > 0 && counts[size - 1] == 0) {
                size--;
            }
            return java.util.Arrays.stream(counts, 0, size).boxed().toList();
        }

        static int leadsWithDate(Candidate candidate) {
            return candidate != null && candidate.leadingDate().isPresent() ? 1 : 0;
        }

        static int idHeading(Candidate candidate) {
            return candidate != null && candidate.kind() == Kind.HEADING && candidate.bracketed() ? 1 : 0;
        }

        static int leadsWithNumericDate(Candidate candidate) {
            return candidate != null && candidate.leadingDate().isPresent() && candidate.leadingDate().get().start().form() != RawDate.Form.NAMED
                    ? 1 : 0;
        }
    }

    /**
     * The model before an edit, the region of the text the edit's reparse read again, and the text
     * and masked text before the edit (what the old candidates of the region were read from).
     */
    public record Previous(Built built, IncrementalParser.Region region, Text textBefore, MaskedText maskedBefore) {
    }

    /**
     * Builds the model of {@code tree}; with {@code previous}, the heading candidates and the
     * sections of entries outside the reparsed region are taken from the model before the edit
     * (moved by the edit's length) instead of being read again. The result is the same either way
     * ({@code IncrementalModelTest}).
     */
    public static Built build(SyntaxTree tree, ModelOptions options, Optional<Previous> previous) {
        return build(tree, options, previous, tree.text().length() >= PARALLEL_CHARS);
    }

    /**
     * The model of {@code tree} with its entries' sections left unread (each entry's list is empty):
     * for a document read only for its entries, IDs, tokens, tags and anchors, as the workspace index
     * and the navigation into a closed document read it. Reading the sections was a quarter of
     * building the closed logbooks of a large workspace at start-up.
     */
    public static Built buildWithoutSections(SyntaxTree tree, ModelOptions options) {
        return build(tree, options, Optional.empty(), tree.text().length() >= PARALLEL_CHARS, false);
    }

    /**
     * The sections of {@code entry}, an entry of a model of {@code text} built without them
     * ({@link #buildWithoutSections}) with {@code options}, read as the build reads them, from the
     * entry's lines parsed on their own ({@link org.logbookls.syntax.MarkdownParser#parseBetweenHeadings});
     * empty when they cannot be parsed alone (then only the model built with sections has them). A
     * hover showing a closed entry's results parsed and built its whole document again for them.
     */
    public static Optional<List<Section>> sectionsAlone(Text text, Built built, ModelOptions options, Entry entry) {
        if (entry.pseudo()) {
            return Optional.empty();
        }
        return org.logbookls.syntax.MarkdownParser.parseBetweenHeadings(text.toString(), entry.headingStart(), entry.end())
                .map(tree -> sectionReader(tree, SectionLabels.of(options.sectionFamilies(), options.requiredSections()), built.templateLabels())
                        .read(entry.headingEnd(), entry.end(), tree.firstBlockFrom(entry.headingEnd())));
    }

    /** The reader of the entries' sections: the labels the settings know, and those of the logbook's template. */
    static SectionReader sectionReader(SyntaxTree tree, SectionLabels labels, List<String> templateLabels) {
        return new SectionReader(tree, templateLabels.isEmpty() ? labels : labels.with(templateLabels), false);
    }

    /** The build, with its independent passes on every core when {@code parallel}; the result is the same either way. */
    static Built build(SyntaxTree tree, ModelOptions options, Optional<Previous> previous, boolean parallel) {
        return build(tree, options, previous, parallel, true);
    }

    private static Built build(SyntaxTree tree, ModelOptions options, Optional<Previous> previous, boolean parallel, boolean readSections) {
        Text text = tree.text();
        MaskedText masked = tree.maskedText();
        // After an edit the passes over the text read only the region again, on one core unless it is long:
        // handing a few lines' work to the other core and waiting for it took longer than doing it.
        boolean passesInParallel = parallel && previous.map(p -> p.region().to() - p.region().from() >= PARALLEL_CHARS).orElse(true);
        List<Candidate> spliced = previous.isPresent()
                ? HeadingReader.read(tree, previous.get().built().candidates(), previous.get().region(), passesInParallel)
                : HeadingReader.read(tree, parallel);
        Optional<KeptEntries.Kept> kept = previous.flatMap(p -> KeptEntries.of(tree, options, p, spliced));
        if (kept.isPresent()) {
            KeptEntries.Kept k = kept.get();
            Logbook old = previous.get().built().logbook();
            LinePasses passes = linePasses(tree, previous, k.idLists(), true, false);
            IncrementalParser.Region region = previous.get().region();
            TagReader.Declarations declarations = declarations(tree, previous);
            Logbook logbook = complete(tree, options, old.detection(), k.entries(), k.template(), k.schemes().orElse(old.schemes()),
                    old.conventions(), passes, declarations.list(), previous);
            Object names = Names.same(old, logbook, k, region, declarations.list() == old.tagDeclarations())
                    ? previous.get().built().names() : new Object();
            Built last = previous.get().built();
            return new Built(logbook, spliced, last.entryLevel(), last.deepestLevel(), last.shallowestLevel(), last.lastGroup(),
                    last.templateLabels(), k.idLists(), declarations.keyHeadings(), names, k.census());
        }
        // Moved once here: the passes below read every candidate several times.
        List<Candidate> candidates = List.copyOf(spliced);
        int entryLevel = entryLevel(candidates);
        Census counted = Census.of(candidates);
        Detection detection = LogbookDetector.detect(options, tree.frontMatter(), counted.leadingDated(), counted.idHeadings());

        SectionLabels labels = SectionLabels.of(options.sectionFamilies(), options.requiredSections());
        List<Candidate> entryCandidates = detection.reason() == Detection.Reason.DATED_FILE
                ? List.of()
                : selectEntries(masked, candidates, entryLevel, counted.numericLeading());
        List<TextRange> entryHeadings = entryCandidates.stream().map(Candidate::heading).toList();
        Optional<Template> template = TemplateReader.read(tree, labels, entryHeadings, entryLevel);
        List<String> templateLabels = template.map(t -> t.sections().stream().map(Template.TemplateSection::label).toList())
                .orElse(List.of());
        SectionReader sections = sectionReader(tree, labels, templateLabels);
        SectionReuse reuse = previous.filter(p -> p.built().templateLabels().equals(templateLabels))
                .map(SectionReuse::new).orElse(SectionReuse.NONE);

        List<Draft> drafts = detection.reason() == Detection.Reason.DATED_FILE
                ? List.of(perDayDraft(tree, options))
                : drafts(tree, candidates, entryCandidates, entryLevel);

        List<Optional<DateResolver.Input>> inputs = new ArrayList<>(drafts.size());
        // The entry before the edit of each draft the edit did not touch, found first: its date is known.
        boolean[] found = new boolean[drafts.size()];
        List<EntryDate> knownDates = reuse == SectionReuse.NONE ? null : new ArrayList<>(drafts.size());
        findOld(drafts, reuse, inputs, found, knownDates);
        DateResolver.Known known = knownDates == null ? DateResolver.Known.NONE
                : new DateResolver.Known(knownDates, previous.get().built().logbook().conventions().dayFirst());
        DateResolver.Result dates = DateResolver.resolve(inputs, options.dayFirst(), contextYear(tree, options), options.today(), known);

        List<TextRange> idLists = new ArrayList<>();
        Set<IdScheme> schemes = new LinkedHashSet<>();
        int toRead = readIds(drafts, found, dates, masked, options, idLists, schemes);

        Collections.sort(idLists);
        // On a long document the passes over the whole text run on another core while this one reads the sections.
        LinePasses passes = linePasses(tree, previous, idLists, false, passesInParallel);

        // Where each entry's blocks start: one walk over the blocks when every entry is read, a search for
        // each entry read again after an edit (walking would read, and move, every block behind it).
        int[] firstBlocks = !readSections ? null : reuse == SectionReuse.NONE ? firstBlocks(tree.blocks(), drafts) : new int[drafts.size()];
        IntStream indexes = IntStream.range(0, drafts.size());
        // After an edit nearly every entry is the old one: handing 10,000 trivial steps to the other
        // core and waiting for it cost more than taking them here.
        boolean readInParallel = parallel && toRead >= PARALLEL_ENTRIES;
        // Each entry as its list will hold it (unmoved) and how far it moved: an entry the edit did not
        // change is the old object, so the versions share it and what is kept per entry (an outline's JSON) stays valid.
        Entry[] unmoved = new Entry[drafts.size()];
        int[] shifts = new int[drafts.size()];
        (readInParallel ? indexes.parallel() : indexes).forEach(i -> {
            Draft draft = drafts.get(i);
            if (draft.unchanged) {
                unmoved[i] = draft.old;
                shifts[i] = draft.oldShift;
                return;
            }
            List<Section> entrySections = !readSections ? List.of() : SectionReuse.sections(draft)
                    .orElseGet(() -> sections.read(draft.heading.end(), draft.end,
                            reuse == SectionReuse.NONE ? firstBlocks[i] : tree.firstBlockFrom(draft.heading.end())));
            unmoved[i] = entry(draft, tree, dates.dates().get(i), entrySections);
        });
        List<Entry> entries = spliced(unmoved, shifts);
        TagReader.Declarations declarations = declarations(tree, previous);
        Logbook logbook = complete(tree, options, detection, entries, template, schemes, dates.conventions(), passes, declarations.list(),
                previous);
        Levels levels = Levels.of(drafts);
        // The candidates as spliced, not the moved copy the passes above read: the next version reads only
        // those of its region, and keeping 30,000 moved copies with each version had them outlive a young
        // collection and fill the old generation (a full collection every few keystrokes in headings).
        // A per-day file's one entry is read from the whole file: its dates are never taken as independent.
        boolean datesIndependent = dates.independent() && detection.reason() != Detection.Reason.DATED_FILE;
        Census census = counted.withDatesIndependent(datesIndependent);
        return new Built(logbook, spliced, entryLevel, levels.deepest(), levels.shallowest(), levels.lastGroup(), templateLabels, idLists,
                declarations.keyHeadings(), new Object(), census);
    }

    /** The deepest and shallowest heading level of the entries, and the last group of entries. */
    private record Levels(int deepest, int shallowest, int lastGroup) {
        static Levels of(List<Draft> drafts) {
            int deepest = 0;
            int shallowest = NO_HEADING_LEVEL;
            int lastGroup = -1;
            for (Draft draft : drafts) {
                deepest = Math.max(deepest, draft.level);
                shallowest = Math.min(shallowest, draft.level);
                lastGroup = Math.max(lastGroup, draft.group);
            }
            return new Levels(deepest, shallowest, lastGroup);
        }
    }

    /**
     * The date input of each draft, and for each draft the edit did not touch, its entry before the
     * edit ({@code found}) and that entry's date moved ({@code knownDates}, when reused at all).
     *
     * <p>The build's loops are methods of their own: a loop inside the one long method was compiled
     * anew, with the whole method, for each loop a first long logbook ran hot (the start-up index
     * compiled the build four times, half a second of the compiler's time while both cores were wanted).
     */
    private static void findOld(List<Draft> drafts, SectionReuse reuse, List<Optional<DateResolver.Input>> inputs, boolean[] found,
            List<EntryDate> knownDates) {
        for (int d = 0; d < drafts.size(); d++) {
            Draft draft = drafts.get(d);
            inputs.add(draft.date);
            if (knownDates != null) {
                found[d] = reuse.find(draft);
                knownDates.add(found[d] ? draft.old.date().map(date -> draft.oldShift == 0 ? date : date.shift(draft.oldShift)).orElse(null)
                        : null);
            }
        }
    }

    /**
     * Each draft's IDs (those of its entry before the edit, moved, when the edit did not touch it),
     * its ID list added to {@code idLists} and its IDs' schemes to {@code schemes}; returns how many
     * drafts must be read into entries anew.
     */
    private static int readIds(List<Draft> drafts, boolean[] found, DateResolver.Result dates, MaskedText masked, ModelOptions options,
            List<TextRange> idLists, Set<IdScheme> schemes) {
        IdScheme lastScheme = null;
        int toRead = 0;
        for (int d = 0; d < drafts.size(); d++) {
            Draft draft = drafts.get(d);
            // An entry the edit did not touch has the IDs it had (its text and the options are the same), moved;
            // when its date also reads as it did, it is the old entry itself.
            if (found[d]) {
                int shift = draft.oldShift;
                draft.unchanged = unchanged(draft, dates.dates().get(d));
                draft.ids = shift == 0 || draft.unchanged ? draft.old.ids() : draft.old.ids().stream().map(id -> id.shift(shift)).toList();
            } else {
                draft.ids = ids(masked, draft.idList, options);
            }
            toRead += draft.unchanged ? 0 : 1;
            // Most IDs are in their neighbour's scheme: adding each to the set (a hash of it) was a tenth of a full build,
            // and making its scheme to compare half a megabyte per build of a 10,000-entry logbook.
            for (IdDefinition id : draft.ids) {
                lastScheme = addScheme(schemes, lastScheme, id.id());
            }
            draft.idList.ifPresent(idLists::add);
        }
        return toRead;
    }

    /** The index of the first block of each draft's body, in one walk over the blocks. */
    private static int[] firstBlocks(List<Block> blocks, List<Draft> drafts) {
        int[] firstBlocks = new int[drafts.size()];
        int blockIndex = 0;
        for (int i = 0; i < drafts.size(); i++) {
            while (blockIndex < blocks.size() && blocks.get(blockIndex).start() < drafts.get(i).heading.end()) {
                blockIndex++;
            }
            firstBlocks[i] = blockIndex;
        }
        return firstBlocks;
    }

    /**
     * Adds the scheme of {@code id} to {@code schemes} unless it is {@code last}'s, and returns the
     * scheme it is in (or {@code last} if none): most IDs are in their neighbour's scheme, so the set
     * is asked only when the scheme changes.
     */
    static IdScheme addScheme(Set<IdScheme> schemes, IdScheme last, String id) {
        if (last != null && last.isSchemeOf(id)) {
            return last;
        }
        Optional<IdScheme> scheme = IdScheme.of(id);
        if (scheme.isPresent() && !scheme.get().equals(last)) {
            schemes.add(scheme.get());
            return scheme.get();
        }
        return last;
    }

    /**
     * The tag declarations, those before the edit when it cannot have changed them: without a
     * tag-key heading before the edit or in its region, they are the front matter's, and the edit
     * did not touch the front matter. Reading every heading for one was a tenth of a keystroke's
     * build, kept entries or not.
     */
    private static TagReader.Declarations declarations(SyntaxTree tree, Optional<Previous> previous) {
        if (previous.isEmpty()) {
            return TagReader.read(tree);
        }
        IncrementalParser.Region region = previous.get().region();
        boolean frontMatterEdited = tree.frontMatter().isPresent() && region.from() < tree.frontMatter().get().range().end();
        if (previous.get().built().keyHeadings() || frontMatterEdited || TagReader.keyHeadingIn(tree, region.from(), region.to())) {
            return TagReader.read(tree);
        }
        return new TagReader.Declarations(previous.get().built().logbook().tagDeclarations(), false);
    }

    /**
     * The passes over the whole text, independent of each other and of the entries: ID tokens, tags
     * and anchors, each read again only on the lines of the region after an edit. The tokens outside
     * the region are the old ones only if the ID lists they leave out are too ({@code sameIdLists}
     * when the caller already knows they are).
     */
    private static LinePasses linePasses(SyntaxTree tree, Optional<Previous> previous, List<TextRange> idLists, boolean sameIdLists,
            boolean parallel) {
        MaskedText masked = tree.maskedText();
        Optional<LineReuse> lines = previous.map(p -> new LineReuse(p.region()));
        Optional<Logbook> before = previous.map(p -> p.built().logbook());
        Future<Tokens> idTokens = run(parallel, () -> lines
                .filter(l -> sameIdLists || l.sameOutside(previous.get().built().idLists(), idLists, r -> r, TextRange::shift))
                .map(l -> new Tokens(l.merge(before.get().idTokens(), Reference::range, Reference::shift,
                        IdReader.tokens(masked, idLists, l.from(), l.to())), Optional.of(l)))
                .orElseGet(() -> new Tokens(IdReader.tokens(masked, idLists), Optional.empty())));
        Future<List<Tag>> tags = run(parallel, () -> lines
                .map(l -> l.merge(before.get().tags(), Tag::range, Tag::shift, TagReader.tags(masked, l.from(), l.to())))
                .orElseGet(() -> TagReader.tags(masked)));
        Future<Anchors> anchors = run(parallel, () -> anchors(tree, before, lines));
        return new LinePasses(idTokens, tags, anchors);
    }

    private record LinePasses(Future<Tokens> idTokens, Future<List<Tag>> tags, Future<Anchors> anchors) {
    }

    /** The ID tokens, and how they were kept from the model before the edit, if they were: those outside the region are the old ones. */
    private record Tokens(List<Reference> list, Optional<LineReuse> kept) {
    }

    /**
     * Whether a tag declared before the edit, outside the region, is no longer declared: the old
     * tags the line pass kept there leave it out, though it is a use now. A region that starts below
     * a tag key's heading ("## Key", then "- #nbs - Notebook path" lines) may remove the heading and
     * not the list under it.
     */
    private static boolean lostDeclarationOutside(Previous previous, List<TagDeclaration> declarations, Set<TextRange> declared) {
        List<TagDeclaration> old = previous.built().logbook().tagDeclarations();
        if (old == declarations) {
            return false;
        }
        IncrementalParser.Region region = previous.region();
        int oldTo = region.to() - region.delta();
        for (TagDeclaration declaration : old) {
            TextRange range = declaration.range();
            if (range.end() <= region.from() && !declared.contains(range)
                    || range.start() >= oldTo && !declared.contains(range.shift(region.delta()))) {
                return true;
            }
        }
        return false;
    }

    /** The logbook from its entries and the passes over the whole text. */
    private static Logbook complete(SyntaxTree tree, ModelOptions options, Detection detection, List<Entry> entries,
            Optional<Template> template, Set<IdScheme> schemes, DateConventions conventions, LinePasses passes,
            List<TagDeclaration> declarations, Optional<Previous> previous) {
        Text text = tree.text();
        Tokens tokens = result(passes.idTokens());
        List<Reference> idTokens = tokens.list();
        List<IdScheme> schemeList = List.copyOf(schemes);
        List<Reference> references;
        if (tokens.kept().isPresent() && previous.get().built().logbook().schemes().equals(schemes)) {
            // The tokens outside the region are the old ones and the schemes (and options) the same, so
            // are the references among them: the old references, spliced around the region's. The
            // versions then share them, and comparing the two lists skips them whole.
            LineReuse lines = tokens.kept().get();
            references = lines.merge(previous.get().built().logbook().references(), Reference::range, Reference::shift,
                    references(lines.newInside(idTokens, Reference::range), options, schemeList));
        } else {
            references = List.copyOf(references(idTokens, options, schemeList));
        }
        int preambleEnd = entries.isEmpty() ? text.length() : entries.get(0).range().start();
        Set<TextRange> declared = new java.util.HashSet<>();
        declarations.forEach(declaration -> declared.add(declaration.range()));
        // A declaration ("- #nbs - Notebook path") is not a use of the tag.
        List<Tag> allTags = result(passes.tags());
        if (previous.isPresent() && lostDeclarationOutside(previous.get(), declarations, declared)) {
            // The old tags outside the region left out the old declarations, and one of those is a use now.
            allTags = TagReader.tags(tree.maskedText());
        }
        List<Tag> tags = declared.isEmpty() ? allTags : allTags.stream().filter(tag -> !declared.contains(tag.range())).toList();
        List<Link> links = tree.links().stream()
                .map(link -> new Link(link.range(), link.destinationRange(), link.destination(), link.image())).toList();
        Anchors anchors = result(passes.anchors());
        return new Logbook(detection, TextRange.of(0, preambleEnd), entries, template, references, idTokens, schemes, links,
                anchors.list(), anchors.slugs(), tags, declarations, conventions, suppressions(tree));
    }

    /** The tokens written in one of {@code schemes} (or matching the configured pattern), in order. */
    private static List<Reference> references(List<Reference> idTokens, ModelOptions options, List<IdScheme> schemes) {
        // Each token's ID is read where its source list holds it, unmoved: only the tokens kept are
        // moved. Streaming every token of a spliced list moved (made anew) each one behind an edit.
        List<Reference> accepted = new ArrayList<>();
        for (int i = 0; i < idTokens.size(); i++) {
            if (isReference(SplicedList.unmoved(idTokens, i).id(), options, schemes)) {
                accepted.add(idTokens.get(i));
            }
        }
        return accepted;
    }

    /** A token is a reference when the configured pattern, or else a scheme of the logbook's, accepts it. */
    private static boolean isReference(String id, ModelOptions options, List<IdScheme> schemes) {
        if (options.idPattern().isPresent()) {
            return IdScheme.matchesPattern(options.idPattern().get(), id);
        }
        for (IdScheme scheme : schemes) {
            if (scheme.accepts(id)) {
                return true;
            }
        }
        return false;
    }

    /** The IDs the list {@code idList} of a title defines, those a configured pattern rejects left out. */
    static List<IdDefinition> ids(MaskedText masked, Optional<TextRange> idList, ModelOptions options) {
        List<IdDefinition> ids = idList.map(list -> IdReader.definitions(masked, list)).orElse(List.of());
        if (options.idPattern().isPresent()) {
            ids = ids.stream().filter(id -> IdScheme.matchesPattern(options.idPattern().get(), id.id())).toList();
        }
        return ids;
    }

    /**
     * Whether the entry before the edit that {@code draft} found ({@link SectionReuse#find}: the same
     * text, moved) reads as it did: heading, title, level, group and date (dated anew with the
     * whole document) the same, moved. Its IDs and sections are then the old ones too.
     */
    private static boolean unchanged(Draft draft, Optional<EntryDate> date) {
        Entry old = draft.old;
        int shift = draft.oldShift;
        return sameMoved(old.heading(), shift, draft.heading) && sameMoved(old.title(), shift, draft.title) && old.level() == draft.level
                && old.pseudo() == draft.pseudo && old.group() == draft.group
                && old.date().isPresent() == date.isPresent() && (date.isEmpty() || old.date().get().sameMoved(shift, date.get()));
    }

    private static boolean sameMoved(TextRange old, int shift, TextRange now) {
        return old.start() + shift == now.start() && old.end() + shift == now.end();
    }

    /** The entries, each moved by its shift when read: runs of one shift are one piece. */
    private static List<Entry> spliced(Entry[] unmoved, int[] shifts) {
        List<Entry> all = java.util.Arrays.asList(unmoved);
        SplicedList.Builder<Entry> builder = SplicedList.builder(Entry::shift);
        int from = 0;
        for (int i = 1; i <= unmoved.length; i++) {
            if (i == unmoved.length || shifts[i] != shifts[from]) {
                builder.add(all, from, i, shifts[from]);
                from = i;
            }
        }
        return builder.build();
    }

    /**
     * The entry of {@code draft}. One the edit did not touch keeps its title's text, and, when nothing
     * of it moved or changed, is the old entry itself: a keystroke then keeps no new object for it.
     */
    static Entry entry(Draft draft, SyntaxTree tree, Optional<EntryDate> date, List<Section> sections) {
        TextRange range = TextRange.of(draft.heading.start(), draft.end);
        Entry old = draft.old;
        if (old == null) {
            String titleText = titleText(draft, tree);
            return new Entry(range, draft.heading, draft.title, titleText, draft.level, draft.pseudo, date, draft.ids, sections,
                    draft.group, Entry.plainTitleOf(titleText, draft.ids, date));
        }
        int delta = draft.oldShift;
        boolean sameTitle = old.title().shift(delta).equals(draft.title);
        if (delta == 0 && sameTitle && old.heading().equals(draft.heading) && old.level() == draft.level && old.pseudo() == draft.pseudo
                && old.group() == draft.group && old.date().equals(date) && old.sections() == sections && old.ids() == draft.ids) {
            return old;
        }
        String titleText = sameTitle ? old.titleText() : titleText(draft, tree);
        // The plain title reads the title, whether there are IDs, and the date as written.
        boolean samePlainTitle = sameTitle && old.ids().isEmpty() == draft.ids.isEmpty()
                && old.date().map(EntryDate::written).equals(date.map(EntryDate::written));
        return new Entry(range, draft.heading, draft.title, titleText, draft.level, draft.pseudo, date, draft.ids, sections, draft.group,
                samePlainTitle ? old.plainTitle() : Entry.plainTitleOf(titleText, draft.ids, date));
    }

    /**
     * The text of the draft's title: the tree's text of its heading when the title is written just as
     * that (no markup), since the heading's anchor keeps that very string and the entry then shares it
     * (a copy for each of a large workspace's 72,000 entries); else the title as written.
     */
    private static String titleText(Draft draft, SyntaxTree tree) {
        List<SyntaxTree.Heading> headings = tree.headings();
        int index = tree.firstHeadingFrom(draft.heading.start());
        if (index < headings.size()) {
            SyntaxTree.Heading heading = headings.get(index);
            String plain = heading.text();
            if (heading.block().start() == draft.heading.start() && plain.length() == draft.title.length()
                    && tree.text().regionMatches(draft.title.start(), plain, 0, plain.length())) {
                return plain;
            }
        }
        return draft.title.of(tree.text());
    }

    /** {@code work} on another core when {@code parallel}, else here and now. */
    private static <T> Future<T> run(boolean parallel, Supplier<T> work) {
        return parallel ? CompletableFuture.supplyAsync(work) : CompletableFuture.completedFuture(work.get());
    }

    /** What {@link #run} computed; an exception in it is rethrown here as it was thrown there. */
    private static <T> T result(Future<T> later) {
        try {
            return later.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building a model", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The sections of the entries before an edit, found by where the entry was; for entries outside the reparsed region. */
    static final class SectionReuse {
        static final SectionReuse NONE = new SectionReuse(null);
        /** The entries before the edit, in document order: looked up by where their heading started (a search, not a map of every entry). */
        private final List<Entry> before;
        private final IncrementalParser.Region region;
        /** Where {@link #old} last looked: not thread-safe, and asked only from the build's one sequential pass over the drafts. */
        private int cursor;

        SectionReuse(Previous previous) {
            this.region = previous == null ? null : previous.region();
            this.before = previous == null ? List.of() : previous.built().logbook().entries();
        }

        /**
         * Finds the entry before the edit whose heading was the draft's (moved by the edit) and which
         * ended where the draft ends, when the edit did not touch it: sets {@link Draft#old} to it,
         * unmoved (as the list of its version holds it), and {@link Draft#oldShift} to how far behind
         * the draft's its positions are. Reading the old entries moved made a copy of each, with
         * all it holds, once per look.
         */
        boolean find(Draft draft) {
            TextRange heading = draft.heading;
            int end = draft.end;
            if (region == null || end > region.from() && heading.start() < region.to()) {
                return false;
            }
            int delta = delta(heading);
            int target = heading.start() - delta;
            // The entries are asked for in document order: a walk on from the last one found, not a search for each.
            int index = cursor;
            if (index > 0 && headingStart(index - 1) >= target) {
                index = SplicedList.firstAtOrAfter(before, entry -> entry.heading().start(), target);
            }
            while (index < before.size() && headingStart(index) < target) {
                index++;
            }
            cursor = index;
            if (index == before.size() || headingStart(index) != target) {
                return false;
            }
            Entry old = SplicedList.unmoved(before, index);
            int shift = SplicedList.moveAt(before, index) + delta;
            if (old.range().end() + shift != end || old.heading().end() + shift != heading.end()) {
                return false;
            }
            draft.old = old;
            draft.oldShift = shift;
            return true;
        }

        /** Where the heading of the entry at {@code index} started before the edit. */
        private int headingStart(int index) {
            return SplicedList.unmoved(before, index).heading().start() + SplicedList.moveAt(before, index);
        }

        /** How far an entry outside the region moved: not at all before it, by the edit's length after it. */
        int delta(TextRange heading) {
            return region != null && heading.start() >= region.to() ? region.delta() : 0;
        }

        /** The sections of the draft's old entry, moved to where the draft is; empty when it has none ({@link #find} did not find one). */
        static Optional<List<Section>> sections(Draft draft) {
            Entry old = draft.old;
            if (old == null) {
                return Optional.empty();
            }
            if (draft.oldShift == 0) {
                return Optional.of(old.sections());
            }
            List<Section> moved = new ArrayList<>(old.sections().size());
            for (Section section : old.sections()) {
                moved.add(section.shift(draft.oldShift));
            }
            return Optional.of(moved);
        }
    }

    /** The anchors of the headings, and their slugs: the last version's when every heading reads as it did. */
    private record Anchors(List<Anchor> list, List<String> slugs) {
    }

    /**
     * The anchors of the headings; after an edit, those outside the region are the old ones (moved)
     * and those inside it are read again. The slugs are the old ones (the same object, made or not)
     * when the region's headings read as before, since the slugs depend only on the heading texts.
     */
    private static Anchors anchors(SyntaxTree tree, Optional<Logbook> before, Optional<LineReuse> lines) {
        if (lines.isEmpty()) {
            return withNewSlugs(anchors(tree));
        }
        LineReuse region = lines.get();
        List<Anchor> old = before.get().anchors();
        List<Anchor> oldInside = region.oldInside(old, Anchor::heading);
        List<Anchor> fresh = new ArrayList<>(oldInside.size());
        boolean sameTexts = true;
        List<SyntaxTree.Heading> headings = tree.headings();
        for (int h = tree.firstHeadingFrom(region.from()); h < headings.size() && headings.get(h).block().start() < region.to(); h++) {
            Block block = headings.get(h).block();
            String text = headings.get(h).text();
            int k = fresh.size();
            boolean same = k < oldInside.size() && oldInside.get(k).text().equals(text);
            sameTexts &= same;
            // The old anchor's text when equal to this one: already shared (StringPool).
            fresh.add(new Anchor(block.range(), HeadingReader.trim(tree.text(), block.content()),
                    same ? oldInside.get(k).text() : StringPool.shared(text), block.level()));
        }
        List<Anchor> merged = region.merge(old, Anchor::heading, Anchor::shift, fresh);
        if (merged.size() != headings.size()) {
            return withNewSlugs(anchors(tree));
        }
        return sameTexts && fresh.size() == oldInside.size() ? new Anchors(merged, before.get().slugs()) : withNewSlugs(merged);
    }

    private static Anchors withNewSlugs(List<Anchor> anchors) {
        return new Anchors(anchors, new HeadingSlugs(anchors));
    }

    private static List<Anchor> anchors(SyntaxTree tree) {
        List<Anchor> anchors = new ArrayList<>();
        for (SyntaxTree.Heading heading : tree.headings()) {
            Block block = heading.block();
            anchors.add(new Anchor(block.range(), HeadingReader.trim(tree.text(), block.content()), StringPool.shared(heading.text()),
                    block.level()));
        }
        return anchors;
    }

    /** An entry before its dates are resolved. */
    static final class Draft {
        TextRange heading;
        TextRange title;
        int level;
        boolean pseudo;
        int end;
        int group;
        Optional<DateResolver.Input> date = Optional.empty();
        Optional<TextRange> idList = Optional.empty();
        List<IdDefinition> ids = List.of();
        /**
         * The entry before the edit, when the edit did not touch this one, as its version's list
         * holds it: its positions are {@link #oldShift} behind this draft's.
         */
        Entry old;
        int oldShift;
        /** {@link #old} reads as it did: it is this draft's entry, moved by {@link #oldShift}. */
        boolean unchanged;
    }

    /** The level most entry headings use; date-only lines take it too. */
    private static int entryLevel(List<Candidate> candidates) {
        // Counted by level in an array: a heading level is 1 to 6, a hash paragraph's count can be more.
        int[] counts = new int[8];
        boolean any = false;
        for (Candidate candidate : candidates) {
            if (decidesLevel(candidate)) {
                counts = count(counts, candidate.level());
                any = true;
            }
        }
        if (!any) {
            for (Candidate candidate : candidates) {
                if (candidate.kind() == Kind.HEADING && candidate.trailingDate().isPresent()) {
                    counts = count(counts, candidate.level());
                }
            }
        }
        int best = NO_HEADING_LEVEL;
        int bestCount = 0;
        for (int level = 0; level < counts.length; level++) {
            if (counts[level] > bestCount) {
                best = level;
                bestCount = counts[level];
            }
        }
        return best;
    }

    /** A heading (not a date line or banner) with a date or IDs at its start: the entry level is the level most of them have. */
    static boolean decidesLevel(Candidate candidate) {
        return candidate.kind() != Kind.DATE_LINE && candidate.kind() != Kind.BANNER
                && (candidate.leadingDate().isPresent() || candidate.idList().isPresent());
    }

    private static int[] count(int[] counts, int level) {
        int[] grown = level < counts.length ? counts : java.util.Arrays.copyOf(counts, level + 1);
        grown[level]++;
        return grown;
    }

    /** The candidates that are entries; {@code numericEntries} is how many lead with a date not written with a month name. */
    private static List<Candidate> selectEntries(MaskedText masked, List<Candidate> candidates, int entryLevel, int numericEntries) {
        // How many titles lead with IDs of each scheme: needed only for IDs without brackets, which few logbooks write.
        Map<String, Integer> leadingIdSchemes = null;
        List<Candidate> selected = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (candidate.kind() == Kind.BANNER) {
                continue;
            }
            int level = candidate.kind() == Kind.DATE_LINE ? entryLevel : candidate.level();
            boolean bracketed = candidate.bracketed();
            if (candidate.idList().isPresent() && !bracketed && leadingIdSchemes == null) {
                leadingIdSchemes = new HashMap<>();
                for (Candidate any : candidates) {
                    if (any.idList().isPresent()) {
                        leadingIdSchemes.merge(IdReader.scheme(firstId(masked, any.idList().get())), 1, Integer::sum);
                    }
                }
            }
            boolean definesIds = candidate.idList().isPresent()
                    && (bracketed || leadingIdSchemes.getOrDefault(IdReader.scheme(firstId(masked, candidate.idList().get())), 0) >= 2);
            if (candidate.leadingDate().isPresent() || definesIds
                    || candidate.trailingDate().isPresent() && level == entryLevel
                    || candidate.dateLike() && level == entryLevel && numericEntries >= 2) {
                selected.add(candidate);
            }
        }
        return selected;
    }

    private static String firstId(MaskedText masked, TextRange list) {
        int end = list.start();
        while (end < list.end() && (Character.isLetterOrDigit(masked.charAt(end)) || masked.charAt(end) == '-'
                || masked.charAt(end) == '_')) {
            end++;
        }
        String token = masked.substring(list.start(), end);
        int dash = token.indexOf('-', 1);
        // "e0033-e0034": the first ID stops where a second prefix starts.
        if (dash > 0 && dash + 1 < token.length() && Character.isLetter(token.charAt(dash + 1))) {
            token = token.substring(0, dash);
        }
        return token;
    }

    private static List<Draft> drafts(SyntaxTree tree, List<Candidate> all, List<Candidate> entries, int entryLevel) {
        Text text = tree.text();
        // The entries are some of the candidates, in the same order: flags by index, not a set of ranges hashed for every lookup.
        boolean[] isEntry = new boolean[all.size()];
        for (int i = 0, e = 0; i < all.size() && e < entries.size(); i++) {
            Candidate candidate = all.get(i);
            Candidate entry = entries.get(e);
            if (candidate == entry || candidate.heading().equals(entry.heading())) {
                isEntry[i] = true;
                e++;
            }
        }
        boolean[] groupHeadings = groupHeadings(all, isEntry, entryLevel);
        List<Draft> drafts = new ArrayList<>();
        // The open non-entry headings above the current line, outermost first: each entry's group is the nearest of higher rank.
        List<Integer> parents = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Candidate candidate = all.get(i);
            if (!isEntry[i]) {
                if (candidate.kind() == Kind.HEADING || candidate.kind() == Kind.BANNER) {
                    while (!parents.isEmpty() && all.get(parents.get(parents.size() - 1)).level() >= candidate.level()) {
                        parents.remove(parents.size() - 1);
                    }
                    parents.add(i);
                }
                continue;
            }
            Draft draft = new Draft();
            draft.heading = candidate.heading();
            draft.title = candidate.title();
            draft.level = candidate.kind() == Kind.DATE_LINE ? entryLevel : candidate.level();
            draft.pseudo = candidate.kind() != Kind.HEADING;
            draft.idList = candidate.idList();
            draft.end = text.length();
            for (int j = i + 1; j < all.size(); j++) {
                Candidate next = all.get(j);
                boolean nextIsEntry = isEntry[j];
                int nextLevel = next.kind() == Kind.DATE_LINE ? entryLevel : next.level();
                boolean higherRank = (next.kind() == Kind.HEADING || next.kind() == Kind.BANNER) && nextLevel < draft.level;
                boolean groupOfSameRank = groupHeadings[j] && nextLevel <= draft.level;
                if (nextIsEntry || higherRank || groupOfSameRank) {
                    draft.end = next.heading().start();
                    break;
                }
            }
            draft.group = -1;
            for (int k = parents.size() - 1; k >= 0; k--) {
                if (all.get(parents.get(k)).level() < draft.level) {
                    draft.group = parents.get(k);
                    break;
                }
            }
            Optional<DateMention> mention = candidate.leadingDate().or(candidate::trailingDate);
            if (mention.isEmpty()) {
                mention = tableDate(tree, draft.heading.end(), draft.end, tree.firstBlockFrom(draft.heading.end()));
            }
            if (mention.isPresent()) {
                draft.date = Optional.of(input(text, mention.get()));
            } else if (candidate.dateLike()) {
                draft.date = Optional.of(new DateResolver.Input(candidate.title().of(text), candidate.title(), Optional.empty(), ""));
            }
            drafts.add(draft);
        }
        return drafts;
    }

    /**
     * Non-entry headings that have entries of a lower rank under them ("## Week 10" over "### December
     * 5"): they head a group, so they end the entry before them even at the same rank.
     */
    private static boolean[] groupHeadings(List<Candidate> all, boolean[] isEntry, int entryLevel) {
        // Flags by index, like isEntry: a set of boxed indexes was asked once per candidate after every entry.
        boolean[] groups = new boolean[all.size()];
        for (int j = 0; j < all.size(); j++) {
            Candidate heading = all.get(j);
            if (heading.kind() != Kind.HEADING || isEntry[j]) {
                continue;
            }
            for (int k = j + 1; k < all.size(); k++) {
                Candidate next = all.get(k);
                int nextLevel = next.kind() == Kind.DATE_LINE ? entryLevel : next.level();
                if (nextLevel <= heading.level()) {
                    break;
                }
                if (isEntry[k]) {
                    groups[j] = true;
                    break;
                }
            }
        }
        return groups;
    }

    static DateResolver.Input input(Text text, DateMention mention) {
        String ordinal = mention.ordinalRange().map(range -> range.of(text)).orElse("");
        return new DateResolver.Input(mention.range().of(text), mention.range(), Optional.of(mention), ordinal);
    }

    /** A date kept in a table at the top of the entry: {@code |Start Date|2017-07-25|}, with an optional end row. */
    static Optional<DateMention> tableDate(SyntaxTree tree, int from, int to, int firstBlock) {
        MaskedText masked = tree.maskedText();
        List<Block> blocks = tree.blocks();
        for (int b = firstBlock; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            if (block.start() >= to) {
                return Optional.empty();
            }
            if (block.start() < from || block.kind() != BlockKind.TABLE) {
                continue;
            }
            DateMention start = null;
            DateMention end = null;
            int lineStart = block.start();
            while (lineStart < block.end()) {
                int lineEnd = LineIndex.endOfLine(masked, lineStart, block.end());
                List<TextRange> cells = cells(masked, lineStart, lineEnd);
                if (cells.size() >= 2) {
                    String label = cells.get(0).of(masked).strip();
                    TextRange value = cells.get(1);
                    List<DateMention> found = DateRecognizer.scan(masked, value.start(), value.end(), false);
                    if (!found.isEmpty() && DateShapes.plausible(found.get(0))) {
                        if (start == null && TABLE_START.matcher(label).matches()) {
                            start = found.get(0);
                        } else if (end == null && TABLE_END.matcher(label).matches()) {
                            end = found.get(0);
                        }
                    }
                }
                lineStart = lineEnd + 1;
            }
            if (start == null) {
                return Optional.empty();
            }
            if (end != null && start.end().isEmpty()) {
                start = new DateMention(start.range(), start.start(), Optional.of(end.start()), start.weekday(),
                        start.weekdayRange(), start.ordinalRange(), start.time());
            }
            return Optional.of(start);
        }
        return Optional.empty();
    }

    private static List<TextRange> cells(CharSequence text, int lineStart, int lineEnd) {
        List<TextRange> cells = new ArrayList<>();
        int p = lineStart;
        while (p < lineEnd && text.charAt(p) == ' ') {
            p++;
        }
        if (p < lineEnd && text.charAt(p) == '|') {
            p++;
        }
        int cellStart = p;
        for (; p <= lineEnd; p++) {
            if (p == lineEnd || text.charAt(p) == '|' && text.charAt(p - 1) != '\\') {
                if (p > cellStart || p < lineEnd) {
                    cells.add(TextRange.of(cellStart, p));
                }
                cellStart = p + 1;
            }
        }
        return cells;
    }

    /** A per-day or per-experiment file: one entry, dated by its front matter or its name. */
    private static Draft perDayDraft(SyntaxTree tree, ModelOptions options) {
        Text text = tree.text();
        Draft draft = new Draft();
        int bodyStart = tree.frontMatter().map(fm -> fm.range().end()).orElse(0);
        Optional<Block> firstHeading = tree.headings().stream().map(SyntaxTree.Heading::block).filter(b -> b.depth() == 0).findFirst();
        int firstLineEnd = LineIndex.endOfLine(text, bodyStart, text.length());
        draft.heading = firstHeading.map(Block::range).orElse(TextRange.of(bodyStart, firstLineEnd));
        draft.title = firstHeading.map(b -> HeadingReader.trim(text, b.content()))
                .or(() -> tree.frontMatter().flatMap(fm -> fm.first("title")).map(FrontMatter.FrontMatterValue::range))
                .orElse(TextRange.of(bodyStart, firstLineEnd));
        draft.level = firstHeading.map(Block::level).orElse(1);
        draft.pseudo = firstHeading.isEmpty();
        draft.end = text.length();
        draft.group = -1;
        Optional<FrontMatter.FrontMatterValue> stamp = tree.frontMatter()
                .flatMap(fm -> fm.first("date").or(() -> fm.first("created_at")).or(() -> fm.first("created")));
        if (stamp.isPresent()) {
            TextRange range = stamp.get().range();
            // Read as a masked text with nothing masked: the recogniser then only ever reads masked texts, and
            // the compiler's code for it, made while the first logbooks of a workspace were read, is not
            // thrown away (and made again) at the first per-day file.
            List<DateMention> found = DateRecognizer.scan(MaskedText.over(text, List.of()), range.start(), range.end(), true);
            if (!found.isEmpty()) {
                draft.date = Optional.of(input(text, found.get(0)));
                return draft;
            }
        }
        Matcher name = LogbookDetector.datedFileName(options.path()).orElseThrow();
        RawDate raw = new RawDate(RawDate.Form.YEAR_FIRST, Integer.parseInt(name.group(2)), Integer.parseInt(name.group(3)),
                Integer.parseInt(name.group(1)), 4, false, '-');
        String written = name.group(1) + "-" + name.group(2) + "-" + name.group(3);
        TextRange range = draft.title;
        DateMention mention = new DateMention(range, raw, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        draft.date = Optional.of(new DateResolver.Input(written, range, Optional.of(mention), ""));
        return draft;
    }

    /** A year the file's surroundings give: front matter, then a year-named folder or file. */
    private static Optional<Integer> contextYear(SyntaxTree tree, ModelOptions options) {
        Optional<FrontMatter> frontMatter = tree.frontMatter();
        if (frontMatter.isPresent()) {
            for (String key : List.of("year", "date", "created_at", "created")) {
                Optional<Integer> year = frontMatter.get().first(key).flatMap(v -> firstYear(v.text()));
                if (year.isPresent()) {
                    return year;
                }
            }
        }
        String[] segments = options.path().split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            Optional<Integer> year = firstYear(segments[i]);
            if (year.isPresent()) {
                return year;
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> firstYear(String text) {
        Matcher matcher = YEAR.matcher(text);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    private static List<Suppression> suppressions(SyntaxTree tree) {
        List<Suppression> suppressions = new ArrayList<>();
        for (HtmlComment comment : tree.htmlComments()) {
            Matcher matcher = SUPPRESSION.matcher(comment.inner().of(tree.text()));
            if (!matcher.matches()) {
                continue;
            }
            Suppression.Kind kind = switch (matcher.group(1)) {
                case "disable-next-line" -> Suppression.Kind.NEXT_LINE;
                case "disable" -> Suppression.Kind.DISABLE;
                default -> Suppression.Kind.ENABLE;
            };
            Set<String> codes = new LinkedHashSet<>();
            for (String code : matcher.group(2).split("[\\s,]+")) {
                if (!code.isBlank() && !code.equals("--")) {
                    codes.add(code.strip().toLowerCase(Locale.ROOT));
                }
            }
            suppressions.add(new Suppression(kind, comment.range().end(), codes));
        }
        return suppressions;
    }

}
