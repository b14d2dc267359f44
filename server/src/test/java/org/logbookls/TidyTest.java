package org.logbookls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.logbookls.analysis.diagnostics.DiagnosticCode;
import org.logbookls.json.SettingsJson;
import org.logbookls.testing.Fixtures;

/** The architecture's invariants, checked as tests (see docs/ARCHITECTURE.md). */
class TidyTest {
    private static final Path MAIN = Path.of("src", "main", "java", "org", "logbookls");

    @Test
    void onlyTheEdgesImportLsp4jOrGson() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles()) {
            String relative = MAIN.relativize(file).toString().replace('\\', '/');
            boolean edge = relative.startsWith("lsp/") || relative.startsWith("cli/") || relative.startsWith("json/");
            String text = Files.readString(file);
            if (!edge && (text.contains("import org.eclipse.lsp4j") || text.contains("import com.google.gson"))) {
                offenders.add(relative);
            }
        }
        assertEquals(List.of(), offenders, "LSP4J and gson belong to the lsp, cli and json packages only");
    }

    @Test
    void onlySyntaxImportsCommonmark() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles()) {
            String relative = MAIN.relativize(file).toString().replace('\\', '/');
            if (!relative.startsWith("syntax/") && Files.readString(file).contains("import org.commonmark")) {
                offenders.add(relative);
            }
        }
        assertEquals(List.of(), offenders, "commonmark belongs to the syntax package only");
    }

    @Test
    void theCoreDoesNoIo() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles()) {
            String relative = MAIN.relativize(file).toString().replace('\\', '/');
            boolean core = Stream.of("text/", "syntax/", "model/", "analysis/", "config/", "workspace/").anyMatch(relative::startsWith);
            String text = Files.readString(file);
            if (core && (text.contains("java.nio.file.Files") || text.contains("import java.io.File;") || text.contains("FileInputStream"))) {
                offenders.add(relative);
            }
        }
        assertEquals(List.of(), offenders, "The core receives text; only the edges read files");
    }

    @Test
    void everyDiagnosticCodeIsDocumentedAndHasAFixture() throws IOException {
        String docs = Files.readString(Fixtures.repoRoot().resolve("docs/diagnostics.md"));
        String source = Files.readString(MAIN.resolve("analysis/diagnostics/DiagnosticCode.java"));
        StringBuilder fixtures = new StringBuilder();
        try (Stream<Path> files = Files.walk(Fixtures.resources().resolve("fixtures"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                fixtures.append(Files.readString(file));
            }
        }
        for (DiagnosticCode code : DiagnosticCode.values()) {
            assertTrue(docs.contains("## `" + code.id() + "`"), "docs/diagnostics.md has no section for " + code.id());
            assertTrue(fixtures.toString().contains("[" + code.id() + "]"), "No fixture expects " + code.id());
            assertTrue(source.contains("/** ") && source.indexOf(code.name() + "(\"") > source.lastIndexOf("/**", source.indexOf(code.name() + "(\"")) - 400,
                    code.name() + " needs a Javadoc line");
            assertTrue(code.id().matches("[a-z]+(-[a-z]+)*"), code.id() + " must be kebab-case");
        }
    }

    @Test
    void theJsonSchemaDescribesExactlyTheSettings() throws IOException {
        JsonObject schema = JsonParser.parseString(Files.readString(Fixtures.repoRoot().resolve("schemas/logbook.schema.json")))
                .getAsJsonObject();
        Set<String> properties = new TreeSet<>(schema.getAsJsonObject("properties").keySet());
        properties.remove("$schema");
        assertEquals(new TreeSet<>(SettingsJson.KEYS), properties);
        Set<String> codes = new TreeSet<>(schema.getAsJsonObject("properties").getAsJsonObject("diagnostics")
                .getAsJsonObject("properties").keySet());
        Set<String> expected = new TreeSet<>();
        for (DiagnosticCode code : DiagnosticCode.values()) {
            expected.add(code.id());
        }
        assertEquals(expected, codes);
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
