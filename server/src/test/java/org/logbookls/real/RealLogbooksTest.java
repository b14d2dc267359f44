package org.logbookls.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.logbookls.analysis.diagnostics.Diagnostic;
import org.logbookls.analysis.diagnostics.Diagnostics;
import org.logbookls.config.Settings;
import org.logbookls.testing.Fixture;
import org.logbookls.testing.Fixtures;
import org.logbookls.text.Cancellation;
import org.logbookls.text.LineColumn;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.logbookls.analysis.diagnostics.WorkspaceEnvironment;
import org.logbookls.config.SettingsLayer;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.IndexCache;
import org.logbookls.workspace.WorkspaceFolder;
import org.logbookls.workspace.WorkspaceSnapshot;
import org.logbookls.workspace.WorkspaceView;
import org.logbookls.workspace.LogbookFiles;

/**
 * The diagnostics of every real logbook in {@code ../shared/logbooks/} (seeds, corpus, folders),
 * compared with {@code real/<folder>.expected}: one line per finding, reviewed by reading the
 * logbooks. A file with no line in the expectation must have no finding at all.
 */
class RealLogbooksTest {
    @TestFactory
    Stream<DynamicTest> realLogbooks() {
        Path shared = Fixtures.sharedLogbooks();
        return Stream.of("seeds", "corpus", "folders").map(folder -> DynamicTest.dynamicTest(folder, () ->
                Fixtures.assertMatches(Fixtures.resources().resolve("real").resolve(folder + ".expected"), render(shared, folder))));
    }

    /** Each folder is checked as a workspace of its own, as an editor opened on it would. */
    static String render(Path shared, String folder) {
        Settings settings = Settings.DEFAULT.withToday(Fixture.DEFAULT_TODAY);
        Path root = shared.resolve(folder).toAbsolutePath().normalize();
        Map<String, DocumentSnapshot> documents = new LinkedHashMap<>();
        Set<String> files = new HashSet<>();
        for (Path file : all(root)) {
            files.add(file.toString());
            if (!LogbookFiles.isMarkdown(file.getFileName().toString())) {
                continue;
            }
            try {
                String relative = root.getParent().relativize(file).toString().replace('\\', '/');
                documents.put(file.toUri().toString(), new DocumentSnapshot(file.toUri().toString(), relative, 1, Files.readString(file)));
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
        WorkspaceSnapshot snapshot = new WorkspaceSnapshot(Map.of(), documents, files,
                List.of(new WorkspaceFolder(root.toUri().toString(), root, folder)), SettingsLayer.EMPTY, false, 1);
        var view = new WorkspaceView(snapshot, new IndexCache().index(snapshot, d -> settings, Cancellation.NONE), d -> settings);
        var environment = new WorkspaceEnvironment(view);
        StringBuilder out = new StringBuilder();
        for (DocumentSnapshot document : documents.values()) {
            String relative = root.getParent().relativize(Path.of(java.net.URI.create(document.uri()))).toString().replace('\\', '/');
            for (Diagnostic diagnostic : Diagnostics.of(document.uri(), document.logbook(settings), document.lineIndex(), settings,
                    environment, Cancellation.NONE)) {
                LineColumn start = document.lineIndex().position(diagnostic.range().start());
                out.append(relative).append(':').append(start.line() + 1).append(':').append(start.column() + 1).append(": ")
                        .append(diagnostic.severity().id()).append(' ').append(diagnostic.code().id()).append(' ')
                        .append(diagnostic.message()).append('\n');
            }
        }
        return out.toString();
    }

    private static List<Path> all(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
