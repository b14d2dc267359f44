package org.logbookls.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?": the closest candidates to a word, by edit distance, for messages and fixes. */
public final class Suggestions {
    private Suggestions() {
    }

    /** The candidates at the smallest edit distance from {@code word}, if it is small enough to be a typo. */
    public static List<String> closest(String word, Collection<String> candidates) {
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
            if (distance == best && found.size() < 3) {
                found.add(candidate);
            }
        }
        return found;
    }

    /** The closest IDs of the same prefix to an ID, by number ("e0035" → "e0034", "e0036"). */
    public static List<String> closestIds(String id, Collection<String> ids) {
        Optional<long[]> number = number(id);
        String prefix = prefix(id);
        long best = Long.MAX_VALUE;
        List<String> found = new ArrayList<>();
        for (String candidate : ids) {
            if (!prefix(candidate).equalsIgnoreCase(prefix) || number.isEmpty()) {
                continue;
            }
            Optional<long[]> other = number(candidate);
            if (other.isEmpty()) {
                continue;
            }
            long distance = Math.abs(other.get()[0] - number.get()[0]);
            if (distance < best) {
                best = distance;
                found.clear();
            }
            if (distance == best && found.size() < 2) {
                found.add(candidate);
            }
        }
        found.sort(null);
        return found.isEmpty() ? closest(id, ids) : found;
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
