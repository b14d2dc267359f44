package org.logbookls.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.logbookls.analysis.Location;
import org.logbookls.analysis.actions.CodeAction;
import org.logbookls.analysis.actions.FixAll;
import org.logbookls.analysis.actions.NewEntry;
import org.logbookls.analysis.actions.QuickFixes;
import org.logbookls.analysis.actions.Refactors;
import org.logbookls.analysis.completion.Completion;
import org.logbookls.analysis.diagnostics.Diagnostic;
import org.logbookls.analysis.diagnostics.Diagnostics;
import org.logbookls.analysis.diagnostics.Environment;
import org.logbookls.analysis.diagnostics.WorkspaceEnvironment;
import org.logbookls.analysis.editor.CodeLenses;
import org.logbookls.analysis.editor.DocumentLinks;
import org.logbookls.analysis.editor.FoldingRanges;
import org.logbookls.analysis.editor.InlayHints;
import org.logbookls.analysis.navigation.Definition;
import org.logbookls.analysis.navigation.Hover;
import org.logbookls.analysis.navigation.References;
import org.logbookls.analysis.navigation.Rename;
import org.logbookls.analysis.symbols.DocumentSymbols;
import org.logbookls.analysis.symbols.Summary;
import org.logbookls.analysis.symbols.WorkspaceSymbols;
import org.logbookls.config.Settings;
import org.logbookls.config.SettingsLayer;
import org.logbookls.syntax.MarkdownParser;
import org.logbookls.testing.Fixture;
import org.logbookls.text.Cancellation;
import org.logbookls.text.LineColumn;
import org.logbookls.text.LineIndex;
import org.logbookls.text.TextChange;
import org.logbookls.text.TextEdit;
import org.logbookls.text.TextRange;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.IndexCache;
import org.logbookls.workspace.WorkspaceFolder;
import org.logbookls.workspace.WorkspaceSnapshot;
import org.logbookls.workspace.WorkspaceView;

/**
 * Parse → model → every feature, on arbitrary text at arbitrary positions. The text is either raw
 * fuzzer bytes or a window of a real logbook from {@code ../shared/logbooks/} with fuzzed splices,
 * so the fuzzer starts from the shapes users write. Two more documents in the same folder, closed
 * (read from disk, as the server reads the files not open), give cross-file definitions, references
 * and hovers something to find; the sections of one's entries, read alone, are compared with its
 * model's.
 *
 * <p>Any exception fails, as does a result outside the document, an edit that overlaps another,
 * splits a surrogate pair or a CRLF, or a refactor that loses a line. In CI this runs over the
 * committed inputs in {@code src/test/resources/org/logbookls/fuzz/FeatureFuzzTestInputs/}; the
 * long run is in {@code docs/testing.md}.
 */
public class FeatureFuzzTest {
    private static final int MAX_TEXT = 2_000;
    private static final String MAIN = "file:///fuzz/logbook.md";
    private static final String OTHER = "file:///fuzz/notes/2026-11-20.md";
    private static final String OTHER_PATH = "fuzz/notes/2026-11-20.md";
    private static final String OLDER = "file:///fuzz/older.md";
    private static final String OLDER_PATH = "fuzz/older.md";
    /**
     * The usual other documents, read from disk as the server reads the files of the workspace that
     * are not open: one snapshot each, so the index cache analyses them once per settings.
     */
    private static final DocumentSnapshot DEFAULT_OTHER = DocumentSnapshot.closed(OTHER, OTHER_PATH, 0,
            "## 2026-11-20 [e0001] Other\n\nSee [e0002] #tag\n");
    private static final DocumentSnapshot DEFAULT_OLDER = DocumentSnapshot.closed(OLDER, OLDER_PATH, 0,
            "# Older\n\n## 2026-11-18 [e0002] Setup\n\nResults: fine\n\n## 2026-11-19 [e0003] Run\n\n### Results\n\n- 91 %\n");
    /** Shared across inputs as in the server: it keys documents by snapshot identity, so nothing stale is reused. */
    private static final IndexCache INDEX = new IndexCache();

    @FuzzTest(maxDuration = "5m")
    void everyFeature(FuzzedDataProvider data) {
        fuzzerTestOneInput(data);
    }

    /** The same target for Jazzer's command line, which the long run in docs/testing.md uses. */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        Settings settings = settings(data);
        String text = FuzzTexts.text(data, MAX_TEXT);
        DocumentSnapshot other = data.consumeBoolean() ? DocumentSnapshot.closed(OTHER, OTHER_PATH, 0, FuzzTexts.text(data, 1_000))
                : DEFAULT_OTHER;
        DocumentSnapshot older = data.consumeBoolean() ? DocumentSnapshot.closed(OLDER, OLDER_PATH, 0, FuzzTexts.text(data, 1_500))
                : DEFAULT_OLDER;
        WorkspaceView view = view(settings, text, other, older);
        DocumentSnapshot document = view.document(MAIN).orElseThrow();
        // One group of features per input keeps each execution short; the fuzzer picks the group,
        // so over a run every feature sees every kind of text.
        switch (data.consumeInt(0, 5)) {
            case 0 -> documentWide(data, view, document, settings);
            case 1 -> atPosition(data, view, document, data.consumeInt(0, text.length()));
            case 2 -> codeActions(view, document, data.consumeInt(0, text.length()), data.consumeInt(0, 40));
            case 3 -> typing(data, document, settings);
            case 4 -> closedSections(view, older, settings);
            default -> wholeDocumentEdits(data, view, document);
        }
    }

    /**
     * A closed document is indexed without its entries' sections; each entry's, asked for alone (as
     * a hover does), must be those of the model built with them ({@link DocumentSnapshot#sections}).
     */
    private static void closedSections(WorkspaceView view, DocumentSnapshot closed, Settings settings) {
        var entries = view.logbookWithoutSections(closed).entries();
        var built = new DocumentSnapshot(closed.uri(), closed.path(), 1, closed.text()).logbook(settings).entries();
        check(entries.size() == built.size(), "a closed document's model has " + entries.size() + " entries, an open one's " + built.size());
        for (int i = 0; i < entries.size(); i++) {
            check(closed.sections(settings, entries.get(i)).equals(built.get(i).sections()),
                    "the sections of entry " + i + " read alone differ from the model's: " + closed.sections(settings, entries.get(i))
                    + " against " + built.get(i).sections() + " in " + closed.text().toString().replace("\n", "⏎").replace("\r", "␍"));
        }
    }

    /**
     * Edits as the editor sends them, analysed incrementally ({@link DocumentSnapshot#withEdit}):
     * after each, the text, the tree and the model must equal those of a document opened with the
     * same text, and the diagnostics found from the last ones ({@link Diagnostics#afterEdits}, as the
     * server finds them while the edits keep the lines) those found from scratch. Some edits are
     * merged before anything asks for the tree, as when typing outruns the analysis.
     */
    private static void typing(FuzzedDataProvider data, DocumentSnapshot document, Settings settings) {
        org.logbookls.model.Logbook checked = document.logbook(settings);
        List<Diagnostic> found = Diagnostics.of(MAIN, checked, document.lineIndex(), settings, Environment.SINGLE_FILE, Cancellation.NONE);
        int checkedVersion = document.version();
        int edits = data.consumeInt(1, 4);
        for (int i = 0; i < edits; i++) {
            String text = document.text().toString();
            int start = data.consumeInt(0, text.length());
            int end = Math.min(text.length(), start + data.consumeInt(0, 12));
            String inserted = data.consumeString(8);
            String next = text.substring(0, start) + inserted + text.substring(end);
            document = document.withEdit(document.version() + 1, next, new TextChange(TextRange.of(start, end), inserted.length()));
            if (data.consumeBoolean()) {
                DocumentSnapshot fresh = new DocumentSnapshot(MAIN, "fuzz/logbook.md", 1, next);
                check(fresh.syntax().equals(document.syntax()), "the incremental tree differs from a full parse after "
                        + TextRange.of(start, end) + " := " + inserted);
                check(fresh.logbook(settings).equals(document.logbook(settings)), "the incremental model differs from a fresh one after "
                        + TextRange.of(start, end) + " := " + printable(inserted) + " in " + printable(text));
                List<Diagnostic> now = Diagnostics.of(MAIN, document.logbook(settings), document.lineIndex(), settings, Environment.SINGLE_FILE,
                        Cancellation.NONE);
                var since = document.lineKeepingEditsSince(checkedVersion);
                if (since.isPresent()) {
                    check(now.equals(Diagnostics.afterEdits(MAIN, checked, found, document.logbook(settings), since.get(), document.lineIndex(),
                            settings, Environment.SINGLE_FILE, Cancellation.NONE)), "the diagnostics found from the last ones differ after "
                            + TextRange.of(start, end) + " := " + printable(inserted) + " in " + printable(text));
                }
                checked = document.logbook(settings);
                found = now;
                checkedVersion = document.version();
            }
        }
    }

    private static void documentWide(FuzzedDataProvider data, WorkspaceView view, DocumentSnapshot document, Settings settings) {
        String text = document.text().toString();
        // The shortcuts past commonmark's inline parser (plain paragraphs, SimpleInlines) give the tree it gives.
        check(MarkdownParser.parseEveryInline(text).equals(MarkdownParser.parseInOnePiece(text)),
                "the tree differs from the one every inline parsed by commonmark gives");
        for (Diagnostic diagnostic : Diagnostics.of(MAIN, view.logbook(document), document.lineIndex(), settings,
                new WorkspaceEnvironment(view), Cancellation.NONE)) {
            inside(text, diagnostic.range(), "diagnostic " + diagnostic.code().id());
            diagnostic.related().forEach(related -> inside(text, related.range(), "related information"));
        }
        for (DocumentSymbols.Symbol symbol : DocumentSymbols.of(view.logbook(document), text, Cancellation.NONE)) {
            symbol(text, symbol);
        }
        Summary.of(view.logbook(document));
        for (FoldingRanges.Fold fold : FoldingRanges.of(view.logbook(document), document.syntax(), document.lineIndex())) {
            check(fold.startLine() >= 0 && fold.startLine() <= fold.endLine() && fold.endLine() < document.lineIndex().lineCount(),
                    "folding range " + fold);
        }
        CodeLenses.of(view, document, Cancellation.NONE).forEach(lens -> {
            inside(text, lens.range(), "code lens");
            lens.references().forEach(location -> inside(view, location, "code lens reference"));
        });
        InlayHints.of(view.logbook(document), TextRange.of(0, text.length())).forEach(hint -> inside(text,
                TextRange.empty(hint.offset()), "inlay hint"));
        DocumentLinks.of(view, document).forEach(link -> {
            inside(text, link.range(), "document link");
            inside(view, link.target(), "document link target");
        });
        WorkspaceSymbols.query(view, data.consumeString(12), Cancellation.NONE).forEach(found -> inside(view,
                new Location(found.uri(), found.range()), "workspace symbol"));
    }

    private static void atPosition(FuzzedDataProvider data, WorkspaceView view, DocumentSnapshot document, int offset) {
        String text = document.text().toString();
        for (Completion.Item item : Completion.at(view, document, offset, Cancellation.NONE)) {
            inside(text, item.replace(), "completion " + item.label());
            check(item.replace().contains(offset) || item.replace().end() == offset, "completion range away from the cursor");
        }
        Hover.at(view, document, offset, Cancellation.NONE).ifPresent(info -> inside(text, info.range(), "hover"));
        Definition.of(view, document, offset, Cancellation.NONE).forEach(location -> inside(view, location, "definition"));
        References.of(view, document, offset, data.consumeBoolean(), Cancellation.NONE).forEach(location -> inside(view, location,
                "references"));
        Rename.prepare(view, document, offset).ifPresent(prepared -> inside(text, prepared.range(), "prepare rename"));
        Rename.Result rename = Rename.of(view, document, offset, data.consumeString(16), Cancellation.NONE);
        rename.edits().forEach((uri, edits) -> edits(view.document(uri).orElseThrow().text().toString(), edits, "rename"));
    }

    private static void codeActions(WorkspaceView view, DocumentSnapshot document, int offset, int length) {
        int end = Math.min(document.text().length(), offset + length);
        for (CodeAction action : QuickFixes.at(view, document, TextRange.of(offset, end), Cancellation.NONE)) {
            action.edits().forEach((uri, edits) -> edits(view.document(uri).map(d -> d.text().toString()).orElse(""), edits,
                    action.title()));
        }
    }

    private static void wholeDocumentEdits(FuzzedDataProvider data, WorkspaceView view, DocumentSnapshot document) {
        String text = document.text().toString();
        edits(text, FixAll.of(view, document, Cancellation.NONE), "fix all");
        NewEntry.Plan plan = NewEntry.plan(view, document, Cancellation.NONE);
        if (plan instanceof NewEntry.Insert insert) {
            edits(text, List.of(insert.edit()), "new entry");
            check(insert.edit().range().of(text).isBlank(), "the new entry replaced text: '" + insert.edit().range().of(text) + "'");
        } else if (plan instanceof NewEntry.Existing existing) {
            inside(text, existing.heading(), "today's existing entry");
        }
        String sorted = edits(text, Refactors.sortEntries(view, document), "sort entries");
        check(FuzzTexts.sameLines(text, sorted), "sorting entries lost or added a line");
        edits(text, Refactors.normaliseDates(view, document, data.consumeBoolean()), "normalise dates");
        edits(text, Refactors.tableOfContents(view, document), "table of contents");
    }

    private static Settings settings(FuzzedDataProvider data) {
        Settings settings = Settings.DEFAULT.withToday(Fixture.DEFAULT_TODAY);
        if (data.consumeBoolean()) {
            // An arbitrary configuration file: decoding must survive it, and so must every feature.
            var decoded = org.logbookls.json.SettingsJson.decodeFile(data.consumeString(200));
            settings = decoded.layer().applyTo(settings);
        }
        return settings;
    }

    private static WorkspaceView view(Settings settings, String text, DocumentSnapshot other, DocumentSnapshot older) {
        Map<String, DocumentSnapshot> documents = new LinkedHashMap<>();
        documents.put(MAIN, new DocumentSnapshot(MAIN, "fuzz/logbook.md", 1, text));
        Map<String, DocumentSnapshot> disk = new LinkedHashMap<>();
        disk.put(OTHER, other);
        disk.put(OLDER, older);
        WorkspaceSnapshot snapshot = new WorkspaceSnapshot(documents, disk, Set.of("/fuzz/logbook.md", "/fuzz/notes/2026-11-20.md",
                "/fuzz/older.md", "/fuzz/fig/plot.png"), List.of(new WorkspaceFolder("file:///fuzz", java.nio.file.Path.of("/fuzz"), "fuzz")),
                SettingsLayer.EMPTY, false, 1);
        return new WorkspaceView(snapshot, INDEX.index(snapshot, d -> settings, Cancellation.NONE), d -> settings);
    }

    private static void symbol(String text, DocumentSymbols.Symbol symbol) {
        inside(text, symbol.range(), "document symbol");
        check(symbol.range().contains(symbol.selection()), "document symbol selection outside its range");
        for (DocumentSymbols.Symbol child : symbol.children()) {
            check(symbol.range().contains(child.range()), "child symbol outside its parent");
            symbol(text, child);
        }
    }

    private static void inside(WorkspaceView view, Location location, String what) {
        view.document(location.uri()).ifPresent(target -> inside(target.text().toString(), location.range(), what));
    }

    static void inside(String text, TextRange range, String what) {
        check(range.end() <= text.length(), what + ": " + range + " is past the end (" + text.length() + ")");
        check(!FuzzTexts.splits(text, range.start()) && !FuzzTexts.splits(text, range.end()), what + ": " + range
                + " splits a surrogate pair");
        LineIndex lines = lines(text);
        for (int offset : new int[] {range.start(), range.end()}) {
            LineColumn position = lines.position(offset);
            check(lines.offset(position.line(), position.column()) == offset, what + ": offset " + offset + " does not survive "
                    + position);
            check(lines.offsetOfUtf8(position.line(), lines.utf8Column(offset)) == offset, what + ": offset " + offset
                    + " does not survive UTF-8 columns");
        }
    }

    private static LineIndex lastLines;

    /** The line index of {@code text}, built once per text rather than once per range checked. */
    private static LineIndex lines(String text) {
        LineIndex lines = lastLines;
        if (lines == null || lines.text().toString() != text) {
            lines = LineIndex.of(text);
            lastLines = lines;
        }
        return lines;
    }

    /** Checks a feature's edits and applies them independently of {@link FixAll#apply}, which must agree. */
    static String edits(String text, List<TextEdit> edits, String what) {
        List<TextEdit> ordered = edits.stream().sorted((a, b) -> a.range().compareTo(b.range())).toList();
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (TextEdit edit : ordered) {
            inside(text, edit.range(), what);
            check(edit.range().start() >= at, what + ": overlapping edits at " + edit.range());
            check(!FuzzTexts.splitsCrlf(text, edit.range().start()) && !FuzzTexts.splitsCrlf(text, edit.range().end()), what
                    + ": an edit splits a CRLF at " + edit.range());
            out.append(text, at, edit.range().start()).append(edit.newText());
            at = edit.range().end();
        }
        out.append(text, at, text.length());
        String applied = FixAll.apply(text, edits);
        check(FuzzTexts.same(applied, out), what + ": the edits changed text outside their ranges");
        return applied;
    }

    /** A text on one line, its line breaks shown, for a message a reader can paste into a test. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < ' ' || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
