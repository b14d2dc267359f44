package org.logbookls.analysis.diagnostics;

/**
 * The parts of a logbook model a check reads, so that after an edit only the checks that read a
 * changed part run again ({@link MovedDiagnostics}). Each check names its parts ({@link Check#reads});
 * what every check reads (whether the file is a logbook, its date conventions, its suppressions) is
 * no part: when that changes, every check runs. When the number of entries changes (an entry heading
 * broken or mended), every part of the entries counts as changed.
 */
public enum ModelPart {
    /**
     * Each entry's level, group and date (values and positions), where its heading starts, and the
     * name messages call it by ({@code displayName}: its date, or its title when the heading holds
     * none).
     */
    HEADINGS,
    /** The IDs each entry defines: values and positions. Apart: typing an ID changes only this (and the title). */
    IDS,
    /**
     * Each entry's title: its text, plain title and range. Apart from {@link #HEADINGS}: typing a
     * title changes only this, which the checks of dates and references do not read.
     */
    TITLES,
    /** Each entry's sections: labels, styles, levels, whether empty, and where the labels are. */
    SECTIONS,
    /** The template's sections, which say which sections entries need. */
    TEMPLATE,
    /** The ID-shaped words and the references among them; and the ID schemes, which say which of those words are IDs. */
    ID_TOKENS,
    /** The tags used and the tags declared. */
    TAGS,
    /** The links and the headings' anchors they point to. */
    LINKS
}
