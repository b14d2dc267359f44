package org.logbookls.workspace;

import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A set no one can change, in the insertion order of the set it was made from, which other values
 * may share without copying it again ({@link FrozenMap}'s twin): a document's facts hold the ID
 * tokens of a logbook (20,000 in a large one), and copying them into a new set whenever an entry
 * heading broke was a twentieth of that keystroke. Its order is the document's, so the index's
 * update ({@code WorkspaceIndex.updated}) finds the few tokens that changed between a long common
 * start and end.
 */
final class FrozenSet<E> extends AbstractSet<E> {
    private final Set<E> set;

    private FrozenSet(Set<E> set) {
        this.set = set;
    }

    /** {@code set} itself when it is frozen already, else a frozen copy. */
    static <E> Set<E> of(Set<E> set) {
        return set instanceof FrozenSet<E> frozen ? frozen : new FrozenSet<>(new LinkedHashSet<>(set));
    }

    /** {@code set} frozen without a copy: for a set its maker hands over and never touches again. */
    static <E> Set<E> handedOver(Set<E> set) {
        return new FrozenSet<>(set);
    }

    @Override
    public int size() {
        return set.size();
    }

    @Override
    public boolean contains(Object element) {
        return set.contains(element);
    }

    @Override
    public Iterator<E> iterator() {
        return Collections.unmodifiableSet(set).iterator();
    }

    @Override
    public Object[] toArray() {
        return set.toArray();
    }
}
