package org.logbookls.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.logbookls.analysis.diagnostics.Diagnostic;
import org.logbookls.analysis.diagnostics.DiagnosticCode;
import org.logbookls.analysis.diagnostics.Diagnostics;
import org.logbookls.analysis.diagnostics.Severity;
import org.logbookls.config.Settings;
import org.logbookls.files.WorkspaceFiles;
import org.logbookls.config.SeverityLevel;
import org.logbookls.json.ConfigFiles;
import org.logbookls.json.ConfigProblem;
import org.logbookls.json.SettingsJson;
import org.logbookls.text.Cancellation;
import org.logbookls.text.LineColumn;
import org.logbookls.text.LineIndex;
import org.logbookls.text.TextRange;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.logbookls.analysis.actions.FixAll;
import org.logbookls.analysis.diagnostics.WorkspaceEnvironment;
import org.logbookls.text.TextEdit;
import org.logbookls.config.SettingsLayer;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.IndexCache;
import org.logbookls.workspace.WorkspaceFolder;
import org.logbookls.workspace.WorkspaceSnapshot;
import org.logbookls.workspace.WorkspaceView;

/**
 * {@code logbook-ls check [--format text|json] [--config FILE] [--today YYYY-MM-DD] PATH...}:
 * the diagnostics of every logbook under the given paths, for terminals and CI.
 *
 * <p>Exit status: 0 when nothing is at warning or above, 1 when something is, 2 for a usage or
 * I/O error (with a message on standard error). Folders are searched for Markdown files; hidden
 * folders, {@code node_modules} and {@code target} are skipped.
 */
public final class CheckCommand {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int TROUBLE = 2;

    private final PrintStream out;
    private final PrintStream err;

    public CheckCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** One finding, in a file, in the units the output uses. */
    private record Finding(Path file, LineColumn start, LineColumn end, Severity severity, String code, String message) {
    }

    public int run(List<String> args) {
        String format = "text";
        boolean fix = false;
        Path configFile = null;
        LocalDate today = null;
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--format" -> {
                    if (i + 1 >= args.size()) {
                        return usage("--format needs a value: text or json.");
                    }
                    format = args.get(++i);
                    if (!format.equals("text") && !format.equals("json")) {
                        return usage("Unknown format '" + format + "'; use text or json.");
                    }
                }
                case "--config" -> {
                    if (i + 1 >= args.size()) {
                        return usage("--config needs a file.");
                    }
                    configFile = Path.of(args.get(++i));
                }
                case "--today" -> {
                    if (i + 1 >= args.size()) {
                        return usage("--today needs a date such as 2026-11-22.");
                    }
                    try {
                        today = LocalDate.parse(args.get(++i));
                    } catch (DateTimeParseException bad) {
                        return usage("--today needs a date such as 2026-11-22, not '" + args.get(i) + "'.");
                    }
                }
                case "--fix" -> fix = true;
                case "-h", "--help" -> {
                    out.println(help());
                    return OK;
                }
                default -> {
                    if (arg.startsWith("--")) {
                        return usage("Unknown option '" + arg + "'.");
                    }
                    paths.add(Path.of(arg));
                }
            }
        }
        if (paths.isEmpty()) {
            return usage("Name at least one logbook file or folder to check.");
        }
        Settings base = today == null ? Settings.DEFAULT : Settings.DEFAULT.withToday(today);
        ConfigFiles configs = new ConfigFiles();
        List<Finding> findings = new ArrayList<>();
        boolean trouble = false;
        if (configFile != null) {
            if (!Files.isRegularFile(configFile)) {
                err.println("logbook-ls: cannot read the configuration file " + configFile + ": no such file.");
                return TROUBLE;
            }
            SettingsJson.Decoded decoded = configs.read(configFile);
            base = decoded.layer().applyTo(base);
            trouble |= report(configFile, decoded, base, findings);
        }
        Set<Path> reportedConfigs = new TreeSet<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                err.println("logbook-ls: " + path + ": no such file or folder.");
                trouble = true;
                continue;
            }
            Path root = Files.isDirectory(path) ? path.toAbsolutePath().normalize() : path.toAbsolutePath().normalize().getParent();
            Path cwd = Path.of("").toAbsolutePath();
            Path configRoot = root.startsWith(cwd) ? cwd : root;
            trouble |= checkRoot(path, root, configRoot, base, configFile == null ? configs : null, reportedConfigs, findings, fix);
        }
        print(format, findings);
        if (trouble) {
            return TROUBLE;
        }
        return findings.stream().anyMatch(f -> f.severity().atLeastWarning()) ? FINDINGS : OK;
    }

    /**
     * Checks the logbooks under one argument as a workspace: the folder (or a file's folder) is
     * its root, so references, tags and links across its files are checked as the editor would.
     */
    private boolean checkRoot(Path argument, Path root, Path configRoot, Settings base, ConfigFiles configs, Set<Path> reportedConfigs,
            List<Finding> findings, boolean fix) {
        boolean trouble = false;
        Map<String, DocumentSnapshot> documents = new LinkedHashMap<>();
        Map<String, byte[]> read = new HashMap<>();
        Map<String, Settings> settingsByUri = new HashMap<>();
        WorkspaceFiles.Listing listing = WorkspaceFiles.list(root, problem -> err.println("logbook-ls: " + problem + "."));
        Set<String> files = listing.files();
        // Files are reported as the user named them: relative to the folder argument as it was typed.
        List<Path> checked = Files.isDirectory(argument)
                ? listing.markdown().stream().map(file -> argument.resolve(root.relativize(file))).toList()
                : List.of(argument);
        Set<Path> toCheck = new HashSet<>();
        checked.forEach(file -> toCheck.add(file.toAbsolutePath().normalize()));
        List<Path> workspaceMarkdown = new ArrayList<>(checked);
        if (Files.isRegularFile(argument)) {
            workspaceMarkdown.addAll(listing.markdown());
        }
        Set<String> seen = new HashSet<>();
        for (Path file : workspaceMarkdown) {
            Path normal = file.toAbsolutePath().normalize();
            String uri = normal.toUri().toString();
            // A file argument is also in its folder's listing: read and report it once.
            if (!seen.add(uri)) {
                continue;
            }
            Settings settings = base;
            if (configs != null) {
                ConfigFiles.Resolved resolved = configs.resolve(file, configRoot, base);
                settings = resolved.settings();
                for (ConfigFiles.Loaded loaded : resolved.files()) {
                    if (toCheck.contains(normal) && reportedConfigs.add(loaded.path())) {
                        trouble |= report(loaded.path(), loaded.decoded(), settings, findings);
                    }
                }
            }
            try {
                if (Files.size(file) > settings.maxFileBytes()) {
                    if (toCheck.contains(normal)) {
                        err.println("logbook-ls: " + file + ": larger than " + settings.maxFileSizeMB()
                                + " MB (maxFileSizeMB), skipped.");
                        trouble = true;
                    }
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                read.put(uri, bytes);
                documents.put(uri, new DocumentSnapshot(uri, relativePath(file, root), 0, decode(bytes)));
                settingsByUri.put(uri, settings);
            } catch (IOException unreadable) {
                err.println("logbook-ls: " + file + ": cannot be read (" + unreadable.getMessage() + ").");
                trouble = true;
            }
        }
        WorkspaceSnapshot snapshot = new WorkspaceSnapshot(Map.of(), documents, files,
                List.of(new WorkspaceFolder(root.toUri().toString(), root, root.getFileName() == null ? "" : root.getFileName().toString())),
                SettingsLayer.EMPTY, false, 0);
        Function<DocumentSnapshot, Settings> settingsOf = document -> settingsByUri.getOrDefault(document.uri(), base);
        WorkspaceView view = new WorkspaceView(snapshot, new IndexCache().index(snapshot, settingsOf, Cancellation.NONE), settingsOf);
        if (fix) {
            boolean changed = false;
            for (Path file : checked) {
                String uri = file.toAbsolutePath().normalize().toUri().toString();
                DocumentSnapshot document = documents.get(uri);
                if (document == null) {
                    continue;
                }
                List<TextEdit> edits = FixAll.of(view, document, Cancellation.NONE);
                if (edits.isEmpty()) {
                    continue;
                }
                String fixed = FixAll.apply(document.text().toString(), edits);
                if (write(file, read.get(uri), fixed, edits.size())) {
                    documents.put(uri, document.withText(1, fixed));
                    changed = true;
                } else {
                    trouble = true;
                }
            }
            if (changed) {
                snapshot = new WorkspaceSnapshot(Map.of(), documents, files, snapshot.folders(), SettingsLayer.EMPTY, false, 1);
                view = new WorkspaceView(snapshot, new IndexCache().index(snapshot, settingsOf, Cancellation.NONE), settingsOf);
            }
        }
        WorkspaceEnvironment environment = new WorkspaceEnvironment(view);
        for (Path file : checked) {
            DocumentSnapshot document = documents.get(file.toAbsolutePath().normalize().toUri().toString());
            if (document == null) {
                continue;
            }
            Settings settings = settingsOf.apply(document);
            LineIndex lines = document.lineIndex();
            for (Diagnostic diagnostic : Diagnostics.of(document.uri(), view.logbook(document), lines, settings, environment,
                    Cancellation.NONE)) {
                findings.add(new Finding(file, lines.position(diagnostic.range().start()), lines.position(diagnostic.range().end()),
                        diagnostic.severity(), diagnostic.code().id(), diagnostic.message()));
            }
        }
        return trouble;
    }

    /**
     * Writes a fixed file atomically: a temporary file beside it, then a rename. The file's encoding
     * and byte-order mark are kept; a file that changed since it was read is left alone.
     */
    private boolean write(Path file, byte[] original, String fixed, int changes) {
        try {
            if (!java.util.Arrays.equals(Files.readAllBytes(file), original)) {
                err.println("logbook-ls: " + file + ": changed since it was read; not fixed.");
                return false;
            }
            boolean bom = original.length >= 3 && (original[0] & 0xff) == 0xEF && (original[1] & 0xff) == 0xBB && (original[2] & 0xff) == 0xBF;
            boolean utf8 = isUtf8(original);
            byte[] bytes = ((bom ? "\uFEFF" : "") + fixed).getBytes(utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".logbook-fix");
            try {
                Files.write(temporary, bytes);
                try {
                    Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } catch (java.nio.file.AtomicMoveNotSupportedException notAtomic) {
                    Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            out.println("fixed " + file + ": " + changes + (changes == 1 ? " change" : " changes"));
            return true;
        } catch (IOException failure) {
            err.println("logbook-ls: " + file + ": cannot be written (" + failure.getMessage() + "); not fixed.");
            return false;
        }
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    /** The path the model sees: relative to the searched folder, starting with that folder's own name. */
    static String relativePath(Path file, Path root) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = root.getParent() == null ? root : root.getParent();
        Path relative = absolute.startsWith(base) ? base.relativize(absolute) : absolute.getFileName();
        return relative.toString().replace('\\', '/');
    }

    static String decode(byte[] bytes) {
        return org.logbookls.workspace.TextDecoding.decode(bytes);
    }

    private boolean report(Path config, SettingsJson.Decoded decoded, Settings settings, List<Finding> findings) {
        SeverityLevel level = settings.severities().get(DiagnosticCode.INVALID_CONFIG.id());
        if (decoded.problems().isEmpty() || level == SeverityLevel.OFF) {
            return false;
        }
        String text;
        try {
            text = Files.readString(config, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException unreadable) {
            text = "";
        }
        LineIndex lines = LineIndex.of(text);
        for (ConfigProblem problem : decoded.problems()) {
            TextRange range = problem.range();
            Severity severity = level != null ? Severity.of(level).orElseThrow() : problem.error() ? Severity.ERROR : Severity.WARNING;
            findings.add(new Finding(config, lines.position(range.start()), lines.position(range.end()), severity,
                    DiagnosticCode.INVALID_CONFIG.id(), problem.message()));
        }
        return false;
    }

    private void print(String format, List<Finding> findings) {
        if (format.equals("json")) {
            JsonArray array = new JsonArray();
            for (Finding finding : findings) {
                JsonObject item = new JsonObject();
                item.addProperty("file", finding.file().toString());
                JsonObject range = new JsonObject();
                range.add("start", position(finding.start()));
                range.add("end", position(finding.end()));
                item.add("range", range);
                item.addProperty("severity", finding.severity().id());
                item.addProperty("code", finding.code());
                item.addProperty("message", finding.message());
                array.add(item);
            }
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(array));
            return;
        }
        for (Finding finding : findings) {
            out.println(finding.file() + ":" + (finding.start().line() + 1) + ":" + (finding.start().column() + 1) + ": "
                    + finding.severity().id() + " " + finding.code() + " " + finding.message());
        }
    }

    private static JsonObject position(LineColumn position) {
        JsonObject object = new JsonObject();
        object.addProperty("line", position.line());
        object.addProperty("character", position.column());
        return object;
    }

    private int usage(String problem) {
        err.println("logbook-ls: " + problem);
        err.println(help());
        return TROUBLE;
    }

    static String help() {
        return """
                Usage: java -jar logbook-ls.jar check [--fix] [--format text|json] [--config FILE] [--today YYYY-MM-DD] PATH...
                       java -jar logbook-ls.jar            (language server over stdio)

                Checks the logbooks among the Markdown files at PATH (folders are searched).
                  --format text|json  text: file:line:col: severity code message (default); json: an array
                  --config FILE       use FILE instead of the .logbook.json files found beside the logbooks
                  --today DATE        the date to treat as today (for reproducible future-date checks)
                  --fix               apply the safe fixes (ordinal suffixes, anchors with one close match) to the files,
                                      atomically, and report what remains; a file that changed meanwhile is left alone
                Exit status: 0 no findings at warning or above, 1 findings, 2 usage or I/O error.""";
    }
}
