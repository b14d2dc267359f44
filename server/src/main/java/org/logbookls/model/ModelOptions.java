package org.logbookls.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the model builder needs to know beyond the text: where the file is, what configuration
 * forces, and which day is today.
 *
 * <p>Immutable. {@code path} is the file's path relative to its workspace folder (or as given on
 * the command line), with {@code /} separators; its last segment is the file name.
 * {@code forcedLogbook} is present when configuration globs decide. {@code dayFirst} is present
 * when configuration fixes the numeric date order. {@code idPattern}, when configured, says which
 * words are experiment IDs instead of the schemes the logbook's headings imply.
 */
public record ModelOptions(
        String path,
        Optional<Boolean> forcedLogbook,
        Map<String, List<String>> sectionFamilies,
        List<String> requiredSections,
        Optional<Boolean> dayFirst,
        LocalDate today,
        Optional<java.util.regex.Pattern> idPattern) {
    public ModelOptions {
        sectionFamilies = Map.copyOf(sectionFamilies);
        requiredSections = List.copyOf(requiredSections);
    }

    // Patterns compare by identity; options compare by the pattern's text so memoised models are reused.
    @Override
    public boolean equals(Object other) {
        return other instanceof ModelOptions o && path.equals(o.path) && forcedLogbook.equals(o.forcedLogbook)
                && sectionFamilies.equals(o.sectionFamilies) && requiredSections.equals(o.requiredSections)
                && dayFirst.equals(o.dayFirst) && today.equals(o.today)
                && idPattern.map(java.util.regex.Pattern::pattern).equals(o.idPattern.map(java.util.regex.Pattern::pattern));
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(path, forcedLogbook, sectionFamilies, requiredSections, dayFirst, today,
                idPattern.map(java.util.regex.Pattern::pattern));
    }
}
