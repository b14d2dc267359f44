package org.logbookls.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Finds fixture files and compares what a feature produced with what a fixture expects.
 *
 * <p>With {@code -Dfixtures.update=true} the expectation is rewritten instead of failing (then
 * review the diff before committing); CI never sets it.
 */
public final class Fixtures {
    private Fixtures() {
    }

    public static boolean updating() {
        return Boolean.getBoolean("fixtures.update");
    }

    public static Path resources() {
        return Path.of("src", "test", "resources");
    }

    public static Path sharedLogbooks() {
        String configured = System.getProperty("logbook.sharedLogbooks");
        Path path = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "logbooks");
        if (!Files.isDirectory(path)) {
            fail("The real logbooks are expected at " + path.toAbsolutePath().normalize()
                    + " (../shared/logbooks beside the project); the tests read them from there.");
        }
        return path.normalize();
    }

    public static Path repoRoot() {
        String configured = System.getProperty("logbook.repoRoot");
        return configured != null ? Path.of(configured).normalize() : Path.of("..").normalize();
    }

    /** One dynamic test per file with the given ending in {@code folder}, named after the file. */
    public static Stream<DynamicTest> each(Path folder, String ending, java.util.function.Consumer<Path> test) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(ending)).sorted().toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        if (files.isEmpty()) {
            fail("No fixtures in " + folder);
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> test.accept(file)));
    }

    /** A test over one real logbook: its file and its text. */
    public interface RealLogbookTest {
        void run(Path file, String text) throws Throwable;
    }

    /** One dynamic test per Markdown file under ../shared/logbooks/, named by its path there. */
    public static Stream<DynamicTest> eachRealLogbook(RealLogbookTest test) {
        Path shared = sharedLogbooks().toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(shared)) {
            files = walk.filter(path -> path.toString().endsWith(".md")).sorted().toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(shared.relativize(file).toString(),
                () -> test.run(file, Files.readString(file, StandardCharsets.UTF_8))));
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Asserts {@code actual} equals the content of {@code expectedFile}, or rewrites it in update mode. */
    public static void assertMatches(Path expectedFile, String actual) {
        String expected = Files.exists(expectedFile) ? read(expectedFile) : null;
        if (actual.equals(expected)) {
            return;
        }
        if (updating()) {
            try {
                Files.createDirectories(expectedFile.getParent());
                Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
            return;
        }
        assertEquals(expected == null ? "(no file " + expectedFile + ")" : expected, actual,
                "Mismatch with " + expectedFile + " (run with -Dfixtures.update=true to rewrite it, then review the diff)");
    }
}
