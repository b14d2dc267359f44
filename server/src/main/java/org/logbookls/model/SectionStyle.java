package org.logbookls.model;

/** How a section label is written. */
public enum SectionStyle {
    /** {@code ## Results}. */
    HEADING,
    /** {@code Results:} at the start of a line. */
    LABEL_LINE,
    /** {@code **Results:**} or {@code **Results**:}. */
    BOLD_LABEL,
    /** {@code - Results: ...}. */
    LIST_ITEM
}
