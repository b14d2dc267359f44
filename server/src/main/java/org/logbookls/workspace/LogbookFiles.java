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

    /** Longest glob accepted; longer ones are refused rather than risk a slow match. */
    static final int MAX_GLOB_LENGTH = 200;

    private static PathMatcher matcher(String glob) {
        if (!tame(glob)) {
            return null;
        }
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException invalid) {
            // SettingsJson rejects invalid globs with a message; a stray one here simply matches nothing.
            return null;
        }
    }

    /** True when {@code glob} compiles and is tame; used to validate configuration. */
    public static boolean validGlob(String glob) {
        return matcher(glob) != null;
    }

    /**
     * The JDK turns a glob into a backtracking regular expression: each {@code **} becomes
     * {@code .*}, and a failing match tries every way of splitting the path among them. Up to
     * three {@code **} and eight wildcards in all keep that to a few million steps on any path;
     * no real include or exclude needs more.
     */
    static boolean tame(String glob) {
        if (glob.length() > MAX_GLOB_LENGTH) {
            return false;
        }
        int deep = 0;
        int runs = 0;
        for (int i = 0; i < glob.length(); i++) {
            if (glob.charAt(i) == '*') {
                runs++;
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    deep++;
                }
                while (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    i++;
                }
            }
        }
        return deep <= 3 && runs <= 8;
    }
}
