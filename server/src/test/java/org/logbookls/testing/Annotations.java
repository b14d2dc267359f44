package org.logbookls.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders diagnostics back into a fixture's own text, as caret lines under the lines they point
 * at, so a failing test shows a readable diff with the squiggles where they actually landed.
 */
public final class Annotations {
    private Annotations() {
    }

    /** One diagnostic in fixture terms: a line of a file, UTF-16 columns, and its text. */
    public record Annotation(int line, int column, int length, String severity, String code, String message) {
        String render() {
            return " ".repeat(column) + "^".repeat(Math.max(1, length)) + " " + severity + "[" + code + "]: " + message;
        }
    }

    /** {@code fixture} with its caret lines replaced by {@code actual} (per file path). */
    public static String render(String fixture, Map<String, List<Annotation>> actual) {
        Map<String, List<Annotation>> sorted = new LinkedHashMap<>();
        actual.forEach((path, annotations) -> {
            List<Annotation> copy = new ArrayList<>(annotations);
            copy.sort(Comparator.comparingInt(Annotation::line).thenComparingInt(Annotation::column).thenComparing(Annotation::code));
            sorted.put(path, copy);
        });
        StringBuilder out = new StringBuilder();
        String current = null;
        int lineInFile = 0;
        for (String line : Fixture.lines(fixture)) {
            String content = Fixture.stripBreak(line);
            if (Fixture.ANNOTATION.matcher(content).matches()) {
                continue;
            }
            out.append(line);
            if (content.startsWith(Fixture.FILE_MARKER)) {
                current = content.substring(Fixture.FILE_MARKER.length()).strip();
                lineInFile = 0;
                continue;
            }
            if (content.startsWith(Fixture.TODAY_MARKER) || content.startsWith(Fixture.COMMENT_MARKER)
                    || content.startsWith(Fixture.OPTION_MARKER)) {
                continue;
            }
            if (current == null) {
                current = "logbook.md";
            }
            String lineBreak = line.substring(content.length());
            for (Annotation annotation : sorted.getOrDefault(current, List.of())) {
                if (annotation.line() == lineInFile) {
                    if (lineBreak.isEmpty()) {
                        out.append('\n');
                        lineBreak = "\n";
                    }
                    out.append(annotation.render()).append(lineBreak);
                }
            }
            lineInFile++;
        }
        return out.toString();
    }
}
