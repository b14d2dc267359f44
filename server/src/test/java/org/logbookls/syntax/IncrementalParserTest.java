package org.logbookls.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.logbookls.text.Text;
import org.logbookls.text.TextChange;
import org.logbookls.text.TextRange;

/**
 * What an incremental reparse reads again: only the top-level block an edit touches when the block
 * after it still starts the same, however long the list or run of paragraphs around it. That the
 * result always equals a full parse is {@code IncrementalAnalysisTest}'s to show, on random edits to
 * every real logbook and to logbooks made of one long list.
 */
class IncrementalParserTest {
    private static final String ITEM = "- [2024-03-%02d](notes/%d.md) trained the model #run\n";

    @Test
    void anEditInsideALongListRereadsTheItemItTouches() {
        String text = list(2_000);
        int previousItem = text.indexOf("- [", text.length() / 2);
        int itemStart = text.indexOf("- [", previousItem + 1);
        int nextItem = text.indexOf("- [", itemStart + 1);
        // The edited line may stop being an item, so the reparse starts at the item before it.
        assertRereads(text, itemStart + 10, previousItem, nextItem);
    }

    @Test
    void anEditInsideAParagraphOfDateLinesRereadsThatParagraph() {
        StringBuilder text = new StringBuilder("# Lab notes\n\n");
        for (int i = 0; i < 1_000; i++) {
            text.append("2024-03-").append(String.format("%02d", 1 + i % 28)).append("\nResults: ok\nNext Steps: more\n\n");
        }
        String original = text.toString();
        int paragraph = original.indexOf("2024-03-", original.length() / 2);
        assertRereads(original, paragraph + 15, paragraph, original.indexOf("2024-03-", paragraph + 1));
    }

    /** One character typed at {@code at} reparses {@code [from, to)} of the old text (its end moved by the character), as a full parse reads it. */
    private static void assertRereads(String text, int at, int from, int to) {
        Edited edited = edit(text, at, 0, "x");
        assertEquals(Optional.of(new IncrementalParser.Region(from, to + 1, 1)), edited.result.region());
        assertEquals(MarkdownParser.parse(edited.text), edited.result.tree());
    }

    /** An item turned into a paragraph's lazy line, a fence opened, an HTML block opened: later anchors, or the end. */
    @Test
    void editsThatSwallowTheNextItemReadOnUntilALineStartsTheSame() {
        String text = list(300);
        int middle = text.indexOf("- [", text.length() / 2);
        for (String inserted : new String[] {"x", "```\n", "<div>\n", "<!--\n", "    ", "\n", "1. ", "> "}) {
            for (int at : new int[] {middle, middle + 2, text.indexOf('\n', middle) + 1}) {
                Edited edited = edit(text, at, 0, inserted);
                assertEquals(MarkdownParser.parse(edited.text), edited.result.tree(), "inserting " + inserted.replace("\n", "\\n") + " at " + at);
            }
        }
        // A fence opened in the middle of the list and never closed swallows the rest: read to the end.
        Edited fence = edit(text, middle, 0, "```\n");
        assertEquals(fence.text.length(), fence.result.region().orElseThrow().to());
    }

    /**
     * Found with 600 random edits per real logbook: a paragraph "+++" is a line a text's top reads as
     * the opening of front matter when a later line closes it, so a reparse starting there read the
     * rest of the document as front matter. So is "---" after a byte order mark, which is a paragraph
     * inside a text.
     */
    @Test
    void aLineThatOpensFrontMatterAtATextsTopIsNoPlaceToStartAReparse() {
        for (String opener : new String[] {"+++", "\uFEFF---", "\uFEFF+++", "\uFEFFtext"}) {
            // Nothing between the two lines starts a top-level block, so the reparse reads on through the second.
            String text = "# Notes\n\nintro\n\n" + opener + "\n```\nsome text\n```\n" + opener.replace("\uFEFF", "").replace("text", "---")
                    + "\n\nlast\n";
            int at = text.indexOf("some text") + 4;
            Edited edited = edit(text, at, 0, "x");
            assertEquals(MarkdownParser.parse(edited.text), edited.result.tree(), opener);
            assertTrue(edited.result.region().orElseThrow().from() <= text.indexOf(opener), opener + ": " + edited.result.region());
        }
    }

    @Test
    void randomEditsToAListOfItemsWithChildrenEqualAFullParse() {
        StringBuilder text = new StringBuilder("# Log\n\n");
        for (int i = 0; i < 200; i++) {
            text.append(i % 7 == 0 ? "1. " : "- ").append("2024-03-").append(String.format("%02d", 1 + i % 28))
                    .append(i % 5 == 0 ? "\n\n  continued\n" : "\n").append(i % 3 == 0 ? "  - Results: ok\n  - Next Steps: [e0001]\n" : "")
                    .append(i % 11 == 0 ? "\nA paragraph between lists\n\n" : "").append(i % 13 == 0 ? "| a | b |\n|---|---|\n| 1 | 2 |\n\n" : "");
        }
        String current = text.toString();
        SyntaxTree tree = MarkdownParser.parse(current);
        Random random = new Random(3);
        String[] pieces = {"x", "- ", "1. ", "\n", "\n\n", "  ", "```\n", "<!--", "-->", "===\n", "---\n", "|", "> ", "# "};
        int small = 0;
        for (int i = 0; i < 1_500; i++) {
            int start = random.nextInt(current.length() + 1);
            int end = Math.min(current.length(), start + (random.nextInt(3) == 0 ? random.nextInt(30) : 0));
            String inserted = pieces[random.nextInt(pieces.length)];
            String next = current.substring(0, start) + inserted + current.substring(end);
            IncrementalParser.Result result = IncrementalParser.reparse(tree, new TextChange(TextRange.of(start, end), inserted.length()),
                    Text.of(next));
            assertEquals(MarkdownParser.parse(next), result.tree(), "edit " + i);
            small += result.region().filter(r -> r.to() - r.from() < 1_000).isPresent() ? 1 : 0;
            current = next;
            tree = result.tree();
        }
        // Fences and comments left open pile up over 1,500 edits and swallow what follows them; read to the
        // end each time. With headings alone as anchors, 115 edits stayed this small.
        assertTrue(small > 500, "edits read again in under 1,000 characters: " + small + " of 1,500");
    }

    private static String list(int items) {
        StringBuilder text = new StringBuilder("# Index\n\n");
        for (int i = 0; i < items; i++) {
            text.append(String.format(ITEM, 1 + i % 28, i));
        }
        return text.toString();
    }

    private record Edited(String text, IncrementalParser.Result result) {
    }

    private static Edited edit(String text, int start, int length, String inserted) {
        String next = text.substring(0, start) + inserted + text.substring(start + length);
        return new Edited(next, IncrementalParser.reparse(MarkdownParser.parse(text), new TextChange(TextRange.of(start, start + length),
                inserted.length()), Text.of(next)));
    }
}
