package org.logbookls.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The indexed nearest-ID lookup, and the two-pass one used for a few lookups, give what the pass
 * over every ID gives; and none depends on the order of the candidates (a workspace's IDs come
 * unsorted).
 */
class SuggestionsTest {
    @Test
    void indexedLookupEqualsTheLinearScan() {
        Random random = new Random(17);
        List<String> prefixes = List.of("e", "E", "exp-", "a", "run");
        for (int round = 0; round < 3_000; round++) {
            Set<String> ids = new LinkedHashSet<>();
            for (int i = random.nextInt(30); i > 0; i--) {
                ids.add(randomId(random, prefixes));
            }
            Suggestions.IdIndex index = new Suggestions.IdIndex(ids);
            for (int probe = 0; probe < 10; probe++) {
                String id = probe == 9 ? "run" + "xyz".charAt(random.nextInt(3)) : randomId(random, prefixes);
                if (probe < 9) {
                    assertEquals(linear(id, ids), index.closest(id), id + " among " + ids);
                }
                assertEquals(index.closest(id), Suggestions.closestIds(id, ids), "two passes: " + id + " among " + ids);
                List<String> shuffled = new ArrayList<>(ids);
                Collections.shuffle(shuffled, random);
                assertEquals(index.closest(id), Suggestions.closestIds(id, shuffled), "shuffled: " + id + " among " + shuffled);
                assertEquals(index.closest(id), new Suggestions.IdIndex(shuffled).closest(id), "shuffled index: " + id + " among " + shuffled);
                assertEquals(Suggestions.closest(id, ids), Suggestions.closest(id, shuffled), "by spelling: " + id + " among " + shuffled);
            }
        }
    }

    private static String randomId(Random random, List<String> prefixes) {
        String prefix = prefixes.get(random.nextInt(prefixes.size()));
        int width = 1 + random.nextInt(4);
        return prefix + String.format("%0" + width + "d", random.nextInt(60));
    }

    /** Every candidate of the same prefix, the first two by name of those at the smallest distance. */
    private static List<String> linear(String id, Collection<String> ids) {
        String prefix = id.replaceAll("\\d.*$", "");
        long number = Long.parseLong(id.substring(prefix.length()));
        long best = Long.MAX_VALUE;
        List<String> found = new ArrayList<>();
        for (String candidate : ids) {
            String candidatePrefix = candidate.replaceAll("\\d.*$", "");
            if (!candidatePrefix.equalsIgnoreCase(prefix)) {
                continue;
            }
            long distance = Math.abs(Long.parseLong(candidate.substring(candidatePrefix.length())) - number);
            if (distance < best) {
                best = distance;
                found.clear();
            }
            if (distance == best) {
                found.add(candidate);
            }
        }
        found.sort(null);
        return found.isEmpty() ? Suggestions.closest(id, ids) : found.subList(0, Math.min(2, found.size()));
    }
}
