package org.logbookls.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One source of configuration (the client's settings, or one {@code .logbook.json}) where every
 * field is optional: a present field overrides the layers below it.
 *
 * <p>Immutable. Maps ({@code sectionFamilies}, {@code severities}) merge key by key.
 */
public record SettingsLayer(
        Optional<List<String>> include,
        Optional<List<String>> exclude,
        Optional<List<String>> requiredSections,
        Map<String, List<String>> sectionFamilies,
        Optional<DateOrder> dateOrder,
        Map<String, SeverityLevel> severities,
        Optional<Map<String, String>> tags,
        Optional<Boolean> carryOver,
        Optional<String> idPattern,
        Optional<Long> maxFileBytes,
        Optional<Integer> maxDiagnostics) {

    public static final SettingsLayer EMPTY = new SettingsLayer(Optional.empty(), Optional.empty(), Optional.empty(),
            Map.of(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public SettingsLayer {
        sectionFamilies = Map.copyOf(sectionFamilies);
        severities = Map.copyOf(severities);
    }

    /** {@code base} with this layer's present fields applied on top. */
    public Settings applyTo(Settings base) {
        Map<String, List<String>> families = new LinkedHashMap<>(base.sectionFamilies());
        families.putAll(sectionFamilies);
        Map<String, SeverityLevel> levels = new LinkedHashMap<>(base.severities());
        levels.putAll(severities);
        return new Settings(
                include.orElse(base.include()),
                exclude.orElse(base.exclude()),
                requiredSections.orElse(base.requiredSections()),
                families,
                dateOrder.orElse(base.dateOrder()),
                levels,
                base.today(),
                tags.orElse(base.tags()),
                carryOver.orElse(base.carryOver()),
                idPattern.isPresent() ? idPattern : base.idPattern(),
                maxFileBytes.orElse(base.maxFileBytes()),
                maxDiagnostics.orElse(base.maxDiagnostics()));
    }
}
