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
 *   <li>{@code $0} marks the cursor, for features that work at a position;</li>
 *   <li>{@code //- option name: value} passes a value to the feature under test (a new name, a query);</li>
 *   <li>a line of carets, {@code ^^^^ warning[date-order]: message}, expects a diagnostic on the
 *       columns of the nearest content line above it.</li>
 * </ul>
 * Line endings inside files are kept exactly (CRLF fixtures stay CRLF).
 */
public record Fixture(Map<String, String> files, LocalDate today, java.util.Optional<Cursor> cursor, Map<String, String> options) {

    /** Where {@code $0} was, in which file. */
    public record Cursor(String path, int offset) {
    }

    static final String CURSOR = "$0";
    static final String OPTION_MARKER = "//- option ";
    public static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 11, 22);
    static final Pattern ANNOTATION = Pattern.compile("^[ \\t]*\\^+ (error|warning|information|hint)\\[[a-z-]+\\]: .*$");
    static final String FILE_MARKER = "//- /";
    static final String TODAY_MARKER = "//- today: ";
    static final String COMMENT_MARKER = "//!";

    public static Fixture parse(String fixture) {
        Map<String, StringBuilder> files = new LinkedHashMap<>();
        LocalDate today = DEFAULT_TODAY;
        String current = null;
        java.util.Optional<Cursor> cursor = java.util.Optional.empty();
        Map<String, String> options = new LinkedHashMap<>();
        for (String line : lines(fixture)) {
            String content = stripBreak(line);
            if (content.startsWith(OPTION_MARKER)) {
                String option = content.substring(OPTION_MARKER.length());
                int colon = option.indexOf(':');
                options.put(option.substring(0, colon).strip(), option.substring(colon + 1).strip());
                continue;
            }
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
            int at = line.indexOf(CURSOR);
            if (at >= 0) {
                cursor = java.util.Optional.of(new Cursor(current, files.get(current).length() + at));
                line = line.substring(0, at) + line.substring(at + CURSOR.length());
            }
            files.get(current).append(line);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        files.forEach((path, text) -> texts.put(path, text.toString()));
        return new Fixture(texts, today, cursor, options);
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
