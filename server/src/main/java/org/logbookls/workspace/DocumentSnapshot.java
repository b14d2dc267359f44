package org.logbookls.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.logbookls.config.DateOrder;
import org.logbookls.config.Settings;
import org.logbookls.model.Logbook;
import org.logbookls.model.LogbookBuilder;
import org.logbookls.model.ModelOptions;
import org.logbookls.syntax.IncrementalParser;
import org.logbookls.syntax.MarkdownParser;
import org.logbookls.syntax.SyntaxTree;
import org.logbookls.text.LineIndex;
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
    private final String text;
    private volatile LineIndex lineIndex;
    private volatile SyntaxTree syntax;
    private volatile Memo memo;
    /**
     * The line index of an older version, with how this version's text differs from it: the first
     * request moves its line starts instead of rescanning. Dropped once this version's own is computed.
     */
    private volatile Older<LineIndex> olderLines;
    /**
     * The syntax tree and model of an older version, and the edits from it to this version: the
     * first request reparses and re-models only what each edit touched. Dropped once this version's
     * own tree is computed.
     */
    private volatile Pending pending;
    /** The older model and the region the reparse read again, until this version's model is built from them. */
    private volatile Reuse reuse;

    /** A value computed for an older version, and the change from that version's text to this one's. */
    private record Older<T>(T value, TextChange change) {
        /**
         * What the version after one gets, given that version's own value ({@code null} until
         * computed) and what that version was itself waiting on: the older value, changes merged.
         */
        static <T> Older<T> next(T computed, Older<T> pending, TextChange change) {
            if (computed != null) {
                return new Older<>(computed, change);
            }
            return pending == null ? null : new Older<>(pending.value(), pending.change().then(change));
        }
    }

    /** A version's syntax tree and, if built by then, its model. */
    private record Analysis(SyntaxTree tree, Memo memo) {
    }

    /** An edit not analysed yet, and the text it produced. */
    private record Step(TextChange change, String text) {
    }

    /**
     * An older version's analysis and the edits since, in order. Edits close to each other (typing)
     * are merged into one step; distant ones (an undo here, typing there) stay apart, since merged
     * they would cover, and make the reparse read, everything between them.
     */
    private record Pending(Analysis older, List<Step> steps) {
        private static final int MAX_STEPS = 8;
        /** How far apart two edits may be and still be reparsed as one. */
        private static final int NEARBY = 2_048;

        static Pending next(Analysis computed, Pending pending, TextChange change, String text) {
            if (computed != null) {
                return new Pending(computed, List.of(new Step(change, text)));
            }
            if (pending == null) {
                return null;
            }
            List<Step> steps = new ArrayList<>(pending.steps());
            Step last = steps.get(steps.size() - 1);
            TextChange merged = last.change().then(change);
            int apart = merged.replaced().length() - last.change().replaced().length() - change.replaced().length();
            if (apart <= NEARBY || steps.size() >= MAX_STEPS) {
                steps.set(steps.size() - 1, new Step(merged, text));
            } else {
                steps.add(new Step(change, text));
            }
            return new Pending(pending.older(), List.copyOf(steps));
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
     */
    private record Memo(ModelOptions options, Settings settings, LogbookBuilder.Built built, boolean reusable) {
        Memo(ModelOptions options, Settings settings, LogbookBuilder.Built built) {
            this(options, settings, built, true);
        }

        Logbook logbook() {
            return built.logbook();
        }
    }

    public DocumentSnapshot(String uri, String path, int version, String text) {
        this.uri = uri;
        this.path = path;
        this.version = version;
        this.text = text;
    }

    public String uri() {
        return uri;
    }

    public String path() {
        return path;
    }

    public int version() {
        return version;
    }

    public String text() {
        return text;
    }

    public LineIndex lineIndex() {
        LineIndex index = lineIndex;
        if (index == null) {
            Older<LineIndex> from = olderLines;
            index = from == null ? LineIndex.of(text) : from.value().edited(text, from.change());
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

    public Logbook logbook(Settings settings) {
        Memo current = memo;
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
        LogbookBuilder.Built built = LogbookBuilder.build(tree, options, previous);
        memo = new Memo(options, settings, built);
        reuse = null;
        return built.logbook();
    }

    /**
     * What the model built with {@code settings} names, as an object two versions share when they
     * name the same things (entries' IDs, titles and dates, ID tokens, tags, tag declarations); see
     * {@link LogbookBuilder.Built#names}. A new object when that is not known.
     */
    public Object names(Settings settings) {
        Logbook logbook = logbook(settings);
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
            memo = new Memo(current.options(), current.settings(), current.built().forgotten(), false);
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

    /**
     * The next version, whose text is this one's with {@code change} applied: its syntax tree is
     * built from this version's (or from the last version's that has one) by reparsing only the
     * region the change can affect.
     */
    public DocumentSnapshot withEdit(int newVersion, String newText, TextChange change) {
        DocumentSnapshot next = new DocumentSnapshot(uri, path, newVersion, newText);
        // Read what is pending before what is computed: a version computing its tree writes the tree, then clears what was pending.
        Older<LineIndex> pendingLines = olderLines;
        next.olderLines = Older.next(lineIndex, pendingLines, change);
        Pending pendingAnalysis = pending;
        SyntaxTree tree = syntax;
        Memo model = memo;
        next.pending = Pending.next(tree == null ? null : new Analysis(tree, model != null && model.reusable() ? model : null),
                pendingAnalysis, change, newText);
        return next;
    }
}
