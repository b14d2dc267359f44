package org.logbookls.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.logbookls.config.Settings;
import org.logbookls.syntax.IncrementalParser;
import org.logbookls.syntax.MarkdownParser;
import org.logbookls.syntax.SyntaxTree;
import org.logbookls.testing.Fixtures;
import org.logbookls.text.TextChange;
import org.logbookls.text.TextRange;

/**
 * A keystroke in an entry heading's date or ID list re-reads that entry alone (KeptEntries) when no
 * decision over the whole document can change, and the result is always what a build from scratch
 * gives: the model, and the counts ({@link LogbookBuilder.Census}) the next edit decides with. Before,
 * every such keystroke built the model from scratch (6–8 ms on a 10,000-entry logbook).
 */
class EntryHeadingEditTest {
    private static final Settings SETTINGS = Settings.DEFAULT;
    private static final int EDITS_PER_FILE = 40;

    @Test
    void anIdOrADateTypedIntoKeepsTheOtherEntries() {
        String journal = journal("## %s [e%d] run\n\n### Results\n\nok, see [e%d]\n\n");
        for (String[] edit : new String[][] {{"[e50] run", "[e500] run"}, {"[e50] run", "[ex50] run"}, {"[e50] run", "[e50, e51] run"},
            {"2020-02-20", "2020-02-21"}, {"2020-02-20", "2020-13-20"}, {"2020-02-20", "2021-02-20"}, {"2020-02-20 [e50]", "[e50]"},
            {"## 2020-02-20 [e50]", "## 2020-02-20 [e50] [e51]"}}) {
            Edited edited = edit("journal.md", journal, edit[0], edit[1]);
            assertTrue(edited.kept(), "entry alone after " + edit[1]);
            edited.assertAsFromScratch(edit[1]);
        }
    }

    @Test
    void aHeadingThatDecidesForOthersTakesTheBuildFromScratch() {
        // Numeric dates vote on the day/month order; yearless ones take their neighbours' years; a
        // broken date ends the entry; an unbracketed ID list is an entry only when its scheme is used twice.
        String numeric = journal("## %s [e%d] run\n\nsee [e%d]\n\n").replace("2020-02-20", "20/02/2020").replace("2020-02-19", "19/02/2020");
        String yearless = journal("## %s [e%d] run\n\nsee [e%d]\n\n").replace("2020-02-19", "Feb 19");
        String unbracketed = journal("## e%2$d: run on %1$s\n\nsee e%3$d\n\n");
        String[][] cases = {{numeric, "20/02/2020", "21/02/2020"}, {yearless, "2020-02-20", "2020-02-22"},
            {journal("## %s [e%d] run\n\nsee [e%d]\n\n"), "2020-02-20", "2x020-02-20"}, {unbracketed, "## e50:", "## e500:"}};
        for (String[] edit : cases) {
            Edited edited = edit("journal.md", edit[0], edit[1], edit[2]);
            assertFalse(edited.kept(), "built from scratch after " + edit[2]);
            edited.assertAsFromScratch(edit[2]);
        }
        // An unbracketed ID list is an entry once its scheme is used twice, bracketed lists counted too.
        Edited scheme = edit("journal.md", journal("## %s [e%d] run\n\nsee [e%d]\n\n") + "## x7: aside\n\nnote\n", "[e50] run", "[x50] run");
        assertFalse(scheme.kept(), "built from scratch after [x50]");
        scheme.assertAsFromScratch("[x50]");
        // Three headings that lead with a date make notes.md a logbook of dated entries; two, a logbook of ID entries.
        Edited detection = edit("notes.md", "# Notes\n\n## 2020-01-03 [e3] c\n\nz\n\n## 2020-01-02 [e2] b\n\ny\n\n## 2020-01-01 [e1] a\n\nx\n",
                "## 2020-01-03 [e3]", "## [e3] 2020-01-03");
        assertFalse(detection.kept(), "built from scratch after the date moved behind the ID");
        detection.assertAsFromScratch("[e3] 2020-01-03");
    }

    /** Random keystrokes into the entry headings of every real logbook, each on the version the last one made. */
    @TestFactory
    Stream<DynamicTest> headingKeystrokesInRealLogbooks() {
        return Fixtures.eachRealLogbook((file, text) -> {
            Random random = new Random(file.getFileName().toString().hashCode());
            ModelOptions options = options(file.getFileName().toString());
            SyntaxTree tree = MarkdownParser.parse(text);
            LogbookBuilder.Built built = LogbookBuilder.build(tree, options, Optional.empty());
            for (int i = 0; i < EDITS_PER_FILE && !built.logbook().entries().isEmpty(); i++) {
                List<Entry> entries = built.logbook().entries();
                TextRange heading = entries.get(random.nextInt(entries.size())).heading();
                int at = heading.start() + random.nextInt(heading.length() + 1);
                String typed = List.of("x", "1", "0", "-", "e", "[", "]", " ").get(random.nextInt(8));
                boolean delete = random.nextInt(3) == 0 && at < heading.end();
                String textBefore = tree.text();
                String after = delete ? textBefore.substring(0, at) + textBefore.substring(at + 1)
                        : textBefore.substring(0, at) + typed + textBefore.substring(at);
                TextChange change = new TextChange(delete ? TextRange.of(at, at + 1) : TextRange.empty(at), delete ? 0 : 1);
                IncrementalParser.Result reparsed = IncrementalParser.reparse(tree, change, after);
                // Without a region (the whole text was parsed again) there is nothing to keep.
                LogbookBuilder.Built last = built;
                org.logbookls.syntax.MaskedText maskedBefore = tree.maskedText();
                Optional<LogbookBuilder.Previous> previous = reparsed.region().map(region -> new LogbookBuilder.Previous(last, region,
                        textBefore, maskedBefore));
                LogbookBuilder.Built now = LogbookBuilder.build(reparsed.tree(), options, previous);
                LogbookBuilder.Built scratch = LogbookBuilder.build(MarkdownParser.parse(after), options, Optional.empty());
                String where = file.getFileName() + " edit " + i + " at " + at;
                assertEquals(scratch.logbook(), now.logbook(), where);
                assertEquals(scratch.census(), now.census(), where);
                tree = reparsed.tree();
                built = now;
            }
        });
    }

    private static String journal(String entry) {
        StringBuilder journal = new StringBuilder("# Journal\n\n");
        for (int i = 99; i >= 0; i--) {
            journal.append(String.format(entry, LocalDate.of(2020, 1, 1).plusDays(i), i, Math.max(0, i - 1)));
        }
        return journal.toString();
    }

    private static ModelOptions options(String path) {
        return new ModelOptions(path, Optional.empty(), SETTINGS.sectionFamilies(), SETTINGS.requiredSections(), Optional.empty(),
                LocalDate.of(2026, 11, 20), Optional.empty());
    }

    /** {@code what} replaced by {@code with} in {@code text}, built after the build of {@code text}. */
    private static Edited edit(String path, String text, String what, String with) {
        ModelOptions options = options(path);
        SyntaxTree before = MarkdownParser.parse(text);
        LogbookBuilder.Built old = LogbookBuilder.build(before, options, Optional.empty());
        int at = text.indexOf(what);
        assertTrue(at >= 0, what);
        String after = text.substring(0, at) + with + text.substring(at + what.length());
        IncrementalParser.Result reparsed = IncrementalParser.reparse(before, new TextChange(TextRange.of(at, at + what.length()), with.length()),
                after);
        LogbookBuilder.Previous previous = new LogbookBuilder.Previous(old, reparsed.region().orElseThrow(), text, before.maskedText());
        // The candidates as the build reads them after the edit.
        List<HeadingReader.Candidate> candidates = HeadingReader.read(reparsed.tree(), old.candidates(), previous.region(), false);
        boolean kept = KeptEntries.of(reparsed.tree(), options, previous, candidates).isPresent();
        return new Edited(LogbookBuilder.build(reparsed.tree(), options, Optional.of(previous)),
                LogbookBuilder.build(MarkdownParser.parse(after), options, Optional.empty()), kept);
    }

    private record Edited(LogbookBuilder.Built now, LogbookBuilder.Built scratch, boolean kept) {
        void assertAsFromScratch(String when) {
            assertEquals(scratch.logbook(), now.logbook(), "after " + when);
            assertEquals(scratch.census(), now.census(), "census after " + when);
        }
    }
}
