package org.logbookls.model;

import java.util.Optional;

/**
 * How one file writes numeric dates, inferred from its own evidence.
 *
 * <p>Immutable. {@code dayFirst} is the reading used for order-ambiguous dates. {@code mixed} is
 * true when the file has dates that can only be day-first and others that can only be
 * month-first; the examples quote one of each, for messages.
 */
public record DateConventions(
        boolean dayFirst,
        Source source,
        boolean mixed,
        Optional<String> dayFirstExample,
        Optional<String> monthFirstExample) {

    /** What decided the order. */
    public enum Source { CONFIGURATION, EVIDENCE, CHRONOLOGY, DEFAULT }

    public static final DateConventions NONE = new DateConventions(false, Source.DEFAULT, false, Optional.empty(), Optional.empty());
}
