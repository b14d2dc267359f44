package org.logbookls.analysis.diagnostics;

import java.util.Optional;

/**
 * Every diagnostic the server reports. The ids are a stable public contract: users write them in
 * configuration and in {@code <!-- logbook-disable ... -->} comments, and {@code docs/diagnostics.md}
 * documents each one. Never rename an id; retire it instead.
 */
public enum DiagnosticCode {
    /** An entry lacks a section the logbook requires (configuration, its own template, or its habit). */
    MISSING_SECTION("missing-section", Severity.WARNING),
    /** A required section is present but has nothing in it. */
    EMPTY_SECTION("empty-section", Severity.HINT),
    /** An entry breaks the chronological direction of its logbook (or of its group of entries). */
    DATE_ORDER("date-order", Severity.WARNING),
    /** Two entries carry the same date and nothing (a time, an experiment ID) tells them apart. */
    DUPLICATE_DATE("duplicate-date", Severity.WARNING),
    /** A date that is not a real day: impossible, a placeholder, truncated, or with a wrong ordinal. */
    INVALID_DATE("invalid-date", Severity.ERROR),
    /** A named weekday that is not the weekday of the date beside it. */
    WEEKDAY_MISMATCH("weekday-mismatch", Severity.WARNING),
    /** A numeric date readable both ways in a file that writes dates both day-first and month-first. */
    AMBIGUOUS_DATE("ambiguous-date", Severity.WARNING),
    /** One experiment ID defined by two entries. */
    DUPLICATE_ID("duplicate-id", Severity.ERROR),
    /** An entry dated after today. */
    FUTURE_DATE("future-date", Severity.HINT),
    /** An experiment ID, written in a scheme some logbook uses, that no entry defines. */
    UNDEFINED_REFERENCE("undefined-reference", Severity.WARNING),
    /** A tag the logbook (or configuration) does not declare, where tags are declared at all. */
    UNDECLARED_TAG("undeclared-tag", Severity.WARNING),
    /** A relative file link or {@code #anchor} that resolves to nothing. */
    BROKEN_LINK("broken-link", Severity.WARNING),
    /** A {@code .logbook.json} that cannot be read, or a setting with a value that cannot be used. */
    INVALID_CONFIG("invalid-config", Severity.ERROR),
    /** More diagnostics than the {@code maxDiagnostics} setting lets the editor be sent: says how many are not shown. */
    TOO_MANY_DIAGNOSTICS("too-many-diagnostics", Severity.INFORMATION);

    private final String id;
    private final Severity defaultSeverity;

    DiagnosticCode(String id, Severity defaultSeverity) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
    }

    public String id() {
        return id;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public static Optional<DiagnosticCode> fromId(String id) {
        for (DiagnosticCode code : values()) {
            if (code.id.equals(id)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
