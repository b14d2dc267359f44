package org.logbookls.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.logbookls.syntax.MaskedText;
import org.logbookls.testing.Fixtures;
import org.logbookls.text.TextRange;

/**
 * {@link HeadingReader#mayLeadWithDate} only skips lines that have no leading date: on every line
 * of every real logbook, on each line's every suffix, and on random mixes of date parts, a line it
 * turns away reads with no leading date when analysed in full.
 */
class HeadingPrefilterTest {
    private static final List<String> PARTS = List.of("2024-03-12", "12/03", "050714", "March", "Mar.", "5th", "Monday", "lundi",
            "octobre", "Day", "Entry", "#", "14", "2", ":", " - ", "|", ")", "(", "[", "]", "*", "_", "~", " ", " ", "xx", "x", "??",
            "/", ".", "de", "the", "of", "Results", "🧪", "✅", "e0042", "1.", "2024", "12", "am", "T", "10:30", "º", "ª", "é");

    @Test
    void everyLineOfTheRealLogbooks() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Fixtures.sharedLogbooks())) {
            for (Path file : walk.filter(path -> path.toString().endsWith(".md")).sorted().toList()) {
                for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\\R")) {
                    String stripped = line.replaceFirst("^\\s*#*", "");
                    for (int cut = 0; cut < Math.min(stripped.length(), 12); cut++) {
                        lines.add(stripped.substring(cut));
                    }
                }
            }
        }
        int skipped = check(lines);
        assertTrue(skipped > lines.size() / 2, "most lines are turned away: " + skipped + " of " + lines.size());
    }

    @Test
    void randomMixesOfDateParts() {
        Random random = new Random(3);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            StringBuilder line = new StringBuilder();
            for (int part = 1 + random.nextInt(6); part > 0; part--) {
                line.append(PARTS.get(random.nextInt(PARTS.size())));
            }
            lines.add(line.toString());
        }
        check(lines);
    }

    private static int check(List<String> lines) {
        int skipped = 0;
        for (String line : lines) {
            TextRange title = HeadingReader.trim(line, TextRange.of(0, line.length()));
            if (title.isEmpty() || HeadingReader.mayLeadWithDate(MaskedText.written(line), title)) {
                continue;
            }
            skipped++;
            HeadingReader.Candidate full = HeadingReader.analyse(MaskedText.written(line), TextRange.of(0, line.length()), title, 7, HeadingReader.Kind.DATE_LINE);
            assertTrue(full.leadingDate().isEmpty(), "turned away, yet it leads with a date: " + line);
        }
        return skipped;
    }
}
