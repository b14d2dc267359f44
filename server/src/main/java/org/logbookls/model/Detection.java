package org.logbookls.model;

/**
 * Whether a Markdown file is a logbook, and why. Other Markdown files get no logbook diagnostics.
 * Immutable.
 */
public record Detection(boolean logbook, Reason reason) {

    /** The evidence that decided, strongest first. */
    public enum Reason {
        CONFIG_EXCLUDE("excluded by configuration"),
        CONFIG_INCLUDE("included by configuration"),
        FRONT_MATTER("front matter says 'logbook: true'"),
        FRONT_MATTER_OFF("front matter says 'logbook: false'"),
        DATED_FILE("one file per day or experiment, dated by its name or front matter"),
        NAME("its file or folder name says it is a logbook"),
        DATED_ENTRIES("it has at least three dated entry headings"),
        ID_ENTRIES("its entry headings define experiment IDs"),
        NONE("no evidence that it is a logbook");

        private final String explanation;

        Reason(String explanation) {
            this.explanation = explanation;
        }

        public String explanation() {
            return explanation;
        }
    }
}
