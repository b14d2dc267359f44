package org.logbookls.workspace;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.logbookls.config.Settings;

/**
 * Which files configuration says are (or are not) logbooks, and which files are Markdown at all.
 * Globs are matched against the path relative to the workspace folder.
 */
public final class LogbookFiles {
    private LogbookFiles() {
    }

    public static boolean isMarkdown(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".md") || lower.endsWith(".markdown");
    }

    /** {@code Optional.of(false)} when an exclude glob matches, {@code Optional.of(true)} for an include glob, else empty. */
    public static Optional<Boolean> forced(String relativePath, Settings settings) {
        if (matches(relativePath, settings.exclude())) {
            return Optional.of(false);
        }
        if (matches(relativePath, settings.include())) {
            return Optional.of(true);
        }
        return Optional.empty();
    }

    private static boolean matches(String relativePath, List<String> globs) {
        if (globs.isEmpty()) {
            return false;
        }
        Path path = Path.of(relativePath);
        for (String glob : globs) {
            PathMatcher matcher = matcher(glob);
            if (matcher != null && (matcher.matches(path) || path.getFileName() != null && !glob.contains("/")
                    && matcher.matches(path.getFileName()))) {
                return true;
            }
        }
        return false;
    }

    private static PathMatcher matcher(String glob) {
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException invalid) {
            // SettingsJson rejects invalid globs with a message; a stray one here simply matches nothing.
            return null;
        }
    }

    /** True when {@code glob} compiles; used to validate configuration. */
    public static boolean validGlob(String glob) {
        return matcher(glob) != null;
    }
}
