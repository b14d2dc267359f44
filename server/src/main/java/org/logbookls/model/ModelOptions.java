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
 * when configuration fixes the numeric date order.
 */
public record ModelOptions(
        String path,
        Optional<Boolean> forcedLogbook,
        Map<String, List<String>> sectionFamilies,
        List<String> requiredSections,
        Optional<Boolean> dayFirst,
        LocalDate today) {
    public ModelOptions {
        sectionFamilies = Map.copyOf(sectionFamilies);
        requiredSections = List.copyOf(requiredSections);
    }
}
