package org.logbookls.model;

import java.util.List;
import java.util.function.Function;
import org.logbookls.syntax.IncrementalParser;
import org.logbookls.text.SplicedList;
import org.logbookls.text.TextRange;

/**
 * What an edit leaves of things the model reads line by line (ID tokens, tags, anchors): those
 * before the reparsed region stay, those after it move by the edit's length, and only the
 * region's lines are read again.
 *
 * <p>Why: scanning the whole text for them after every keystroke was most of rebuilding a
 * 10,000-entry logbook's model. The region's ends are line starts ({@link IncrementalParser.Region}),
 * and none of these things spans a line, so the three parts meet exactly.
 */
final class LineReuse {
    private final IncrementalParser.Region region;

    LineReuse(IncrementalParser.Region region) {
        this.region = region;
    }

    /** Where the lines to read again start, in the new text. */
    int from() {
        return region.from();
    }

    /** Where the lines to read again end, in the new text. */
    int to() {
        return region.to();
    }

    /**
     * The old items outside the region, moved into the new text, around {@code fresh} (what the
     * region's lines hold now). Both lists are in document order.
     */
    <T> List<T> merge(List<T> old, Function<T, TextRange> range, SplicedList.Mover<T> shift, List<T> fresh) {
        int oldTo = region.to() - region.delta();
        int before = firstAtOrAfter(old, range, region.from());
        int after = firstAtOrAfter(old, range, oldTo);
        // Spliced, not copied: the old items behind the edit are moved when read, not all at every keystroke.
        return SplicedList.builder(shift).add(old, 0, before, 0).addAll(fresh, 0).add(old, after, old.size(), region.delta()).build();
    }

    /** The old items that were inside the region, before the edit. */
    <T> List<T> oldInside(List<T> old, Function<T, TextRange> range) {
        return old.subList(firstAtOrAfter(old, range, region.from()), firstAtOrAfter(old, range, region.to() - region.delta()));
    }

    /** The new items inside the region, after the edit. */
    <T> List<T> newInside(List<T> now, Function<T, TextRange> range) {
        return now.subList(firstAtOrAfter(now, range, region.from()), firstAtOrAfter(now, range, region.to()));
    }

    /** Whether the items outside the region are the old ones, moved; what depends on them outside the region can then be kept too. */
    <T> boolean sameOutside(List<T> old, List<T> now, Function<T, TextRange> range, SplicedList.Mover<T> shift) {
        int oldBefore = firstAtOrAfter(old, range, region.from());
        int nowBefore = firstAtOrAfter(now, range, region.from());
        int oldAfter = firstAtOrAfter(old, range, region.to() - region.delta());
        int nowAfter = firstAtOrAfter(now, range, region.to());
        if (oldBefore != nowBefore || old.size() - oldAfter != now.size() - nowAfter) {
            return false;
        }
        if (!old.subList(0, oldBefore).equals(now.subList(0, nowBefore))) {
            return false;
        }
        for (int i = 0; i < old.size() - oldAfter; i++) {
            if (!shift.move(old.get(oldAfter + i), region.delta()).equals(now.get(nowAfter + i))) {
                return false;
            }
        }
        return true;
    }

    private static <T> int firstAtOrAfter(List<T> items, Function<T, TextRange> range, int offset) {
        return SplicedList.firstAtOrAfter(items, item -> range.apply(item).start(), offset);
    }
}
