package org.logbookls.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.logbookls.syntax.MarkdownParser;
import org.logbookls.syntax.MaskedText;
import org.logbookls.testing.Fixtures;
import org.logbookls.text.TextRange;

/** The hand-written ID token and URL scans find exactly what the regular expressions they replaced found. */
class IdReaderTest {
    private static final Pattern TOKEN = Pattern.compile("([A-Za-z]{1,8})([-_]?)(\\d{1,6})");

    @Test
    void sameTokensAsTheRegexOnRandomText() {
        Random random = new Random(3);
        String alphabet = "abcdefghiXYZ0123456789-_./\\#@é ,[]\n\t\u00a0\u000bwW:";
        List<String> pieces = List.of("http://", "HTTPS://", "ftp://", "www.", "wWw.", "e0001", "x_1", "é");
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                if (random.nextInt(5) == 0) {
                    text.append(pieces.get(random.nextInt(pieces.size())));
                } else {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            assertEquals(byRegex(text.toString()), IdReader.tokens(MaskedText.written(text.toString()), List.of()), text.toString());
        }
    }

    @Test
    void sameUrlsAsTheRegex() {
        Random random = new Random(5);
        String alphabet = "hHtTpPsSfFwW:/.x_é1 \t\n\u00a0\u000b\u017f";
        Pattern url = Pattern.compile("(?i)\\b(?:https?|ftp)://\\S+|\\bwww\\.\\S+");
        for (int round = 0; round < 50_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(random.nextInt(6) == 0 ? List.of("http://", "www.", "ftp://", "HTTPS://").get(random.nextInt(4))
                        : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
            }
            List<TextRange> expected = new ArrayList<>();
            Matcher matcher = url.matcher(text);
            while (matcher.find()) {
                expected.add(TextRange.of(matcher.start(), matcher.end()));
            }
            assertEquals(expected, IdReader.urls(text.toString()), text.toString());
        }
    }

    @Test
    void sameTokensAsTheRegexOnRealLogbooks() throws IOException {
        try (Stream<Path> walk = Files.walk(Fixtures.sharedLogbooks())) {
            for (Path file : walk.filter(path -> path.toString().endsWith(".md")).toList()) {
                MaskedText masked = MarkdownParser.parse(Files.readString(file, StandardCharsets.UTF_8)).maskedText();
                assertEquals(byRegex(masked.toString()), IdReader.tokens(masked, List.of()), file.toString());
            }
        }
    }

    /** The scan as it was (regexes; the standing-alone rule is unchanged and shared), with no ID lists to skip. */
    private static List<Reference> byRegex(String text) {
        List<Reference> found = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        Matcher url = Pattern.compile("(?i)\\b(?:https?|ftp)://\\S+|\\bwww\\.\\S+").matcher(text);
        List<TextRange> urls = new ArrayList<>();
        while (url.find()) {
            urls.add(TextRange.of(url.start(), url.end()));
        }
        while (matcher.find()) {
            int start = matcher.start();
            if (urls.stream().anyMatch(range -> range.start() <= start && start < range.end())) {
                continue;
            }
            if (IdReader.standsAlone(text, start, matcher.end())) {
                found.add(new Reference(matcher.group(), TextRange.of(start, matcher.end())));
            }
        }
        return found;
    }
}
