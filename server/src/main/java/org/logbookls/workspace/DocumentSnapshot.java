package org.logbookls.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.logbookls.config.DateOrder;
import org.logbookls.config.Settings;
import org.logbookls.model.Entry;
import org.logbookls.model.Logbook;
import org.logbookls.model.LogbookBuilder;
import org.logbookls.model.ModelOptions;
import org.logbookls.model.Section;
import org.logbookls.syntax.IncrementalParser;
import org.logbookls.syntax.MarkdownParser;
import org.logbookls.syntax.SyntaxTree;
import org.logbookls.text.LineIndex;
import org.logbookls.text.Text;
import org.logbookls.text.TextChange;

/**
 * One version of one document.
 *
 * <p>Immutable as a value: {@code uri}, {@code path}, {@code version} and {@code text} never
 * change. The line index, syntax tree and logbook model are computed on first use and memoised
 * (the model per settings), so creating a snapshot on every keystroke costs nothing until a
 * request needs it. {@code path} is relative to the workspace folder, with {@code /} separators,
 * and starts with the folder's own name.
 */
public final class DocumentSnapshot {
    private final String uri;
    private final String path;
    private final int version;
    private final Text text;
    /** Read from disk, not open: see {@link #closed}. */
    private final boolean closed;
    private volatile LineIndex lineIndex;
    private volatile SyntaxTree syntax;
    private volatile Memo memo;
    /**
     * The line index of an older version, with the edits since: the first request moves its line
     * starts instead of rescanning. Dropped once this version's own is computed.
     */
    private volatile OlderLines olderLines;
    /**
     * The syntax tree and model of an older version, and the edits from it to this version: the
     * first request reparses and re-models only what each edit touched. Dropped once this version's
     * own tree is computed.
     */
    private volatile Pending pending;
    /** The older model and the region the reparse read again, until this version's model is built from them. */
    private volatile Reuse reuse;

    /**
     * The edit that made this version from version {@code from}, and the edits before that one: back to
     * the last that added or removed a line break (kept, as the end of the trail), at most {@link #MOST}.
     */
    private record Trail(int from, TextChange change, boolean keepsLines, Trail before, int length) {
        private static final int MOST = 64;

        static Trail next(Trail trail, int from, TextChange change, boolean keepsLines) {
            if (!keepsLines || trail == null) {
                return new Trail(from, change, keepsLines, null, 1);
            }
            // A full trail is cut to its newer half: a copy of 32 steps every 32 edits.
            Trail before = trail.length() < MOST ? trail : trail.newest(MOST / 2);
            return new Trail(from, change, true, before, before.length() + 1);
        }

        private Trail newest(int count) {
            Trail older = count == 1 || before == null ? null : before.newest(count - 1);
            return new Trail(from, change, keepsLines, older, older == null ? 1 : older.length() + 1);
        }
    }

    /** The edits that made this version; {@code null} for a version opened or read whole. */
    private volatile Trail trail;

    /** An older version's line index and the edits since, in order (close ones merged, as for the tree). */
    private record OlderLines(LineIndex index, List<Step> steps) {
        static OlderLines next(LineIndex computed, OlderLines pending, TextChange change, Text text) {
            if (computed != null) {
                return new OlderLines(computed, List.of(new Step(change, text)));
            }
            return pending == null ? null : new OlderLines(pending.index(), Step.append(pending.steps(), change, text));
        }

        LineIndex edited() {
            LineIndex index = this.index;
            for (Step step : steps) {
                index = index.edited(step.text(), step.change());
            }
            return index;
        }
    }

    /** A version's syntax tree and, if built by then, its model. */
    private record Analysis(SyntaxTree tree, Memo memo) {
    }

    /** An edit not analysed yet, and the text it produced. */
    private record Step(TextChange change, Text text) {
        private static final int MAX_STEPS = 8;
        /** How far apart two edits may be and still be reparsed as one. */
        private static final int NEARBY = 2_048;

        /**
         * {@code steps} followed by {@code change}, which made {@code text}: merged into the last step
         * when close to it (typing), else a step of its own (an undo here, typing there: merged, they
         * would cover everything between them), up to {@link #MAX_STEPS}.
         */
        static List<Step> append(List<Step> steps, TextChange change, Text text) {
            List<Step> next = new ArrayList<>(steps);
            Step last = next.get(next.size() - 1);
            TextChange merged = last.change().then(change);
            int apart = merged.replaced().length() - last.change().replaced().length() - change.replaced().length();
            if (apart <= NEARBY || next.size() >= MAX_STEPS) {
                next.set(next.size() - 1, new Step(merged, text));
            } else {
                next.add(new Step(change, text));
            }
            return List.copyOf(next);
        }
    }

    /**
     * An older version's analysis and the edits since, in order. Edits close to each other (typing)
     * are merged into one step; distant ones (an undo here, typing there) stay apart, since merged
     * they would cover, and make the reparse read, everything between them.
     */
    private record Pending(Analysis older, List<Step> steps) {
        static Pending next(Analysis computed, Pending pending, TextChange change, Text text) {
            if (computed != null) {
                return new Pending(computed, List.of(new Step(change, text)));
            }
            return pending == null ? null : new Pending(pending.older(), Step.append(pending.steps(), change, text));
        }
    }

    private record Reuse(ModelOptions options, LogbookBuilder.Previous previous) {
    }

    /** What a feature derived from one model of this version, by the feature's key. */
    private final java.util.concurrent.ConcurrentHashMap<Object, Derived> derived = new java.util.concurrent.ConcurrentHashMap<>();

    private record Derived(Logbook from, Object value) {
    }

    /**
     * A model and the options it was built with. {@code reusable}: {@code built} still holds what
     * the next version's build reuses (heading candidates, ID lists); a forgotten document's does not.
     * {@code sections}: the entries' sections were read ({@link #logbookWithoutSections}).
     */
    private record Memo(ModelOptions options, Settings settings, LogbookBuilder.Built built, boolean reusable, boolean sections) {
        Memo(ModelOptions options, Settings settings, LogbookBuilder.Built built) {
            this(options, settings, built, true, true);
        }

        Logbook logbook() {
            return built.logbook();
        }
    }

    public DocumentSnapshot(String uri, String path, int version, String text) {
        this(uri, path, version, Text.of(text), false);
    }

    public DocumentSnapshot(String uri, String path, int version, Text text) {
        this(uri, path, version, text, false);
    }

    private DocumentSnapshot(String uri, String path, int version, Text text, boolean closed) {
        this.uri = uri;
        this.path = path;
        this.version = version;
        this.text = text;
        this.closed = closed;
    }

    /**
     * A document read from disk and not open in the editor: served from its model alone, so its
     * syntax tree, and what only an edit's rebuild reuses, go once the model is built (see
     * {@link #forgetSyntaxTree}). Closed documents' trees were most of a large workspace's memory.
     */
    public static DocumentSnapshot closed(String uri, String path, int version, String text) {
        return new DocumentSnapshot(uri, path, version, Text.of(text), true);
    }

    /**
     * This closed document again with nothing computed: for the copy on disk of a document the editor
     * has open, which nothing reads until it closes. Its model was a second model of the document
     * kept beside the open one's (for a 2 MB logbook, half the server's live memory); it is built
     * again, once, if the document closes.
     */
    DocumentSnapshot unanalysed() {
        return new DocumentSnapshot(uri, path, version, text, true);
    }

    /** Whether the syntax tree is kept (for tests: a closed document's goes once its model is built). */
    boolean holdsSyntaxTree() {
        return syntax != null;
    }

    /** Whether anything was computed from the text and kept: a tree, a model, a line index or a derived value. */
    boolean analysed() {
        return memo != null || syntax != null || lineIndex != null || !derived.isEmpty();
    }

    public String uri() {
        return uri;
    }

    /** Whether this document was read from disk and is not open in the editor ({@link #closed}). */
    public boolean isClosed() {
        return closed;
    }

    public String path() {
        return path;
    }

    public int version() {
        return version;
    }

    public Text text() {
        return text;
    }

    /**
     * The edits from version {@code older} of this document to this one, in order, when they are known
     * and none of them added or removed a line break (none when {@code older} is this version); else
     * empty. What a result computed for the older version may be moved by.
     */
    public Optional<List<TextChange>> lineKeepingEditsSince(int older) {
        if (older == version) {
            return Optional.of(List.of());
        }
        List<TextChange> edits = new ArrayList<>();
        for (Trail step = trail; step != null && step.keepsLines(); step = step.before()) {
            edits.add(step.change());
            if (step.from() == older) {
                java.util.Collections.reverse(edits);
                return Optional.of(List.copyOf(edits));
            }
        }
        return Optional.empty();
    }

    public LineIndex lineIndex() {
        LineIndex index = lineIndex;
        if (index == null) {
            OlderLines from = olderLines;
            index = from == null ? LineIndex.of(text) : from.edited();
            lineIndex = index;
            olderLines = null;
        }
        return index;
    }

    public SyntaxTree syntax() {
        SyntaxTree tree = syntax;
        if (tree == null) {
            Pending from = pending;
            if (from == null) {
                tree = MarkdownParser.parse(text);
            } else {
                tree = from.older().tree();
                Memo model = from.older().memo();
                List<Step> steps = from.steps();
                for (int i = 0; i < steps.size(); i++) {
                    SyntaxTree before = tree;
                    IncrementalParser.Result result = IncrementalParser.reparse(tree, steps.get(i).change(), steps.get(i).text());
                    tree = result.tree();
                    if (model == null || result.region().isEmpty()) {
                        model = null;
                        continue;
                    }
                    LogbookBuilder.Previous previous = new LogbookBuilder.Previous(model.built(), result.region().get(), before.text(),
                            before.maskedText());
                    if (i == steps.size() - 1) {
                        reuse = new Reuse(model.options(), previous);
                    } else {
                        // A model for the version in between, so that the next step's model can be built from it.
                        model = new Memo(model.options(), model.settings(), LogbookBuilder.build(tree, model.options(), Optional.of(previous)));
                    }
                }
            }
            syntax = tree;
            pending = null;
        }
        return tree;
    }

    /** This version's model, built with {@code settings}. */
    public Logbook logbook(Settings settings) {
        return logbook(settings, true);
    }

    /**
     * This version's model, except that for a closed document the entries' sections may be left
     * unread (each entry's list empty) until something asks for {@link #logbook}: for the features
     * that read other documents' entries, IDs, tokens, tags and anchors and never their sections —
     * the workspace index, workspace symbols, definition, references, rename, links. The start-up
     * index builds every closed document this way; a hover that shows a closed entry's results asks
     * for that entry's alone ({@link #sections}). For an open document, {@link #logbook}.
     */
    public Logbook logbookWithoutSections(Settings settings) {
        return logbook(settings, !closed);
    }

    /**
     * The sections of {@code entry}, an entry of {@link #logbookWithoutSections} with {@code settings}:
     * its own when they were read; else (a closed document) read from the entry's lines alone
     * ({@link LogbookBuilder#sectionsAlone}) or, when those cannot be parsed alone, taken from the
     * model built with them.
     */
    public List<Section> sections(Settings settings, Entry entry) {
        Logbook model = logbookWithoutSections(settings);
        Memo current = memo;
        if (current != null && !current.sections() && current.logbook() == model) {
            Optional<List<Section>> alone = LogbookBuilder.sectionsAlone(text, current.built(), current.options(), entry);
            if (alone.isPresent()) {
                return alone.get();
            }
        }
        // Found by place, not taken from the entry given: it may be of the model without sections that
        // another request has since replaced with this one (the fuzzer found that).
        List<Entry> entries = logbook(settings).entries();
        int at = org.logbookls.text.SplicedList.firstAtOrAfter(entries, Entry::headingStart, entry.headingStart());
        if (at < entries.size()) {
            Entry same = entries.get(at);
            if (same.headingStart() == entry.headingStart() && same.end() == entry.end()) {
                return same.sections();
            }
        }
        return List.of();
    }

    private Logbook logbook(Settings settings, boolean sections) {
        Memo current = memo;
        if (current != null && !current.sections() && sections) {
            current = null;
        }
        // Asked again with the very settings of last time (settings are cached per folder) on the same
        // day: the options need not be made and compared, which for every document of a large
        // workspace was most of a workspace-symbol query. The day is the one option the same
        // settings can change (at midnight, when they follow the clock).
        if (current != null && current.settings() == settings && current.options().today().equals(settings.todayOrClock())) {
            return current.logbook();
        }
        ModelOptions options = options(settings);
        if (current != null && current.options().equals(options)) {
            return current.logbook();
        }
        SyntaxTree tree = syntax();
        Reuse older = reuse;
        Optional<LogbookBuilder.Previous> previous = older != null && older.options().equals(options)
                ? Optional.of(older.previous()) : Optional.empty();
        LogbookBuilder.Built built = sections ? LogbookBuilder.build(tree, options, previous)
                : LogbookBuilder.buildWithoutSections(tree, options);
        if (memo != null) {
            // What was derived from the model this one replaces (other settings, or a closed document's
            // without sections) is derived again when asked; kept, it held that model alive beside this one.
            derived.clear();
        }
        memo = new Memo(options, settings, built, true, sections);
        reuse = null;
        if (closed) {
            forgetSyntaxTree();
        }
        return built.logbook();
    }

    /**
     * What the model built with {@code settings} names, as an object two versions share when they
     * name the same things (entries' IDs, titles and dates, ID tokens, tags, tag declarations); see
     * {@link LogbookBuilder.Built#names}. A new object when that is not known.
     */
    public Object names(Settings settings) {
        return names(logbook(settings));
    }

    /** {@link #names(Settings)} of {@code logbook}, a model this snapshot gave. */
    public Object names(Logbook logbook) {
        Memo current = memo;
        return current != null && current.logbook() == logbook ? current.built().names() : new Object();
    }

    /**
     * What {@code compute} derives from {@code logbook} (this version's model), computed once and kept
     * with the snapshot: a feature's per-document index, such as the rows workspace symbols search.
     * Asked with another model (other settings), it is computed again.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, Logbook logbook, java.util.function.Function<Logbook, T> compute) {
        Derived known = derived.get(key);
        if (known != null && known.from() == logbook) {
            return (T) known.value();
        }
        T value = compute.apply(logbook);
        derived.put(key, new Derived(logbook, value));
        return value;
    }

    /**
     * Lets go of the syntax tree, and of what only an edit's rebuild reuses, once the model is
     * built: closed documents are served from their models, and their trees, heading candidates and
     * ID lists were most of a large workspace's memory. A later {@link #syntax()} parses again; the
     * version after an edit is then built whole. The snapshot's value does not change.
     */
    public void forgetSyntaxTree() {
        Memo current = memo;
        if (current != null && pending == null) {
            syntax = null;
            memo = new Memo(current.options(), current.settings(), current.built().forgotten(), false, current.sections());
        }
    }

    private ModelOptions options(Settings settings) {
        Optional<Boolean> dayFirst = settings.dateOrder() == DateOrder.AUTO
                ? Optional.empty()
                : Optional.of(settings.dateOrder() == DateOrder.DAY_FIRST);
        return new ModelOptions(path, LogbookFiles.forced(path, settings), settings.sectionFamilies(), settings.requiredSections(),
                dayFirst, settings.todayOrClock(), settings.idPattern().flatMap(IdPatterns::compile));
    }

    public DocumentSnapshot withText(int newVersion, String newText) {
        return new DocumentSnapshot(uri, path, newVersion, newText);
    }

    public DocumentSnapshot withText(int newVersion, Text newText) {
        return new DocumentSnapshot(uri, path, newVersion, newText);
    }

    /**
     * The next version, whose text is this one's with {@code change} applied: its syntax tree is
     * built from this version's (or from the last version's that has one) by reparsing only the
     * region the change can affect.
     */
    public DocumentSnapshot withEdit(int newVersion, String newText, TextChange change) {
        return withEdit(newVersion, Text.of(newText), change);
    }

    /** As {@link #withEdit(int, String, TextChange)}, for a text edited with {@link Text#replace}, which shares this text's pieces. */
    public DocumentSnapshot withEdit(int newVersion, Text newText, TextChange change) {
        DocumentSnapshot next = new DocumentSnapshot(uri, path, newVersion, newText);
        TextChange trimmed = change.trimmed(text, newText);
        next.trail = Trail.next(trail, version, trimmed, trimmed.keepsLines(text, newText));
        // Read what is pending before what is computed: a version computing its tree writes the tree, then clears what was pending.
        OlderLines pendingLines = olderLines;
        next.olderLines = OlderLines.next(lineIndex, pendingLines, change, newText);
        Pending pendingAnalysis = pending;
        SyntaxTree tree = syntax;
        Memo model = memo;
        next.pending = Pending.next(tree == null ? null : new Analysis(tree, model != null && model.reusable() && model.sections() ? model : null),
                pendingAnalysis, change, newText);
        return next;
    }
}
