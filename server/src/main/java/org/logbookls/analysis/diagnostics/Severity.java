package org.logbookls.analysis.diagnostics;

/** How serious a finding is, in the order LSP and the CLI use. */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    INFORMATION("information"),
    HINT("hint");

    private final String id;

    Severity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The severity a configured level means; empty for {@code off}. */
    public static java.util.Optional<Severity> of(org.logbookls.config.SeverityLevel level) {
        return switch (level) {
            case ERROR -> java.util.Optional.of(ERROR);
            case WARNING -> java.util.Optional.of(WARNING);
            case INFORMATION -> java.util.Optional.of(INFORMATION);
            case HINT -> java.util.Optional.of(HINT);
            case OFF -> java.util.Optional.empty();
        };
    }

    /** True for errors and warnings: the findings that make {@code check} exit with 1. */
    public boolean atLeastWarning() {
        return this == ERROR || this == WARNING;
    }
}
