package org.logbookls.workspace;

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
     * The syntax tree (and model, if built) of an older version, and how this version's text
     * differs from it, so that {@link #syntax()} reparses only what changed. Dropped once this
     * tree is computed.
     */
    private volatile Base base;
    /** The older model and the region the reparse read again, until this version's model is built from them. */
    private volatile LogbookBuilder.Previous previous;
    private volatile ModelOptions previousOptions;

    private record Base(SyntaxTree tree, Memo memo, TextChange change) {
    }

    /** The line index of an older version and how this one differs, until this version's index is computed. */
    private volatile LineBase lineBase;

    private record LineBase(LineIndex lines, TextChange change) {
    }

    private record Memo(ModelOptions options, LogbookBuilder.Built built) {
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
            LineBase from = lineBase;
            index = from == null ? LineIndex.of(text) : from.lines().edited(text, from.change());
            lineIndex = index;
            lineBase = null;
        }
        return index;
    }

    public SyntaxTree syntax() {
        SyntaxTree tree = syntax;
        if (tree == null) {
            Base from = base;
            if (from == null) {
                tree = MarkdownParser.parse(text);
            } else {
                IncrementalParser.Result result = IncrementalParser.reparseWithRegion(from.tree(), from.change(), text);
                tree = result.tree();
                if (from.memo() != null && result.region().isPresent()) {
                    previousOptions = from.memo().options();
                    previous = new LogbookBuilder.Previous(from.memo().built(), result.region().get());
                }
            }
            syntax = tree;
            base = null;
        }
        return tree;
    }

    public Logbook logbook(Settings settings) {
        ModelOptions options = options(settings);
        Memo current = memo;
        if (current != null && current.options().equals(options)) {
            return current.logbook();
        }
        SyntaxTree tree = syntax();
        LogbookBuilder.Previous before = previous;
        Optional<LogbookBuilder.Previous> reuse = before != null && options.equals(previousOptions) ? Optional.of(before) : Optional.empty();
        LogbookBuilder.Built built = LogbookBuilder.build(tree, options, reuse);
        memo = new Memo(options, built);
        previous = null;
        return built.logbook();
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
        LineBase olderLines = lineBase;
        LineIndex lines = lineIndex;
        if (lines != null) {
            next.lineBase = new LineBase(lines, change);
        } else if (olderLines != null) {
            next.lineBase = new LineBase(olderLines.lines(), olderLines.change().then(change));
        }
        Base older = base;
        SyntaxTree tree = syntax;
        if (tree != null) {
            next.base = new Base(tree, memo, change);
        } else if (older != null) {
            next.base = new Base(older.tree(), older.memo(), older.change().then(change));
        }
        return next;
    }
}
