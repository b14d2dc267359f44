package org.logbookls.analysis.diagnostics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.logbookls.config.Settings;
import org.logbookls.json.ConfigProblem;
import org.logbookls.json.SettingsJson;
import org.logbookls.testing.Annotations;
import org.logbookls.testing.Annotations.Annotation;
import org.logbookls.testing.Fixture;
import org.logbookls.testing.FixtureWorkspace;
import org.logbookls.testing.Fixtures;
import org.logbookls.text.Cancellation;
import org.logbookls.text.LineColumn;
import org.logbookls.text.LineIndex;
import org.logbookls.workspace.DocumentSnapshot;

/**
 * Every file in {@code fixtures/diagnostics/} is a logbook with its expected diagnostics written
 * under the lines they belong to. A {@code /.logbook.json} file in a fixture configures the others.
 */
class DiagnosticsFixtureTest {
    private static final Path FOLDER = Fixtures.resources().resolve("fixtures/diagnostics");

    @TestFactory
    Stream<DynamicTest> diagnostics() {
        return Fixtures.each(FOLDER, ".md", DiagnosticsFixtureTest::check);
    }

    static void check(Path fixtureFile) {
        String text = Fixtures.read(fixtureFile);
        String actual = render(text);
        if (!actual.equals(text) && Fixtures.updating()) {
            Fixtures.assertMatches(fixtureFile, actual);
            return;
        }
        org.junit.jupiter.api.Assertions.assertEquals(text, actual,
                "Diagnostics differ from " + fixtureFile + " (run with -Dfixtures.update=true to rewrite, then review the diff)");
    }

    /** The fixture with caret lines for what the server reports now: the single place that calls the diagnostics API. */
    public static String render(String text) {
        Fixture fixture = Fixture.parse(text);
        Settings settings = Settings.DEFAULT.withToday(fixture.today());
        Map<String, List<Annotation>> annotations = new LinkedHashMap<>();
        String config = fixture.files().get(".logbook.json");
        if (config != null) {
            SettingsJson.Decoded decoded = SettingsJson.decodeFile(config);
            settings = decoded.layer().applyTo(settings);
            LineIndex lines = LineIndex.of(config);
            List<Annotation> problems = new ArrayList<>();
            for (ConfigProblem problem : decoded.problems()) {
                problems.add(annotation(lines, problem.range(), problem.error() ? "error" : "warning",
                        DiagnosticCode.INVALID_CONFIG.id(), problem.message()));
            }
            annotations.put(".logbook.json", problems);
        }
        var view = FixtureWorkspace.of(fixture);
        Environment environment = new WorkspaceEnvironment(view);
        for (Map.Entry<String, String> file : fixture.files().entrySet()) {
            if (!file.getKey().endsWith(".md")) {
                continue;
            }
            DocumentSnapshot document = view.document(FixtureWorkspace.uri(file.getKey())).orElseThrow();
            List<Annotation> found = new ArrayList<>();
            // What an editor is sent: all that is found, up to the maxDiagnostics setting.
            for (Diagnostic diagnostic : DiagnosticLimit.apply(Diagnostics.of(document.uri(), document.logbook(settings),
                    document.lineIndex(), settings, environment, Cancellation.NONE), settings)) {
                found.add(annotation(document.lineIndex(), diagnostic.range(), diagnostic.severity().id(), diagnostic.code().id(),
                        diagnostic.message()));
            }
            annotations.put(file.getKey(), found);
        }
        return Annotations.render(text, annotations);
    }

    private static Annotation annotation(LineIndex lines, org.logbookls.text.TextRange range, String severity, String code, String message) {
        LineColumn start = lines.position(range.start());
        int end = Math.min(range.end(), lines.lineContentEnd(start.line()));
        return new Annotation(start.line(), start.column(), Math.max(0, end - range.start()), severity, code, message);
    }
}
