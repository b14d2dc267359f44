package org.logbookls.model;

import java.util.Arrays;

/**
 * One copy of each short string that models repeat: section labels, tag names, written dates, IDs
 * referred to, the text of headings such as "Results". A large workspace's closed documents hold a
 * million such strings, most of them equal to another (all its section labels are 144 distinct
 * bytes of 7.8 MB), and their copies were a tenth of the server's memory after indexing.
 *
 * <p>A table of {@link #SLOTS} strings indexed by hash, each slot holding the last string that fell
 * in it: a repeated string finds itself there unless another has taken its slot since. No map: a
 * map of every distinct string (most references and titles are distinct) made the cold start-up
 * index 15 % slower with its inserts, and had to be bounded anyway, since the strings are the
 * user's text. Unsynchronised: a racing reader sees an older string, or none, and keeps its own
 * (strings are immutable, so any string it sees is whole). Sharing never changes a value.
 */
final class StringPool {
    /** Longer strings are rarely repeated: titles, paths, sentences. */
    static final int LONGEST = 40;
    static final int SLOTS = 1 << 13;
    private static final String[] TABLE = new String[SLOTS];

    private StringPool() {
    }

    /** {@code value}, or an equal string seen before. */
    static String shared(String value) {
        if (value.length() > LONGEST) {
            return value;
        }
        int hash = value.hashCode();
        int slot = (hash ^ (hash >>> 13)) & (SLOTS - 1);
        String known = TABLE[slot];
        if (value.equals(known)) {
            return known;
        }
        TABLE[slot] = value;
        return value;
    }

    /** Empties the table (for tests that must not see a slot taken halfway). */
    static void clear() {
        Arrays.fill(TABLE, null);
    }
}
