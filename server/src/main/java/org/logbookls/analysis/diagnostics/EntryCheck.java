package org.logbookls.analysis.diagnostics;

import java.util.List;

/**
 * A check whose findings on an entry depend on that entry alone, lie within it, and otherwise on
 * what {@link #basis} reads of the whole logbook. After an edit that left the basis as it was,
 * {@link Diagnostics#afterEdits} checks again only the entries the edit changed and keeps the
 * others' findings, moved with the text.
 *
 * <p>Why: a keystroke in an entry heading's date, IDs or title changes that one entry, and checking
 * the sections and dates of all 10,000 entries of a long logbook again was a third of the checks'
 * time after it.
 */
interface EntryCheck extends Check {
    /**
     * What the findings depend on besides each entry's own values (equal before and after when they
     * would be found the same); reads no position.
     */
    Object basis(CheckContext context);

    /** Adds the findings on the entries from {@code from} (inclusive) to {@code to} (exclusive). */
    void run(CheckContext context, int from, int to, List<Diagnostic> out);

    @Override
    default void run(CheckContext context, List<Diagnostic> out) {
        run(context, 0, context.entryCount(), out);
    }
}
