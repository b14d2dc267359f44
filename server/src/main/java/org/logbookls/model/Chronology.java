package org.logbookls.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which entries break a logbook's chronological direction.
 *
 * <p>The direction is the one with the longer monotone run (equal dates never break it); the
 * entries that break it are the fewest possible: those outside one longest run. Ties go to the
 * direction most neighbouring pairs follow, then to newest-first, the commoner habit.
 */
public final class Chronology {
    private Chronology() {
    }

    /** The direction a sequence runs in and the positions that break it. Immutable. */
    public record Order(boolean newestFirst, List<Integer> outOfOrder) {
        public Order {
            outOfOrder = List.copyOf(outOfOrder);
        }
    }

    public static List<Integer> outOfOrder(List<LocalDate> dates) {
        return order(dates).outOfOrder();
    }

    public static Order order(List<LocalDate> dates) {
        long[] days = new long[dates.size()];
        for (int i = 0; i < days.length; i++) {
            days[i] = dates.get(i).toEpochDay();
        }
        return order(days);
    }

    /** {@link #order(List)} of dates given as epoch days. */
    public static Order order(long[] days) {
        if (days.length < 2) {
            return new Order(true, List.of());
        }
        // A logbook's dates are the same from one keystroke to the next: the last few answers are kept.
        Order known = RECENT.get(days);
        if (known != null) {
            return known;
        }
        boolean[] ascendingRun = longestRun(days, true);
        boolean[] descendingRun = longestRun(days, false);
        int ascending = count(ascendingRun);
        int descending = count(descendingRun);
        boolean newestFirst;
        if (ascending != descending) {
            newestFirst = descending > ascending;
        } else {
            int up = 0;
            int down = 0;
            for (int i = 1; i < days.length; i++) {
                if (days[i] > days[i - 1]) {
                    up++;
                } else if (days[i] < days[i - 1]) {
                    down++;
                }
            }
            newestFirst = down >= up;
        }
        boolean[] run = newestFirst ? descendingRun : ascendingRun;
        List<Integer> broken = new ArrayList<>();
        for (int i = 0; i < run.length; i++) {
            if (!run[i]) {
                broken.add(i);
            }
        }
        Order order = new Order(newestFirst, broken);
        RECENT.put(days.clone(), order);
        return order;
    }

    private static final Recent RECENT = new Recent();

    /** The orders of the last few sequences asked about (one per open logbook or group, typically), by content. */
    private static final class Recent {
        private static final int SIZE = 8;
        private final long[][] keys = new long[SIZE][];
        private final Order[] orders = new Order[SIZE];
        private int next;

        synchronized Order get(long[] days) {
            for (int i = 0; i < SIZE; i++) {
                if (keys[i] != null && Arrays.equals(keys[i], days)) {
                    return orders[i];
                }
            }
            return null;
        }

        synchronized void put(long[] days, Order order) {
            keys[next] = days;
            orders[next] = order;
            next = (next + 1) % SIZE;
        }
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean flag : flags) {
            if (flag) {
                n++;
            }
        }
        return n;
    }

    /**
     * Marks one longest non-decreasing (or non-increasing) subsequence, in O(n log n). Among runs of
     * the same length it keeps the earliest entries, so of two swapped entries the later one is
     * reported. Patience sorting keeps the latest entries, so it runs on the reversed sequence,
     * looking for the opposite direction.
     */
    private static boolean[] longestRun(long[] days, boolean ascending) {
        int n = days.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long day = days[n - 1 - i];
            keys[i] = ascending ? -day : day;
        }
        int[] tailIndex = new int[n];
        long[] tailKey = new long[n];
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            // Upper bound: the first tail strictly greater than keys[i], so equal keys extend a run.
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (tailKey[mid] <= keys[i]) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            tailKey[lo] = keys[i];
            tailIndex[lo] = i;
            previous[i] = lo > 0 ? tailIndex[lo - 1] : -1;
            if (lo == length) {
                length++;
            }
        }
        boolean[] inRun = new boolean[n];
        Arrays.fill(inRun, false);
        for (int i = length == 0 ? -1 : tailIndex[length - 1]; i >= 0; i = previous[i]) {
            inRun[n - 1 - i] = true;
        }
        return inRun;
    }
}
