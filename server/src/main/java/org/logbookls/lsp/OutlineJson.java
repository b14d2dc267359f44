package org.logbookls.lsp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.logbookls.analysis.symbols.DocumentSymbols;
import org.logbookls.model.Entry;
import org.logbookls.text.LineColumn;
import org.logbookls.text.LineIndex;

/**
 * An outline written as the UTF-8 JSON of its LSP symbols, each entry's symbol from what was written
 * for the same entry the last time the document's outline was asked for.
 *
 * <p>Why: the outline of a 10,000-entry logbook is 32,000 symbols, 7.6 MB of JSON. Written anew for
 * every request (the editor asks after each keystroke) it took 16 ms and left about 20 MB of
 * strings and blocks behind, which brought on the collections that set the request's slowest
 * times. An entry the edit did not touch is the same object in the new model (read unmoved from
 * its spliced list: {@link DocumentSymbols.Placed}) and the same text, so its JSON differs only in its
 * line numbers, which move together: each entry's JSON is kept as bytes with its line numbers
 * counted from its first line, and written again with the line it now starts on.
 */
final class OutlineJson {
    /** The comma between entries, the piece most often written: one array for all. */
    private static final byte[] COMMA = {','};
    /** The comma between two entries: one object for the 10,000 of an outline. */
    private static final Fragment COMMA_FRAGMENT = Fragment.of(COMMA);

    private OutlineJson() {
    }

    /** What one document's outlines were last written as; shared by its requests, dropped when it closes. */
    static final class Cache {
        private volatile Written last;

        /** How many entries' JSON it holds (for tests). */
        int size() {
            Written written = last;
            return written == null ? 0 : written.count;
        }

        /** How many of those the last outline took from the one before (for tests). */
        int reusedLastTime() {
            Written written = last;
            return written == null ? 0 : written.reused;
        }
    }

    /**
     * The JSON of {@code count} entries, in document order, as written in one encoding and escaping,
     * {@code reused} of them from the last outline. Never changed once published.
     */
    private record Written(Convert.Encoding encoding, boolean htmlSafe, Entry[] entries, Fragment[] fragments, int count, int reused) {
        static final Written NONE = new Written(Convert.Encoding.UTF16, false, new Entry[0], new Fragment[0], 0, 0);
    }

    /**
     * An entry's JSON as written when it started on line {@code base}: {@code bytes}, whose line
     * numbers are at {@code [starts[k], ends[k])} and are {@code base + lines[k]}. Written at another
     * base, the runs between them are copied and the numbers written anew. {@code firstColumn} is
     * where the entry started on its first line: text before it on that line is not the entry's.
     */
    private record Fragment(byte[] bytes, int base, int[] starts, int[] ends, int[] lines, int firstColumn) {
        private static final int[] NONE = {};

        static Fragment of(byte[] bytes) {
            return new Fragment(bytes, 0, NONE, NONE, NONE, 0);
        }

        long size(int at) {
            if (at == base) {
                return bytes.length;
            }
            long size = bytes.length;
            for (int k = 0; k < lines.length; k++) {
                size += digits(at + lines[k]) - (ends[k] - starts[k]);
            }
            return size;
        }
    }

    /** An outline ready to be written: its pieces, each at a base line, and its size in bytes. */
    static final class Prepared {
        // Two arrays grown together, not a list beside an array: 20,000 adds to an ArrayList were half of preparing W1's outline.
        private Fragment[] pieces;
        private int[] bases;
        private int count;
        private long size;

        Prepared(int expected) {
            pieces = new Fragment[Math.max(expected, 16)];
            bases = new int[pieces.length];
        }

        private void add(Fragment fragment, int base) {
            if (count == pieces.length) {
                pieces = java.util.Arrays.copyOf(pieces, count * 2);
                bases = java.util.Arrays.copyOf(bases, count * 2);
            }
            bases[count] = base;
            pieces[count++] = fragment;
            size += fragment.size(base);
        }

        long size() {
            return size;
        }

        /**
         * Writes the JSON to {@code out} in blocks of 64 KB: an entry where it was written last time
         * as one copy, an entry on another line run by run with its line numbers written anew.
         * Through a buffered stream, each of the ~300,000 runs was a synchronised call.
         */
        void writeTo(OutputStream out) throws IOException {
            Block block = new Block(out);
            for (int i = 0; i < count; i++) {
                Fragment fragment = pieces[i];
                int base = bases[i];
                if (base == fragment.base) {
                    block.write(fragment.bytes, 0, fragment.bytes.length);
                    continue;
                }
                int from = 0;
                for (int k = 0; k < fragment.lines.length; k++) {
                    block.write(fragment.bytes, from, fragment.starts[k] - from);
                    block.number(base + fragment.lines[k]);
                    from = fragment.ends[k];
                }
                block.write(fragment.bytes, from, fragment.bytes.length - from);
            }
            block.flush();
        }

        String text() {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(size, Integer.MAX_VALUE - 8));
            try {
                writeTo(out);
            } catch (IOException e) {
                throw new IllegalStateException("a byte array cannot fail to be written", e);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * The JSON array of {@code roots} (core symbols or outline nodes), positions in {@code encoding},
     * strings escaped as Gson does ({@code htmlSafe} as the server's Gson is). With a {@code cache},
     * entries written last time are taken from it, and it then holds this outline's entries.
     */
    static Prepared prepare(List<?> roots, LineIndex lines, Convert.Encoding encoding, boolean htmlSafe, Cache cache) {
        Written last = cache == null ? null : cache.last;
        Written before = last != null && last.encoding == encoding && last.htmlSafe == htmlSafe ? last : Written.NONE;
        Writer writer = new Writer(lines, encoding, htmlSafe, before);
        writer.raw("[");
        for (int i = 0; i < roots.size(); i++) {
            if (i > 0) {
                writer.raw(",");
            }
            writer.root(roots.get(i));
        }
        writer.raw("]");
        writer.flush();
        if (cache != null) {
            cache.last = new Written(encoding, htmlSafe, writer.entries, writer.fragments, writer.count, writer.reused);
        }
        return writer.prepared;
    }

    private static int digits(int value) {
        int digits = 1;
        while (value >= 10) {
            value /= 10;
            digits++;
        }
        return digits;
    }

    /** A 64 KB buffer in front of a stream, not synchronised. */
    private static final class Block {
        private final OutputStream out;
        private final byte[] block = new byte[64 * 1024];
        private int used;

        Block(OutputStream out) {
            this.out = out;
        }

        void write(byte[] bytes, int from, int length) throws IOException {
            if (length > block.length - used) {
                flush();
                if (length > block.length) {
                    out.write(bytes, from, length);
                    return;
                }
            }
            System.arraycopy(bytes, from, block, used, length);
            used += length;
        }

        void number(int value) throws IOException {
            if (block.length - used < 10) {
                flush();
            }
            int digits = digits(value);
            for (int d = used + digits - 1; d >= used; d--) {
                block[d] = (byte) ('0' + value % 10);
                value /= 10;
            }
            used += digits;
        }

        void flush() throws IOException {
            out.write(block, 0, used);
            used = 0;
        }
    }

    /** Writes pieces: small ones gathered into one run of bytes, entries as their fragments. */
    private static final class Writer {
        private final LineIndex lines;
        private final Convert.Encoding encoding;
        private final boolean htmlSafe;
        private final Written before;
        /** Where in {@link #before} the next entry is looked for: entries come in the order they came last time. */
        private int cursor;
        private Entry[] entries;
        private Fragment[] fragments;
        private int count;
        private final Prepared prepared;
        private int reused;
        /** Text not yet made a piece (headings outside entries, brackets). */
        private final StringBuilder pending = new StringBuilder();

        Writer(LineIndex lines, Convert.Encoding encoding, boolean htmlSafe, Written before) {
            this.lines = lines;
            this.encoding = encoding;
            this.htmlSafe = htmlSafe;
            this.before = before;
            this.entries = new Entry[before.count + 16];
            // An entry and a comma each: grown while written, the list was copied a dozen times.
            this.prepared = new Prepared(2 * before.count + 16);
            this.fragments = new Fragment[before.count + 16];
        }

        void raw(String text) {
            pending.append(text);
        }

        void flush() {
            if (pending.length() == 1 && pending.charAt(0) == ',') {
                prepared.add(COMMA_FRAGMENT, 0);
            } else if (pending.length() > 0) {
                prepared.add(Fragment.of(pending.toString().getBytes(StandardCharsets.UTF_8)), 0);
            }
            pending.setLength(0);
        }

        void root(Object root) {
            if (root instanceof DocumentSymbols.Placed placed) {
                entry(placed);
            } else if (root instanceof DocumentSymbols.Group group) {
                Symbols text = new Symbols(pending, null, 0);
                text.head(group.name(), DocumentSymbols.Kind.HEADING, group.range(), group.selection(), "");
                if (group.children().isEmpty()) {
                    raw("}");
                    return;
                }
                raw(",\"children\":[");
                for (int i = 0; i < group.children().size(); i++) {
                    if (i > 0) {
                        raw(",");
                    }
                    root(group.children().get(i));
                }
                raw("]}");
            } else {
                new Symbols(pending, null, 0).symbol((DocumentSymbols.Symbol) root);
            }
        }

        /** How far ahead of the cursor an entry is looked for: past the entries an edit removed. */
        private static final int LOOK_AHEAD = 8;
        /** Entries in a row not found near the cursor before the rest of the last outline's are looked up in a map. */
        private static final int MISSES_BEFORE_MAP = 4;
        private int misses;
        /** The last outline's entries from the cursor on, by identity, once {@link #last} lost its place; else null. */
        private java.util.IdentityHashMap<Entry, Integer> rest;

        /**
         * The fragment written for this very entry object last time, or null. Entries come in
         * document order both times, so this is a walk, not a lookup in a map of every entry
         * (hashing and probing 10,000 entries was a tenth of an outline).
         *
         * <p>An edit that removes or re-reads more entries than the walk looks past (a code fence's
         * closing line typed into swallows the entry headings up to the next fence, and the build
         * re-reads some 40 entries) left the cursor behind for good, and every entry after it was
         * written again: 10 ms of such a keystroke's 16 in a 10,000-entry logbook. After a few
         * misses in a row, the rest of the last outline's entries are looked up in a map instead.
         */
        private Fragment last(Entry entry) {
            if (rest != null) {
                Integer at = rest.get(entry);
                if (at == null || at < cursor) {
                    return null;
                }
                cursor = at + 1;
                return before.fragments[at];
            }
            int end = Math.min(before.count, cursor + LOOK_AHEAD);
            for (int i = cursor; i < end; i++) {
                if (before.entries[i] == entry) {
                    cursor = i + 1;
                    misses = 0;
                    return before.fragments[i];
                }
            }
            if (++misses < MISSES_BEFORE_MAP || end == before.count) {
                return null;
            }
            rest = new java.util.IdentityHashMap<>(2 * (before.count - cursor));
            for (int i = cursor; i < before.count; i++) {
                rest.put(before.entries[i], i);
            }
            return last(entry);
        }

        /** An entry's symbol: the fragment written for the same entry last time, or written now. */
        private void entry(DocumentSymbols.Placed placed) {
            flush();
            Entry entry = placed.entry();
            // The line and column as numbers: a position object per entry, and a range, was a tenth of
            // what an outline allocated, for the one entry in thousands that is written again.
            int start = entry.start() + placed.delta();
            int firstLine = lines.lineOf(start);
            int firstColumn = encoding == Convert.Encoding.UTF8 ? lines.utf8Column(start) : start - lines.lineStart(firstLine);
            Fragment fragment = last(entry);
            if (fragment == null || fragment.firstColumn != firstColumn) {
                StringBuilder json = new StringBuilder(256);
                List<int[]> holes = new ArrayList<>();
                new Symbols(json, holes, firstLine).symbol(placed.symbol());
                fragment = fragment(json, holes, firstLine, firstColumn);
            } else {
                reused++;
            }
            if (count == entries.length) {
                entries = java.util.Arrays.copyOf(entries, count * 2);
                fragments = java.util.Arrays.copyOf(fragments, count * 2);
            }
            entries[count] = entry;
            fragments[count++] = fragment;
            prepared.add(fragment, firstLine);
        }

        private int column(int offset, LineColumn position) {
            return encoding == Convert.Encoding.UTF8 ? lines.utf8Column(offset) : position.column();
        }

        /** The text's bytes, written at {@code base}, with where each line number is. */
        private static Fragment fragment(StringBuilder json, List<int[]> holes, int base, int firstColumn) {
            int[] starts = new int[holes.size()];
            int[] ends = new int[holes.size()];
            int[] relative = new int[holes.size()];
            byte[] whole = json.toString().getBytes(StandardCharsets.UTF_8);
            if (whole.length == json.length()) {
                // Every character one byte (nearly every entry): the numbers are where they are in the text.
                // Encoding the runs between them one by one, two strings and two arrays a number, made
                // writing a whole outline anew (after a fence typed into, or at the first request) 35 ms.
                for (int k = 0; k < holes.size(); k++) {
                    int[] hole = holes.get(k);
                    starts[k] = hole[0];
                    ends[k] = hole[1];
                    relative[k] = hole[2];
                }
                return new Fragment(whole, base, starts, ends, relative, firstColumn);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(whole.length + 16);
            int from = 0;
            for (int k = 0; k < holes.size(); k++) {
                int[] hole = holes.get(k);
                bytes.writeBytes(json.substring(from, hole[0]).getBytes(StandardCharsets.UTF_8));
                starts[k] = bytes.size();
                bytes.writeBytes(json.substring(hole[0], hole[1]).getBytes(StandardCharsets.US_ASCII));
                ends[k] = bytes.size();
                relative[k] = hole[2];
                from = hole[1];
            }
            bytes.writeBytes(json.substring(from).getBytes(StandardCharsets.UTF_8));
            return new Fragment(bytes.toByteArray(), base, starts, ends, relative, firstColumn);
        }

        /**
         * Symbols written as Gson writes the LSP4J symbol {@link Convert#symbol} makes: fields in
         * declaration order, no null. With {@code holes}, each line number is also remembered as
         * {start, end, line - base} in the text.
         */
        private final class Symbols {
            private final StringBuilder json;
            private final List<int[]> holes;
            private final int base;

            Symbols(StringBuilder json, List<int[]> holes, int base) {
                this.json = json;
                this.holes = holes;
                this.base = base;
            }

            void symbol(DocumentSymbols.Symbol symbol) {
                head(symbol.name(), symbol.kind(), symbol.range(), symbol.selection(), symbol.detail());
                if (symbol.children().isEmpty()) {
                    json.append('}');
                    return;
                }
                json.append(",\"children\":[");
                for (int i = 0; i < symbol.children().size(); i++) {
                    if (i > 0) {
                        json.append(',');
                    }
                    symbol(symbol.children().get(i));
                }
                json.append("]}");
            }

            /** A symbol up to its children, without the closing brace: an empty detail is left out, as {@link Convert#symbol} leaves it. */
            void head(String name, DocumentSymbols.Kind kind, org.logbookls.text.TextRange range, org.logbookls.text.TextRange selection,
                    String detail) {
                json.append("{\"name\":");
                HandWrittenJson.string(json, name.isBlank() ? "(untitled)" : name, htmlSafe);
                json.append(",\"kind\":").append(Convert.kind(kind).getValue()).append(",\"range\":");
                range(range);
                json.append(",\"selectionRange\":");
                range(selection);
                if (detail != null && !detail.isEmpty()) {
                    json.append(",\"detail\":");
                    HandWrittenJson.string(json, detail, htmlSafe);
                }
            }

            private void range(org.logbookls.text.TextRange range) {
                json.append("{\"start\":");
                position(range.start());
                json.append(",\"end\":");
                position(range.end());
                json.append('}');
            }

            private void position(int offset) {
                LineColumn position = lines.position(offset);
                json.append("{\"line\":");
                int start = json.length();
                json.append(position.line());
                if (holes != null) {
                    holes.add(new int[] {start, json.length(), position.line() - base});
                }
                json.append(",\"character\":").append(column(offset, position)).append('}');
            }
        }
    }
}
