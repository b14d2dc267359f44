package org.logbookls.workspace;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** File URIs to paths and back (no I/O); anything that is not a local file has no path. */
public final class Uris {
    private Uris() {
    }

    public static Optional<Path> path(String uri) {
        try {
            URI parsed = URI.create(uri);
            if (!"file".equalsIgnoreCase(parsed.getScheme())) {
                return Optional.empty();
            }
            return Optional.of(Path.of(parsed).toAbsolutePath().normalize());
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException notAFile) {
            return Optional.empty();
        }
    }

    public static String uri(Path path) {
        return path.toAbsolutePath().normalize().toUri().toString();
    }
}
