package org.logbookls.model;

import java.util.List;
import org.logbookls.text.SplicedList;
import org.logbookls.text.TextRange;

/**
 * A tag the logbook declares, under a "Key"/"Tags" heading ({@code - #nbs - Notebook path}; {@code keyList}) or in
 * front matter {@code tags:}. Immutable.
 */
public record TagDeclaration(String name, String description, TextRange range, boolean keyList) {
    /**
     * Whether two versions' declarations read the same, in order: names, descriptions and where they
     * were declared (a key list or front matter), positions aside. What the tag check and a
     * document's facts read of them.
     */
    public static boolean sameReadings(List<TagDeclaration> before, List<TagDeclaration> after) {
        if (before.size() != after.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            TagDeclaration old = SplicedList.unmoved(before, i);
            TagDeclaration now = SplicedList.unmoved(after, i);
            if (!old.name().equals(now.name()) || !old.description().equals(now.description()) || old.keyList() != now.keyList()) {
                return false;
            }
        }
        return true;
    }
}
