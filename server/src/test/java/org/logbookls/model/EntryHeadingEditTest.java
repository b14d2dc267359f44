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
import org.logbookls.text.Text;
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
    void anEntryHeadingBrokenOrMendedJoinsOrSplitsTheEntryBeforeIt() {
        String journal = journal("## %s [e%d] run\n\n### Results\n\nok, see [e%d]\n\n");
        // Broken: the date, the ID list behind a broken date, the hashes; the last entry (which runs to the end) too.
        for (String[] edit : new String[][] {{"## 2020-02-20", "## 2x020-02-20"}, {"## 2020-02-20", "x## 2020-02-20"},
            {"## 2020-02-20", "#x# 2020-02-20"}, {"## 2020-02-20", "##x 2020-02-20"}, {"## 2020-02-20", "## x2020-02-20"},
            {"## 2020-01-01", "## 2020-0x1-01"}}) {
            Edited edited = edit("journal.md", journal, edit[0], edit[1]);
            assertTrue(edited.kept(), "entries kept after " + edit[1]);
            assertEquals(99, edited.now().logbook().entries().size(), edit[1]);
            edited.assertAsFromScratch(edit[1]);
            // And mended again: the heading splits the entry it had joined.
            Edited mended = edit("journal.md", journal.replace(edit[0], edit[1]), edit[1], edit[0]);
            assertTrue(mended.kept(), "entries kept after " + edit[0] + " mended");
            assertEquals(100, mended.now().logbook().entries().size(), edit[0]);
            mended.assertAsFromScratch(edit[0] + " mended");
        }
        // The entry that goes held the only ID of its scheme; a template at the entry level ends at the
        // next entry heading, which is one no more.
        Edited scheme = edit("journal.md", journal.replace("[e50]", "[x50]"), "## 2020-02-20", "## 2x020-02-20");
        assertTrue(scheme.kept(), "entries kept after the x scheme's entry broken");
        scheme.assertAsFromScratch("the x scheme's entry broken");
        String template = journal.replace("## 2020-02-20", "## Template\n\n### Results\n\n### Next steps\n\n## 2020-02-20");
        Edited templated = edit("journal.md", template, "## 2020-02-20", "x## 2020-02-20");
        assertTrue(templated.kept(), "entries kept after the entry behind the template broken");
        templated.assertAsFromScratch("the entry behind the template broken");
        // An example entry in a comment is the template whatever the entry headings: kept as it was.
        String commented = journal.replace("# Journal\n\n", "# Journal\n\n<!--\n## YYYY-MM-DD [eXXXX] Title\n\n### Results\n\n### Checks\n-->\n\n");
        for (String[] edit : new String[][] {{"## 2020-02-20", "## 2x020-02-20"}, {"## 2020-02-20", "x## 2020-02-20"}}) {
            Edited behindComment = edit("journal.md", commented, edit[0], edit[1]);
            assertTrue(behindComment.scratch().logbook().template().isPresent(), "the comment's template");
            assertTrue(behindComment.kept(), "entries kept after " + edit[1] + " under a comment's template");
            behindComment.assertAsFromScratch(edit[1] + " under a comment's template");
        }
        // A part headed like instructions with no sections before the entry heading that goes: its
        // sections are now the broken entry's, and it is the template (and back when mended). Today the
        // census refuses such a keystroke (what stands in the heading's place holds its date), so the
        // check that reads the template again for it is defensive; a heading broken in its date stays
        // a heading, which ends the part as the entry heading did, and the entries are kept.
        String bare = journal.replace("## 2020-02-20", "## Template\n\nWrite one entry a day.\n\nKeep it short.\n\n## 2020-02-20");
        Edited headed = edit("journal.md", bare, "## 2020-02-20", "x## 2020-02-20");
        assertTrue(headed.scratch().logbook().template().isPresent(), "a template once the entry heading broke");
        headed.assertAsFromScratch("the entry behind a bare instructions heading broken");
        Edited dateBroken = edit("journal.md", bare, "## 2020-02-20", "## 2x020-02-20");
        assertTrue(dateBroken.kept(), "entries kept after the date behind a bare instructions heading broken");
        dateBroken.assertAsFromScratch("the date behind a bare instructions heading broken");
        Edited unheaded = edit("journal.md", bare.replace("## 2020-02-20", "x## 2020-02-20"), "x## 2020-02-20", "## 2020-02-20");
        assertTrue(unheaded.scratch().logbook().template().isEmpty(), "no template once the entry heading is mended");
        unheaded.assertAsFromScratch("the entry behind a bare instructions heading mended");
        // Far from it, breaking another entry heading leaves it as it was.
        bare.lines().filter(line -> line.startsWith("## 2020-03")).limit(3).forEach(heading -> {
            Edited far = edit("journal.md", bare, heading, "x" + heading);
            assertTrue(far.kept(), "entries kept after " + heading + " broken far from the instructions");
            far.assertAsFromScratch(heading + " broken far from the instructions");
        });
    }

    /**
     * A closing fence typed into ("```" → "```x") closes nothing: the block runs on to the next fence
     * that closes, and the entry headings in between are code, their bodies the entry's before them.
     * That took the build from scratch (6 ms on a 10,000-entry logbook) until several headings could
     * go at once; typed back, they come back and split that entry again.
     */
    @Test
    void aClosingFenceTypedIntoSwallowsTheEntryHeadingsUpToTheNextFence() {
        String journal = journal("## %s [e%d] run\n\n```bash\n# not a heading\npython train.py\n```\n\n### Results\n\nok, see [e%d]\n\n");
        // Every third entry has its fence; the others' go, so that each fence swallows headings.
        StringBuilder sparse = new StringBuilder();
        int entry = 0;
        for (String part : journal.split("(?=## 20)")) {
            sparse.append(entry++ % 3 == 0 ? part : part.replaceAll("(?s)```bash.*?```\n\n", ""));
        }
        String text = sparse.toString();
        // The first closing fence (edits apply where their text first occurs).
        String closed = "python train.py\n```\n";
        String typed = "python train.py\n```x\n";
        Edited broken = edit("journal.md", text, closed, typed);
        assertTrue(broken.kept(), "entries kept after a closing fence typed into");
        assertEquals(97, broken.now().logbook().entries().size());
        broken.assertAsFromScratch("a closing fence typed into");
        int at = text.indexOf(closed);
        Edited mended = edit("journal.md", text.substring(0, at) + typed + text.substring(at + closed.length()), typed, closed);
        assertTrue(mended.kept(), "entries kept after a closing fence mended");
        assertEquals(100, mended.now().logbook().entries().size());
        mended.assertAsFromScratch("a closing fence mended");
        // A paste over most headings that breaks forty of them one after the other keeps the entries; one that breaks
        // every fifth takes the build from scratch. Each place for the headings gone was tried in turn, each try
        // walking the region: 30-250 ms for these; now only a few places after the first heading that reads otherwise.
        StringBuilder manyEntries = new StringBuilder("# Journal\n\n");
        for (int i = 499; i >= 0; i--) {
            manyEntries.append("## ").append(LocalDate.of(2020, 1, 1).plusDays(i)).append(" [e").append(i).append("] run\n\nok\n\n");
        }
        String many = manyEntries.toString();
        int from = many.indexOf("## ", 20);
        int to = many.lastIndexOf("## ");
        String pasted = many.substring(from, to);
        StringBuilder together = new StringBuilder();
        StringBuilder apart = new StringBuilder();
        int part = 0;
        for (String heading : pasted.split("(?=## 20)")) {
            together.append(part >= 300 && part < 340 ? "x" + heading : heading);
            apart.append(part > 250 && part % 5 == 0 ? "x" + heading : heading);
            part++;
        }
        Edited brokenTogether = edit("journal.md", many, pasted, together.toString());
        assertTrue(brokenTogether.kept(), "entries kept after forty headings one after the other broken");
        brokenTogether.assertAsFromScratch("forty headings one after the other broken");
        Edited brokenApart = edit("journal.md", many, pasted, apart.toString());
        assertFalse(brokenApart.kept(), "built from scratch after every fifth heading broken");
        brokenApart.assertAsFromScratch("every fifth heading broken");
        // The opening fence broken: its comment line is a heading above the entries, which may head a group.
        Edited opened = edit("journal.md", text, "```bash", "x```bash");
        opened.assertAsFromScratch("an opening fence typed into");
    }

    @Test
    void anEntryHeadingThatComesOrGoesWithOtherEffectsTakesTheBuildFromScratch() {
        String journal = journal("## %s [e%d] run\n\nsee [e%d]\n\n");
        // The first entry has none before it to join; a deeper entry makes the levels uneven (a heading
        // at the entry level could end it); a numeric date votes on the day/month order; and in notes.md
        // three dated headings make a logbook of dated entries, two of ID entries.
        String uneven = journal.replace("## 2020-03-01", "### 2020-03-01");
        String numeric = journal.replace("2020-02-20", "20/02/2020").replace("2020-02-19", "19/02/2020");
        String[][] cases = {{journal, "## 2020-04-09", "## 2x020-04-09"}, {uneven, "## 2020-02-20", "## 2x020-02-20"},
            {numeric, "## 20/02/2020", "## 2x0/02/2020"}};
        for (String[] edit : cases) {
            Edited edited = edit("journal.md", edit[0], edit[1], edit[2]);
            assertFalse(edited.kept(), "built from scratch after " + edit[2]);
            edited.assertAsFromScratch(edit[2]);
        }
        // A heading of higher rank ends the entry before (the broken one's body joins none); a heading
        // of higher rank that no entry follows ("# 2x020") is no group heading, but an entry's it is not
        // at the entry level; the only date with a day above 12 decides that days come first.
        String weeks = journal.replace("## 2020-02-20", "# Week 8\n\n## 2020-02-20");
        String higher = journal.replace("## 2020-02-20", "# 2x020-02-20");
        String evidence = "# Log\n\n## 05/03/2020 [e5] e\n\nx\n\n## 04/03/2020 [e4] d\n\nx\n\n## 20/02/2020 [e3] c\n\nx\n\n"
                + "## 03/02/2020 [e2] b\n\nx\n\n## 02/02/2020 [e1] a\n\nx\n";
        // Two entry headings broken by one edit (a paste) take it too: one at a time is what is kept.
        String both = "## [e50] run\n\nsee [e49]\n\n## [e49]";
        String undated = journal("## [e%2$d] run\n\nsee [e%3$d]\n\n");
        String[][] more = {{weeks, "## 2020-02-20", "## 2x020-02-20"}, {higher, "# 2x020-02-20", "## 2020-02-20"},
            {journal, "## 2020-02-20", "# 2x020-02-20"}, {undated, both, both.replace("## [", "## x[")},
            {evidence, "## 20/02/2020", "## 2x0/02/2020"}};
        for (String[] edit : more) {
            Edited edited = edit("journal.md", edit[0], edit[1], edit[2]);
            assertFalse(edited.kept(), "built from scratch after " + edit[2]);
            edited.assertAsFromScratch(edit[2]);
        }
        Edited detection = edit("notes.md", "# Notes\n\n## 2020-01-03 [e3] c\n\nz\n\n## 2020-01-02 [e2] b\n\ny\n\n## 2020-01-01 [e1] a\n\nx\n",
                "## 2020-01-02 [e2]", "## 2x020-01-02 [e2]");
        assertFalse(detection.kept(), "built from scratch after the date broken");
        detection.assertAsFromScratch("2x020-01-02");
    }

    @Test
    void aHeadingThatDecidesForOthersTakesTheBuildFromScratch() {
        // Numeric dates vote on the day/month order; yearless ones take their neighbours' years (a broken
        // date too: its entry goes); an unbracketed ID list is an entry only when its scheme is used twice.
        String numeric = journal("## %s [e%d] run\n\nsee [e%d]\n\n").replace("2020-02-20", "20/02/2020").replace("2020-02-19", "19/02/2020");
        String yearless = journal("## %s [e%d] run\n\nsee [e%d]\n\n").replace("2020-02-19", "Feb 19");
        String unbracketed = journal("## e%2$d: run on %1$s\n\nsee e%3$d\n\n");
        String[][] cases = {{numeric, "20/02/2020", "21/02/2020"}, {yearless, "2020-02-20", "2020-02-22"},
            {yearless, "2020-02-20", "2x020-02-20"}, {unbracketed, "## e50:", "## e500:"}, {unbracketed, "## e50:", "## ex50:"}};
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

    /**
     * Random keystrokes into the entry headings of every real logbook, each on the version the last one
     * made, and every other one undone at once (a heading broken and mended).
     */
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
                String textBefore = tree.text().toString();
                TextChange change = new TextChange(delete ? TextRange.of(at, at + 1) : TextRange.empty(at), delete ? 0 : 1);
                String where = file.getFileName() + " edit " + i + " at " + at;
                Step step = Step.after(tree, built, options, change, delete ? "" : typed, where);
                if (i % 2 == 1) {
                    String undone = delete ? textBefore.substring(at, at + 1) : "";
                    step = Step.after(step.tree(), step.built(), options, new TextChange(TextRange.of(at, at + (delete ? 0 : 1)),
                            undone.length()), undone, where + " undone");
                }
                tree = step.tree();
                built = step.built();
            }
        });
    }

    /** A tree and its model after an edit, the model built incrementally and checked against a build from scratch. */
    private record Step(SyntaxTree tree, LogbookBuilder.Built built) {
        static Step after(SyntaxTree tree, LogbookBuilder.Built built, ModelOptions options, TextChange change, String inserted,
                String where) {
            String textBefore = tree.text().toString();
            String after = textBefore.substring(0, change.replaced().start()) + inserted + textBefore.substring(change.replaced().end());
            IncrementalParser.Result reparsed = IncrementalParser.reparse(tree, change, Text.of(after));
            // Without a region (the whole text was parsed again) there is nothing to keep.
            org.logbookls.syntax.MaskedText maskedBefore = tree.maskedText();
            Optional<LogbookBuilder.Previous> previous = reparsed.region().map(region -> new LogbookBuilder.Previous(built, region,
                    tree.text(), maskedBefore));
            LogbookBuilder.Built now = LogbookBuilder.build(reparsed.tree(), options, previous);
            LogbookBuilder.Built scratch = LogbookBuilder.build(MarkdownParser.parse(after), options, Optional.empty());
            assertEquals(scratch.logbook(), now.logbook(), where);
            assertEquals(scratch.census(), now.census(), where);
            return new Step(reparsed.tree(), now);
        }
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
    /**
     * The only entry heading with a date at its level broken: that level was the entry level, which
     * the date lines' entries take, and there is none now. The fuzzer found those entries kept with
     * the old level; the counts hold each level's dated headings, and such an edit builds anew.
     */
    @Test
    void theLastDatedHeadingOfTheEntryLevelBrokenChangesTheDateLinesLevel() {
        String text = "Notes\n\nJune 15, 2017\n----- x\nWrote things.\n\nJune 16, 2017\n-------------\n#### Natalie\nChanged things.\n";
        Edited edited = edit("journal.md", text, "June 16, 2017\n--", "June 16,-09-12-(");
        assertEquals(2, LogbookBuilder.build(MarkdownParser.parse(text), options("journal.md"), Optional.empty()).logbook().entries().get(0).level());
        assertFalse(edited.kept(), "the entry level changes: built anew");
        edited.assertAsFromScratch("the last dated setext heading broken");
        assertEquals(1, edited.now().logbook().entries().size());
    }

    private static Edited edit(String path, String text, String what, String with) {
        ModelOptions options = options(path);
        SyntaxTree before = MarkdownParser.parse(text);
        LogbookBuilder.Built old = LogbookBuilder.build(before, options, Optional.empty());
        int at = text.indexOf(what);
        assertTrue(at >= 0, what);
        String after = text.substring(0, at) + with + text.substring(at + what.length());
        IncrementalParser.Result reparsed = IncrementalParser.reparse(before, new TextChange(TextRange.of(at, at + what.length()), with.length()),
                Text.of(after));
        LogbookBuilder.Previous previous = new LogbookBuilder.Previous(old, reparsed.region().orElseThrow(), before.text(), before.maskedText());
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
