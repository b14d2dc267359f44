package org.logbookls.model;

import static org.logbookls.model.Chars.isAsciiDigit;
import static org.logbookls.model.Chars.isRegexSpace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.logbookls.syntax.MaskedText;
import org.logbookls.syntax.Block;
import org.logbookls.syntax.BlockKind;
import org.logbookls.syntax.IncrementalParser;
import org.logbookls.syntax.SyntaxTree;
import org.logbookls.text.LineIndex;
import org.logbookls.text.SplicedList;
import org.logbookls.text.TextRange;

/**
 * Reads every heading-like line of a document and says what it could head: a dated entry, an
 * experiment entry, a group of entries, or nothing in particular.
 *
 * <p>Heading-like lines are ATX and setext headings at the top level, paragraphs whose author
 * meant a heading ({@code #7/13/19}, {@code ##25/03/2021}), paragraphs that are only a date
 * ({@code 050714}, {@code 16/3}) and banner lines of seven or more {@code #}. A date is
 * <em>leading</em> when only a counter such as {@code Day 2:} or brackets stand before it, and
 * <em>trailing</em> when nothing but a time or closing punctuation follows it.
 */
final class HeadingReader {
    /** "Day 2:", "Entry 14 -", "Week 3 |": a counter that may stand before an entry's date. */
    private static final Pattern COUNTER_PREFIX = Pattern.compile("^(?:[\\p{L}]+\\s*)?#?\\d{1,4}\\s*[:.\\-–—|)]\\s*$");
    private static final String OPENERS = " \t[(*_~";
    private static final String CLOSERS = " \t)]*_~:.!,";
    /** A title that looks like a numeric date but is not a whole one: "22.0", "2024-13", "??/". */
    private static final Pattern DATE_LIKE = Pattern.compile("^[\\d?xX]{1,4}(?:[./-][\\d?xX]{0,4}){1,2}\\.?$");
    /** "2023/03": a month, which heads a month's notes; not a truncated day. */
    private static final Pattern YEAR_MONTH = Pattern.compile("^\\d{4}[./-](0?[1-9]|1[0-2])$");
    /** From this many blocks on, a parallel read is split into slices of this many. */
    private static final int PARALLEL_BLOCKS = 4_096;

    private HeadingReader() {
    }

    /** One heading-like line and what was found in its text; {@code bracketed}: its ID list follows a '[' ("[e0039]"). */
    record Candidate(
            int headingStart,
            int headingEnd,
            int titleStart,
            int titleEnd,
            int level,
            Kind kind,
            Optional<DateMention> leadingDate,
            Optional<DateMention> trailingDate,
            Optional<TextRange> idList,
            boolean dateLike,
            boolean bracketed) {

        // The ranges are kept as ints: an open logbook keeps a candidate for each of its headings.
        Candidate(TextRange heading, TextRange title, int level, Kind kind, Optional<DateMention> leadingDate,
                Optional<DateMention> trailingDate, Optional<TextRange> idList, boolean dateLike, boolean bracketed) {
            this(heading.start(), heading.end(), title.start(), title.end(), level, kind, leadingDate, trailingDate, idList, dateLike,
                    bracketed);
        }

        TextRange heading() {
            return new TextRange(headingStart, headingEnd);
        }

        TextRange title() {
            return new TextRange(titleStart, titleEnd);
        }

        boolean dated() {
            return leadingDate.isPresent() || trailingDate.isPresent();
        }

        Candidate shift(int delta) {
            return new Candidate(headingStart + delta, headingEnd + delta, titleStart + delta, titleEnd + delta, level, kind, leadingDate.map(d -> d.shift(delta)),
                    trailingDate.map(d -> d.shift(delta)), idList.map(r -> r.shift(delta)), dateLike, bracketed);
        }
    }

    /** What kind of line a candidate is. */
    enum Kind { HEADING, HASH_PARAGRAPH, DATE_LINE, BANNER }

    static List<Candidate> read(SyntaxTree tree, boolean parallel) {
        return read(tree, List.of(), new IncrementalParser.Region(0, Integer.MAX_VALUE, 0), parallel);
    }

    /**
     * The candidates of {@code tree}, reading only the blocks inside {@code region} (the part an edit
     * reparsed): a candidate depends on its own line(s) only, so {@code previous} (the candidates of
     * the tree before the edit) holds the others, those after the region {@code delta} earlier.
     */
    static List<Candidate> read(SyntaxTree tree, List<Candidate> previous, IncrementalParser.Region region, boolean parallel) {
        List<Candidate> candidates = new ArrayList<>();
        int oldTo = region.to() - region.delta();
        int reused = firstFrom(previous, region.from());
        int first = tree.firstBlockFrom(region.from());
        int end = tree.firstBlockFrom(region.to());
        if (!parallel || end - first < PARALLEL_BLOCKS) {
            candidates.addAll(read(tree, first, end));
        } else {
            // Each block is read on its own, so slices of a long document are read on every core at once.
            int slices = (end - first + PARALLEL_BLOCKS - 1) / PARALLEL_BLOCKS;
            IntStream.range(0, slices).parallel()
                    .mapToObj(slice -> read(tree, first + slice * PARALLEL_BLOCKS, Math.min(end, first + (slice + 1) * PARALLEL_BLOCKS)))
                    .toList().forEach(candidates::addAll);
        }
        // Spliced: after most edits (KeptEntries) only the region's candidates are read, and moving the
        // others would make, and keep until the next edit, a dozen objects for each. The full build copies them once.
        return SplicedList.builder(Candidate::shift).add(previous, 0, reused, 0).addAll(candidates, 0)
                .add(previous, Math.max(reused, firstFrom(previous, oldTo)), previous.size(), region.delta()).build();
    }

    /** The index of the first candidate whose heading starts at or after {@code offset}. */
    static int firstFrom(List<Candidate> candidates, int offset) {
        return SplicedList.firstAtOrAfter(candidates, candidate -> candidate.heading().start(), offset);
    }

    /** The candidates among the blocks {@code [first, end)}. */
    private static List<Candidate> read(SyntaxTree tree, int first, int end) {
        MaskedText masked = tree.maskedText();
        List<Candidate> candidates = new ArrayList<>();
        List<Block> blocks = tree.blocks();
        for (int b = first; b < end; b++) {
            Block block = blocks.get(b);
            if (block.depth() != 0) {
                continue;
            }
            if (block.kind().isHeading()) {
                candidates.add(analyse(masked, block.range(), block.content(), block.level(), Kind.HEADING));
            } else if (block.kind() == BlockKind.PARAGRAPH) {
                paragraph(masked, block).ifPresent(candidates::add);
            }
        }
        return candidates;
    }

    private static Optional<Candidate> paragraph(MaskedText masked, Block block) {
        int lineEnd = LineIndex.endOfLine(masked, block.start(), block.end());
        TextRange line = TextRange.of(block.start(), lineEnd);
        int hashesStart = skip(masked, line.start(), Math.min(line.end(), line.start() + 3), " ");
        int count = hashParagraphLevel(masked, hashesStart, line.end());
        if (count > 0) {
            TextRange title = trim(masked, TextRange.of(hashesStart + count, line.end()));
            if (count >= 7) {
                return Optional.of(new Candidate(line, title, 0, Kind.BANNER, Optional.empty(), Optional.empty(),
                        Optional.empty(), false, false));
            }
            Candidate candidate = analyse(masked, line, title, count, Kind.HASH_PARAGRAPH);
            return candidate.leadingDate().isPresent() ? Optional.of(candidate) : Optional.empty();
        }
        TextRange title = trim(masked, line);
        if (title.isEmpty() || title.length() > 60 || !mayLeadWithDate(masked, title)) {
            return Optional.empty();
        }
        Candidate candidate = analyse(masked, line, title, 7, Kind.DATE_LINE);
        Optional<DateMention> date = candidate.leadingDate();
        if (date.isPresent() && rest(masked, date.get().range().end(), title.end()).isEmpty()) {
            return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /**
     * The number of {@code #} a paragraph line starting with hashes at {@code from} counts, or 0: as
     * {@code #+(?=\S)} matches, a run followed by a space counts one less (its last {@code #} is the
     * non-space), so "####### Title" counts 6 and a bare run of hashes one less than its length. By
     * hand rather than by that expression, because {@code find} tried it at every offset of every paragraph.
     */
    static int hashParagraphLevel(MaskedText masked, int from, int end) {
        int run = from;
        while (run < end && masked.charAt(run) == '#') {
            run++;
        }
        int count = run - from;
        if (count == 0) {
            return 0;
        }
        if (run < end && !isRegexSpace(masked.charAt(run))) {
            return count;
        }
        return count - 1;
    }


    /**
     * False when {@code title} cannot start with a date as {@link #analyse} reads one, so that most
     * paragraphs skip the date scan. Every date holds a digit, and starts with a digit, a placeholder
     * ({@code ?}, {@code x}), a weekday or a month; what may stand before a leading date is
     * symbols or a counter ("Day 2:"). So the first letter or digit must be a digit, or begin a
     * weekday, a month or a placeholder, or a word that a number follows.
     */
    static boolean mayLeadWithDate(MaskedText masked, TextRange title) {
        int i = title.start();
        while (i < title.end() && !Character.isLetterOrDigit(masked.charAt(i))) {
            i++;
        }
        if (i == title.end()) {
            return false;
        }
        if (!Character.isLetter(masked.charAt(i))) {
            return true;
        }
        int wordEnd = i;
        while (wordEnd < title.end() && (Character.isLetter(masked.charAt(wordEnd)) || masked.charAt(wordEnd) == 'º'
                || masked.charAt(wordEnd) == 'ª')) {
            wordEnd++;
        }
        String word = masked.substring(i, wordEnd);
        if (word.chars().allMatch(c -> c == 'x' || c == 'X') || DateLexicon.weekday(word).isPresent()
                || DateLexicon.month(word).isPresent()) {
            return true;
        }
        int after = wordEnd;
        while (after < title.end() && Character.isWhitespace(masked.charAt(after))) {
            after++;
        }
        if (after < title.end() && masked.charAt(after) == '#') {
            after++;
        }
        return after < title.end() && Character.isDigit(masked.charAt(after));
    }

    static Candidate analyse(MaskedText masked, TextRange heading, TextRange title, int level, Kind kind) {
        TextRange trimmed = trim(masked, title);
        String text = trimmed.of(masked);
        List<DateMention> mentions = DateRecognizer.scan(masked, trimmed.start(), trimmed.end(), true);
        mentions.removeIf(mention -> !DateShapes.plausible(mention));
        Optional<DateMention> leading = Optional.empty();
        Optional<DateMention> trailing = Optional.empty();
        if (!mentions.isEmpty()) {
            DateMention first = mentions.get(0);
            if (isLeading(masked, trimmed.start(), first) && compactAllowed(masked, trimmed, first)) {
                leading = Optional.of(first);
            }
            DateMention last = mentions.get(mentions.size() - 1);
            if (leading.isEmpty() && isTrailing(masked, trimmed, last)) {
                trailing = Optional.of(last);
            }
        }
        int openers = skip(masked, trimmed.start(), trimmed.end(), " \t*_");
        Optional<TextRange> ids = leadingIds(masked, openers, trimmed.end());
        if (ids.isEmpty() && leading.isPresent()) {
            // "## 2026-11-20 [e0039] Adam": the IDs lead the title once the entry's date is read.
            ids = leadingIds(masked, skip(masked, leading.get().range().end(), trimmed.end(), " \t*_:|-–—"), trimmed.end());
        }
        String bare = strip(text, OPENERS, CLOSERS);
        boolean dateLike = leading.isEmpty() && DATE_LIKE.matcher(bare).matches() && !YEAR_MONTH.matcher(bare).matches();
        // Read here, once per heading line, not by every build: the masked text looks each character up among its opaque ranges.
        boolean bracketed = ids.isPresent() && ids.get().start() > 0 && masked.charAt(ids.get().start() - 1) == '[';
        return new Candidate(heading, trimmed, level, kind, leading, trailing, ids, dateLike, bracketed);
    }

    /** The IDs a title defines from {@code from}: a bracketed list ({@code [e0039, e0040]}) or one ID and a colon or dash. */
    static Optional<TextRange> leadingIds(MaskedText masked, int from, int end) {
        // What BRACKETED_IDS and LEADING_ID (kept in ReplacedExpressionsTest) match, read with loops: a
        // matcher per title was a tenth of what building a long logbook allocated.
        if (from < end && masked.charAt(from) == '[') {
            return bracketedIds(masked, from + 1, end);
        }
        int idEnd = listedIdEnd(masked, from, end);
        if (idEnd < 0) {
            return Optional.empty();
        }
        int spaces = skipRegexSpaces(masked, idEnd, end);
        if (spaces < end && masked.charAt(spaces) == ':'
                || spaces > idEnd && spaces + 1 < end && isDash(masked.charAt(spaces), true) && isRegexSpace(masked.charAt(spaces + 1))) {
            return Optional.of(TextRange.of(from, idEnd));
        }
        return Optional.empty();
    }

    /** The list inside "[", from {@code from}: IDs and ranges of IDs, separated by commas, then "]". */
    private static Optional<TextRange> bracketedIds(MaskedText masked, int from, int end) {
        int listStart = skipRegexSpaces(masked, from, end);
        int p = listStart;
        while (true) {
            int idEnd = listedIdEnd(masked, p, end);
            if (idEnd < 0) {
                return Optional.empty();
            }
            p = idEnd;
            int dash = skipRegexSpaces(masked, p, end);
            if (dash < end && isDash(masked.charAt(dash), false)) {
                int rangeEnd = listedIdEnd(masked, skipRegexSpaces(masked, dash + 1, end), end);
                if (rangeEnd >= 0) {
                    p = rangeEnd;
                }
            }
            int next = skipRegexSpaces(masked, p, end);
            if (next < end && masked.charAt(next) == ']') {
                return Optional.of(TextRange.of(listStart, p));
            }
            if (next >= end || masked.charAt(next) != ',') {
                return Optional.empty();
            }
            p = skipRegexSpaces(masked, next + 1, end);
        }
    }

    /** The end of an ID that starts at {@code from} and is not followed by a seventh digit; -1 when none is there. */
    private static int listedIdEnd(MaskedText masked, int from, int end) {
        int idEnd = IdReader.idEnd(masked, from, end);
        return idEnd >= 0 && idEnd < end && isAsciiDigit(masked.charAt(idEnd)) ? -1 : idEnd;
    }

    private static boolean isDash(char c, boolean emDash) {
        return c == '-' || c == '–' || emDash && c == '—';
    }

    private static int skipRegexSpaces(CharSequence text, int from, int end) {
        int i = from;
        while (i < end && isRegexSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }


    /** Compact digits ({@code 050714}) count only when they are the whole title or end it. */
    private static boolean compactAllowed(MaskedText masked, TextRange title, DateMention mention) {
        RawDate.Form form = mention.start().form();
        boolean compact = form == RawDate.Form.COMPACT
                || form == RawDate.Form.YEAR_FIRST && mention.start().separator() == 0;
        return !compact || rest(masked, mention.range().end(), title.end()).isEmpty()
                && strip(masked.substring(title.start(), mention.range().start()), OPENERS, "").isEmpty();
    }

    private static boolean isLeading(MaskedText masked, int titleStart, DateMention mention) {
        String prefix = strip(masked.substring(titleStart, mention.range().start()), OPENERS, " \t");
        // Symbols alone ("🧪 2024-01-05", "✅ - June 5") decorate a date; they do not push it out of the lead.
        boolean onlySymbols = true;
        for (int i = 0; i < prefix.length() && onlySymbols; ) {
            int c = prefix.codePointAt(i);
            onlySymbols = !Character.isLetterOrDigit(c);
            i += Character.charCount(c);
        }
        return onlySymbols || COUNTER_PREFIX.matcher(prefix).matches();
    }

    private static boolean isTrailing(MaskedText masked, TextRange title, DateMention mention) {
        if (!rest(masked, mention.range().end(), title.end()).isEmpty()) {
            return false;
        }
        int before = mention.range().start() - 1;
        while (before >= title.start() && (masked.charAt(before) == ' ' || masked.charAt(before) == '\t')) {
            before--;
        }
        if (before >= title.start() && masked.charAt(before) == '(') {
            return false;
        }
        int wordEnd = before + 1;
        while (before >= title.start() && !Character.isLetter(masked.charAt(before)) && masked.charAt(before) != '\'') {
            before--;
            wordEnd = before + 1;
        }
        int wordStart = before + 1;
        while (wordStart > title.start() && (Character.isLetter(masked.charAt(wordStart - 1)) || masked.charAt(wordStart - 1) == '\'')) {
            wordStart--;
        }
        String previousWord = masked.substring(wordStart, Math.max(wordStart, wordEnd)).toLowerCase(Locale.ROOT);
        return !DateLexicon.NOT_ENTRY_DATE_WORDS.contains(previousWord);
    }

    private static String rest(MaskedText masked, int from, int to) {
        return strip(masked.substring(Math.min(from, to), to), CLOSERS, CLOSERS);
    }

    static TextRange trim(CharSequence text, TextRange range) {
        int start = range.start();
        int end = range.end();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        // A closing sequence of an ATX heading ("## Title ##") is not part of the title.
        int hashes = end;
        while (hashes > start && text.charAt(hashes - 1) == '#') {
            hashes--;
        }
        if (hashes < end && (hashes == start || text.charAt(hashes - 1) == ' ')) {
            end = hashes;
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
        }
        return TextRange.of(start, end);
    }

    private static int skip(CharSequence text, int from, int to, String chars) {
        while (from < to && chars.indexOf(text.charAt(from)) >= 0) {
            from++;
        }
        return from;
    }

    private static String strip(String text, String leading, String trailing) {
        int start = 0;
        int end = text.length();
        while (start < end && leading.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && trailing.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end);
    }
}
