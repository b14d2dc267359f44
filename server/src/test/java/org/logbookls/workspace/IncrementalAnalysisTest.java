package org.logbookls.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.logbookls.analysis.actions.CodeAction;
import org.logbookls.analysis.actions.QuickFixes;
import org.logbookls.analysis.diagnostics.Diagnostics;
import org.logbookls.analysis.diagnostics.Environment;
import org.logbookls.analysis.diagnostics.ModelPart;
import org.logbookls.analysis.diagnostics.MovedDiagnostics;
import org.logbookls.analysis.symbols.DocumentSymbols;
import org.logbookls.config.Settings;
import org.logbookls.config.SettingsLayer;
import org.logbookls.model.Logbook;
import org.logbookls.syntax.MarkdownParser;
import org.logbookls.syntax.SyntaxTree;
import org.logbookls.testing.Fixtures;
import org.logbookls.text.Cancellation;
import org.logbookls.text.Text;
import org.logbookls.text.TextChange;
import org.logbookls.text.TextRange;

/**
 * The incremental parse equals a full parse, and the model built from the parts an edit did not
 * touch equals a model built from scratch, always: random edits (fixed seeds) to every real
 * logbook in ../shared/logbooks/, each applied to the tree the previous edit produced, some in
 * bursts whose trees are never computed in between (their changes are merged), and each result
 * compared with {@link MarkdownParser#parse} of the same text and with the model of a fresh snapshot. The edits favour what moves block
 * boundaries: fences, HTML comments, setext underlines, headings, list and quote markers, tables,
 * link reference definitions and line breaks of every kind.
 */
class IncrementalAnalysisTest {
    private static final Settings SETTINGS = Settings.DEFAULT.withToday(org.logbookls.testing.Fixture.DEFAULT_TODAY);
    /**
     * Edits per real logbook, and a number added to each file's seed: a longer run than CI's is
     * {@code -Dlogbook.incrementalEdits=2000 -Dlogbook.incrementalSeed=N} (docs/testing.md).
     */
    private static final int EDITS_PER_FILE = Integer.getInteger("logbook.incrementalEdits", 60);
    private static final long SEED = Long.getLong("logbook.incrementalSeed", 0);
    private static final List<String> PIECES = List.of("```", "```\n", "~~~", "<!--", "-->", "<div>\n", "</div>", "\n", "\r\n", "\r",
            "\n\n", "# ", "## 2024-03-12 ", "### ", "#", "===\n", "---\n", "- ", "> ", "1. ", "    ", "\t", "|", "| a | b |\n|---|---|\n",
            "[e0001]", "[x]: http://example.com\n", "`", "**", "_", "\\", "<", ">", "2024-03-12", "Results:", "e0042", "#tag", " ", "x",
            "é", "😀", "---\ntitle: x\n---\n", "+++\n");

    @TestFactory
    Stream<DynamicTest> everyRealLogbook() {
        return Fixtures.eachRealLogbook((file, text) ->
                editAndCompare(text, new Random(file.getFileName().toString().hashCode() + SEED), EDITS_PER_FILE));
    }

    @Test
    void editsThatOpenAndCloseFencesAndComments() {
        String text = "# Log\n\n## 2024-03-12\nResults:\n- a\n\n## 2024-03-11\n```\ncode\n```\n\n## 2024-03-10\n<!-- c -->\ntext\n"
                .repeat(30);
        int moved = editAndCompare(text, new Random(7), 400);
        org.junit.jupiter.api.Assertions.assertTrue(moved > 50, "diagnostics moved after " + moved + " of 400 edits");
    }

    /**
     * Logbooks with no heading but the first: a list of dated items with sub-items, and entries that
     * are date lines heading paragraphs. An edit there reparses from the item or paragraph before it,
     * so the model's reuse meets regions that start and end inside an entry.
     */
    @Test
    void editsToLogbooksOfListItemsAndDateLines() {
        StringBuilder list = new StringBuilder("# Lab index\n\n");
        StringBuilder lines = new StringBuilder("# Bench notes\n\n");
        for (int i = 0; i < 60; i++) {
            String date = "2024-03-" + String.format("%02d", 28 - i % 28);
            list.append("- ").append(date).append(" [e").append(100 + i).append("] run ").append(i).append(" #gel\n")
                    .append(i % 3 == 0 ? "  - Results: ok, see [e" + (99 + i) + "]\n  - Next Steps: repeat\n" : "")
                    .append(i % 10 == 0 ? "\n" : "");
            lines.append(date).append("\nResults: ").append(i % 4 == 0 ? "" : "ok").append("\nNext Steps: [e").append(100 + i).append("]\n\n");
        }
        editAndCompare(list.toString(), new Random(21), 300);
        editAndCompare(lines.toString(), new Random(22), 300);
    }

    /**
     * Found by the fuzzer: a tag key's heading removed by an edit that reparses from the paragraph
     * above it to the first list item below it. The tags of the items after that one were
     * declarations, left out of the old tags the line pass keeps; they are uses now.
     */
    @Test
    void aTagKeysHeadingRemovedMakesTheTagsBelowItUses() {
        String text = "Experiments on this project.\n\n## Key\n- #nbs - Notebook path\n- #run - Wandb run\n- #idea - An idea\n";
        int heading = text.indexOf("\n\n## Key");
        String next = text.substring(0, heading) + " x" + text.substring(heading + "\n\n## Key".length());
        DocumentSnapshot document = new DocumentSnapshot("file:///t.md", "t.md", 0, text);
        assertEquals(List.of(), document.logbook(SETTINGS).tags());
        DocumentSnapshot edited = document.withEdit(1, next, new TextChange(TextRange.of(heading, heading + 8), 2));
        Logbook fresh = new DocumentSnapshot("file:///t.md", "t.md", 0, next).logbook(SETTINGS);
        assertEquals(List.of("nbs", "run", "idea"), fresh.tags().stream().map(org.logbookls.model.Tag::name).toList());
        assertEquals(fresh, edited.logbook(SETTINGS));
        // And back: the heading typed again makes them declarations.
        DocumentSnapshot undone = edited.withEdit(2, text, new TextChange(TextRange.of(heading, heading + 2), 8));
        assertEquals(new DocumentSnapshot("file:///t.md", "t.md", 0, text).logbook(SETTINGS), undone.logbook(SETTINGS));
    }

    /**
     * Found by the fuzzer: a label typed into a list item under "## Instructions" that had no
     * sections gives the logbook its template. The reparse reads that item alone, with no heading in
     * its region; the template is read again because the region lies in a part headed like
     * instructions.
     */
    @Test
    void aLabelTypedUnderInstructionsMakesTheTemplate() {
        String text = "# Log\n\n## Instructions\n\n- For all launches, include:\n  - Date\n  - Contextd of the run\n\n"
                + "## 2024-03-12\nResults: ok\n\n## 2024-03-11\nResults: ok\n";
        int typo = text.indexOf("Contextd") + "Context".length();
        String next = text.substring(0, typo) + text.substring(typo + 1);
        DocumentSnapshot document = new DocumentSnapshot("file:///t.md", "t.md", 0, text);
        assertEquals(java.util.Optional.empty(), document.logbook(SETTINGS).template());
        DocumentSnapshot edited = document.withEdit(1, next, new TextChange(TextRange.of(typo, typo + 1), 0));
        Logbook fresh = new DocumentSnapshot("file:///t.md", "t.md", 0, next).logbook(SETTINGS);
        assertTrue(fresh.template().isPresent(), "the template of " + next);
        assertEquals(fresh, edited.logbook(SETTINGS));
        DocumentSnapshot undone = edited.withEdit(2, text, new TextChange(TextRange.of(typo, typo), 1));
        assertEquals(new DocumentSnapshot("file:///t.md", "t.md", 0, text).logbook(SETTINGS), undone.logbook(SETTINGS));
    }

    /**
     * Edits a candidate does not see: an ID or a code span changed in a title (the candidate holds
     * ranges and readings, not text), a date in a table, the template, the entry that runs to the
     * end. After an edit that changes no candidate the build keeps the old entries; these must still
     * give what a build from scratch gives, one at a time and all in a row.
     */
    @Test
    void editsTheHeadingCandidatesDoNotSee() {
        String text = """
                # Log

                ## Template
                ### Hypothesis
                - Results:
                - Next Steps:

                ## 2024-03-12 [e0001] `code` title
                Hypotheses: h
                Results: a

                ## [e0002] no date in the title

                | Start Date | 2024-03-10 |
                |---|---|
                | End | 2024-03-11 |

                Next Steps: b

                ## [e0003] only an ID
                body

                ## 2024-03-09
                the last entry, to the end""";
        List<String[]> edits = List.of(
                new String[] {"[e0001]", "[x0005]"},
                new String[] {"`code`", "`cade`"},
                new String[] {"### Hypothesis", "### Hypotheses"},
                new String[] {"2024-03-10", "2024-03-08"},
                new String[] {"| End | 2024-03-11 |", "| Ended | 2024-03-13 |"},
                new String[] {"| Start Date |", "| Stamp |"},
                new String[] {"body", "| Date | 2024-03-08 |\n|---|---|\n\nbody"},
                new String[] {"- Next Steps:", "- Next Steps:\n- Observations:"},
                new String[] {"to the end", "to the end, and on"},
                new String[] {"Results: a", "Results: ab"},
                new String[] {"Next Steps: b", "Notes: b"});
        org.junit.jupiter.api.Assertions.assertTrue(new DocumentSnapshot("file:///t.md", "t.md", 0, text).logbook(SETTINGS).entries()
                .stream().anyMatch(entry -> entry.ids().toString().contains("e0002") && entry.date().isPresent()), "a date from a table");
        editOneAtATimeAndInARow(text, edits);
        String commentTemplate = """
                # Log

                ## 2024-03-12 [e0001]
                Results: a

                ## 2024-03-11 [e0002]
                Results: b

                <!--
                template
                ## YYYY-MM-DD
                ### Method
                ### Results
                -->
                """;
        org.junit.jupiter.api.Assertions.assertTrue(new DocumentSnapshot("file:///t.md", "t.md", 0, commentTemplate).logbook(SETTINGS)
                .template().isPresent(), "a template in a comment");
        editOneAtATimeAndInARow(commentTemplate, List.of(
                new String[] {"Results: a", "Results: ab"},
                new String[] {"### Method", "### Methods"},
                new String[] {"Results: b", "Results: b\n\n<!-- template\n## YYYY-MM-DD\n### Plan\n-->\n"},
                new String[] {"Results: a", "Results: "}));
        // The template comes after the region: an edit before it may make an earlier one.
        String templateAfter = """
                # Log

                ## 2024-03-12 [e0001]
                Results: a

                ## How to log
                Write something.

                ## 2024-03-11 [e0002]
                Results: b

                ## Appendix

                <!--
                template
                ## YYYY-MM-DD
                ### Method
                -->
                """;
        editOneAtATimeAndInARow(templateAfter, List.of(
                new String[] {"Results: a", "Results: ab"},
                new String[] {"Write something.", "- Results:\n- Next Steps:"},
                new String[] {"Results: b", "Results: b\n\n<!-- template\n## YYYY-MM-DD\n### Plan\n-->\n"}));
        // Tag declarations are kept only while no heading is a tag key: one typed (also inside a list,
        // where it is no entry candidate), and items under one, declare tags.
        String tagKeys = """
                ---
                tags: [nbs]
                ---
                # Log

                ## 2024-03-12 [e0001]
                Results: a #nbs

                - item
                  ### Details

                ## 2024-03-11 [e0002]
                Results: b

                ## Notes
                words
                """;
        editOneAtATimeAndInARow(tagKeys, List.of(
                new String[] {"Results: a", "Results: ab"},
                new String[] {"- item\n  ### Details", "- item\n  ### Tags\n- #gpu - the GPU runs"},
                new String[] {"## Notes", "## Key"},
                new String[] {"words", "- #cpu: runs on the CPU"},
                new String[] {"Results: b", "Results: b #cpu"}));
        org.junit.jupiter.api.Assertions.assertEquals(2, new DocumentSnapshot("file:///t.md", "t.md", 0, tagKeys.replace("### Details",
                "### Tags\n- #gpu - the GPU runs")).logbook(SETTINGS).tagDeclarations().size(), "the front matter's tag and the key's");
    }

    /**
     * Typing in a title's words or a sub-heading's label keeps the entries when the heading's
     * readings (kind, level, dates, IDs) stay; an ID or date changed in place, a weekday, a date that
     * moves inside its title, or a heading that becomes a template or a tag key must not be missed.
     */
    @Test
    void editsOfTitlesAndLabels() {
        String text = """
                # Log

                ## Week 11

                ### Monday, 2024-03-11 [e0002] tuned the warmup
                #### Results
                loss 0.31
                #### Next Steps
                try more

                ### Meeting notes 12 March 2024
                Results: notes

                ## Week 10

                ### 2024-03-05 [e0001] baseline run
                #### Results
                loss 0.4

                ### 2024-03-04 e0000 first
                Results: ok
                """;
        editOneAtATimeAndInARow(text, List.of(
                new String[] {"tuned the warmup", "tuned the long warmup"},
                new String[] {"#### Results\nloss 0.31", "#### Resultss\nloss 0.31"},
                new String[] {"#### Next Steps", "#### Next"},
                new String[] {"[e0002]", "[e0001]"},
                new String[] {"[e0001] baseline", "[e0009] baseline"},
                new String[] {"2024-03-05", "2024-03-15"},
                new String[] {"Monday, ", "Monday  , "},
                new String[] {"Monday", "Tuesday"},
                new String[] {"Meeting notes", "Meeting notes and plans"},
                new String[] {"12 March 2024", "13 March 2024"},
                new String[] {"## Week 10", "## Week ten"},
                new String[] {"## Week 11", "## Template"},
                new String[] {"e0000 first", "e0000 firsts"},
                new String[] {"e0000 first", "e0001 first"},
                new String[] {"baseline run", "baseline run 2024-03-06"},
                new String[] {"#### Results\nloss 0.4", "#### Tags\n- #gpu - the GPU"}));
    }

    /**
     * A sub-heading deeper than every entry decides nothing over the whole document: adding, breaking
     * or mending one keeps the entries (the model passes the
     * last version's names on, which only the kept entries do) and still gives what a build from
     * scratch gives. A heading that may end an entry or head a group is not such a bystander.
     */
    @Test
    void subHeadingsThatDecideNothingComeAndGoWithoutABuildFromScratch() {
        String text = "# Log\n\n## Week 2\n\n### 2024-03-12 [e0003] third\n#### Results\ngood\n\n## Week 1\n\n"
                + "### 2024-03-07 [e0002] second\n#### Results\nfine\n\n#### Next Steps\nmore\n\n"
                + "### 2024-03-06 [e0001] first\n#### Results\nok\n\n### 2024-03-05 [e0000] zeroth\n#### Results\nbad\n";
        String[][] bystanders = {{"#### Results\nfine", "x#### Results\nfine"}, {"#### Next Steps", "\\#### Next Steps"},
            {"#### Results\nok", "#### Results\n##### Detail\nok"}, {"#### Results\nbad", "Results\nbad"}};
        for (String[] edit : bystanders) {
            DocumentSnapshot document = new DocumentSnapshot("file:///t.md", "t.md", 0, text);
            Object names = document.names(SETTINGS);
            DocumentSnapshot edited = replaceFirst(document, edit[0], edit[1]);
            assertEquals(new DocumentSnapshot("file:///t.md", "t.md", 0, edited.text()).logbook(SETTINGS), edited.logbook(SETTINGS),
                    "after " + printable(edit[1]));
            org.junit.jupiter.api.Assertions.assertSame(names, edited.names(SETTINGS), "entries kept after " + printable(edit[1]));
        }
        // A heading at the entries' level or above ends an entry; one candidate more or fewer before a group's heading renumbers it.
        String[][] deciders = {{"#### Results\nok", "#### Results\n### Aside\nok"}, {"#### Results\nfine", "## Week 3\n#### Results\nfine"},
            {"#### Results\ngood", "x#### Results\ngood"}};
        for (String[] edit : deciders) {
            DocumentSnapshot edited = replaceFirst(new DocumentSnapshot("file:///t.md", "t.md", 0, text), edit[0], edit[1]);
            assertEquals(new DocumentSnapshot("file:///t.md", "t.md", 0, edited.text()).logbook(SETTINGS), edited.logbook(SETTINGS),
                    "after " + printable(edit[1]));
        }
        editOneAtATimeAndInARow(text, java.util.Arrays.asList(bystanders));
    }

    /**
     * A title that looks like a date but is not a whole one ("22.0") is the entry's date: typed
     * into, it is another one, though the heading reads as before (found typing into real logbooks).
     */
    @Test
    void aTitleThatIsTheDateIsReadAgainWhenTypedInto() {
        String text = "# Thesis log\n\n### 12.04.\nwrote\n\n### 13.04.\nread\n\n### 22.0\nplanned\n";
        List<String[]> edits = List.of(new String[] {"22.0", "2x2.0"}, new String[] {"2x2.0", "22.0"}, new String[] {"22.0", "22.05"});
        DocumentSnapshot document = new DocumentSnapshot("file:///t.md", "t.md", 0, text);
        org.junit.jupiter.api.Assertions.assertTrue(document.logbook(SETTINGS).entries().get(2).date().isPresent(), "the fixture's entry is dated by its title");
        editOneAtATimeAndInARow(text, edits.subList(0, 1));
        editOneAtATimeAndInARow(text, edits.subList(2, 3));
        DocumentSnapshot inARow = replaceFirst(replaceFirst(document, "22.0", "2x2.0"), "2x2.0", "22.0");
        assertEquals(document.logbook(SETTINGS), inARow.logbook(SETTINGS));
    }

    /**
     * A build after a keystroke in an entry's heading takes the other entries' dates from the last
     * version instead of resolving them again, but only those no other date decides: a yearless date
     * follows its neighbours' years, and every numeric date follows the day/month order the whole
     * file decides. Edits that change those must still give the dates of a build from scratch.
     */
    @Test
    void datesOtherDatesDecideAreResolvedAgainAfterAHeadingEdit() {
        String yearless = "# Log\n\n## 2024-12-30 [e1] a\n\nx\n\n## March 3\n\ny\n\n## March 2\n\nz\n\n## 2023-12-29 [e2] b\n\nw\n";
        editOneAtATimeAndInARow(yearless, List.of(new String[] {"2024-12-30", "2025-12-30"}, new String[] {"2023-12-29", "2x023-12-29"},
                new String[] {"## March 3", "## March 3 2019"}, new String[] {"## March 2", "x## March 2"}));
        String numeric = "# Log\n\n## 03/04/2024\n\nx\n\n## 02/04/2024\n\ny\n\n## 01/04/2024\n\nz\n";
        editOneAtATimeAndInARow(numeric, List.of(new String[] {"02/04/2024", "13/04/2024"}, new String[] {"03/04/2024", "04/13/2024"},
                new String[] {"01/04/2024", "1x/04/2024"}));
        StringBuilder many = new StringBuilder("# Log\n\n");
        for (int day = 28; day > 0; day--) {
            many.append("## 2024-03-").append(day < 10 ? "0" + day : day).append(" [e").append(day).append("] run\n\nResults: fine\n\n");
        }
        editOneAtATimeAndInARow(many.toString(), List.of(new String[] {"2024-03-20", "2x024-03-20"}, new String[] {"2024-03-14 [e14]", "2024-03-14 [e15]"},
                new String[] {"2024-03-11", "2024-03-31"}, new String[] {"## 2024-03-05", "x## 2024-03-05"}, new String[] {"[e7]", "[ex7]"}));
    }

    /**
     * A build after an entry's IDs changed keeps the last ID schemes when the IDs read again are in
     * them and each scheme of the IDs replaced is still some entry's; a scheme that comes or goes
     * with one entry's heading must still give the schemes (and references) of a build from scratch.
     */
    @Test
    void schemesComeAndGoWithTheEntriesThatUseThem() {
        String text = "# Log\n\n## 2024-03-04 [e3] a\n\nSee x01 and e1.\n\n## 2024-03-03 [x01] b\n\nSee [e2].\n\n"
                + "## 2024-03-02 [e2] c\n\nq7 here\n\n## 2024-03-01 [e1] d\n\nfine\n";
        editOneAtATimeAndInARow(text, List.of(new String[] {"## 2024-03-03", "x## 2024-03-03"}, new String[] {"[e2] c", "[q7] c"},
                new String[] {"## 2024-03-01", "x## 2024-03-01"}, new String[] {"[x01] b", "[x1] b"}, new String[] {"[e3] a", "[e3, x02] a"}));
        // Mended: the scheme comes back with the heading.
        editOneAtATimeAndInARow(text.replace("## 2024-03-03", "x## 2024-03-03").replace("[e2] c", "[q7] c"),
                List.of(new String[] {"x## 2024-03-03", "## 2024-03-03"}, new String[] {"[q7] c", "[e2] c"}));
    }

    private static void editOneAtATimeAndInARow(String text, List<String[]> edits) {
        DocumentSnapshot inARow = new DocumentSnapshot("file:///t.md", "t.md", 0, text);
        inARow.logbook(SETTINGS);
        for (String[] edit : edits) {
            DocumentSnapshot alone = new DocumentSnapshot("file:///t.md", "t.md", 0, text);
            alone.logbook(SETTINGS);
            alone = replaceFirst(alone, edit[0], edit[1]);
            assertEquals(new DocumentSnapshot("file:///t.md", "t.md", 0, alone.text()).logbook(SETTINGS), alone.logbook(SETTINGS),
                    "after " + printable(edit[1]) + " alone");
            inARow = replaceFirst(inARow, edit[0], edit[1]);
            assertEquals(new DocumentSnapshot("file:///t.md", "t.md", 0, inARow.text()).logbook(SETTINGS), inARow.logbook(SETTINGS),
                    "after " + printable(edit[1]) + " in a row");
        }
    }

    private static DocumentSnapshot replaceFirst(DocumentSnapshot document, String what, String with) {
        int at = document.text().indexOf(what);
        org.junit.jupiter.api.Assertions.assertTrue(at >= 0, what);
        TextRange range = TextRange.of(at, at + what.length());
        return document.withEdit(document.version() + 1, TextEdits.apply(document.text(), range, with), new TextChange(range, with.length()));
    }

    /**
     * After an edit, the entries behind it are moved each time they are read: two reads give equal
     * entries, not the same object. The quick fixes that compared entries as objects (moving an entry
     * into order, a date that keeps it in order) must find the same entry as on a fresh model.
     */
    @Test
    void featuresFindTheirEntryAmongMovedEntries() {
        // 2024-03-13 is out of order; 10 March was a Friday in 2023, but that year would put the entry out of order.
        String text = "# Log\n\n## 2024-03-15\nResults: a\n\n## 2024-03-12\nResults: b\n\n## 2024-03-14\nResults: c\n\n"
                + "## Friday, 2024-03-10\nResults: d\n\n## 2024-03-09\nResults: e\n";
        DocumentSnapshot document = new DocumentSnapshot("file:///t.md", "t.md", 0, text);
        document.logbook(SETTINGS);
        DocumentSnapshot edited = replaceFirst(document, "Results: a", "Results: all fine");
        DocumentSnapshot fresh = new DocumentSnapshot("file:///t.md", "t.md", 0, edited.text());
        List<CodeAction> expected = quickFixes(fresh);
        org.junit.jupiter.api.Assertions.assertTrue(expected.stream().anyMatch(action -> action.title().startsWith("Move")),
                "the fixture has an entry out of order: " + expected);
        assertEquals(expected, quickFixes(edited));
    }

    /**
     * The last version's diagnostics are moved, not found again, only when the edit cannot have changed
     * them: typing in a body moves those after it and keeps those before; a line break, a title word, a
     * reference, a tag, a link, a section label, an emptied section, a date or an ID makes the checks run again. Moved or not, the result
     * is what the checks find on a fresh model.
     */
    @Test
    void diagnosticsMoveOnlyWhenTheEditCannotChangeThem() {
        // Most edits below change a name strictly inside its range (e0099 to e0199, Results to ReSults), which
        // moves the range as the text did: only the comparison of values can tell.
        // Out of order (2024-03-14), a missing Results section (2024-03-13), an unresolved reference and a duplicate ID.
        String text = "# Log\n\n## 2024-03-15 [e0003] third\nResults: a, see [e0099]\n\n## 2024-03-12 [e0002]\nResults: b\n\n"
                + "## 2024-03-14 [e0002]\nResults: c\n\n## 2024-03-13\nNotes: d, see [the top](#log)\n\n"
                + "<!-- logbook-disable-next-line duplicate-id -->\n## 2024-03-11 [e0001] [e0001]\nResults: e\n\n"
                + "## 2024-03-10\nResults:\n\n## 2024-03-09\nResults: g\n";
        String[][] moves = {{"Results: a", "Results: all fine"}, {"Notes: d", "Notes: done"}, {"Results: b", "Results: bb"},
                {"Results: c", "Results: \u00e9\ud83d\ude00c"}};
        for (String[] edit : moves) {
            assertEquals(parts(), changedAfter(text, edit[0], edit[1]), "moved after " + printable(edit[1]));
        }
        String[][] checkedAgain = {{"Results: a", "Results: a\n"}, {"Results: a", "Results: a\r"}, {"\n\n## 2024-03-12", "\n## 2024-03-12"},
                {"third", "thirds"}, {"Results: b", "Results: b [e0003]"}, {"Results: b", "Results: b #gpu"}, {"Notes: d", "Results: d"},
                {"[e0099]", "[e0199]"}, {"## 2024-03-14 [e0002]", "## 2024-03-14 [e0004]"}, {"2024-03-13", "2024-03-16"},
                {"Results: a", "Results: a [x](#nowhere)"}, {"Results: b", "Results: "}, {"Results: c", "Resalts: c"},
                {"# Log", "# Logs"}, {"Results:\n\n## 2024-03-09", "ReSults:\n\n## 2024-03-09"}, {"logbook-disable-next-line duplicate-id", "logbook-disable-next-line duplicate-date"}};
        for (String[] edit : checkedAgain) {
            var changed = changedAfter(text, edit[0], edit[1]);
            org.junit.jupiter.api.Assertions.assertTrue(changed.map(set -> !set.isEmpty()).orElse(true),
                    "checked again after " + printable(edit[1]) + ": " + changed);
        }
    }

    /**
     * A new entry, a date changed or an entry's heading undone rebuild the model whole; the entries
     * that read as they did are still the old objects (moved only when read), so that what is kept
     * per entry across versions (an outline's JSON) stays valid. Entries whose dates were read
     * again with the new neighbour are new only if their date now reads differently.
     */
    @Test
    void aWholeBuildKeepsTheEntriesThatReadAsBefore() {
        StringBuilder text = new StringBuilder("# Log\n\n");
        for (int day = 28; day > 0; day--) {
            text.append("## 2024-03-").append(day < 10 ? "0" + day : day).append(" [e").append(day).append("] run\n\nResults: fine\n\n");
        }
        String[][] edits = {{"# Log\n\n", "## 2024-03-29 [e29] new\n\nResults: x\n\n"}, {"2024-03-1", "9"}, {"## 2024-03-05", "\n"},
                {"## 2024-03-20 [e20] run\n", ""}};
        for (String[] edit : edits) {
            DocumentSnapshot before = new DocumentSnapshot("file:///t.md", "t.md", 1, text.toString());
            Logbook old = before.logbook(SETTINGS);
            int at = text.indexOf(edit[0]) + edit[0].length();
            DocumentSnapshot after = before.withEdit(2, TextEdits.apply(Text.of(text.toString()), TextRange.empty(at), edit[1]),
                    new TextChange(TextRange.empty(at), edit[1].length()));
            if (edit[1].isEmpty()) {
                at = text.indexOf(edit[0]);
                after = before.withEdit(2, TextEdits.apply(Text.of(text.toString()), TextRange.of(at, at + edit[0].length()), ""),
                        new TextChange(TextRange.of(at, at + edit[0].length()), 0));
            }
            Logbook now = after.logbook(SETTINGS);
            assertEquals(new DocumentSnapshot("file:///t.md", "t.md", 1, after.text()).logbook(SETTINGS), now, printable(edit[1]));
            Set<org.logbookls.model.Entry> olds = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (int i = 0; i < old.entries().size(); i++) {
                olds.add(org.logbookls.text.SplicedList.unmoved(old.entries(), i));
            }
            int kept = 0;
            for (int i = 0; i < now.entries().size(); i++) {
                kept += olds.contains(org.logbookls.text.SplicedList.unmoved(now.entries(), i)) ? 1 : 0;
            }
            org.junit.jupiter.api.Assertions.assertTrue(kept >= old.entries().size() - 3, "kept " + kept + " of " + old.entries().size()
                    + " after " + printable(edit[1]));
        }
    }

    /**
     * A body edit keeps the references outside the edited lines as the old objects (spliced, like the
     * ID tokens), so that comparing the two versions skips them whole; a reference typed, or one
     * moved across an edit, is still seen as a change.
     */
    @Test
    void aBodyEditKeepsTheOtherReferencesAsTheOldObjects() {
        StringBuilder text = new StringBuilder("# Log\n\n");
        for (int day = 28; day > 0; day--) {
            text.append("## 2024-03-").append(day < 10 ? "0" + day : day).append(" [e").append(day).append("] run\n\nResults: see [e")
                    .append(Math.max(1, day - 1)).append("]\n\n");
        }
        DocumentSnapshot before = new DocumentSnapshot("file:///t.md", "t.md", 1, text.toString());
        Logbook old = before.logbook(SETTINGS);
        int at = text.indexOf("Results: see [e15]") + "Results: ".length();
        DocumentSnapshot typed = before.withEdit(2, TextEdits.apply(Text.of(text.toString()), TextRange.empty(at), "x"),
                new TextChange(TextRange.empty(at), 1));
        Logbook now = typed.logbook(SETTINGS);
        assertEquals(new DocumentSnapshot("file:///t.md", "t.md", 1, typed.text()).logbook(SETTINGS), now);
        int shared = 0;
        for (int i = 0; i < now.references().size(); ) {
            int run = org.logbookls.text.SplicedList.sameSourceRun(old.references(), now.references(), i);
            shared += run;
            i += Math.max(1, run);
        }
        org.junit.jupiter.api.Assertions.assertTrue(shared >= old.references().size() - 2, "shared " + shared + " of "
                + old.references().size());
        var edits = typed.lineKeepingEditsSince(1).orElseThrow();
        assertEquals(java.util.Optional.of(Set.of()), MovedDiagnostics.changedParts(old, now, edits));

        int reference = typed.text().indexOf("[e20]") + 3;
        DocumentSnapshot retyped = typed.withEdit(3, TextEdits.apply(typed.text(), TextRange.of(reference, reference + 1), "3"),
                new TextChange(TextRange.of(reference, reference + 1), 1));
        Logbook third = retyped.logbook(SETTINGS);
        assertEquals(new DocumentSnapshot("file:///t.md", "t.md", 1, retyped.text()).logbook(SETTINGS), third);
        org.junit.jupiter.api.Assertions.assertTrue(MovedDiagnostics.changedParts(now, third, retyped.lineKeepingEditsSince(2).orElseThrow())
                .orElseThrow().contains(ModelPart.ID_TOKENS), "a reference typed is a change");
    }

    /**
     * Repeated headings are numbered in document order (results, results-1, …). An edit of one, or a
     * heading of that slug added or removed, numbers again those after it, and only those: the
     * other anchors are the old ones. Each version is compared with a build from scratch.
     */
    @Test
    void repeatedHeadingsAreNumberedAgainAfterAnEditOfOne() {
        StringBuilder text = new StringBuilder("# Log\n\n");
        for (int day = 20; day > 0; day--) {
            text.append("## 2024-03-").append(day < 10 ? "0" + day : day).append("\n\n### Results\n\nfine ").append(day)
                    .append("\n\n### Results-1\n\nx\n\n");
        }
        String[][] edits = {{"fine 15\n\n### Results", "x"}, {"fine 12\n\n### Result", ""}, {"fine 18\n\n", "### Results\n\n"},
                {"## 2024-03-07\n\n", "### Results 1\n\n"}, {"fine 3\n\n### Results", " 1"}, {"# Log", "\n## Results\n"}};
        DocumentSnapshot document = new DocumentSnapshot("file:///t.md", "t.md", 1, text.toString());
        document.logbook(SETTINGS);
        for (String[] edit : edits) {
            int at = document.text().indexOf(edit[0]) + edit[0].length();
            TextRange range = edit[1].isEmpty() ? TextRange.of(at, at + 1) : TextRange.empty(at);
            document = document.withEdit(document.version() + 1, TextEdits.apply(document.text(), range, edit[1]),
                    new TextChange(range, edit[1].length()));
            Logbook fresh = new DocumentSnapshot("file:///t.md", "t.md", 1, document.text()).logbook(SETTINGS);
            assertEquals(fresh.anchors(), document.logbook(SETTINGS).anchors(), "after " + printable(edit[1]));
            assertEquals(fresh, document.logbook(SETTINGS), "after " + printable(edit[1]));
        }
        List<String> slugs = document.logbook(SETTINGS).slugs();
        org.junit.jupiter.api.Assertions.assertTrue(slugs.contains("results-1-1") && slugs.contains("results-19"), slugs.toString());
    }

    /**
     * What else the checks read that no entry holds: the template in a comment (its sections, in its own
     * words), and the tags declared in the front matter. Editing either makes the checks run again.
     */
    @Test
    void diagnosticsAreFoundAgainWhenTheTemplateOrTheDeclaredTagsChange() {
        String templated = "<!--\nTemplate\n\n### Day X: DDD - MMMM DD, YYYY\n\n**Today's Progress**:\n\n**Thoughts**\n\n**Link(s) to work:**\n-->\n\n"
                + "### Day 2: Thurs - June 28, 2018\n\n**Today's Progress**: Parsed.\n\n**Thoughts**: A step.\n\n"
                + "### Day 1: Wed - June 27, 2018\n\n**Today's Progress**: Learned.\n\n**Thoughts:** Hard.\n\n"
                + "### Day 0: Tue - June 26, 2018\n\n**Today's Progress**: Began.\n\n**Thoughts:** Easy.\n\n"
                + "### Day 0: Mon - June 25, 2018\n\n**Today's Progress**: Planned.\n\n**Thoughts:** Soon.\n";
        assertEquals(parts(), changedAfter(templated, "Soon", "Very soon"));
        // The template's labels are labels of sections too.
        assertEquals(parts(ModelPart.TEMPLATE, ModelPart.SECTIONS), changedAfter(templated, "**Thoughts**\n\n**Link", "**Thinking**\n\n**Link"));
        assertEquals(parts(ModelPart.TEMPLATE), changedAfter(templated, "to work:**\n-->", "to wark:**\n-->"));
        String declared = "---\ntags: [nbs, report]\n---\n# Log\n\n## 2024-03-12\n- #todo: a\n- #reprot b\n\n## 2024-03-11\n- #todo c\n\n"
                + "## 2024-03-10\n- #nb d\n\n## 2024-03-12\n- #x e\n";
        assertEquals(parts(), changedAfter(declared, "- #todo c", "- #todo cc"));
        assertEquals(parts(ModelPart.TAGS), changedAfter(declared, "report]", "reprot]"));
    }

    /**
     * After an edit only the checks that read what it changed run again: a section's label or its
     * emptiness, a reference, a tag and a title each change one or two parts, whose checks' diagnostics
     * are found again while the others' are moved (and the result is the checks' from scratch).
     */
    @Test
    void anEditChangesOnlyThePartsItTouches() {
        String text = "# Log\n\n## 2024-03-12 [e0002] second\n### Results\nfine, see [e0009]\n\n### Next Steps\n- #todo more\n\n"
                + "## 2024-03-11 [e0001] first\n### Results\n\n### Next Steps\n- #todo later\n\n## 2024-03-13 [e0001] third\n"
                + "### Results\nok\n";
        // A heading's text is its anchor's too.
        assertEquals(parts(ModelPart.SECTIONS, ModelPart.LINKS), changedAfter(text, "### Next Steps\n- #todo more", "### Next Step\n- #todo more"));
        assertEquals(parts(ModelPart.SECTIONS), changedAfter(text, "### Results\nok", "### Results\n"));
        assertEquals(parts(ModelPart.ID_TOKENS), changedAfter(text, "see [e0009]", "see [e0001]"));
        assertEquals(parts(ModelPart.TAGS), changedAfter(text, "#todo later", "#tudo later"));
        // A title typed: not what the checks of dates and references read, while the date names the entry.
        assertEquals(parts(ModelPart.TITLES, ModelPart.LINKS), changedAfter(text, "] first", "] first run"));
        // An ID typed: the checks of IDs and titles run again, not those of dates.
        assertEquals(parts(ModelPart.IDS, ModelPart.TITLES, ModelPart.LINKS), changedAfter(text, "[e0001] first", "[e0003] first"));
        // Without a date in the heading the title names the entry in messages, as its display name.
        String undated = text + "\n## [e0007] undated\n### Results\n\n";
        assertEquals(parts(ModelPart.HEADINGS, ModelPart.TITLES, ModelPart.LINKS), changedAfter(undated, "] undated", "] undated run"));
        assertEquals(parts(), changedAfter(text, "fine,", "fine, fine,"));
        assertEquals(java.util.Optional.empty(), changedAfter(text, "second", "second <!-- logbook-disable -->"), "a suppression: every check");
    }

    private static java.util.Optional<Set<ModelPart>> parts(ModelPart... parts) {
        return java.util.Optional.of(Set.of(parts));
    }

    /**
     * A version knows the edits that made it from an older one while none added or removed a line
     * break, however many versions apart, and only as many as it keeps.
     */
    @Test
    void aVersionKnowsTheLineKeepingEditsSinceAnOlderOne() {
        DocumentSnapshot first = new DocumentSnapshot("file:///t.md", "t.md", 1, "# Log\n\n## 2024-03-12\nResults: fine\n");
        DocumentSnapshot second = replaceFirst(first, "fine", "fine too");
        DocumentSnapshot third = replaceFirst(second, "Log", "Logs");
        assertEquals(java.util.Optional.of(List.of()), third.lineKeepingEditsSince(3));
        // Each edit as small as it can be: "fine" replaced by "fine too" is " too" typed after it.
        assertEquals(java.util.Optional.of(List.of(new TextChange(TextRange.of(34, 34), 4), new TextChange(TextRange.of(5, 5), 1))),
                third.lineKeepingEditsSince(1));
        assertEquals(java.util.Optional.of(List.of(new TextChange(TextRange.of(5, 5), 1))), third.lineKeepingEditsSince(2));
        assertEquals(java.util.Optional.empty(), first.lineKeepingEditsSince(0), "opened whole: no edits known");
        DocumentSnapshot broken = replaceFirst(third, "too", "too\n");
        assertEquals(java.util.Optional.empty(), broken.lineKeepingEditsSince(3));
        assertEquals(java.util.Optional.empty(), replaceFirst(broken, "too", "two").lineKeepingEditsSince(3), "not past a line break");
        DocumentSnapshot typed = third;
        for (int i = 0; i < 100; i++) {
            typed = replaceFirst(typed, "Results: ", "Results: x");
        }
        assertEquals(java.util.Optional.empty(), typed.lineKeepingEditsSince(3), "more edits than are kept");
        assertEquals(13, typed.lineKeepingEditsSince(90).orElseThrow().size());
        assertEquals(List.of(new TextChange(TextRange.of(31, 31), 1)), typed.lineKeepingEditsSince(102).orElseThrow());
    }

    /**
     * The parts of the model that change when the first {@code what} of {@code text} is replaced, empty
     * when every check runs again (an edit of a line break, a suppression); the diagnostics after the
     * edit, moved where those parts leave them, must be the checks' from scratch.
     */
    private static java.util.Optional<Set<ModelPart>> changedAfter(String text, String what, String with) {
        DocumentSnapshot document = new DocumentSnapshot("file:///t.md", "t.md", 0, text);
        Logbook before = document.logbook(SETTINGS);
        var found = Diagnostics.of(before, document.lineIndex(), SETTINGS, () -> { });
        org.junit.jupiter.api.Assertions.assertTrue(found.size() >= 4, "the fixture has diagnostics: " + found);
        DocumentSnapshot edited = replaceFirst(document, what, with);
        var edits = edited.lineKeepingEditsSince(document.version());
        if (edits.isEmpty()) {
            return java.util.Optional.empty();
        }
        DocumentSnapshot fresh = new DocumentSnapshot("file:///t.md", "t.md", 0, edited.text());
        assertEquals(Diagnostics.of(fresh.logbook(SETTINGS), fresh.lineIndex(), SETTINGS, () -> { }),
                Diagnostics.afterEdits("", before, found, edited.logbook(SETTINGS), edits.get(), edited.lineIndex(), SETTINGS,
                        Environment.SINGLE_FILE, () -> { }), "after " + printable(with));
        return MovedDiagnostics.changedParts(before, edited.logbook(SETTINGS), edits.get());
    }

    private static List<CodeAction> quickFixes(DocumentSnapshot document) {
        WorkspaceSnapshot snapshot = new WorkspaceSnapshot(Map.of(document.uri(), document), Map.of(), Set.of(), List.of(),
                SettingsLayer.EMPTY, false, 1);
        WorkspaceView view = new WorkspaceView(snapshot, new IndexCache().index(snapshot, d -> SETTINGS, Cancellation.NONE), d -> SETTINGS);
        return QuickFixes.all(view, document, Cancellation.NONE);
    }

    /**
     * Typing in a body keeps the facts; typing a reference, a tag, an ID, a title word or a date
     * into the same place does not.
     */
    @Test
    void factsAreKeptOnlyWhenWhatTheyReadIsTheSame() {
        String text = "# Log\n\n## 2024-03-12 [e0002] second\nResults: fine\n\n## 2024-03-11 [e0001] first\nResults: ok\n";
        DocumentSnapshot document = new DocumentSnapshot("file:///t.md", "t.md", 0, text);
        Logbook original = document.logbook(SETTINGS);
        String[][] edits = {{"fine", "fine too", "same"}, {"ok", "ok, see [e0002]", "changed"}, {"ok", "ok #gpu", "changed"},
            {"[e0001]", "[e0003]", "changed"}, {"] first", "] first run", "changed"}, {"2024-03-11", "2024-03-10", "changed"},
            {"Results: ok", "Results: ok\n\n## 2024-03-10 [e0003]\nnew", "changed"}};
        Object names = document.names(SETTINGS);
        DocumentFacts facts = DocumentFacts.of("file:///t.md", original);
        for (String[] edit : edits) {
            DocumentSnapshot editedDocument = replaceFirst(document, edit[0], edit[1]);
            Logbook edited = editedDocument.logbook(SETTINGS);
            // The model itself says so, without the comparison.
            assertEquals(edit[2].equals("same"), editedDocument.names(SETTINGS) == names, edit[1]);
            assertEquals(edit[2].equals("same"), DocumentFacts.after(facts, original, edited) == facts, edit[1]);
            assertEquals(DocumentFacts.of("file:///t.md", edited), DocumentFacts.after(facts, original, edited), edit[1]);
            assertEquals(edit[2].equals("same"), facts.equals(DocumentFacts.of("file:///t.md", edited)), edit[1]);
        }
    }

    /**
     * One document's facts changed (an entry heading broken or mended, an ID typed, a reference, a
     * tag, a document that stops being a logbook): the index brought up to date from the last one
     * answers as one built from every document's facts, in a workspace where IDs are defined and
     * mentioned by several documents (lists of more than one, kept sorted), and changes of several
     * documents in a row.
     */
    @Test
    void anIndexUpdatedForOneDocumentAnswersAsABuiltOne() {
        Map<String, String> texts = new java.util.TreeMap<>(Map.of(
                "file:///a.md", "# A\n\n## 2024-03-12 [e2] two\nsee [e1]\n\n## 2024-03-11 [e1] one\nok #gpu\n",
                "file:///b.md", "# B\n\n## 2024-03-13 [e3] three\nsee [e2] and [e1]\n\n## 2024-03-10 [e2] again\nok\n",
                "file:///c.md", "# C\n\n## 2024-03-09 [x01] other\nsee [e3], [e9]\n",
                "file:///d.md", "# Notes\n\nnothing dated, mentions e1\n"));
        Map<String, DocumentFacts> facts = new java.util.TreeMap<>();
        texts.forEach((uri, text) -> facts.put(uri, DocumentFacts.of(uri, new DocumentSnapshot(uri, uri, 0, text).logbook(SETTINGS))));
        WorkspaceIndex index = WorkspaceIndex.build(facts);
        String[][] edits = {{"file:///a.md", "## 2024-03-12 [e2]", "x## 2024-03-12 [e2]"}, {"file:///b.md", "[e3] three", "[e4] three"},
            {"file:///a.md", "see [e1]", "see [e7]"}, {"file:///c.md", "[x01] other", "[x01, e2] other"},
            {"file:///b.md", "## 2024-03-10 [e2]", "## 2024-03-10 [e0]"}, {"file:///c.md", "## 2024-03-09", "x## 2024-03-09"},
            {"file:///d.md", "mentions e1", "mentions nothing"}, {"file:///a.md", "ok #gpu", "ok #cpu"},
            {"file:///b.md", "see [e2] and [e1]", "see [e2] and [e1] #cpu #gpu #cpu"}, {"file:///a.md", "ok #cpu", "ok #cp"},
            {"file:///b.md", " #cpu #gpu #cpu", " #gpu"},
            {"file:///c.md", "[e3], [e9]", "[q7]"}, {"file:///b.md", "## 2024-03-13 [e4] three", "## 2024-03-13 [e4] three\n\n## 2024-03-08 [q7] new"}};
        for (String[] edit : edits) {
            String text = texts.get(edit[0]);
            org.junit.jupiter.api.Assertions.assertTrue(text.contains(edit[1]), edit[1]);
            texts.put(edit[0], text.replace(edit[1], edit[2]));
            facts.put(edit[0], DocumentFacts.of(edit[0], new DocumentSnapshot(edit[0], edit[0], 0, texts.get(edit[0])).logbook(SETTINGS)));
            WorkspaceIndex updated = index.withDocument(facts, edit[0]);
            WorkspaceIndex built = WorkspaceIndex.build(facts);
            sameAnswers(built, updated, edit[2]);
            for (String id : built.mentionedIds()) {
                assertEquals(built.mentioners(id), updated.mentioners(id), edit[2] + ": " + id);
            }
            assertEquals(built.mentionedIds(), updated.mentionedIds(), edit[2]);
            for (String tag : built.tagUses().keySet()) {
                assertEquals(built.tagUsers(tag), updated.tagUsers(tag), edit[2] + ": " + tag);
            }
            index = updated;
        }
        // Many IDs changed one after another: the changed lists laid over the shared map grow, then are written into one map.
        StringBuilder many = new StringBuilder("# E\n\n");
        for (int i = 199; i >= 100; i--) {
            many.append("## 2024-01-01 [e").append(i).append("] run\nsee [e2]\n\n");
        }
        String uri = "file:///e.md";
        String text = many.toString();
        facts.put(uri, DocumentFacts.of(uri, new DocumentSnapshot(uri, uri, 0, text).logbook(SETTINGS)));
        index = WorkspaceIndex.build(facts);
        for (int i = 100; i < 200; i++) {
            text = text.replace("## 2024-01-01 [e" + i + "]", i % 3 == 0 ? "## 2024-01-01 [e" + i + ", e2]" : "x## 2024-01-01 [e" + i + "]");
            facts.put(uri, DocumentFacts.of(uri, new DocumentSnapshot(uri, uri, 0, text).logbook(SETTINGS)));
            WorkspaceIndex updated = index.withDocument(facts, uri);
            sameAnswers(WorkspaceIndex.build(facts), updated, "e" + i);
            assertEquals(WorkspaceIndex.build(facts).definedIds(), updated.definedIds(), "e" + i);
            index = updated;
        }
    }

    /**
     * The index update reads only the IDs between a document's first and last ones that both
     * versions share, in order: IDs that leave or join at either end, in the middle, move (an ID
     * defined twice losing its first definition) or swap places update the lists as a build makes them.
     */
    @Test
    void idsLeavingOrJoiningAnywhereInADocumentUpdateTheIndexAsABuild() {
        StringBuilder entries = new StringBuilder("# F\n\n");
        for (int i = 100; i < 110; i++) {
            entries.append("## 2024-02-").append(i - 90).append(" [f").append(i).append("] run\nsee [f").append(i + 1).append("]\n\n");
        }
        entries.append("## 2024-02-28 [f105] again\nsee [f100]\n\n");
        String uri = "file:///f.md";
        Map<String, DocumentFacts> facts = new java.util.TreeMap<>();
        facts.put("file:///g.md", DocumentFacts.of("file:///g.md",
                new DocumentSnapshot("file:///g.md", "g.md", 0, "# G\n\n## 2024-01-01 [f109] other\nsee [f100], [f110]\n").logbook(SETTINGS)));
        String text = entries.toString();
        facts.put(uri, DocumentFacts.of(uri, new DocumentSnapshot(uri, uri, 0, text).logbook(SETTINGS)));
        WorkspaceIndex index = WorkspaceIndex.build(facts);
        String[][] edits = {{"## 2024-02-10 [f100]", "x## 2024-02-10 [f100]"}, {"x## 2024-02-10 [f100]", "## 2024-02-10 [f100]"},
            {"## 2024-02-28 [f105]", "x## 2024-02-28 [f105]"}, {"x## 2024-02-28 [f105]", "## 2024-02-28 [f105, f200]"},
            {"## 2024-02-15 [f105]", "x## 2024-02-15 [f105]"}, {"[f103] run\nsee [f104]", "[f104] run\nsee [f103]"},
            {"[f104] run\nsee [f103]", "[f103] run\nsee [f104]"}, {"# F\n\n", "# F\n\n## 2024-01-31 [f099] first\nsee [f098]\n\n"},
            {"see [f100]\n\n", "see [f100]\n\n## 2024-03-01 [f300] last\nsee [f301]\n\n"}, {"[f106] run", "[f206] run"},
            {"## 2024-01-31 [f099] first\nsee [f098]\n\n", ""}, {"## 2024-03-01 [f300] last\nsee [f301]\n\n", ""}};
        for (String[] edit : edits) {
            org.junit.jupiter.api.Assertions.assertTrue(text.contains(edit[0]), edit[0]);
            text = text.replace(edit[0], edit[1]);
            facts.put(uri, DocumentFacts.of(uri, new DocumentSnapshot(uri, uri, 0, text).logbook(SETTINGS)));
            WorkspaceIndex updated = index.withDocument(facts, uri);
            WorkspaceIndex built = WorkspaceIndex.build(facts);
            sameAnswers(built, updated, edit[1]);
            assertEquals(built.definedIds(), updated.definedIds(), edit[1]);
            assertEquals(built.mentionedIds(), updated.mentionedIds(), edit[1]);
            for (String id : built.mentionedIds()) {
                assertEquals(built.mentioners(id), updated.mentioners(id), edit[1] + ": " + id);
            }
            index = updated;
        }
    }

    /**
     * A title or a date typed changes only the ID summaries: the new facts keep the old tokens and
     * tags, and the index shares what it derived, answering as an index built anew.
     */
    @Test
    void aTitleOrDateTypedChangesOnlyTheSummaries() {
        String text = "# Log\n\n## 2024-03-12 [e0002] second #gpu\nsee [e0001]\n\n## 2024-03-11 [e0001] first\nResults: ok\n";
        DocumentSnapshot document = new DocumentSnapshot("file:///t.md", "t.md", 0, text);
        Logbook original = document.logbook(SETTINGS);
        DocumentFacts facts = DocumentFacts.of("file:///t.md", original);
        String[][] edits = {{"] first", "] first run", "summaries"}, {"2024-03-11", "2024-03-10", "summaries"},
            {"[e0001] first", "[e0003] first", "more"}, {"see [e0001]", "see [e0002]", "more"}, {"#gpu", "#cpu", "more"}};
        IndexCache cache = new IndexCache();
        WorkspaceIndex first = cache.index(openOnly(document), d -> SETTINGS, Cancellation.NONE);
        for (String[] edit : edits) {
            DocumentSnapshot editedDocument = replaceFirst(document, edit[0], edit[1]);
            Logbook edited = editedDocument.logbook(SETTINGS);
            DocumentFacts after = DocumentFacts.after(facts, original, edited);
            assertEquals(edit[2].equals("summaries"), facts.sameButSummaries(after), edit[1]);
            // What the checks read of the index stays the same object: the server moves the last diagnostics.
            WorkspaceIndex next = cache.index(openOnly(editedDocument), d -> SETTINGS, Cancellation.NONE);
            assertEquals(edit[2].equals("summaries"), next.derived() == first.derived(), edit[1]);
            assertEquals(DocumentFacts.of("file:///t.md", edited), next.facts().get("file:///t.md"), edit[1]);
            cache.index(openOnly(document), d -> SETTINGS, Cancellation.NONE);
            if (facts.sameButSummaries(after)) {
                org.junit.jupiter.api.Assertions.assertSame(facts.idTokens(), after.idTokens(), edit[1]);
                org.junit.jupiter.api.Assertions.assertNotEquals(facts, after, edit[1]);
                sameAnswers(WorkspaceIndex.build(Map.of(after.uri(), after)),
                        WorkspaceIndex.build(Map.of(facts.uri(), facts)).withSummaries(Map.of(after.uri(), after)), edit[1]);
            }
        }
    }

    /**
     * An entry heading broken (or an ID typed) changes the definitions and a token, not the tags: the
     * new facts keep each part of the old ones that reads the same, and equal the facts read anew.
     */
    @Test
    void factsKeepThePartsThatReadTheSame() {
        String text = "# Log\n\n## 2024-03-12 [e0002] second #gpu\nsee [e0001]\n\n## 2024-03-11 [e0001] first\nResults: ok #cpu\n";
        DocumentSnapshot document = new DocumentSnapshot("file:///t.md", "t.md", 0, text);
        Logbook original = document.logbook(SETTINGS);
        DocumentFacts facts = DocumentFacts.of("file:///t.md", original);
        String[][] edits = {{"## 2024-03-11", "## 2x024-03-11", "tags"}, {"[e0001] first", "[e0003] first", "tags, tokens"},
            {"## 2024-03-11", "x## 2024-03-11", "tags"}, {"## 2024-03-11", "#x# 2024-03-11", ""}, {"ok #cpu", "ok #cpu #gpu", "definitions, tokens"},
            {"see [e0001]", "see [e0001] and e0002", "definitions, tags"}};
        for (String[] edit : edits) {
            Logbook edited = replaceFirst(document, edit[0], edit[1]).logbook(SETTINGS);
            DocumentFacts after = DocumentFacts.after(facts, original, edited);
            assertEquals(DocumentFacts.of("file:///t.md", edited), after, edit[1]);
            assertEquals(edit[2].contains("tags"), after.tagUses() == facts.tagUses(), edit[1] + ": tags kept");
            assertEquals(edit[2].contains("tokens"), after.idTokens() == facts.idTokens(), edit[1] + ": tokens kept");
            assertEquals(edit[2].contains("definitions"), after.definedIds() == facts.definedIds(), edit[1] + ": definitions kept");
        }
    }

    /**
     * A document closed is forgotten by the cache: kept until the next index, its model was alive
     * while the document opened again, beside the new one.
     */
    @Test
    void aForgottenDocumentsModelIsLetGo() throws InterruptedException {
        IndexCache cache = new IndexCache();
        java.lang.ref.WeakReference<Logbook> kept = cachedModel(cache, "file:///kept.md");
        java.lang.ref.WeakReference<Logbook> forgotten = cachedModel(cache, "file:///forgotten.md");
        cache.forget("file:///forgotten.md");
        for (int i = 0; i < 20 && forgotten.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertEquals(null, forgotten.get(), "the forgotten document's model is collected");
        org.junit.jupiter.api.Assertions.assertNotNull(kept.get(), "the other document's model is still cached");
    }

    /** Facts of a new document computed through {@code cache}, which alone holds its model then. */
    private static java.lang.ref.WeakReference<Logbook> cachedModel(IndexCache cache, String uri) {
        DocumentSnapshot document = new DocumentSnapshot(uri, uri.substring(uri.lastIndexOf('/') + 1), 0,
                "# Log\n\n## 2024-03-12 [e0002] second\nResults: ok\n");
        cache.facts(document, SETTINGS);
        return new java.lang.ref.WeakReference<>(document.logbook(SETTINGS));
    }

    private static WorkspaceSnapshot openOnly(DocumentSnapshot document) {
        return new WorkspaceSnapshot(Map.of(document.uri(), document), Map.of(), Set.of(), List.of(), SettingsLayer.EMPTY, false, 1);
    }

    private static void sameAnswers(WorkspaceIndex expected, WorkspaceIndex actual, String when) {
        assertEquals(expected.facts(), actual.facts(), when);
        assertEquals(expected.definedIds(), actual.definedIds(), when);
        assertEquals(expected.mentionedIds(), actual.mentionedIds(), when);
        for (String id : expected.definedIds()) {
            assertEquals(expected.definers(id), actual.definers(id), when + ": " + id);
            assertEquals(expected.summary(id), actual.summary(id), when + ": " + id);
            assertEquals(expected.mentioners(id), actual.mentioners(id), when + ": " + id);
        }
        assertEquals(expected.schemes(), actual.schemes(), when);
        assertEquals(expected.tagUses(), actual.tagUses(), when);
        assertEquals(expected.declaredTags(), actual.declaredTags(), when);
        assertEquals(expected.workspaceTags(), actual.workspaceTags(), when);
        assertEquals(expected.definedIdsNewestFirst(), actual.definedIdsNewestFirst(), when);
    }

    @Test
    void mergedChangesCoverEveryEdit() {
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            String original = randomText(random, 40);
            TextChange merged = null;
            String text = original;
            for (int step = 0; step < 1 + random.nextInt(4); step++) {
                TextRange range = randomRange(random, text);
                String inserted = randomText(random, 5);
                text = TextEdits.apply(Text.of(text), range, inserted).toString();
                TextChange change = new TextChange(range, inserted.length());
                merged = merged == null ? change : merged.then(change);
            }
            String rebuilt = original.substring(0, merged.replaced().start())
                    + text.substring(merged.replaced().start(), merged.replaced().start() + merged.insertedLength())
                    + original.substring(merged.replaced().end());
            assertEquals(text, rebuilt, "merged change " + merged + " of " + original);
        }
    }

    /** Returns how many times the edit changed no part of the model a check reads: the last diagnostics were all moved. */
    private static int editAndCompare(String text, Random random, int edits) {
        DocumentSnapshot document = new DocumentSnapshot("file:///t.md", "t.md", 0, text);
        Logbook before = document.logbook(SETTINGS);
        Object beforeNames = document.names(SETTINGS);
        int versionBefore = document.version();
        List<org.logbookls.analysis.diagnostics.Diagnostic> diagnosticsBefore = Diagnostics.of(before, document.lineIndex(), SETTINGS, () -> { });
        int moved = 0;
        for (int i = 0; i < edits; i++) {
            TextRange range = randomRange(random, document.text());
            String inserted = random.nextInt(3) == 0 ? randomText(random, 3) : PIECES.get(random.nextInt(PIECES.size()));
            // Edited as the server edits it: the new text shares the old one's pieces.
            Text edited = TextEdits.apply(document.text(), range, inserted);
            String next = edited.toString();
            document = document.withEdit(i + 1, edited, new TextChange(range, inserted.length()));
            // One edit in four is followed by more before anything asks for the tree: the changes are merged.
            if (random.nextInt(4) != 0) {
                String when = "after edit " + range + " inserting " + printable(inserted);
                same(MarkdownParser.parse(next), document.syntax(), when);
                DocumentSnapshot fresh = new DocumentSnapshot("file:///t.md", "t.md", 0, next);
                assertEquals(fresh.logbook(SETTINGS), document.logbook(SETTINGS), when);
                // The features read a kept model's entries without moving them where they can: they must still say the same.
                var expected = Diagnostics.of(fresh.logbook(SETTINGS), fresh.lineIndex(), SETTINGS, () -> { });
                assertEquals(expected, Diagnostics.of(document.logbook(SETTINGS), document.lineIndex(), SETTINGS, () -> { }),
                        when + ": diagnostics");
                // The last version's diagnostics, moved where the edit cannot have changed them, found again elsewhere.
                Logbook model = document.logbook(SETTINGS);
                var since = document.lineKeepingEditsSince(versionBefore);
                if (since.isPresent()) {
                    assertEquals(expected, Diagnostics.afterEdits("", before, diagnosticsBefore, model, since.get(), document.lineIndex(),
                            SETTINGS, Environment.SINGLE_FILE, () -> { }), when + ": diagnostics moved from the last version's");
                    moved += MovedDiagnostics.changedParts(before, model, since.get()).filter(Set::isEmpty).isPresent() ? 1 : 0;
                }
                versionBefore = document.version();
                diagnosticsBefore = expected;
                assertEquals(DocumentSymbols.of(fresh.logbook(SETTINGS), next, () -> { }),
                        DocumentSymbols.of(document.logbook(SETTINGS), next, () -> { }), when + ": symbols");
                // Facts are kept when the model passed on the names of the last version's, and are made from the
                // last ones when only summaries changed: either way they must be the facts of the new version.
                DocumentFacts factsBefore = DocumentFacts.of("file:///t.md", before);
                DocumentFacts factsNow = DocumentFacts.of("file:///t.md", document.logbook(SETTINGS));
                if (document.names(SETTINGS) == beforeNames) {
                    assertEquals(factsBefore, factsNow, when + ": facts kept although they changed");
                }
                DocumentFacts factsAfter = DocumentFacts.after(factsBefore, before, document.logbook(SETTINGS));
                assertEquals(factsNow, factsAfter, when + ": facts after the edit");
                if (factsBefore.sameButSummaries(factsAfter)) {
                    sameAnswers(WorkspaceIndex.build(Map.of(factsNow.uri(), factsNow)),
                            WorkspaceIndex.build(Map.of(factsBefore.uri(), factsBefore)).withSummaries(Map.of(factsAfter.uri(), factsAfter)),
                            when + ": index with new summaries");
                }
                before = document.logbook(SETTINGS);
                beforeNames = document.names(SETTINGS);
                // Now and then the version is let go of as a closed document's is (its tree, candidates and ID lists):
                // the next edit must then build from scratch, not from what was forgotten.
                if (random.nextInt(8) == 0) {
                    document.forgetSyntaxTree();
                    if (random.nextBoolean()) {
                        same(MarkdownParser.parse(next), document.syntax(), when + ", parsed again after forgetting");
                    }
                }
            }
        }
        same(MarkdownParser.parse(document.text()), document.syntax(), "at the end");
        assertEquals(new DocumentSnapshot("file:///t.md", "t.md", 0, document.text()).logbook(SETTINGS), document.logbook(SETTINGS));
        return moved;
    }

    /** Fails naming the first part of the trees that differs (a whole tree is too long to read). */
    private static void same(SyntaxTree expected, SyntaxTree actual, String when) {
        if (expected.equals(actual)) {
            return;
        }
        String what = !expected.blocks().equals(actual.blocks()) ? firstDifference(expected.blocks(), actual.blocks())
                : !expected.opaque().equals(actual.opaque()) ? firstDifference(expected.opaque(), actual.opaque())
                : !expected.maskedText().equals(actual.maskedText()) ? "masked text"
                : !expected.htmlComments().equals(actual.htmlComments()) ? firstDifference(expected.htmlComments(), actual.htmlComments())
                : !expected.links().equals(actual.links()) ? firstDifference(expected.links(), actual.links())
                : !expected.headings().equals(actual.headings()) ? "headings"
                : !expected.frontMatter().equals(actual.frontMatter()) ? "front matter" : "reference definitions";
        org.junit.jupiter.api.Assertions.fail(when + ": " + what);
    }

    private static String firstDifference(List<?> expected, List<?> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                return "item " + i + ": expected " + expected.get(i) + " but was " + actual.get(i);
            }
        }
        return "expected " + expected.size() + " items but got " + actual.size();
    }

    /** Mostly short ranges near line starts, where block structure changes; sometimes long ones. */
    private static TextRange randomRange(Random random, CharSequence text) {
        int start = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        if (random.nextBoolean()) {
            while (start > 0 && text.charAt(start - 1) != '\n' && text.charAt(start - 1) != '\r') {
                start--;
            }
        }
        // Never split a surrogate pair: editors do not, and the parse of half a pair is not what this tests.
        if (start > 0 && start < text.length() && Character.isLowSurrogate(text.charAt(start))) {
            start--;
        }
        int length = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(3);
            case 2 -> random.nextInt(40);
            default -> random.nextInt(400);
        };
        int end = Math.min(text.length(), start + length);
        if (end > 0 && end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            end++;
        }
        return TextRange.of(start, end);
    }

    private static String randomText(Random random, int maxLength) {
        String alphabet = "ab# \n\r`-=|>[]:<!-x1";
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String printable(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
