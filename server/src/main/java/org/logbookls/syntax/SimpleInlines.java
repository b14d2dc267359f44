package org.logbookls.syntax;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Code;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;

/**
 * The inlines the lowering keeps of a paragraph (or a table's cell) — inline links, images and code spans — found the way
 * commonmark-java's inline parser finds them, without that parser: it takes about 1 µs and 10 KB per
 * character of a text dense with links and emphasis (a 5 MB list of {@code - [a](b) *c* `d`} items
 * took 3 s to open and 3 s after each edit, and allocated 2.8 GB), and all it makes besides is text
 * and emphasis, which the lowering does not read.
 *
 * <p>It repeats commonmark 0.32's reading of what it handles, character for character: brackets on a
 * stack, a closing bracket trying the one on top, an inline destination with balanced parentheses
 * (at most 32 deep), a link disallowing every link opener before it, and code spans matched by the
 * length of their backtick runs, and backslash escapes. It reads nothing else, and refuses (adding nothing) a paragraph that
 * holds anything it does not repeat: {@code <} (autolinks, inline HTML, angle destinations), a
 * destination holding {@code &} (entities are decoded in it) or followed by a title,
 * a link whose text holds 200 or more brackets and emphasis characters (commonmark makes no link of a
 * text nesting inlines 100 deep), a line whose content is not its source as written, or a text where
 * link reference definitions may be.
 * {@code MarkdownParserTest} compares the trees with commonmark's on random texts of these characters.
 */
final class SimpleInlines {
    /** Fewer brackets and emphasis characters than this in a link's text cannot nest inlines 100 deep, where commonmark makes no link. */
    private static final int MAX_NESTING_CHARS = 200;
    /** commonmark's limit on parentheses nested in a destination. */
    private static final int MAX_PARENS = 32;
    private static final int NONE = -1;
    private static final int REFUSED = -2;

    private final String content;
    private final int[] lineStarts;
    private final int[] inputStarts;
    private final List<Node> found = new ArrayList<>(4);
    private int[] foundStarts = new int[4];
    /** How many brackets and emphasis characters come before each position; counted when a long link text first needs it. */
    private int[] nestingChars;
    /** The link openers (not images) on the stack below this height may give no link: a link closed above them. */
    private int disallowedBelow;
    /** The destination {@link #inlineDestination} read last. */
    private String destination;

    private SimpleInlines(String content, int[] lineStarts, int[] inputStarts) {
        this.content = content;
        this.lineStarts = lineStarts;
        this.inputStarts = inputStarts;
    }

    /**
     * Appends to {@code paragraph} the links, images and code spans of {@code lines}, each with its
     * source span (and a link's text as one child, where the lowering looks for its closing bracket),
     * and returns true; or returns false, having appended nothing, when the paragraph is not one this
     * reads. Only for a text without link reference definitions.
     */
    static boolean parse(SourceLines lines, Node paragraph) {
        List<SourceLine> all = lines.getLines();
        int[] lineStarts = new int[all.size()];
        int[] inputStarts = new int[all.size()];
        // Most paragraphs are one line: its content is the text, not a copy.
        StringBuilder joined = all.size() == 1 ? null : new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            SourceLine line = all.get(i);
            SourceSpan span = line.getSourceSpan();
            if (span == null || span.getLength() != line.getContent().length()) {
                return false;
            }
            inputStarts[i] = span.getInputIndex();
            if (joined != null) {
                if (i > 0) {
                    joined.append('\n');
                }
                lineStarts[i] = joined.length();
                joined.append(line.getContent());
            }
        }
        String content = joined == null ? all.get(0).getContent().toString() : joined.toString();
        if (!readable(content)) {
            return false;
        }
        SimpleInlines reader = new SimpleInlines(content, lineStarts, inputStarts);
        if (!reader.read()) {
            return false;
        }
        for (Node node : reader.found) {
            paragraph.appendChild(node);
        }
        return true;
    }

    private static boolean readable(String content) {
        return content.indexOf('<') < 0;
    }

    /** ASCII punctuation: what a backslash escapes (commonmark's {@code Escaping} and {@code LinkScanner}). */
    private static boolean escapable(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }

    /**
     * Whether the text of a link from {@code from} to {@code to} may nest inlines 100 deep, where
     * commonmark makes no link of it: each level takes two of its brackets or emphasis characters.
     */
    private boolean mayNestTooDeep(int from, int to) {
        if (to - from < MAX_NESTING_CHARS) {
            return false;
        }
        if (nestingChars == null) {
            // Counted once a paragraph, from its start, so that nested long links do not count again and again.
            nestingChars = new int[content.length() + 1];
            for (int i = 0; i < content.length(); i++) {
                char c = content.charAt(i);
                nestingChars[i + 1] = nestingChars[i] + (c == '[' || c == ']' || c == '*' || c == '_' ? 1 : 0);
            }
        }
        return nestingChars[to] - nestingChars[from] >= MAX_NESTING_CHARS;
    }

    /** One pass, as commonmark's inline parser goes: false when something is met that this does not repeat. */
    private boolean read() {
        List<Bracket> brackets = new ArrayList<>();
        int at = 0;
        while (at < content.length()) {
            char c = content.charAt(at);
            if (c == '[') {
                brackets.add(new Bracket(at, at + 1, false));
                at++;
            } else if (c == '!' && at + 1 < content.length() && content.charAt(at + 1) == '[') {
                brackets.add(new Bracket(at, at + 2, true));
                at += 2;
            } else if (c == ']') {
                int end = closeBracket(brackets, at);
                if (end == REFUSED) {
                    return false;
                }
                at = end;
            } else if (c == '`') {
                at = backticks(at);
            } else if (c == '\\' && at + 1 < content.length() && (escapable(content.charAt(at + 1)) || content.charAt(at + 1) == '\n')) {
                // An escaped character is text (and an escaped line break a hard one): no bracket, backtick or escape.
                at += 2;
            } else {
                at++;
            }
        }
        return true;
    }

    /** The closing bracket at {@code at}: a link or image when the opener on top takes it; where reading goes on. */
    private int closeBracket(List<Bracket> brackets, int at) {
        if (brackets.isEmpty()) {
            return at + 1;
        }
        Bracket opener = brackets.remove(brackets.size() - 1);
        boolean allowed = opener.image() || brackets.size() >= disallowedBelow;
        disallowedBelow = Math.min(disallowedBelow, brackets.size());
        if (!allowed) {
            return at + 1;
        }
        int end = inlineDestination(at + 1);
        if (end == REFUSED || end == NONE) {
            return end == REFUSED ? REFUSED : at + 1;
        }
        if (mayNestTooDeep(opener.contentStart(), at)) {
            return REFUSED;
        }
        Node link = opener.image() ? new Image(destination, null) : new Link(destination, null);
        link.setSourceSpans(span(opener.start(), end));
        if (opener.contentStart() < at) {
            org.commonmark.node.Text text = new org.commonmark.node.Text("");
            text.setSourceSpans(span(opener.contentStart(), at));
            link.appendChild(text);
        }
        add(opener.start(), link);
        if (!opener.image()) {
            // Links within links are not allowed: every link opener before this one will give only text. Marked by
            // where they stand, not one by one: thousands of unclosed brackets before many links made that quadratic.
            disallowedBelow = brackets.size();
        }
        return end;
    }

    /**
     * Where an inline destination that starts with the {@code (} at {@code at} ends (after its
     * {@code )}), with the destination in {@link #destination}; {@link #NONE} when there is none,
     * {@link #REFUSED} when it holds an entity or a title.
     */
    private int inlineDestination(int at) {
        if (at >= content.length() || content.charAt(at) != '(') {
            return NONE;
        }
        int start = skipWhitespace(at + 1);
        if (start >= content.length()) {
            return NONE;
        }
        int end = destinationEnd(start);
        if (end < 0) {
            return NONE;
        }
        int afterSpace = skipWhitespace(end);
        if (afterSpace >= content.length()) {
            return NONE;
        }
        char next = content.charAt(afterSpace);
        if (afterSpace > end && (next == '"' || next == '\'' || next == '(')) {
            return REFUSED;
        }
        if (next != ')') {
            return NONE;
        }
        destination = unescaped(content.substring(start, end));
        return destination == null ? REFUSED : afterSpace + 1;
    }

    /** A destination as commonmark gives it, its escapes taken out; null when it holds an entity (which it decodes). */
    private static String unescaped(String raw) {
        if (raw.indexOf('&') >= 0) {
            return null;
        }
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder plain = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && escapable(raw.charAt(i + 1))) {
                c = raw.charAt(++i);
            }
            plain.append(c);
        }
        return plain.toString();
    }

    /** The end of a destination without angle brackets that starts at {@code start}, or -1 (commonmark's {@code LinkScanner}). */
    private int destinationEnd(int start) {
        int parens = 0;
        boolean empty = true;
        int at = start;
        while (at < content.length()) {
            char c = content.charAt(at);
            if (c == ' ' || c != '(' && c != ')' && Character.isISOControl(c)) {
                return !empty && parens == 0 ? at : -1;
            }
            if (c == '\\') {
                // An escaped character is the destination's, whatever it is.
                if (at + 1 < content.length() && escapable(content.charAt(at + 1))) {
                    at++;
                }
            } else if (c == '(') {
                parens++;
                if (parens > MAX_PARENS) {
                    return -1;
                }
            } else if (c == ')') {
                if (parens == 0) {
                    return at;
                }
                parens--;
            }
            at++;
            empty = false;
        }
        return parens == 0 ? at : -1;
    }

    /** Past the space, tab, line break, vertical tab, form feed and carriage return at {@code at} (commonmark's {@code Scanner.whitespace}). */
    private int skipWhitespace(int at) {
        while (at < content.length()) {
            char c = content.charAt(at);
            if (c != ' ' && (c < '\t' || c > '\r')) {
                break;
            }
            at++;
        }
        return at;
    }

    /** A run of backticks at {@code at}: a code span to the next run as long, else the run as text; where reading goes on. */
    private int backticks(int at) {
        int afterOpening = runEnd(at);
        int length = afterOpening - at;
        int search = afterOpening;
        while (true) {
            int closing = content.indexOf('`', search);
            if (closing < 0) {
                return afterOpening;
            }
            int afterClosing = runEnd(closing);
            if (afterClosing - closing == length) {
                Code code = new Code("");
                code.setSourceSpans(span(at, afterClosing));
                add(at, code);
                return afterClosing;
            }
            search = afterClosing;
        }
    }

    private int runEnd(int at) {
        while (at < content.length() && content.charAt(at) == '`') {
            at++;
        }
        return at;
    }

    /**
     * Adds a node found, keeping them in the order of where they start, which is the order of a walk
     * of commonmark's tree: a link closes after the image or code span in its text, and goes before them.
     */
    private void add(int start, Node node) {
        int at = found.size();
        while (at > 0 && foundStarts[at - 1] > start) {
            at--;
        }
        if (found.size() == foundStarts.length) {
            foundStarts = java.util.Arrays.copyOf(foundStarts, foundStarts.length * 2);
        }
        System.arraycopy(foundStarts, at, foundStarts, at + 1, found.size() - at);
        foundStarts[at] = start;
        found.add(at, node);
    }

    /**
     * One span from {@code from} to {@code to} of the content, at the source's positions: the lowering
     * reads only where a node starts and ends, so a node over several lines gets one span, not one per line.
     */
    private List<SourceSpan> span(int from, int to) {
        int input = input(from);
        return List.of(SourceSpan.of(0, 0, input, input(to - 1) + 1 - input));
    }

    private int input(int offset) {
        if (lineStarts.length == 1) {
            return inputStarts[0] + offset;
        }
        int line = java.util.Arrays.binarySearch(lineStarts, offset);
        if (line < 0) {
            line = -line - 2;
        }
        return inputStarts[line] + offset - lineStarts[line];
    }

    /** An opening {@code [} or {@code ![}: where it starts and where its text starts. */
    private record Bracket(int start, int contentStart, boolean image) {
    }
}
