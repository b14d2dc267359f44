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

    /** True for errors and warnings: the findings that make {@code check} exit with 1. */
    public boolean atLeastWarning() {
        return this == ERROR || this == WARNING;
    }
}
