package org.logbookls.analysis.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The duplicate-date check's table of each day's first entry answers as a map of (group, day) would. */
class FirstOfDayTest {
    @Test
    void answersAsAMap() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            int count = 1 + random.nextInt(5_000);
            // Few groups and a narrow span of days, so that days repeat and slots collide; far days and negative ones too.
            int span = 1 + random.nextInt(count);
            DuplicateDateCheck.FirstOfDay table = new DuplicateDateCheck.FirstOfDay(count);
            Map<List<Long>, Integer> expected = new HashMap<>();
            for (int entry = 0; entry < count; entry++) {
                int group = random.nextInt(3);
                long day = random.nextInt(10) == 0 ? random.nextLong() : random.nextInt(span) - span / 2;
                Integer first = expected.putIfAbsent(List.of((long) group, day), entry);
                assertEquals(first == null ? -1 : first, table.putIfAbsent(group, day, entry), "round " + round + ", entry " + entry);
            }
        }
    }
}
