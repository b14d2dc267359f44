package org.logbookls.lsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.logbookls.testing.ServerProcess;
import org.logbookls.workspace.TextDecoding;

/**
 * Hostile documents of up to 5 MB, opened in the server process over a real pipe, each followed by
 * every request an editor sends on open and while typing. Each must be answered — no error, no
 * hang — and the times, at the full size and at half of it, are written to
 * {@code target/pathological-inputs.txt} (docs/testing.md shows them), each from sending to the
 * answer's last byte (decoding it is this client's work). Times are not asserted:
 * this machine is shared; a 60-second limit per answer only catches hangs.
 */
class PathologicalInputsTest {
    private static final long HANG = 60_000;
    private static final Map<String, IntFunction<String>> INPUTS = inputs();
    private static final List<String> REPORT = new ArrayList<>();
    private static final Map<String, Integer> DIAGNOSTICS = new LinkedHashMap<>();
    private static final Map<String, String> SLOWEST = new LinkedHashMap<>();
    private static ServerProcess server;
    private static Path folder;
    private static int nextId = 1;
    private static int version = 1;

    @BeforeAll
    static void start() throws Exception {
        folder = Files.createTempDirectory("pathological");
        server = ServerProcess.start();
        server.initialize(folder.toUri().toString(), null);
        REPORT.add(String.format("%-34s %10s %11s %12s %12s %9s  %s", "input", "chars", "diagnostics", "open+diag ms", "requests ms",
                "half: ms", "slowest request (ms)"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        // The workspace folder stays empty: the documents are only ever opened, never written.
        Files.deleteIfExists(folder);
        Path report = Path.of("target", "pathological-inputs.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, REPORT);
        REPORT.forEach(System.out::println);
    }

    @TestFactory
    Stream<DynamicTest> eachInput() {
        // -Dpathological.only=<part of a name> runs the matching inputs alone.
        String only = System.getProperty("pathological.only", "");
        return INPUTS.entrySet().stream().filter(input -> input.getKey().contains(only)).map(input -> DynamicTest.dynamicTest(input.getKey(), () -> {
            String full = input.getValue().apply(1);
            assertTrue(full.length() <= 5_000_000 + 100, input.getKey() + " is larger than 5 MB");
            long[] half = measure(input.getKey() + "-half", input.getValue().apply(2));
            long[] whole = measure(input.getKey(), full);
            REPORT.add(String.format("%-34s %10d %11d %12d %12d %9d  %s", input.getKey(), full.length(), DIAGNOSTICS.get(input.getKey()),
                    whole[0], whole[1], half[0] + half[1], SLOWEST.get(input.getKey())));
        }));
    }

    /** Opens the text, pulls its diagnostics, then asks what an editor asks; returns both times in ms. */
    private static long[] measure(String name, String text) throws Exception {
        String uri = "file:///pathological/" + name.replaceAll("[^A-Za-z0-9]+", "-") + "-logbook.md";
        long started = System.nanoTime();
        server.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"languageId\":\"markdown\",\"version\":"
                + (version++) + ",\"text\":" + new JsonPrimitive(text) + "}}");
        int first = request("textDocument/diagnostic", "{\"textDocument\":{\"uri\":\"" + uri + "\"}}");
        JsonObject diagnostics = answered(first, name + " diagnostics");
        DIAGNOSTICS.put(name, diagnostics.getAsJsonObject("result").getAsJsonArray("items").size());
        long opened = server.arrivedAt(first);
        long decoded = System.nanoTime() - opened;
        String document = "{\"textDocument\":{\"uri\":\"" + uri + "\"}";
        String middle = ",\"position\":{\"line\":" + lineCount(text) / 2 + ",\"character\":1}}";
        String end = ",\"position\":{\"line\":" + lineCount(text) + ",\"character\":0}}";
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("documentSymbol", document + "}");
        requests.put("foldingRange", document + "}");
        requests.put("codeLens", document + "}");
        requests.put("documentLink", document + "}");
        requests.put("inlayHint", document + ",\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":"
                + "{\"line\":200,\"character\":0}}}");
        requests.put("completion", document + middle);
        requests.put("completion at the end", document + end);
        requests.put("hover", document + middle);
        requests.put("definition", document + middle);
        requests.put("references", document + middle.replace("}}", "},\"context\":{\"includeDeclaration\":true}}"));
        requests.put("codeAction", document + ",\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":"
                + "{\"line\":0,\"character\":0}},\"context\":{\"diagnostics\":[]}}");
        requests.put("workspace/symbol", "{\"query\":\"2026\"}");
        long slowest = -1;
        String slowestName = "";
        // One at a time, so each time is that request's own.
        for (var request : requests.entrySet()) {
            String method = request.getKey().startsWith("workspace/") ? request.getKey()
                    : "textDocument/" + request.getKey().replace(" at the end", "");
            long before = System.nanoTime();
            int id = request(method, request.getValue());
            answered(id, name + " " + request.getKey());
            long took = (server.arrivedAt(id) - before) / 1_000_000;
            decoded += System.nanoTime() - server.arrivedAt(id);
            if (took > slowest) {
                slowest = took;
                slowestName = request.getKey();
            }
        }
        long changed = System.nanoTime();
        server.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":" + (version++) + "},"
                + "\"contentChanges\":[{\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":0}},"
                + "\"text\":\"x\"}]}");
        int after = request("textDocument/diagnostic", "{\"textDocument\":{\"uri\":\"" + uri + "\"}}");
        answered(after, name + " diagnostics after an edit");
        long edit = (server.arrivedAt(after) - changed) / 1_000_000;
        decoded += System.nanoTime() - server.arrivedAt(after);
        if (edit > slowest) {
            slowest = edit;
            slowestName = "diagnostics after an edit";
        }
        SLOWEST.put(name, slowestName + " " + slowest);
        // The requests' time is the server's: what this client spent decoding answers is left out.
        long done = System.nanoTime() - decoded;
        server.notify("textDocument/didClose", "{\"textDocument\":{\"uri\":\"" + uri + "\"}}");
        return new long[] {(opened - started) / 1_000_000, (done - opened) / 1_000_000};
    }

    private static int request(String method, String params) throws IOException {
        int id = nextId++;
        server.request(id, method, params);
        return id;
    }

    private static JsonObject answered(int id, String what) throws InterruptedException {
        JsonObject response = server.response(id, HANG);
        assertTrue(!response.has("error") || response.getAsJsonObject("error").get("code").getAsInt() == -32601,
                what + " failed: " + response.toString().substring(0, Math.min(400, response.toString().length())));
        return response;
    }

    private static int lineCount(String text) {
        int lines = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** Each input at full size (divisor 1) or half (2). */
    private static Map<String, IntFunction<String>> inputs() {
        Map<String, IntFunction<String>> inputs = new LinkedHashMap<>();
        inputs.put("100,000 # lines", d -> "#\n".repeat(100_000 / d));
        inputs.put("100,000 heading lines", d -> "# \n##\n### x\n#### 2026-11-20\n".repeat(25_000 / d));
        inputs.put("one 5 MB line", d -> {
            String words = "word #tag [e0001] 2026-11-20 **b** `c` [l](x) ";
            return words.repeat(5_000_000 / words.length() / d);
        });
        // Each under the 100,000 characters a paragraph was inline-parsed up to: quadratic, 49 s from the command line.
        inputs.put("50 paragraphs of 99,000 link chars", d -> ("[a](b) *c* _d_ ".repeat(6_600) + "\n\n").repeat(50 / d));
        // Without a heading to cut at, parsed in one piece: commonmark's tree of it filled the 512 MB heap and the server exited.
        inputs.put("32,000 short paragraphs of links", d -> ("[a](b) *c* _d_ ".repeat(10) + "\n\n").repeat(32_000 / d));
        // One list, one block of commonmark's until it was cut between items: it filled the heap too.
        inputs.put("290,000 list items of links", d -> "- [a](b) *c* `d`\n".repeat(290_000 / d));
        // Its cells' links went through commonmark's inline parser (2.5 s to parse warm) until SimpleInlines read table cells.
        inputs.put("200,000 table rows of links", d -> "| a | b |\n|---|---|\n" + "| [a](b) *c* `d` | x |\n".repeat(200_000 / d));
        inputs.put("10,000 nested list levels", d -> "- ".repeat(10_000 / d) + "x\n" + nestedIndented(2_000 / d));
        inputs.put("10,000 nested blockquotes", d -> "> ".repeat(10_000 / d) + "x\n" + ">".repeat(10_000 / d) + " y\n");
        inputs.put("10,000 nested brackets", d -> "[".repeat(10_000 / d) + "e0001" + "]".repeat(10_000 / d) + "\n"
                + "*".repeat(10_000 / d) + "x" + "_".repeat(10_000 / d) + "\n");
        inputs.put("unclosed fence at the top", d -> "```\n" + entries(20_000 / d, i -> "2026-11-20"));
        // Every line was searched for a label's colon (or a bold label's closing "**") to the end of
        // the text: quadratic, minutes for this input.
        inputs.put("300,000 lines without a colon", d -> "## 2026-11-20\n\n" + "**no label here\n".repeat(150_000 / d)
                + "just words\n".repeat(150_000 / d));
        inputs.put("a file of only dates", d -> "2026-11-20\n".repeat(400_000 / d));
        inputs.put("50,000 entries with the same date", d -> entries(50_000 / d, i -> "2026-11-20"));
        // Sections as headings: 150,000 headings and 100,000 paragraphs, 2.7 MB.
        inputs.put("50,000 same-date entries with section headings", d -> "# Log\n\n"
                + "## 2026-11-20\n\n### Results\n\nok\n\n### Next Steps\n\nmore\n\n".repeat(50_000 / d));
        inputs.put("50,000 dated entries", d -> entries(50_000 / d, i -> java.time.LocalDate.of(2000, 1, 1).plusDays(i).toString()));
        inputs.put("binary garbage", d -> garbage(2_000_000 / d, 1));
        inputs.put("invalid UTF-8", d -> TextDecoding.decode(invalidUtf8(2_000_000 / d)));
        inputs.put("a BOM", d -> "\uFEFF" + entries(10_000 / d, i -> "2026-11-20"));
        inputs.put("mixed CRLF, LF and CR", d -> mixedLineEnds(entries(20_000 / d, i -> java.time.LocalDate.of(2000, 1, 1)
                .plusDays(i).toString())));
        inputs.put("1,000 tags on one line", d -> "# Log\n\n## 2026-11-20\n\n" + tags(1_000 / d) + "\n\nResults: x\n");
        inputs.put("100,000 tags on one line", d -> "# Log\n\n## 2026-11-20\n\n" + tags(100_000 / d) + "\n");
        inputs.put("100,000 references on one line", d -> "# Log\n\n## 2026-11-20 [e0001]\n\n" + "[e0002] ".repeat(100_000 / d) + "\n");
        inputs.put("100,000 links", d -> "# Log\n\n## 2026-11-20\n\n" + "[a](#b) [c](d.md#e) ".repeat(100_000 / d) + "\n");
        inputs.put("100,000 HTML comment openers", d -> "<!--\n".repeat(100_000 / d));
        // Each block's search for a comment ran on to the end of the text: 8.8 s and 12 s from the command line.
        inputs.put("100,000 HTML blocks with '<!--'", d -> "<div><!--\n\n".repeat(100_000 / d));
        inputs.put("150,000 HTML blocks, then '<!--'", d -> "<div>\n\n".repeat(150_000 / d) + "<!--\n");
        inputs.put("100,000 table rows", d -> "# Log\n\n## 2026-11-20\n\n| a | b |\n|---|---|\n" + "| 1 | 2 |\n".repeat(100_000 / d));
        return inputs;
    }

    private static String nestedIndented(int depth) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            text.append(" ".repeat(Math.min(i * 2, 1_000))).append("- item\n");
        }
        return text.toString();
    }

    private static String entries(int count, IntFunction<String> date) {
        StringBuilder text = new StringBuilder("# Journal\n\n");
        for (int i = 0; i < count; i++) {
            text.append("## ").append(date.apply(i)).append(" [e").append(String.format("%04d", i % 10_000)).append("]\n\n")
                    .append("Results: ok #tag\n\nNext Steps: [e0001]\n\n");
        }
        return text.toString();
    }

    private static String garbage(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return TextDecoding.decode(bytes);
    }

    private static byte[] invalidUtf8(int length) {
        byte[] bytes = new byte[length];
        byte[] pattern = "## 2026-11-20 \u00e9".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < length; i++) {
            bytes[i] = i % 7 == 3 ? (byte) 0xC3 : i % 11 == 5 ? (byte) 0xFF : pattern[i % pattern.length];
        }
        return bytes;
    }

    private static String mixedLineEnds(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int line = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append(switch (line++ % 3) {
                    case 0 -> "\r\n";
                    case 1 -> "\r";
                    default -> "\n";
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String tags(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append('#').append("tag").append(i).append(' ');
        }
        return text.toString();
    }
}
