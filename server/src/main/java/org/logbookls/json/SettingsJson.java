package org.logbookls.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.logbookls.analysis.diagnostics.DiagnosticCode;
import org.logbookls.config.DateOrder;
import org.logbookls.config.Settings;
import org.logbookls.config.SettingsLayer;
import org.logbookls.config.SeverityLevel;
import org.logbookls.text.LineIndex;
import org.logbookls.text.TextRange;
import org.logbookls.workspace.IdPatterns;
import org.logbookls.workspace.LogbookFiles;

/**
 * Decodes {@code .logbook.json} files and the client's {@code logbook} settings into a
 * {@link SettingsLayer}, field by field.
 *
 * <p>Fault-tolerant: a malformed field is reported and left out, so its default stays in force;
 * a file that is not JSON at all gives an empty layer and one problem. Comments and trailing
 * commas are accepted, as in VS Code's own settings files.
 */
public final class SettingsJson {
    /** The keys of the configuration, as documented in {@code docs/configuration.md} and the schema. */
    public static final List<String> KEYS = List.of("include", "exclude", "requiredSections", "sectionFamilies", "dateOrder",
            "diagnostics", "idPattern", "tags", "carryOver", "maxFileSizeMB", "maxDiagnostics");
    private static final Pattern POSITION = Pattern.compile("line (\\d+) column (\\d+)");
    private static final int MAX_LIST = 1000;
    private static final int MAX_DIAGNOSTICS = 1_000_000;

    private SettingsJson() {
    }

    /** A decoded layer and what was wrong on the way. Immutable. */
    public record Decoded(SettingsLayer layer, List<ConfigProblem> problems) {
        public Decoded {
            problems = List.copyOf(problems);
        }
    }

    /** Decodes the text of a {@code .logbook.json} file. */
    public static Decoded decodeFile(String text) {
        JsonElement root;
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.LENIENT);
            root = JsonParser.parseReader(reader);
        } catch (JsonParseException | StackOverflowError malformed) {
            return new Decoded(SettingsLayer.EMPTY, List.of(syntaxProblem(text, malformed.getMessage())));
        }
        if (root == null || root.isJsonNull()) {
            return new Decoded(SettingsLayer.EMPTY, List.of());
        }
        return decode(root, text);
    }

    /** Decodes the client's settings object (the contents of its {@code logbook} section). */
    public static Decoded decode(JsonElement element) {
        return decode(element, null);
    }

    private static Decoded decode(JsonElement root, String sourceText) {
        List<ConfigProblem> problems = new ArrayList<>();
        Locator locator = new Locator(sourceText);
        if (!root.isJsonObject()) {
            problems.add(new ConfigProblem(locator.whole(), "The configuration must be a JSON object, such as {\"dateOrder\": \"day-first\"}.", true));
            return new Decoded(SettingsLayer.EMPTY, problems);
        }
        JsonObject object = root.getAsJsonObject();
        Optional<List<String>> include = Optional.empty();
        Optional<List<String>> exclude = Optional.empty();
        Optional<List<String>> required = Optional.empty();
        Map<String, List<String>> families = new LinkedHashMap<>();
        Optional<DateOrder> dateOrder = Optional.empty();
        Map<String, SeverityLevel> severities = new LinkedHashMap<>();
        Optional<String> idPattern = Optional.empty();
        Optional<Map<String, String>> tags = Optional.empty();
        Optional<Boolean> carryOver = Optional.empty();
        Optional<Long> maxFileBytes = Optional.empty();
        Optional<Integer> maxDiagnostics = Optional.empty();
        for (Map.Entry<String, JsonElement> field : object.entrySet()) {
            String key = field.getKey();
            JsonElement value = field.getValue();
            switch (key) {
                case "$schema" -> { }
                case "include" -> include = globs(key, value, locator, problems);
                case "exclude" -> exclude = globs(key, value, locator, problems);
                case "requiredSections" -> required = strings(key, value, locator, problems);
                case "sectionFamilies" -> families(value, locator, problems, families);
                case "dateOrder" -> {
                    Optional<String> text = string(value);
                    dateOrder = text.flatMap(DateOrder::fromId);
                    if (dateOrder.isEmpty()) {
                        problems.add(new ConfigProblem(locator.key(key), "'dateOrder' must be \"auto\", \"day-first\" or \"month-first\", not "
                                + value + "; using \"auto\".", true));
                    }
                }
                case "diagnostics" -> severities(value, locator, problems, severities);
                case "tags" -> tags = tags(value, locator, problems);
                case "carryOver" -> {
                    if (value instanceof JsonPrimitive primitive && primitive.isBoolean()) {
                        carryOver = Optional.of(primitive.getAsBoolean());
                    } else {
                        problems.add(new ConfigProblem(locator.key(key), "'carryOver' must be true or false, not " + value + "; using true.", true));
                    }
                }
                case "idPattern" -> {
                    Optional<String> text = string(value);
                    Optional<String> problem = text.isEmpty() ? Optional.of("it is not a string") : IdPatterns.problem(text.get());
                    if (problem.isPresent()) {
                        problems.add(new ConfigProblem(locator.key(key), "'idPattern' must be a regular expression such as "
                                + "\"EXP-\\\\d{3}\", but " + problem.get() + "; IDs are inferred from the entry headings instead.", true));
                    } else {
                        idPattern = text;
                    }
                }
                case "maxFileSizeMB" -> {
                    if (value instanceof JsonPrimitive primitive && primitive.isNumber() && primitive.getAsDouble() > 0
                            && primitive.getAsDouble() <= 1024) {
                        maxFileBytes = Optional.of(Math.round(primitive.getAsDouble() * (1 << 20)));
                    } else {
                        problems.add(new ConfigProblem(locator.key(key), "'maxFileSizeMB' must be a number of megabytes above 0 and at most "
                                + "1024, not " + value + "; using 5.", true));
                    }
                }
                case "maxDiagnostics" -> {
                    if (value instanceof JsonPrimitive primitive && primitive.isNumber() && primitive.getAsDouble() >= 1
                            && primitive.getAsDouble() <= MAX_DIAGNOSTICS && primitive.getAsDouble() == Math.rint(primitive.getAsDouble())) {
                        maxDiagnostics = Optional.of((int) primitive.getAsDouble());
                    } else {
                        problems.add(new ConfigProblem(locator.key(key), "'maxDiagnostics' must be a whole number from 1 to "
                                + MAX_DIAGNOSTICS + ", not " + value + "; using " + Settings.DEFAULT_MAX_DIAGNOSTICS + ".", true));
                    }
                }
                default -> problems.add(new ConfigProblem(locator.key(key), "Unknown setting '" + key + "' is ignored; known settings are "
                        + String.join(", ", KEYS) + ".", false));
            }
        }
        return new Decoded(new SettingsLayer(include, exclude, required, families, dateOrder, severities, tags, carryOver, idPattern,
                maxFileBytes, maxDiagnostics),
                problems);
    }

    private static Optional<List<String>> globs(String key, JsonElement value, Locator locator, List<ConfigProblem> problems) {
        Optional<List<String>> globs = strings(key, value, locator, problems);
        if (globs.isEmpty()) {
            return globs;
        }
        List<String> valid = new ArrayList<>();
        for (String glob : globs.get()) {
            if (LogbookFiles.validGlob(glob)) {
                valid.add(glob);
            } else {
                problems.add(new ConfigProblem(locator.key(key), "'" + (glob.length() > 60 ? glob.substring(0, 60) + "…" : glob)
                        + "' in '" + key + "' is not a valid glob and is ignored (globs are at most 200 characters, with at most three "
                        + "'**' and eight wildcards).", true));
            }
        }
        return Optional.of(valid);
    }

    private static Optional<List<String>> strings(String key, JsonElement value, Locator locator, List<ConfigProblem> problems) {
        if (!value.isJsonArray()) {
            problems.add(new ConfigProblem(locator.key(key), "'" + key + "' must be a list of strings, such as [\"Results\", \"Next Steps\"]; "
                    + "the default is used.", true));
            return Optional.empty();
        }
        List<String> list = new ArrayList<>();
        JsonArray array = value.getAsJsonArray();
        for (JsonElement item : array) {
            Optional<String> text = string(item);
            if (text.isEmpty() || text.get().isBlank()) {
                problems.add(new ConfigProblem(locator.key(key), "'" + key + "' must hold only non-empty strings; " + item + " is ignored.", true));
            } else if (list.size() < MAX_LIST) {
                list.add(text.get());
            }
        }
        return Optional.of(list);
    }

    /** {@code ["nbs", "run"]} or {@code {"nbs": "Notebook path", "run": "Wandb run"}}; a leading {@code #} is dropped. */
    private static Optional<Map<String, String>> tags(JsonElement value, Locator locator, List<ConfigProblem> problems) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (value.isJsonArray()) {
            for (JsonElement item : value.getAsJsonArray()) {
                Optional<String> name = string(item).map(SettingsJson::tagName).filter(n -> !n.isEmpty());
                if (name.isEmpty()) {
                    problems.add(new ConfigProblem(locator.key("tags"), "'tags' must hold tag names; " + item + " is ignored.", true));
                } else {
                    tags.put(name.get(), "");
                }
            }
            return Optional.of(tags);
        }
        if (value.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : value.getAsJsonObject().entrySet()) {
                tags.put(tagName(entry.getKey()), string(entry.getValue()).orElse(""));
            }
            return Optional.of(tags);
        }
        problems.add(new ConfigProblem(locator.key("tags"), "'tags' must be a list of tag names, or an object of names and descriptions, "
                + "such as {\"nbs\": \"Notebook path\"}; the logbooks' own declarations are used.", true));
        return Optional.empty();
    }

    private static String tagName(String raw) {
        String name = raw.strip();
        return name.startsWith("#") ? name.substring(1) : name;
    }

    private static void families(JsonElement value, Locator locator, List<ConfigProblem> problems, Map<String, List<String>> families) {
        if (!value.isJsonObject()) {
            problems.add(new ConfigProblem(locator.key("sectionFamilies"),
                    "'sectionFamilies' must be an object of lists, such as {\"results\": [\"Results\", \"Outcome\"]}; the defaults are used.", true));
            return;
        }
        for (Map.Entry<String, JsonElement> family : value.getAsJsonObject().entrySet()) {
            strings(family.getKey(), family.getValue(), locator, problems).ifPresent(labels -> families.put(family.getKey(), labels));
        }
    }

    private static void severities(JsonElement value, Locator locator, List<ConfigProblem> problems, Map<String, SeverityLevel> severities) {
        if (!value.isJsonObject()) {
            problems.add(new ConfigProblem(locator.key("diagnostics"),
                    "'diagnostics' must be an object mapping codes to severities, such as {\"future-date\": \"off\"}.", true));
            return;
        }
        for (Map.Entry<String, JsonElement> entry : value.getAsJsonObject().entrySet()) {
            String code = entry.getKey();
            if (DiagnosticCode.fromId(code).isEmpty()) {
                problems.add(new ConfigProblem(locator.key(code), "Unknown diagnostic code '" + code + "'; see docs/diagnostics.md for the codes.",
                        false));
                continue;
            }
            Optional<SeverityLevel> level = string(entry.getValue()).flatMap(SeverityLevel::fromId);
            if (level.isEmpty()) {
                problems.add(new ConfigProblem(locator.key(code), "The severity of '" + code + "' must be \"error\", \"warning\", "
                        + "\"information\", \"hint\" or \"off\", not " + entry.getValue() + ".", true));
                continue;
            }
            severities.put(code, level.get());
        }
    }

    private static Optional<String> string(JsonElement element) {
        if (element instanceof JsonPrimitive primitive && primitive.isString()) {
            return Optional.of(primitive.getAsString());
        }
        return Optional.empty();
    }

    private static ConfigProblem syntaxProblem(String text, String detail) {
        LineIndex lines = LineIndex.of(text);
        TextRange range = TextRange.of(0, lines.lineContentEnd(0));
        String message = detail == null ? "malformed JSON" : detail;
        Matcher position = POSITION.matcher(message);
        if (position.find()) {
            int line = Integer.parseInt(position.group(1)) - 1;
            int column = Integer.parseInt(position.group(2)) - 1;
            int offset = lines.offset(line, column);
            range = TextRange.of(Math.max(0, Math.min(offset, text.length() - 1)), Math.min(text.length(), Math.max(offset, 0) + 1));
        }
        String firstLine = message.lines().findFirst().orElse(message).replaceFirst("^[\\w.]+(Exception|Error): ", "");
        int see = firstLine.indexOf("\nSee ");
        if (see > 0) {
            firstLine = firstLine.substring(0, see);
        }
        return new ConfigProblem(range, "This configuration is not valid JSON (" + firstLine.strip()
                + "); the defaults stay in force until it is fixed.", true);
    }

    /** Finds where a key is written, so a problem can point at it. */
    private static final class Locator {
        private final String text;

        Locator(String text) {
            this.text = text;
        }

        TextRange key(String key) {
            if (text == null) {
                return TextRange.empty(0);
            }
            int at = text.indexOf("\"" + key + "\"");
            return at < 0 ? whole() : TextRange.of(at, at + key.length() + 2);
        }

        TextRange whole() {
            return text == null ? TextRange.empty(0) : TextRange.of(0, Math.min(text.length(), Math.max(0, text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n'))));
        }
    }
}
