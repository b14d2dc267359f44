package org.logbookls.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A spliced list reads as the same items as copying every slice and moving each item, however often it is spliced again. */
class SplicedListTest {
    private static final SplicedList.Mover<Integer> ADD = (item, delta) -> item + delta;

    @Test
    void repeatedSplicesReadAsTheirEagerCopies() {
        Random random = new Random(7);
        for (int run = 0; run < 200; run++) {
            List<Integer> expected = IntStream.range(0, 1 + random.nextInt(300)).boxed().toList();
            List<Integer> spliced = expected;
            for (int edit = 0; edit < 100; edit++) {
                // An edit as an incremental reparse makes it: a head kept, a fresh middle, a tail moved.
                int from = random.nextInt(expected.size() + 1);
                int to = from + random.nextInt(expected.size() - from + 1);
                int delta = random.nextInt(21) - 10;
                List<Integer> fresh = IntStream.range(0, random.nextInt(5)).mapToObj(i -> random.nextInt(1000)).toList();
                List<Integer> eager = new ArrayList<>(expected.subList(0, from));
                eager.addAll(fresh);
                expected.subList(to, expected.size()).forEach(item -> eager.add(item + delta));
                expected = eager;
                spliced = SplicedList.builder(ADD).add(spliced, 0, from, 0).addAll(fresh, 0).add(spliced, to, spliced.size(), delta).build();
                assertEquals(expected, spliced);
                assertEquals(expected.hashCode(), spliced.hashCode());
                if (spliced instanceof SplicedList<Integer> list) {
                    assertTrue(list.pieces() <= SplicedList.MAX_PIECES, list.pieces() + " pieces");
                }
            }
            // Reading out of order finds the right slice too, and an unmoved item plus its move is the item.
            for (int probe = 0; probe < 50 && !expected.isEmpty(); probe++) {
                int index = random.nextInt(expected.size());
                assertEquals(expected.get(index), spliced.get(index));
                assertEquals(expected.get(index), SplicedList.unmoved(spliced, index) + SplicedList.moveAt(spliced, index));
            }
        }
    }

    private record Item(int offset) {
    }

    /**
     * Edits and their undos at many places splice a list past {@link SplicedList#MAX_PIECES} slices
     * with only a few distinct moves: the list is compacted into one source and its items stay the
     * objects they were (what is kept per entry object across versions depends on it).
     */
    @Test
    void compactingKeepsTheItemsAsTheSameObjects() {
        List<Item> original = IntStream.range(0, 1_000).mapToObj(i -> new Item(i * 10)).toList();
        SplicedList.Mover<Item> mover = (item, delta) -> new Item(item.offset() + delta);
        Random random = new Random(3);
        List<Item> spliced = original;
        java.util.Set<Integer> edited = new java.util.HashSet<>();
        for (int edit = 0; edit < 200; edit++) {
            // One character typed into item `at` (nothing replaced), then undone: the tail moves by one and back.
            int at = 1 + random.nextInt(original.size() - 2);
            edited.add(at);
            List<Item> before = spliced;
            Item typed = new Item(before.get(at).offset());
            spliced = SplicedList.builder(mover).add(before, 0, at, 0).addAll(List.of(typed), 0)
                    .add(before, at + 1, before.size(), 1).build();
            if (edit % 40 == 0) {
                // Left typed-into: the tail stays one behind (two distinct moves along the list).
                continue;
            }
            // The undo: the item read again (a new object), the tail moved back.
            spliced = SplicedList.builder(mover).add(spliced, 0, at, 0).addAll(List.of(new Item(before.get(at).offset())), 0)
                    .add(spliced, at + 1, spliced.size(), -1).build();
            if (spliced instanceof SplicedList<Item> list) {
                assertTrue(list.pieces() <= SplicedList.MAX_PIECES, list.pieces() + " pieces");
            }
        }
        int same = 0;
        for (int i = 0; i < spliced.size(); i++) {
            Item unmoved = SplicedList.unmoved(spliced, i);
            assertEquals(unmoved.offset() + SplicedList.moveAt(spliced, i), spliced.get(i).offset());
            if (!edited.contains(i) && unmoved == original.get(i)) {
                same++;
            }
        }
        // Every item not typed into is the object it was, but for the few moved to join a run (moving
        // them all when the list was copied kept 20 of these 814).
        assertTrue(same >= original.size() - edited.size() - 10, same + " of " + (original.size() - edited.size()) + " kept");
    }

    @Test
    void searchingWithoutMovingFindsWhatAPlainSearchFinds() {
        Random random = new Random(11);
        for (int run = 0; run < 100; run++) {
            // Offsets of things in a text, and edits to the text: the list stays in order.
            List<Integer> expected = IntStream.range(0, random.nextInt(200)).map(i -> i * 3).boxed().toList();
            List<Integer> spliced = expected;
            for (int edit = 0; edit < 80; edit++) {
                int at = random.nextInt(700);
                int removed = random.nextInt(10);
                int inserted = random.nextInt(10);
                int head = firstAtOrAfterByScan(expected, at);
                int tail = firstAtOrAfterByScan(expected, at + removed);
                List<Integer> fresh = IntStream.range(0, inserted / 3).map(i -> at + i * 3).boxed().toList();
                List<Integer> eager = new ArrayList<>(expected.subList(0, head));
                eager.addAll(fresh);
                expected.subList(tail, expected.size()).forEach(item -> eager.add(item + inserted - removed));
                expected = eager;
                spliced = SplicedList.builder(ADD).add(spliced, 0, head, 0).addAll(fresh, 0)
                        .add(spliced, tail, spliced.size(), inserted - removed).build();
                for (int probe = -1; probe < 720; probe += 7) {
                    assertEquals(firstAtOrAfterByScan(expected, probe), SplicedList.firstAtOrAfter(spliced, item -> item, probe));
                }
                assertEquals(0, SplicedList.firstAtOrAfter(spliced, item -> item, Integer.MIN_VALUE));
                assertEquals(expected.size(), SplicedList.firstAtOrAfter(spliced, item -> item, Integer.MAX_VALUE));
            }
        }
    }

    private static int firstAtOrAfterByScan(List<Integer> items, int offset) {
        int index = 0;
        while (index < items.size() && items.get(index) < offset) {
            index++;
        }
        return index;
    }

    /**
     * Two versions spliced from one list share the items outside the edit between them: a run
     * reported the same is the same objects, index for index; lists that share no source share no run.
     */
    @Test
    void runsOfTheSameSourceAreTheSameObjects() {
        Random random = new Random(9);
        SplicedList.Mover<StringBuilder> mover = (item, delta) -> new StringBuilder(item).append('+').append(delta);
        int sharedRuns = 0;
        for (int run = 0; run < 200; run++) {
            List<StringBuilder> base = IntStream.range(0, 1 + random.nextInt(200)).mapToObj(i -> new StringBuilder("i" + i)).toList();
            List<StringBuilder> before = base;
            List<StringBuilder> after = base;
            for (int edit = 0; edit < 20; edit++) {
                before = after;
                int from = random.nextInt(before.size() + 1);
                int to = from + random.nextInt(before.size() - from + 1);
                List<StringBuilder> fresh = IntStream.range(0, random.nextInt(3)).mapToObj(i -> new StringBuilder("f")).toList();
                after = SplicedList.builder(mover).add(before, 0, from, 0).addAll(fresh, 0).add(before, to, before.size(), random.nextInt(5))
                        .build();
                for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
                    int same = SplicedList.sameSourceRun(before, after, i);
                    for (int k = i; k < i + same; k++) {
                        assertSame(SplicedList.unmoved(before, k), SplicedList.unmoved(after, k), "index " + k);
                    }
                    sharedRuns += same > 0 ? 1 : 0;
                }
            }
            List<StringBuilder> other = base.stream().map(StringBuilder::new).toList();
            assertEquals(0, SplicedList.sameSourceRun(base, other, 0));
        }
        assertTrue(sharedRuns > 1_000, sharedRuns + " shared runs");
        assertEquals(0, SplicedList.sameSourceRun(List.of(), List.of(), 0));
    }

    @Test
    void aWholeUnmovedListIsNotWrapped() {
        List<Integer> items = List.of(1, 2, 3);
        assertSame(items, SplicedList.builder(ADD).addAll(items, 0).build());
        assertEquals(List.of(), SplicedList.builder(ADD).add(items, 1, 1, 5).build());
    }

    @Test
    void adjacentSlicesOfOneListAreJoined() {
        List<Integer> items = List.of(1, 2, 3, 4);
        List<Integer> joined = SplicedList.builder(ADD).add(items, 0, 2, 3).add(items, 2, 4, 3).build();
        assertEquals(List.of(4, 5, 6, 7), joined);
        assertEquals(1, ((SplicedList<Integer>) joined).pieces());
    }

    @Test
    void itIsImmutableAndChecksIndexes() {
        List<Integer> spliced = SplicedList.builder(ADD).add(List.of(1, 2), 0, 1, 1).addAll(List.of(9), 0).build();
        assertEquals(List.of(2, 9), spliced);
        assertThrows(UnsupportedOperationException.class, () -> spliced.add(3));
        assertThrows(IndexOutOfBoundsException.class, () -> spliced.get(2));
        assertSame(spliced, SplicedList.frozen(spliced));
    }
}
