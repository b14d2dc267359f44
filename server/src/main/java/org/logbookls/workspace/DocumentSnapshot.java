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
     * An older version whose syntax tree is computed, and how this version's text differs from
     * it, so that {@link #syntax()} reparses only what changed. Dropped once this tree is computed.
     */
    private volatile Base base;

    private record Base(DocumentSnapshot document, TextChange change) {
    }

    private record Memo(ModelOptions options, Logbook logbook) {
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
            index = LineIndex.of(text);
            lineIndex = index;
        }
        return index;
    }

    public SyntaxTree syntax() {
        SyntaxTree tree = syntax;
        if (tree == null) {
            Base from = base;
            tree = from == null ? MarkdownParser.parse(text) : IncrementalParser.reparse(from.document().syntax, from.change(), text);
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
        Logbook logbook = LogbookBuilder.build(syntax(), options);
        memo = new Memo(options, logbook);
        return logbook;
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
        Base older = base;
        if (syntax != null) {
            next.base = new Base(this, change);
        } else if (older != null) {
            next.base = new Base(older.document(), older.change().then(change));
        }
        return next;
    }
}
