package org.logbookls.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A test fixture: one or more Markdown files written in one text, with markers that the harness
 * strips before anything is parsed.
 *
 * <ul>
 *   <li>{@code //- /path/file.md} starts a file (without one, the fixture is {@code /logbook.md});</li>
 *   <li>{@code //- today: 2026-11-22} fixes today (that date is the default);</li>
 *   <li>{@code //! text} is a comment about the fixture;</li>
 *   <li>a line of carets, {@code ^^^^ warning[date-order]: message}, expects a diagnostic on the
 *       columns of the nearest content line above it.</li>
 * </ul>
 * Line endings inside files are kept exactly (CRLF fixtures stay CRLF).
 */
public record Fixture(Map<String, String> files, LocalDate today) {
    public static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 11, 22);
    static final Pattern ANNOTATION = Pattern.compile("^[ \\t]*\\^+ (error|warning|information|hint)\\[[a-z-]+\\]: .*$");
    static final String FILE_MARKER = "//- /";
    static final String TODAY_MARKER = "//- today: ";
    static final String COMMENT_MARKER = "//!";

    public static Fixture parse(String fixture) {
        Map<String, StringBuilder> files = new LinkedHashMap<>();
        LocalDate today = DEFAULT_TODAY;
        String current = null;
        for (String line : lines(fixture)) {
            String content = stripBreak(line);
            if (content.startsWith(TODAY_MARKER)) {
                today = LocalDate.parse(content.substring(TODAY_MARKER.length()).strip());
                continue;
            }
            if (content.startsWith(FILE_MARKER)) {
                current = content.substring(FILE_MARKER.length()).strip();
                files.put(current, new StringBuilder());
                continue;
            }
            if (content.startsWith(COMMENT_MARKER) || ANNOTATION.matcher(content).matches()) {
                continue;
            }
            if (current == null) {
                current = "logbook.md";
                files.put(current, new StringBuilder());
            }
            files.get(current).append(line);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        files.forEach((path, text) -> texts.put(path, text.toString()));
        return new Fixture(texts, today);
    }

    /** The lines of a text, each with its own line break, so that CRLF survives. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    static String stripBreak(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }
}
