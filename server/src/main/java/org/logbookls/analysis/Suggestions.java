package org.logbookls.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** "Did you mean …?": the closest candidates to a word, by edit distance, for messages and fixes. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The candidates at the smallest edit distance from {@code word}, if it is small enough to be a
     * typo: the first three by name, whatever order the candidates come in (a workspace's IDs come
     * unsorted: sorting 10,000 of them for each message was a tenth of a keystroke).
     */
    public static List<String> closest(String word, Iterable<String> candidates) {
        int best = Integer.MAX_VALUE;
        List<String> found = new ArrayList<>();
        String lower = word.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, word.length() / 3);
        for (String candidate : candidates) {
            if (candidate.equals(word)) {
                continue;
            }
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT), limit);
            if (distance > limit) {
                continue;
            }
            if (distance < best) {
                best = distance;
                found.clear();
            }
            if (distance == best) {
                found.add(candidate);
            }
        }
        return firstByName(found, 3);
    }

    /** The first {@code count} of {@code found} by name. */
    private static List<String> firstByName(List<String> found, int count) {
        found.sort(null);
        return found.size() <= count ? found : new ArrayList<>(found.subList(0, count));
    }

    /**
     * The closest IDs of the same prefix to an ID, by number ("e0035" → "e0034", "e0036"), the first
     * two by name, as {@link IdIndex#closest} finds them among {@code ids} (which hold each ID once,
     * in any order), in one pass over them: for one or a few lookups, indexing 10,000 IDs first took
     * ten times as long (a keystroke that breaks an entry heading leaves a reference to its ID
     * undefined, and the check looks its ID up for the message).
     */
    public static List<String> closestIds(String id, Iterable<String> ids) {
        Optional<long[]> number = number(id);
        if (number.isEmpty()) {
            return closest(id, ids);
        }
        String prefix = prefix(id);
        long wanted = number.get()[0];
        long best = Long.MAX_VALUE;
        List<String> found = new ArrayList<>(2);
        for (String candidate : ids) {
            long other = numberOf(candidate, prefix);
            if (other < 0) {
                continue;
            }
            long distance = Math.abs(other - wanted);
            if (distance < best) {
                best = distance;
                found.clear();
            }
            if (distance == best) {
                found.add(candidate);
            }
        }
        if (best == Long.MAX_VALUE) {
            return closest(id, ids);
        }
        return firstByName(found, 2);
    }

    /** The number of {@code candidate} when its prefix is {@code prefix} (ignoring case), else -1; as {@link #number} reads it. */
    private static long numberOf(String candidate, String prefix) {
        // The case is ignored only when the prefix is not written the same, and not at all when the first
        // letters differ (a workspace's other logbooks' IDs): ignoring it was most of a pass over 70,000 IDs.
        if (candidate.length() <= prefix.length() || candidate.length() - prefix.length() > 12
                || !candidate.startsWith(prefix) && (differentAsciiLetters(candidate.charAt(0), prefix.charAt(0))
                        || !candidate.regionMatches(true, 0, prefix, 0, prefix.length()))) {
            return -1;
        }
        long value = 0;
        for (int i = prefix.length(); i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Two ASCII characters that are not the same letter in either case (for others, ask {@code regionMatches}). */
    private static boolean differentAsciiLetters(char a, char b) {
        return a < 128 && b < 128 && a != b && (a | 0x20) != (b | 0x20);
    }

    /**
     * {@link #closestIds} for many lookups against the same IDs: indexed once by prefix and number,
     * so each lookup costs a logarithm instead of a pass over every ID (a logbook of 50,000 entries
     * with thousands of undefined references took seconds to check).
     */
    public static final class IdIndex {
        private final List<String> ids;
        /** Lower-cased prefix → number → positions in {@code ids}, in order. */
        private final Map<String, TreeMap<Long, List<Integer>>> byPrefix = new HashMap<>();

        /** The index last built by {@link #of}: diagnostics run after every edit, and the defined IDs rarely change. */
        private static final java.util.concurrent.atomic.AtomicReference<IdIndex> LAST = new java.util.concurrent.atomic.AtomicReference<>();

        /**
         * The index of {@code candidates}: the one last built when they are the same, in the same
         * order (comparing them is a fraction of building it).
         */
        public static IdIndex of(Collection<String> candidates) {
            IdIndex last = LAST.get();
            if (last != null && last.ids.size() == candidates.size() && sameInOrder(last.ids, candidates)) {
                return last;
            }
            IdIndex index = new IdIndex(candidates);
            LAST.set(index);
            return index;
        }

        private static boolean sameInOrder(List<String> ids, Collection<String> candidates) {
            int i = 0;
            for (String candidate : candidates) {
                if (!ids.get(i++).equals(candidate)) {
                    return false;
                }
            }
            return true;
        }

        public IdIndex(Collection<String> candidates) {
            this.ids = new ArrayList<>(candidates);
            for (int i = 0; i < ids.size(); i++) {
                String candidate = ids.get(i);
                Optional<long[]> number = number(candidate);
                if (number.isPresent()) {
                    byPrefix.computeIfAbsent(prefix(candidate).toLowerCase(Locale.ROOT), k -> new TreeMap<>())
                            .computeIfAbsent(number.get()[0], k -> new ArrayList<>()).add(i);
                }
            }
        }

        /** The IDs of {@code id}'s prefix whose numbers are nearest its own, the first two by name; else the IDs nearest by spelling. */
        public List<String> closest(String id) {
            Optional<long[]> number = number(id);
            TreeMap<Long, List<Integer>> numbers = number.isEmpty() ? null : byPrefix.get(prefix(id).toLowerCase(Locale.ROOT));
            if (numbers == null || numbers.isEmpty()) {
                return Suggestions.closest(id, ids);
            }
            long wanted = number.get()[0];
            Long below = numbers.floorKey(wanted);
            Long above = numbers.ceilingKey(wanted);
            long best = Math.min(below == null ? Long.MAX_VALUE : wanted - below, above == null ? Long.MAX_VALUE : above - wanted);
            List<Integer> positions = new ArrayList<>(numbers.getOrDefault(wanted - best, List.of()));
            if (best != 0) {
                positions.addAll(numbers.getOrDefault(wanted + best, List.of()));
            }
            List<String> found = new ArrayList<>(positions.size());
            positions.forEach(position -> found.add(ids.get(position)));
            return firstByName(found, 2);
        }
    }

    /** "did you mean 'a' or 'b'?" or empty. */
    public static String phrase(List<String> options, String quotePrefix) {
        if (options.isEmpty()) {
            return "";
        }
        List<String> quoted = options.stream().map(option -> "'" + quotePrefix + option + "'").toList();
        return "; did you mean " + String.join(" or ", quoted) + "?";
    }

    private static String prefix(String id) {
        int end = 0;
        while (end < id.length() && !Character.isDigit(id.charAt(end))) {
            end++;
        }
        return id.substring(0, end);
    }

    private static Optional<long[]> number(String id) {
        String digits = id.substring(prefix(id).length());
        if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(new long[] {Long.parseLong(digits)});
    }

    /** Levenshtein distance, giving up (returning {@code limit + 1}) once it must exceed {@code limit}. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
