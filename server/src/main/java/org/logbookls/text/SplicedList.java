package org.logbookls.text;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.ToIntFunction;

/**
 * An immutable list made of slices of other lists, each slice's items moved by an offset when they
 * are read.
 *
 * <p>Why: after an edit, everything behind it in the document moves by the edit's length. Copying
 * those items into new lists made every keystroke allocate, and keep until the next one, a new
 * object for each block, range and token behind the edit: in a 2 MB logbook over 10 MB a keystroke,
 * whose promotion and collection took most of an edit's time. A spliced list keeps the old items
 * and moves an item only when it is read, as garbage that dies young.
 *
 * <p>Slices of a spliced list are taken from its own sources, so spliced lists never nest. A list
 * of more than {@link #MAX_PIECES} slices has its items, unmoved, copied into one new source (a slice
 * of it per run of one move), so reading stays cheap, the old lists it would keep alive are let go,
 * and its items stay the same objects. An item read twice is moved twice: two
 * equal values, not the same object.
 */
public final class SplicedList<T> extends AbstractList<T> implements RandomAccess {
    /** Above this many slices a list is copied into one source: a few slices per edit instead of a growing chain of old lists. */
    static final int MAX_PIECES = 32;

    /**
     * Moves one item by {@code delta} characters: every offset it holds grows by {@code delta}.
     * {@link #firstAtOrAfter} relies on this to search without moving.
     */
    @FunctionalInterface
    public interface Mover<T> {
        T move(T item, int delta);
    }

    private final Mover<T> mover;
    private final List<T>[] sources;
    private final int[] firsts;
    private final int[] deltas;
    /** {@code ends[p]}: the index in this list just past slice {@code p}. */
    private final int[] ends;
    /**
     * The slice read last. In-order reading, the common case, then finds its slice without a
     * search. Not part of the value: a racy read of a stale hint is checked and costs a search.
     */
    private int hint;

    private SplicedList(Mover<T> mover, List<T>[] sources, int[] firsts, int[] deltas, int[] ends) {
        this.mover = mover;
        this.sources = sources;
        this.firsts = firsts;
        this.deltas = deltas;
        this.ends = ends;
    }

    /** A builder of a list whose items {@code mover} moves. */
    public static <T> Builder<T> builder(Mover<T> mover) {
        return new Builder<>(mover);
    }

    /**
     * {@code list} as an immutable list without copying it when it already is one of these; the
     * record constructors of the model use this where {@code List.copyOf} would copy, and move,
     * every item.
     */
    public static <T> List<T> frozen(List<T> list) {
        return list instanceof SplicedList<T> ? list : List.copyOf(list);
    }

    /**
     * The index of the first item of {@code items} (in order of {@code position}) whose position is
     * at least {@code offset}; {@code items.size()} when none is. A spliced list is searched
     * without moving any item: a moved item's position is its old one plus its slice's move.
     */
    public static <T> int firstAtOrAfter(List<T> items, ToIntFunction<T> position, int offset) {
        if (!(items instanceof SplicedList<T> spliced)) {
            return search(items, 0, items.size(), position, offset);
        }
        for (int piece = 0; piece < spliced.ends.length; piece++) {
            int first = spliced.firsts[piece];
            int last = first + spliced.ends[piece] - spliced.start(piece) - 1;
            // In longs: the offsets searched for include Integer.MIN_VALUE and MAX_VALUE ("from the start", "to the end").
            long target = (long) offset - spliced.deltas[piece];
            if (position.applyAsInt(spliced.sources[piece].get(last)) >= target) {
                return spliced.start(piece) + search(spliced.sources[piece], first, last + 1, position, target) - first;
            }
        }
        return spliced.size();
    }

    /**
     * The item at {@code index} as its source holds it, not moved: its positions are off by
     * {@link #moveAt}. For a pass that reads every item but needs few of them whole (a filter on each
     * heading's text), so that reading does not move, and allocate, every item behind an edit.
     */
    public static <T> T unmoved(List<T> items, int index) {
        if (!(items instanceof SplicedList<T> spliced)) {
            return items.get(index);
        }
        Objects.checkIndex(index, spliced.size());
        int piece = spliced.piece(index);
        return spliced.sources[piece].get(spliced.firsts[piece] + index - spliced.start(piece));
    }

    /**
     * How many items from {@code index} on both lists read unmoved from the same place of the same
     * source, so are the same objects: a comparison of two versions' lists can skip them as one.
     * At least 1 when it is more than 0 and {@code index} is in both lists.
     */
    public static <T> int sameSourceRun(List<T> a, List<T> b, int index) {
        if (index >= a.size() || index >= b.size()) {
            return 0;
        }
        Object sourceA = a;
        Object sourceB = b;
        int atA = index;
        int atB = index;
        int endA = a.size();
        int endB = b.size();
        if (a instanceof SplicedList<T> spliced) {
            int piece = spliced.piece(index);
            sourceA = spliced.sources[piece];
            atA = spliced.firsts[piece] + index - spliced.start(piece);
            endA = spliced.ends[piece];
        }
        if (b instanceof SplicedList<T> spliced) {
            int piece = spliced.piece(index);
            sourceB = spliced.sources[piece];
            atB = spliced.firsts[piece] + index - spliced.start(piece);
            endB = spliced.ends[piece];
        }
        return sourceA == sourceB && atA == atB ? Math.min(endA, endB) - index : 0;
    }

    /** How far {@link #get} moves the item at {@code index} from what {@link #unmoved} returns. */
    public static <T> int moveAt(List<T> items, int index) {
        if (!(items instanceof SplicedList<T> spliced)) {
            return 0;
        }
        Objects.checkIndex(index, spliced.size());
        return spliced.deltas[spliced.piece(index)];
    }

    private static <T> int search(List<T> items, int from, int to, ToIntFunction<T> position, long offset) {
        int low = from;
        int high = to;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (position.applyAsInt(items.get(middle)) < offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    @Override
    public T get(int index) {
        Objects.checkIndex(index, size());
        int piece = piece(index);
        T item = sources[piece].get(firsts[piece] + index - start(piece));
        return deltas[piece] == 0 ? item : mover.move(item, deltas[piece]);
    }

    @Override
    public int size() {
        return ends.length == 0 ? 0 : ends[ends.length - 1];
    }

    /** How many slices the list is made of; for tests and measurements. */
    int pieces() {
        return ends.length;
    }

    private int start(int piece) {
        return piece == 0 ? 0 : ends[piece - 1];
    }

    private int piece(int index) {
        int guess = hint;
        if (guess < ends.length && index < ends[guess] && index >= start(guess)) {
            return guess;
        }
        if (guess + 1 < ends.length && index < ends[guess + 1] && index >= ends[guess]) {
            hint = guess + 1;
            return guess + 1;
        }
        int low = 0;
        int high = ends.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ends[middle] <= index) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        hint = low;
        return low;
    }

    /** Collects slices in list order; adjacent slices of one source with the same move are joined. */
    public static final class Builder<T> {
        private final Mover<T> mover;
        private final List<List<T>> sources = new ArrayList<>();
        private int[] firsts = new int[4];
        private int[] deltas = new int[4];
        private int[] sizes = new int[4];

        private Builder(Mover<T> mover) {
            this.mover = mover;
        }

        /**
         * Appends the items {@code [from, to)} of {@code list}, moved by {@code delta}. The list must
         * not change afterwards (the model's lists never do).
         */
        public Builder<T> add(List<T> list, int from, int to, int delta) {
            Objects.checkFromToIndex(from, to, list.size());
            if (from == to) {
                return this;
            }
            if (list instanceof SplicedList<T> spliced) {
                for (int piece = spliced.piece(from); piece < spliced.ends.length && spliced.start(piece) < to; piece++) {
                    int start = spliced.start(piece);
                    int sliceFrom = Math.max(from, start);
                    int sliceTo = Math.min(to, spliced.ends[piece]);
                    addPlain(spliced.sources[piece], spliced.firsts[piece] + sliceFrom - start, sliceTo - sliceFrom,
                            spliced.deltas[piece] + delta);
                }
                return this;
            }
            if (!(list instanceof RandomAccess)) {
                list = List.copyOf(list);
            }
            addPlain(list, from, to - from, delta);
            return this;
        }

        /** Appends every item of {@code list}, moved by {@code delta}. */
        public Builder<T> addAll(List<T> list, int delta) {
            return add(list, 0, list.size(), delta);
        }

        private void addPlain(List<T> source, int first, int size, int delta) {
            int last = sources.size() - 1;
            if (last >= 0 && sources.get(last) == source && firsts[last] + sizes[last] == first && deltas[last] == delta) {
                sizes[last] += size;
                return;
            }
            if (sources.size() == sizes.length) {
                firsts = Arrays.copyOf(firsts, sizes.length * 2);
                deltas = Arrays.copyOf(deltas, sizes.length * 2);
                sizes = Arrays.copyOf(sizes, sizes.length * 2);
            }
            sources.add(source);
            firsts[last + 1] = first;
            deltas[last + 1] = delta;
            sizes[last + 1] = size;
        }

        /** The list: spliced, or one plain list when it is a single unmoved whole list or has too many slices. */
        public List<T> build() {
            int count = sources.size();
            if (count == 0) {
                return List.of();
            }
            if (count == 1 && deltas[0] == 0 && firsts[0] == 0 && sizes[0] == sources.get(0).size()) {
                return List.copyOf(sources.get(0));
            }
            if (count > MAX_PIECES) {
                return compacted();
            }
            @SuppressWarnings("unchecked")
            List<T>[] lists = sources.toArray(new List[count]);
            int[] ends = new int[count];
            int end = 0;
            for (int i = 0; i < count; i++) {
                end += sizes[i];
                ends[i] = end;
            }
            return new SplicedList<>(mover, lists, Arrays.copyOf(firsts, count), Arrays.copyOf(deltas, count), ends);
        }

        /**
         * The items, unmoved, copied into one new source, a slice of it per run of one move: the list
         * lets go of the old sources, and its items stay the objects they were. Moving every item
         * instead made, once every {@link #MAX_PIECES} edits, a new object of every block, token and
         * entry behind the edit, so what is kept per entry object across versions (an outline's JSON)
         * was lost for all of them at once, and the old objects lived on beside the new. Where the
         * moves change too often along the list (items read again, unmoved, among items an earlier
         * edit moved), short runs are moved now ({@link #joined}): a few new objects, not one per item.
         */
        private List<T> compacted() {
            int count = sources.size();
            int total = 0;
            for (int i = 0; i < count; i++) {
                total += sizes[i];
            }
            Object[] items = new Object[total];
            // Runs of one move over the copy: where each starts, its length and its move.
            List<int[]> runs = new ArrayList<>();
            int at = 0;
            for (int i = 0; i < count; i++) {
                List<T> source = sources.get(i);
                for (int j = firsts[i]; j < firsts[i] + sizes[i]; j++) {
                    items[at++] = source.get(j);
                }
                int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
                if (last != null && last[2] == deltas[i]) {
                    last[1] += sizes[i];
                } else {
                    runs.add(new int[] {at - sizes[i], sizes[i], deltas[i]});
                }
            }
            if (runs.size() > MAX_PIECES / 2) {
                runs = joined(runs, items);
            }
            @SuppressWarnings("unchecked")
            List<T> copy = (List<T>) java.util.Collections.unmodifiableList(Arrays.asList(items));
            Builder<T> oneSource = new Builder<>(mover);
            for (int[] run : runs) {
                oneSource.addPlain(copy, run[0], run[1], run[2]);
            }
            return oneSource.build();
        }

        /**
         * At most half of {@link #MAX_PIECES} runs: the first and the longest others are kept, and the
         * items of every other run are moved to read with the move of the kept run before it. Their
         * positions stay valid: the items are in document order, so they lie at least as far into
         * the text as that run's items, which lie at least that run's move far. Linear but for
         * sorting the runs by length (a renumbering of anchors makes thousands of one-item runs).
         */
        private List<int[]> joined(List<int[]> runs, Object[] items) {
            Integer[] longest = new Integer[runs.size() - 1];
            for (int r = 1; r < runs.size(); r++) {
                longest[r - 1] = r;
            }
            Arrays.sort(longest, (a, b) -> Integer.compare(runs.get(b)[1], runs.get(a)[1]));
            boolean[] keep = new boolean[runs.size()];
            keep[0] = true;
            for (int k = 0; k < MAX_PIECES / 2 - 1; k++) {
                keep[longest[k]] = true;
            }
            List<int[]> joined = new ArrayList<>();
            int[] into = null;
            for (int r = 0; r < runs.size(); r++) {
                int[] run = runs.get(r);
                if (keep[r] && (into == null || into[2] != run[2])) {
                    into = run.clone();
                    joined.add(into);
                    continue;
                }
                if (run[2] != into[2]) {
                    for (int j = run[0]; j < run[0] + run[1]; j++) {
                        @SuppressWarnings("unchecked")
                        T item = (T) items[j];
                        items[j] = mover.move(item, run[2] - into[2]);
                    }
                }
                into[1] += run[1];
            }
            return joined;
        }

        /** The list as one plain list, every item moved now; for lists read so often that moving on each read would cost more. */
        public List<T> buildFlat() {
            int size = 0;
            for (int i = 0; i < sources.size(); i++) {
                size += sizes[i];
            }
            List<T> flat = new ArrayList<>(size);
            for (int i = 0; i < sources.size(); i++) {
                List<T> source = sources.get(i);
                for (int j = firsts[i]; j < firsts[i] + sizes[i]; j++) {
                    flat.add(deltas[i] == 0 ? source.get(j) : mover.move(source.get(j), deltas[i]));
                }
            }
            return List.copyOf(flat);
        }
    }
}
