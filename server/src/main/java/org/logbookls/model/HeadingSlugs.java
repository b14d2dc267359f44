package org.logbookls.model;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import org.logbookls.text.SplicedList;

/**
 * The GitHub slugs of a logbook's anchors, index for index ({@code #results-12} for the thirteenth
 * "Results" heading), made when first read. Immutable as seen from outside; thread-safe.
 *
 * <p>Why made late: a slug's number counts the earlier headings of the same base, so adding,
 * removing or editing one "### Results" heading renumbers every later one. Numbering them at each
 * build was a quarter of the edit of such a heading in a 10,000-entry logbook, for slugs only links
 * read. A slug depends only on the texts of the headings up to it, not on their positions, so the
 * next version shares this object when its headings read as these did.
 */
public final class HeadingSlugs extends AbstractList<String> {
    /** The anchors the slugs are made from; dropped once they are made. */
    private List<Anchor> anchors;
    private final int size;
    private volatile List<String> slugs;

    public HeadingSlugs(List<Anchor> anchors) {
        this.anchors = anchors;
        this.size = anchors.size();
    }

    @Override
    public String get(int index) {
        return slugs().get(index);
    }

    @Override
    public int size() {
        return size;
    }

    private List<String> slugs() {
        List<String> made = slugs;
        if (made == null) {
            synchronized (this) {
                made = slugs;
                if (made == null) {
                    Slugs numbering = new Slugs();
                    List<String> list = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        // Read unmoved: only the text counts, and moving an anchor would make it anew.
                        list.add(numbering.next(SplicedList.unmoved(anchors, i).text()));
                    }
                    made = List.copyOf(list);
                    slugs = made;
                    anchors = null;
                }
            }
        }
        return made;
    }
}
