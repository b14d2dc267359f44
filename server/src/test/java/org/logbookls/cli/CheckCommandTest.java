package org.logbookls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new CheckCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textOutputIsFileLineColumnSeverityCodeMessageAndFindingsExitWithOne() throws Exception {
        Path logbook = folder.resolve("lab-notebook.md");
        Files.writeString(logbook, "# Lab notebook\n\n## 31/04/2021\n## 29/04/2021\n");
        Files.writeString(folder.resolve("README.md"), "# Readme\n\n## 2024-02-30\n");
        int status = run("--today", "2026-11-22", folder.toString());
        assertEquals(1, status);
        assertEquals(logbook + ":3:4: error invalid-date '31/04/2021' is not a real date: April has 30 days.\n", out());
    }

    @Test
    void jsonOutputHasZeroBasedUtf16Positions() throws Exception {
        Path logbook = folder.resolve("journal.md");
        Files.writeString(logbook, "# Journal\n\n## 🧪 2024-02-30\n");
        assertEquals(1, run("--format", "json", "--today", "2026-11-22", logbook.toString()));
        JsonArray findings = JsonParser.parseString(out()).getAsJsonArray();
        assertEquals(1, findings.size());
        JsonObject finding = findings.get(0).getAsJsonObject();
        assertEquals(logbook.toString(), finding.get("file").getAsString());
        assertEquals("invalid-date", finding.get("code").getAsString());
        assertEquals("error", finding.get("severity").getAsString());
        JsonObject start = finding.getAsJsonObject("range").getAsJsonObject("start");
        assertEquals(2, start.get("line").getAsInt());
        assertEquals(6, start.get("character").getAsInt());
        assertEquals(16, finding.getAsJsonObject("range").getAsJsonObject("end").get("character").getAsInt());
    }

    @Test
    void aFileAboveMaxFileSizeIsSkippedWithOneMessage() throws Exception {
        Files.writeString(folder.resolve(".logbook.json"), "{ \"maxFileSizeMB\": 0.001 }");
        Path big = folder.resolve("journal.md");
        Files.writeString(big, "# Journal\n\n## 2024-02-30\n" + "Words.\n".repeat(300));
        assertEquals(2, run("--today", "2026-11-22", big.toString()));
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(List.of(big + ": larger than 0.001 MB (maxFileSizeMB), skipped."),
                said.lines().map(line -> line.replace("logbook-ls: ", "")).toList(), "one message, the limit as written: " + said);
        assertEquals("", out());
    }

    @Test
    void nothingAtWarningOrAboveExitsWithZero() throws Exception {
        Files.writeString(folder.resolve("journal.md"), "# Journal\n\n## 2099-01-01\n## 2024-01-02\n## 2024-01-01\n");
        assertEquals(0, run("--today", "2026-11-22", folder.toString()));
        assertTrue(out().contains(":3:4: hint future-date Entry '2099-01-01' is dated 1 January 2099"), out());
    }

    @Test
    void theNearestConfigurationFileApplies() throws Exception {
        Files.writeString(folder.resolve(".logbook.json"), "{ \"diagnostics\": { \"invalid-date\": \"off\" } }");
        Files.writeString(folder.resolve("journal.md"), "## 2024-02-30\n## 2024-02-29\n## 2024-02-28\n");
        assertEquals(0, run(folder.toString()));
        assertEquals("", out());
    }

    @Test
    void aBrokenConfigurationIsReportedAndTheDefaultsStay() throws Exception {
        Path config = folder.resolve("settings.json");
        Files.writeString(config, "{ \"dateOrder\": [ }");
        Files.writeString(folder.resolve("journal.md"), "## 2024-02-30\n## 2024-02-29\n## 2024-02-28\n");
        assertEquals(1, run("--config", config.toString(), folder.toString()));
        assertTrue(out().startsWith(config + ":1:"), out());
        assertTrue(out().contains("error invalid-config This configuration is not valid JSON"), out());
        assertTrue(out().contains("error invalid-date"), out());
    }

    @Test
    void aFolderIsCheckedAsAWorkspaceAcrossItsFiles() throws Exception {
        Files.writeString(folder.resolve("older.md"), "# [e0033-e0034, e0036-e0038] make best of VGG\n");
        Path journal = folder.resolve("journal.md");
        Files.writeString(journal, "# [e0039] Adam\nSettings from [e0038] and [e0035]; see [notes](notes.md).\n");
        assertEquals(1, run(folder.toString()));
        assertEquals(journal + ":2:28: warning undefined-reference Experiment 'e0035' is not defined by any entry; "
                + "did you mean 'e0034' or 'e0036'?\n" + journal + ":2:48: warning broken-link 'notes.md' does not exist.\n", out());
    }

    @Test
    void fixAppliesTheSafeFixesKeepsEveryOtherByteAndReportsWhatRemains() throws Exception {
        Path logbook = folder.resolve("journal.md");
        String original = "\uFEFF# Journal\r\n\r\n- [Logs](#log)\r\n\r\n## Logs\r\n## Thursday 23th Mar 23\r\n## Friday 23rd Mar 23\t\r\n";
        Files.write(logbook, original.getBytes(StandardCharsets.UTF_8));
        int status = run("--fix", folder.toString());
        String fixed = new String(Files.readAllBytes(logbook), StandardCharsets.UTF_8);
        assertEquals(original.replace("(#log)", "(#logs)").replace("23th", "23rd"), fixed);
        assertTrue(out().startsWith("fixed " + logbook + ": 2 changes\n"), out());
        assertTrue(out().contains("weekday-mismatch"), out());
        assertEquals(1, status);
        out.reset();
        assertEquals(1, run("--fix", folder.toString()));
        assertTrue(!out().contains("fixed "), "a second run has nothing left to fix: " + out());
    }

    @Test
    void filesAreReportedAsTheUserNamedTheFolder() throws Exception {
        Path logbook = folder.resolve("lab-notebook.md");
        Files.writeString(logbook, "## 31/04/2021\n## 29/04/2021\n## 28/04/2021\n");
        Path typed = Path.of("").toAbsolutePath().relativize(folder);
        assertEquals(1, run(typed.toString()));
        assertTrue(out().startsWith(typed.resolve("lab-notebook.md") + ":1:4: error invalid-date"), out());
    }

    @Test
    void usageAndIoErrorsExitWithTwoAndSayWhy() {
        assertEquals(2, run());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Name at least one logbook file or folder"));
        err.reset();
        assertEquals(2, run("--format", "xml", "x.md"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown format 'xml'"));
        err.reset();
        assertEquals(2, run(folder.resolve("missing.md").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such file or folder"));
    }
}
