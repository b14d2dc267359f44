package org.logbookls.model;

import java.util.List;
import java.util.function.Function;
import org.logbookls.syntax.IncrementalParser;
import org.logbookls.text.TextRange;

/**
 * Whether a model built by keeping the previous version's entries ({@link KeptEntries}) names the
 * same things as that version: the same entries with the same IDs, plain titles and start dates,
 * the same ID tokens and tags in the same order, the same tag declarations. Positions may differ.
 *
 * <p>Why: the workspace index is fed by facts that are exactly such names, and after a keystroke
 * they were compared, entry by entry and token by token, with the last version's — a walk of the
 * whole model that answered "the same" after almost every keystroke. Only the entries read again and
 * the lines of the reparsed region can differ, so only they are compared here, and the answer travels
 * with the model ({@link LogbookBuilder.Built#names}): two versions with the same names object name
 * the same things.
 */
final class Names {
    private Names() {
    }

    static boolean same(Logbook before, Logbook after, KeptEntries.Kept kept, IncrementalParser.Region region, boolean declarationsKept) {
        if (!declarationsKept || before.detection() != after.detection() || before.schemes() != after.schemes()
                || before.entries().size() != after.entries().size()) {
            return false;
        }
        for (int i = kept.firstRead(); i < kept.endRead(); i++) {
            if (!Entry.sameNames(before.entries().get(i), after.entries().get(i))) {
                return false;
            }
        }
        LineReuse lines = new LineReuse(region);
        return sameInside(lines, before.idTokens(), after.idTokens(), Reference::range, Reference::id)
                && sameInside(lines, before.tags(), after.tags(), Tag::range, Tag::name);
    }

    /** The items of the region, before and after, have the same names, and there are as many outside it. */
    private static <T> boolean sameInside(LineReuse lines, List<T> before, List<T> after, Function<T, TextRange> range,
            Function<T, String> name) {
        List<T> old = lines.oldInside(before, range);
        List<T> now = lines.newInside(after, range);
        if (old.size() != now.size() || before.size() - old.size() != after.size() - now.size()) {
            return false;
        }
        for (int i = 0; i < old.size(); i++) {
            if (!name.apply(old.get(i)).equals(name.apply(now.get(i)))) {
                return false;
            }
        }
        return true;
    }
}
