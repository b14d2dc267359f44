package org.logbookls.syntax;

/** The Markdown block kinds the logbook model cares about. */
public enum BlockKind {
    ATX_HEADING,
    SETEXT_HEADING,
    PARAGRAPH,
    LIST_ITEM,
    BLOCK_QUOTE,
    FENCED_CODE,
    INDENTED_CODE,
    HTML,
    TABLE,
    THEMATIC_BREAK;

    public boolean isHeading() {
        return this == ATX_HEADING || this == SETEXT_HEADING;
    }

    public boolean isCode() {
        return this == FENCED_CODE || this == INDENTED_CODE;
    }
}
