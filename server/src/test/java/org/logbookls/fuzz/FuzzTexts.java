package org.logbookls.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.logbookls.testing.Fixtures;
import org.logbookls.workspace.LogbookFiles;

/**
 * Texts for the fuzz targets, chosen by the fuzzer's bytes: raw text, a window of a real logbook
 * with fuzzed splices, or a logbook assembled from the fragments users write (dated headings in
 * every form, IDs, tags, sections, fences, comments, front matter, setext underlines, tables).
 */
final class FuzzTexts {
    private static final List<String> FRAGMENTS = List.of(
            "## 2026-11-20 [e0039] Adam\n", "## 2026-11-21\n", "# 2026-11-22\n", "### [29/05] CNN\n", "## March 12, 2022\n",
            "## Sunday 26th Mar 23\n", "## 23th March 2023\n", "7/30/20\n", "-------\n", "=====\n", "## 31/04/2024\n",
            "## ??/09/2024\n", "## KW 15\n", "## 12. März 2024\n", "## lundi 3 juin 2024\n", "# [e0039, e0040] Adam\n",
            "**Results:** ok\n", "### Results\n", "### Next Steps\n", "- [ ] rerun\n", "- [x] done\n", "Next steps:\n",
            "See [e0038].\n", "[e0041]\n", "#cifar #todo ", "tags: #a #b\n", "```\n", "~~~python\n", "    indented\n",
            "<!-- comment\n", "-->\n", "---\ntitle: x\n---\n", "| a | b |\n|---|---|\n| 1 | 2 |\n", "> quote\n", "- item\n",
            "  - nested\n", "[link](notes/2026-11-20.md#other)\n", "[anchor](#adam)\n", "<!-- logbook-ignore date-order -->\n",
            "\r\n", "\n", "\r", "😀", "\uD800", "é", "\t", " ", "#", "[", "]", "(", ")", "e0001", "2026-", "/05/", "\u0000",
            "Text line with words.\n", "# Title\n\nIntro.\n\n");
    private static volatile List<String> realLogbooks;

    private FuzzTexts() {
    }

    static String text(FuzzedDataProvider data, int maxLength) {
        return switch (data.consumeInt(0, 2)) {
            case 0 -> data.consumeString(maxLength);
            case 1 -> realWindow(data, maxLength);
            default -> assembled(data, maxLength);
        };
    }

    private static String realWindow(FuzzedDataProvider data, int maxLength) {
        List<String> logbooks = realLogbooks();
        String logbook = logbooks.get(data.consumeInt(0, logbooks.size() - 1));
        int start = data.consumeInt(0, logbook.length());
        int end = Math.min(logbook.length(), start + data.consumeInt(0, maxLength));
        StringBuilder text = new StringBuilder(logbook.substring(start, end));
        int splices = data.consumeInt(0, 4);
        for (int i = 0; i < splices; i++) {
            int from = data.consumeInt(0, text.length());
            int to = Math.min(text.length(), from + data.consumeInt(0, 20));
            text.replace(from, to, data.consumeBoolean() ? fragment(data) : data.consumeString(20));
        }
        return text.toString();
    }

    private static String assembled(FuzzedDataProvider data, int maxLength) {
        StringBuilder text = new StringBuilder();
        int parts = data.consumeInt(0, 60);
        for (int i = 0; i < parts && text.length() < maxLength; i++) {
            text.append(data.consumeBoolean() ? fragment(data) : data.consumeString(12));
        }
        return text.toString();
    }

    private static String fragment(FuzzedDataProvider data) {
        return FRAGMENTS.get(data.consumeInt(0, FRAGMENTS.size() - 1));
    }

    /** Every Markdown file under {@code ../shared/logbooks/}, read once. */
    static List<String> realLogbooks() {
        List<String> loaded = realLogbooks;
        if (loaded == null) {
            try (Stream<Path> walk = Files.walk(Fixtures.sharedLogbooks())) {
                loaded = walk.filter(Files::isRegularFile).filter(p -> LogbookFiles.isMarkdown(p.getFileName().toString())).sorted()
                        .map(FuzzTexts::read).toList();
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
            realLogbooks = loaded;
        }
        return loaded;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /**
     * Compares without {@link String#equals}, which Jazzer hooks to guide the fuzzer: on whole
     * documents that hook costs more than every feature together.
     */
    static boolean same(CharSequence a, CharSequence b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean splits(String text, int offset) {
        return offset > 0 && offset < text.length() && Character.isHighSurrogate(text.charAt(offset - 1))
                && Character.isLowSurrogate(text.charAt(offset));
    }

    static boolean splitsCrlf(String text, int offset) {
        return offset > 0 && offset < text.length() && text.charAt(offset - 1) == '\r' && text.charAt(offset) == '\n';
    }

    /** The same non-blank lines, each as often, whatever their order and line breaks. */
    static boolean sameLines(String before, String after) {
        return lineCounts(before).equals(lineCounts(after));
    }

    private static Map<String, Integer> lineCounts(String text) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : text.split("\r\n|\r|\n")) {
            if (!line.isBlank()) {
                counts.merge(line.stripTrailing(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
