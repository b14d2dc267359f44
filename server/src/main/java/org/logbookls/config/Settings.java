package org.logbookls.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a user can configure, as one immutable value with documented defaults.
 *
 * <p>Features receive it as a parameter and never read configuration from anywhere else. It is
 * built by merging {@link SettingsLayer}s: the defaults, the client's {@code logbook} settings, then
 * each {@code .logbook.json} from the workspace root down to the file's folder (nearer wins).
 *
 * @param include globs (relative to the workspace folder) of Markdown files that are logbooks
 *     whatever their content
 * @param exclude globs of Markdown files that are never logbooks; exclusion wins over inclusion
 * @param requiredSections section labels every entry must have; empty means "infer from the
 *     logbook's own template, else Results and Next Steps where the logbook uses them"
 * @param sectionFamilies labels that count as the same section, by family name; user families
 *     replace the default family of the same name
 * @param dateOrder how numeric dates are read
 * @param severities severity per diagnostic code id; {@code off} disables the code
 * @param today the date "today" is, or empty for the system clock (tests and CI pin it)
 * @param tags tags the configuration declares, with descriptions (possibly empty), for
 *     completion and the {@code undeclared-tag} check
 * @param carryOver whether a new entry carries over the unchecked items of the previous entry's Next Steps
 * @param idPattern a regular expression that experiment IDs match in full, or empty to infer the
 *     scheme from each logbook's entry headings
 * @param maxFileBytes files larger than this are neither indexed nor analysed (the user is told once)
 * @param maxDiagnostics the most diagnostics the editor is sent for one document ({@code DiagnosticLimit});
 *     the command line reports them all
 */
public record Settings(
        List<String> include,
        List<String> exclude,
        List<String> requiredSections,
        Map<String, List<String>> sectionFamilies,
        DateOrder dateOrder,
        Map<String, SeverityLevel> severities,
        Optional<java.time.LocalDate> today,
        Map<String, String> tags,
        boolean carryOver,
        Optional<String> idPattern,
        long maxFileBytes,
        int maxDiagnostics) {

    /** 5 MiB: far above any logbook seen (the largest real one is under 1 MB), far below what would stall the editor. */
    public static final long DEFAULT_MAX_FILE_BYTES = 5L << 20;

    /**
     * 1,000: what VS Code shows of one file at most (it drops the rest, errors kept first), and more than
     * anyone reads; sending 40,000 costs seconds and megabytes on every keystroke.
     */
    public static final int DEFAULT_MAX_DIAGNOSTICS = 1000;

    public Settings {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        requiredSections = List.copyOf(requiredSections);
        Map<String, List<String>> families = new LinkedHashMap<>();
        sectionFamilies.forEach((name, labels) -> families.put(name, List.copyOf(labels)));
        sectionFamilies = java.util.Collections.unmodifiableMap(families);
        severities = Map.copyOf(severities);
        tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** The families of section labels that mean the same thing (FORMATS.md "Sections inside an entry"). */
    public static final Map<String, List<String>> DEFAULT_FAMILIES = defaultFamilies();

    public static final Settings DEFAULT = new Settings(List.of(), List.of(), List.of(), DEFAULT_FAMILIES,
            DateOrder.AUTO, Map.of(), Optional.empty(), Map.of(), true, Optional.empty(), DEFAULT_MAX_FILE_BYTES,
            DEFAULT_MAX_DIAGNOSTICS);

    public Settings withToday(java.time.LocalDate date) {
        return new Settings(include, exclude, requiredSections, sectionFamilies, dateOrder, severities, Optional.of(date), tags,
                carryOver, idPattern, maxFileBytes, maxDiagnostics);
    }

    /** {@link #maxFileBytes} as the user wrote it: megabytes, without trailing zeros ("5", "0.5"). */
    public String maxFileSizeMB() {
        java.math.BigDecimal megabytes = java.math.BigDecimal.valueOf(maxFileBytes).divide(java.math.BigDecimal.valueOf(1 << 20),
                new java.math.MathContext(4));
        return megabytes.stripTrailingZeros().toPlainString();
    }

    public java.time.LocalDate todayOrClock() {
        return today.orElseGet(java.time.LocalDate::now);
    }

    private static Map<String, List<String>> defaultFamilies() {
        Map<String, List<String>> families = new LinkedHashMap<>();
        families.put("results", List.of("Results", "Result", "Results & Deliverables", "Deliverables", "Observations",
                "Observation", "Progress", "Findings", "Conclusion", "Conclusions", "Outcome", "Outcomes", "Résultats",
                "Résultat", "Resultados", "Resultado", "Ergebnisse", "Ergebnis"));
        families.put("next-steps", List.of("Next Steps", "Next Step", "Plans", "Plan", "Up next", "TODO", "To Do",
                "To Do's", "Todos", "Tomorrow", "Future work", "Prochaines étapes", "À faire", "Próximos pasos",
                "Pendiente", "Nächste Schritte"));
        families.put("context", List.of("Context", "Background", "Motivation"));
        families.put("action", List.of("Action", "Actions", "Method", "Methods", "Procedure"));
        families.put("goals", List.of("Goal", "Goals", "Objective", "Objectives", "Aim", "Aims"));
        families.put("questions", List.of("Questions", "Question", "Open questions"));
        families.put("problems", List.of("Problems", "Problem", "Issues", "Blockers", "Problème", "Problèmes"));
        families.put("ideas", List.of("Ideas", "Idea"));
        families.put("interpretation", List.of("Interpretation", "Interpretation & Conclusion", "Discussion",
                "Analysis", "Conclusion", "Conclusions"));
        return families;
    }
}
