package org.logbookls.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.logbookls.workspace.LogbookFiles;

/**
 * The files of a workspace folder, as the server and the CLI both see them: hidden folders,
 * dependency and build output folders are skipped, and symbolic links are never followed, so
 * nothing outside the folder is read.
 */
public final class WorkspaceFiles {
    private static final Set<String> SKIPPED = Set.of("node_modules", "target", "build", "dist", "vendor", "__pycache__");

    private WorkspaceFiles() {
    }

    /** The Markdown files (sorted) and the absolute paths of every file under a folder. Immutable. */
    public record Listing(List<Path> markdown, Set<String> files) {
        public Listing {
            markdown = List.copyOf(markdown);
            files = Set.copyOf(files);
        }
    }

    /** Lists {@code root}; entries that cannot be read are reported to {@code problems} and skipped. */
    public static Listing list(Path root, Consumer<String> problems) {
        List<Path> markdown = new ArrayList<>();
        Set<String> files = new HashSet<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(root) && (name.startsWith(".") || SKIPPED.contains(name))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isSymbolicLink() || !attrs.isRegularFile()) {
                        return FileVisitResult.CONTINUE;
                    }
                    Path normal = file.toAbsolutePath().normalize();
                    files.add(normal.toString());
                    if (LogbookFiles.isMarkdown(file.getFileName().toString())) {
                        markdown.add(normal);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) {
                    problems.accept(file + ": cannot be read (" + failure.getMessage() + ")");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException failure) {
            problems.accept(root + ": cannot be searched (" + failure.getMessage() + ")");
        }
        markdown.sort(null);
        return new Listing(markdown, files);
    }
}
