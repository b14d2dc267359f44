package org.logbookls.analysis.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.logbookls.analysis.Location;
import org.logbookls.analysis.completion.Completion;
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
import org.logbookls.testing.Fixture;
import org.logbookls.testing.FixtureWorkspace;
import org.logbookls.testing.Fixtures;
import org.logbookls.text.Cancellation;
import org.logbookls.text.LineColumn;
import org.logbookls.text.TextEdit;
import org.logbookls.text.TextRange;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.WorkspaceView;

/**
 * Cursor-based and workspace features, driven by multi-file fixtures: {@code fixtures/<feature>/NAME.md}
 * (with a {@code $0} cursor where the feature needs one) and its rendered result {@code NAME.expected}.
 * Each render function below is the only place that calls its feature.
 */
class FeatureFixtureTest {
    @TestFactory
    Stream<DynamicTest> completion() {
        return run("completion", (view, document, offset, fixture) -> {
            StringBuilder out = new StringBuilder();
            for (Completion.Item item : Completion.at(view, document, offset, Cancellation.NONE)) {
                out.append(item.kind().name().toLowerCase()).append(' ').append(item.label())
                        .append(item.detail().isEmpty() ? "" : "  — " + item.detail())
                        .append("  [replaces '").append(item.replace().of(document.text())).append("' with '")
                        .append(item.insertText()).append("']").append('\n');
            }
            return out.toString();
        });
    }

    @TestFactory
    Stream<DynamicTest> definition() {
        return run("definition", (view, document, offset, fixture) -> locations(view, Definition.of(view, document, offset, Cancellation.NONE)));
    }

    @TestFactory
    Stream<DynamicTest> references() {
        return run("references", (view, document, offset, fixture) -> locations(view,
                References.of(view, document, offset, Boolean.parseBoolean(fixture.options().getOrDefault("declarations", "true")),
                        Cancellation.NONE)));
    }

    @TestFactory
    Stream<DynamicTest> hover() {
        return run("hover", (view, document, offset, fixture) -> Hover.at(view, document, offset, Cancellation.NONE)
                .map(info -> "range '" + info.range().of(document.text()) + "'\n" + info.markdown() + "\n").orElse("(no hover)\n"));
    }

    @TestFactory
    Stream<DynamicTest> rename() {
        return run("rename", (view, document, offset, fixture) -> {
            StringBuilder out = new StringBuilder();
            Rename.prepare(view, document, offset).ifPresentOrElse(
                    prepared -> out.append("prepare: '").append(prepared.placeholder()).append("'\n"),
                    () -> out.append("prepare: nothing to rename\n"));
            Rename.Result result = Rename.of(view, document, offset, fixture.options().get("new"), Cancellation.NONE);
            if (result.refusal().isPresent()) {
                return out.append("refused: ").append(result.refusal().get()).append('\n').toString();
            }
            for (Map.Entry<String, List<TextEdit>> file : new TreeMap<>(result.edits()).entrySet()) {
                String text = view.document(file.getKey()).orElseThrow().text().toString();
                List<TextEdit> edits = new ArrayList<>(file.getValue());
                edits.sort((a, b) -> b.range().compareTo(a.range()));
                for (TextEdit edit : edits) {
                    text = text.substring(0, edit.range().start()) + edit.newText() + text.substring(edit.range().end());
                }
                out.append("//- /").append(FixtureWorkspace.path(file.getKey())).append('\n').append(text);
            }
            return out.toString();
        });
    }

    @TestFactory
    Stream<DynamicTest> symbols() {
        return run("symbols", (view, document, offset, fixture) -> {
            StringBuilder out = new StringBuilder();
            for (DocumentSymbols.Symbol symbol : DocumentSymbols.of(view.logbook(document), document.text(), Cancellation.NONE)) {
                tree(document, symbol, 0, out);
            }
            Summary.Result summary = Summary.of(view.logbook(document));
            out.append("summary: ").append(summary.logbook() ? summary.entries() + " entries" : "not a logbook")
                    .append(summary.latest().map(latest -> ", latest " + latest.date() + " ('" + latest.written() + "' @"
                            + (document.lineIndex().position(latest.heading().start()).line() + 1) + ")").orElse("")).append('\n');
            String query = fixture.options().get("query");
            if (query != null) {
                out.append("workspace symbols for '").append(query).append("':\n");
                for (WorkspaceSymbols.Found found : WorkspaceSymbols.query(view, query, Cancellation.NONE)) {
                    out.append("  ").append(found.experiment() ? "experiment " : "entry ").append(found.name()).append("  (")
                            .append(found.container()).append(")\n");
                }
            }
            return out.toString();
        });
    }

    @TestFactory
    Stream<DynamicTest> editor() {
        return run("editor", (view, document, offset, fixture) -> {
            StringBuilder out = new StringBuilder("folding:\n");
            for (FoldingRanges.Fold fold : FoldingRanges.of(view.logbook(document), document.syntax(), document.lineIndex())) {
                out.append("  ").append(fold.startLine() + 1).append('-').append(fold.endLine() + 1).append(' ')
                        .append(fold.kind().name().toLowerCase()).append('\n');
            }
            out.append("code lenses:\n");
            for (CodeLenses.Lens lens : CodeLenses.of(view, document, Cancellation.NONE)) {
                out.append("  '").append(lens.range().of(document.text())).append("': ").append(lens.title()).append('\n');
            }
            out.append("inlay hints:\n");
            for (InlayHints.Hint hint : InlayHints.of(view.logbook(document), TextRange.of(0, document.text().length()))) {
                LineColumn at = document.lineIndex().position(hint.offset());
                out.append("  ").append(at.line() + 1).append(':').append(at.column() + 1).append(" '").append(hint.label())
                        .append("' (").append(hint.tooltip()).append(")\n");
            }
            out.append("document links:\n");
            for (DocumentLinks.DocumentLink link : DocumentLinks.of(view, document)) {
                out.append("  '").append(link.range().of(document.text())).append("' -> ").append(location(view, link.target())).append('\n');
            }
            return out.toString();
        });
    }

    @TestFactory
    Stream<DynamicTest> actions() {
        return run("actions", (view, document, offset, fixture) -> {
            StringBuilder out = new StringBuilder();
            List<org.logbookls.analysis.actions.CodeAction> actions = org.logbookls.analysis.actions.QuickFixes.at(view, document,
                    TextRange.empty(offset), Cancellation.NONE);
            for (var action : actions) {
                out.append("action: ").append(action.title()).append(action.safe() ? "  (safe)" : "").append('\n');
            }
            String apply = fixture.options().get("apply");
            String after = document.text().toString();
            if (apply != null) {
                var chosen = actions.stream().filter(action -> action.title().startsWith(apply)).findFirst().orElseThrow(
                        () -> new AssertionError("No action starting with '" + apply + "'"));
                after = org.logbookls.analysis.actions.FixAll.apply(document.text().toString(), chosen.edits().get(document.uri()));
            } else if (fixture.options().containsKey("command")) {
                after = switch (fixture.options().get("command")) {
                    case "newEntry" -> newEntry(view, document);
                    case "sortEntries" -> org.logbookls.analysis.actions.FixAll.apply(after,
                            org.logbookls.analysis.actions.Refactors.sortEntries(view, document));
                    case "normaliseDates" -> org.logbookls.analysis.actions.FixAll.apply(after,
                            org.logbookls.analysis.actions.Refactors.normaliseDates(view, document, true));
                    case "tableOfContents" -> org.logbookls.analysis.actions.FixAll.apply(after,
                            org.logbookls.analysis.actions.Refactors.tableOfContents(view, document));
                    case "fixAll" -> org.logbookls.analysis.actions.FixAll.apply(after,
                            org.logbookls.analysis.actions.FixAll.of(view, document, Cancellation.NONE));
                    default -> throw new AssertionError("Unknown command");
                };
            }
            out.append("--- after\n").append(after);
            if (!after.endsWith("\n")) {
                out.append("\n(no final line break)\n");
            }
            out.append("--- diagnostics after\n");
            var afterDocument = new DocumentSnapshot(document.uri(), document.path(), document.version() + 1, after);
            var settings = view.settingsOf(document);
            for (var diagnostic : org.logbookls.analysis.diagnostics.Diagnostics.of(afterDocument.uri(), afterDocument.logbook(settings),
                    afterDocument.lineIndex(), settings, new org.logbookls.analysis.diagnostics.WorkspaceEnvironment(view), Cancellation.NONE)) {
                LineColumn at = afterDocument.lineIndex().position(diagnostic.range().start());
                out.append(at.line() + 1).append(':').append(at.column() + 1).append(' ').append(diagnostic.code().id()).append(' ')
                        .append(diagnostic.message()).append('\n');
            }
            return out.toString();
        });
    }

    private static String newEntry(WorkspaceView view, DocumentSnapshot document) {
        var plan = org.logbookls.analysis.actions.NewEntry.plan(view, document, Cancellation.NONE);
        if (plan instanceof org.logbookls.analysis.actions.NewEntry.Insert insert) {
            return org.logbookls.analysis.actions.FixAll.apply(document.text().toString(), List.of(insert.edit()));
        }
        return document.text() + "\n(plan: " + plan + ")\n";
    }

    /** A feature under test, given the fixture's workspace, its cursor document and offset. */
    @FunctionalInterface
    interface Render {
        String apply(WorkspaceView view, DocumentSnapshot document, int offset, Fixture fixture);
    }

    private static Stream<DynamicTest> run(String feature, Render render) {
        Path folder = Fixtures.resources().resolve("fixtures").resolve(feature);
        return Fixtures.each(folder, ".md", file -> {
            Fixture fixture = Fixture.parse(Fixtures.read(file));
            WorkspaceView view = FixtureWorkspace.of(fixture);
            String path = fixture.cursor().map(Fixture.Cursor::path).orElse(fixture.files().keySet().iterator().next());
            DocumentSnapshot document = view.document(FixtureWorkspace.uri(path)).orElseThrow();
            int offset = fixture.cursor().map(Fixture.Cursor::offset).orElse(0);
            String name = file.getFileName().toString();
            Fixtures.assertMatches(file.resolveSibling(name.substring(0, name.length() - 3) + ".expected"),
                    render.apply(view, document, offset, fixture));
        });
    }

    private static String locations(WorkspaceView view, List<Location> locations) {
        StringBuilder out = new StringBuilder();
        for (Location location : locations) {
            out.append(location(view, location)).append('\n');
        }
        return out.length() == 0 ? "(none)\n" : out.toString();
    }

    private static String location(WorkspaceView view, Location location) {
        DocumentSnapshot document = view.document(location.uri()).orElseThrow();
        LineColumn start = document.lineIndex().position(location.range().start());
        return FixtureWorkspace.path(location.uri()) + ":" + (start.line() + 1) + ":" + (start.column() + 1) + " '"
                + location.range().of(document.text()) + "'";
    }

    private static void tree(DocumentSnapshot document, DocumentSymbols.Symbol symbol, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(symbol.kind().name().toLowerCase()).append(' ').append(symbol.name())
                .append(symbol.detail().isEmpty() ? "" : "  — " + symbol.detail())
                .append("  @").append(document.lineIndex().lineOf(symbol.selection().start()) + 1).append('\n');
        for (DocumentSymbols.Symbol child : symbol.children()) {
            tree(document, child, depth + 1, out);
        }
    }

}
