package org.logbookls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.logbookls.analysis.symbols.DocumentSymbols;
import org.logbookls.config.Settings;
import org.logbookls.testing.Fixtures;
import org.logbookls.text.Cancellation;
import org.logbookls.text.Text;
import org.logbookls.text.TextChange;
import org.logbookls.text.TextRange;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.TextEdits;

/**
 * An outline written from the JSON kept of the last one ({@link OutlineJson}) is, byte for byte, the
 * JSON Gson writes of the LSP4J symbols converted afresh, after any edit; and written straight into
 * a message ({@link ChunkedMessageConsumer}) it is the message LSP4J would have written.
 */
class OutlineJsonTest {
    private static final MessageJsonHandler PLAIN = HandWrittenJsonTest.handler(false);
    private static final MessageJsonHandler FAST = HandWrittenJsonTest.handler(true);

    /** Random edits of every real logbook (line breaks, headings' marks, IDs, plain typing, cuts), the outline asked for after each. */
    @TestFactory
    Stream<DynamicTest> keptEntriesAreWrittenAsIfAfresh() {
        return Fixtures.eachRealLogbook((file, text) -> {
            for (Convert.Encoding encoding : Convert.Encoding.values()) {
                Random random = new Random(file.hashCode() * 31L + encoding.ordinal());
                OutlineJson.Cache cache = new OutlineJson.Cache();
                DocumentSnapshot document = new DocumentSnapshot("file:///t.md", "t.md", 1, text);
                for (int step = 0; step < 40; step++) {
                    sameAsAfresh(document, encoding, cache, file + " step " + step);
                    document = randomEdit(document, random);
                }
            }
        });
    }

    /**
     * Entries moved down by new lines, typed in, and a new entry's heading before them: the JSON of
     * the entries the edit did not touch is taken from the last outline each time.
     */
    @Test
    void linesMoveWithTheEdit() {
        String text = "# Journal é\n\n## 2024-03-12 [e1] first 😀\n### Results\nfine\n### Next Steps\nmore\n\n"
                + "## 2024-03-13 [e2] alpha beta\n### Results\nx\n";
        OutlineJson.Cache cache = new OutlineJson.Cache();
        DocumentSnapshot document = new DocumentSnapshot("file:///t.md", "t.md", 1, text);
        sameAsAfresh(document, Convert.Encoding.UTF16, cache, "first");
        for (String[] edit : new String[][] {{"# Journal é", "\n\n"}, {"fine", "ly"}, {"first 😀\n", "x\n"}, {"more", "é"},
                {"# Journal é\n", "\n## 2024-03-11 [e0] new\n"}, {"2024-03-1", "0"}}) {
            int at = document.text().indexOf(edit[0]) + edit[0].length();
            document = document.withEdit(document.version() + 1, TextEdits.apply(document.text(), TextRange.empty(at), edit[1]),
                    new TextChange(TextRange.empty(at), edit[1].length()));
            // A new entry and a changed date rebuild the model whole, which keeps the entries that read as they did.
            assertTrue(sameAsAfresh(document, Convert.Encoding.UTF16, cache, "after " + edit[1]), "reused after " + edit[1]);
        }
        for (Convert.Encoding encoding : Convert.Encoding.values()) {
            sameAsAfresh(document, encoding, cache, "in " + encoding);
        }
        assertEquals(0, cache.reusedLastTime(), "another encoding is written afresh");
        sameAsAfresh(document, Convert.Encoding.UTF8, cache, "again");
        assertEquals(cache.size(), cache.reusedLastTime(), "every entry written in this encoding before");
    }

    /**
     * A closing fence typed into swallows the entry headings up to the next fence's end: more entries
     * went than the walk over the last outline looks past. Every entry the build kept (the same
     * object) is still taken from the last outline; before, every entry after the edit was written again.
     */
    @Test
    void entriesAfterManyThatWentAreStillTakenFromTheLastOutline() {
        StringBuilder text = new StringBuilder("# Journal\n\n");
        for (int i = 1; i <= 200; i++) {
            text.append("## 2024-03-").append(String.format("%02d", i % 28 + 1)).append(" [e").append(i).append("] run ").append(i).append("\n\n");
            text.append(i == 5 ? "```\nplain\n```\n\n" : i == 16 ? "```bash\nmake\n```\n\n" : "Results: fine\n\nNext Steps: more\n\n");
        }
        OutlineJson.Cache cache = new OutlineJson.Cache();
        DocumentSnapshot document = new DocumentSnapshot("file:///t.md", "t.md", 1, text.toString());
        sameAsAfresh(document, Convert.Encoding.UTF16, cache, "first");
        int at = document.text().toString().indexOf("plain\n```") + "plain\n```".length();
        for (String typed : new String[] {"x", ""}) {
            DocumentSnapshot before = document;
            TextRange range = typed.isEmpty() ? TextRange.of(at, at + 1) : TextRange.empty(at);
            document = document.withEdit(document.version() + 1, TextEdits.apply(document.text(), range, typed), new TextChange(range, typed.length()));
            int kept = keptEntries(before, document);
            assertTrue(kept > 100, "the build kept " + kept + " entries");
            sameAsAfresh(document, Convert.Encoding.UTF16, cache, "after '" + typed + "'");
            assertTrue(cache.reusedLastTime() >= kept, "reused " + cache.reusedLastTime() + ", kept " + kept + " after '" + typed + "'");
        }
        assertTrue(document.logbook(Settings.DEFAULT).entries().size() == 200);
    }

    /** How many entries of {@code after} are those of {@code before} (the same objects). */
    private static int keptEntries(DocumentSnapshot before, DocumentSnapshot after) {
        var old = before.logbook(Settings.DEFAULT).entries();
        var now = after.logbook(Settings.DEFAULT).entries();
        java.util.Set<Object> olds = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < old.size(); i++) {
            olds.add(org.logbookls.text.SplicedList.unmoved(old, i));
        }
        int kept = 0;
        for (int i = 0; i < now.size(); i++) {
            kept += olds.contains(org.logbookls.text.SplicedList.unmoved(now, i)) ? 1 : 0;
        }
        return kept;
    }

    @Test
    void writtenStraightIntoTheMessageAsLsp4jWould() {
        StringBuilder text = new StringBuilder("# Journal \"&\" <x>\n\n");
        for (int i = 40; i > 0; i--) {
            text.append("## 2024-03-12 [e").append(i).append("] é 😀 \u2028 \"q\"\n### Results\nfine\n\n");
        }
        DocumentSnapshot document = new DocumentSnapshot("file:///t.md", "t.md", 1, text.toString());
        for (Object id : List.of(7, "req-\"7\"")) {
            ResponseMessage response = new ResponseMessage();
            if (id instanceof Integer number) {
                response.setId(number);
            } else {
                response.setId((String) id);
            }
            response.setResult(Outline.of(DocumentSymbols.nodes(document.logbook(Settings.DEFAULT), Cancellation.NONE), document.lineIndex(),
                    Convert.Encoding.UTF16, new OutlineJson.Cache()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ChunkedMessageConsumer(out, FAST).consume(response);
            String body = FAST.serialize(response);
            assertEquals("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body,
                    out.toString(StandardCharsets.UTF_8), id.toString());
        }
    }

    /** Asserts the cached outline is the fresh one; true when the cache held JSON of an entry still there. */
    private static boolean sameAsAfresh(DocumentSnapshot document, Convert.Encoding encoding, OutlineJson.Cache cache, String when) {
        var logbook = document.logbook(Settings.DEFAULT);
        Outline cached = Outline.of(DocumentSymbols.nodes(logbook, Cancellation.NONE), document.lineIndex(), encoding, cache);
        ResponseMessage written = new ResponseMessage();
        written.setId(3);
        written.setResult(cached);
        ResponseMessage converted = new ResponseMessage();
        converted.setId(3);
        converted.setResult(new ArrayList<>(new Outline(DocumentSymbols.of(logbook, document.text(), Cancellation.NONE),
                document.lineIndex(), encoding)));
        int before = cache.size();
        assertEquals(PLAIN.serialize(converted), FAST.serialize(written), when + " (" + encoding + ")");
        return before > 0 && cache.reusedLastTime() > 0;
    }

    private static DocumentSnapshot randomEdit(DocumentSnapshot document, Random random) {
        Text text = document.text();
        int at = random.nextInt(text.length() + 1);
        String[] typed = {"x", "\n", "\n\n", "#", "# ", "[e9]", "2024-01-0", "é", "\r\n", ""};
        String inserted = typed[random.nextInt(typed.length)];
        // Now and then a cut of many lines (a selection deleted, or a fence that swallows entries): more
        // entries go than the walk over the last outline looks past.
        int removed = inserted.isEmpty() ? Math.min(random.nextInt(4) == 0 ? 1 + random.nextInt(3_000) : 1 + random.nextInt(3),
                text.length() - at) : 0;
        TextRange range = TextRange.of(at, at + removed);
        return document.withEdit(document.version() + 1, TextEdits.apply(text, range, inserted), new TextChange(range, inserted.length()));
    }
}
