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
import org.logbookls.workspace.DocumentSnapshot;
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

    static String render(Path shared, String folder) {
        Settings settings = Settings.DEFAULT.withToday(Fixture.DEFAULT_TODAY);
        StringBuilder out = new StringBuilder();
        for (Path file : markdown(shared.resolve(folder))) {
            String relative = shared.relativize(file).toString().replace('\\', '/');
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
            DocumentSnapshot document = new DocumentSnapshot(file.toUri().toString(), "logbooks/" + relative, 1, text);
            for (Diagnostic diagnostic : Diagnostics.of(document.logbook(settings), document.lineIndex(), settings, Cancellation.NONE)) {
                LineColumn start = document.lineIndex().position(diagnostic.range().start());
                out.append(relative).append(':').append(start.line() + 1).append(':').append(start.column() + 1).append(": ")
                        .append(diagnostic.severity().id()).append(' ').append(diagnostic.code().id()).append(' ')
                        .append(diagnostic.message()).append('\n');
            }
        }
        return out.toString();
    }

    private static List<Path> markdown(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(p -> LogbookFiles.isMarkdown(p.getFileName().toString())).sorted().toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
