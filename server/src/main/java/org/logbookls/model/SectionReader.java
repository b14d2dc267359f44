package org.logbookls.model;

import static org.logbookls.model.Chars.isRegexSpace;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.logbookls.syntax.Block;
import org.logbookls.syntax.BlockKind;
import org.logbookls.syntax.MaskedText;
import org.logbookls.syntax.SyntaxTree;
import org.logbookls.text.LineIndex;
import org.logbookls.text.Text;
import org.logbookls.text.TextRange;

/**
 * Finds the labelled sections of one entry (or of a template).
 *
 * <p>Sub-headings are always sections. {@code Label:} lines, bold labels and labelled list items
 * are sections only when the label is one the logbook knows (a family term or a template label),
 * or — reading a template — when {@code anyLabel} is set, so that "Accuracy [val]: 66 %" is never
 * taken for a section.
 */
final class SectionReader {
    private static final Pattern TAGS = Pattern.compile("<!--.*?-->|<[^>\\n]*>", Pattern.DOTALL);
    private static final int MAX_LABEL_LENGTH = 60;
    private static final int LABEL_RANK = 10;

    private final SyntaxTree tree;
    private final SectionLabels labels;
    private final boolean anyLabel;

    SectionReader(SyntaxTree tree, SectionLabels labels, boolean anyLabel) {
        this.tree = tree;
        this.labels = labels;
        this.anyLabel = anyLabel;
    }

    /** Where {@code part} starts at or after {@code from}, ending by {@code to}; -1 when it does not. */
    private static int indexOf(CharSequence text, String part, int from, int to) {
        if (part.length() == 1) {
            // The label's colon, looked for on nearly every line of a logbook: one comparison per
            // character, not a call, which is what the first logbooks read on a fresh JVM run.
            return Chars.indexOf(text, part.charAt(0), from, to);
        }
        int last = Math.min(to, text.length()) - part.length();
        for (int i = from; i <= last; i++) {
            if (Chars.startsWith(text, part, i)) {
                return i;
            }
        }
        return -1;
    }

    /** The sections of the text between {@code bodyStart} and {@code end}, in order, with their contents. */
    List<Section> read(int bodyStart, int end, int firstBlock) {
        MaskedText masked = tree.maskedText();
        List<Found> found = new ArrayList<>();
        List<Block> blocks = tree.blocks();
        for (int i = firstBlock; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (block.start() >= end) {
                break;
            }
            if (block.start() < bodyStart) {
                continue;
            }
            if (block.kind().isHeading() && block.depth() == 0) {
                TextRange title = HeadingReader.trim(masked, block.content());
                String label = stripLabel(title.of(tree.text()));
                if (!label.isEmpty()) {
                    found.add(new Found(label, title, block.end(), SectionStyle.HEADING, block.level()));
                }
            } else if (block.kind() == BlockKind.PARAGRAPH && block.depth() == 0) {
                int lineStart = block.start();
                while (lineStart < block.end()) {
                    int lineEnd = LineIndex.endOfLine(masked, lineStart, block.end());
                    label(masked, lineStart, lineEnd, false).ifPresent(found::add);
                    lineStart = lineEnd + 1;
                }
            } else if (block.kind() == BlockKind.LIST_ITEM && block.depth() <= 1) {
                int start = block.content().start();
                label(masked, start, LineIndex.endOfLine(masked, start, block.end()), true).ifPresent(found::add);
            }
        }
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Found section = found.get(i);
            int rank = section.style == SectionStyle.HEADING ? section.level : LABEL_RANK;
            int contentEnd = end;
            for (int j = i + 1; j < found.size(); j++) {
                Found next = found.get(j);
                int nextRank = next.style == SectionStyle.HEADING ? next.level : LABEL_RANK;
                if (nextRank <= rank) {
                    contentEnd = next.labelRange.start();
                    break;
                }
            }
            int contentStart = Math.min(section.contentStart, contentEnd);
            TextRange content = TextRange.of(contentStart, contentEnd);
            sections.add(new Section(StringPool.shared(section.label), section.labelRange, content, section.style, section.level,
                    isEmpty(tree.text(), content)));
        }
        return sections;
    }

    private record Found(String label, TextRange labelRange, int contentStart, SectionStyle style, int level) {
    }

    private java.util.Optional<Found> label(MaskedText masked, int lineStart, int lineEnd, boolean listItem) {
        int p = lineStart;
        while (p < lineEnd && (masked.charAt(p) == ' ' || masked.charAt(p) == '\t')) {
            p++;
        }
        if (p >= lineEnd) {
            return java.util.Optional.empty();
        }
        SectionStyle style = listItem ? SectionStyle.LIST_ITEM : SectionStyle.LABEL_LINE;
        if (masked.startsWith("**", p) || masked.startsWith("__", p)) {
            String delimiter = masked.substring(p, p + 2);
            // Searched within the line only: searching the rest of the text from every line that
            // opens "**" and never closes it made a long logbook quadratic.
            int close = indexOf(masked, delimiter, p + 2, Math.min(lineEnd, p + 2 + MAX_LABEL_LENGTH));
            if (close < 0 || close > lineEnd || close - p > MAX_LABEL_LENGTH) {
                return java.util.Optional.empty();
            }
            String inner = masked.substring(p + 2, close);
            String label = stripLabel(inner);
            int contentStart = close + 2;
            if (contentStart < lineEnd && masked.charAt(contentStart) == ':') {
                contentStart++;
            }
            boolean hasColon = inner.strip().endsWith(":") || contentStart > close + 2;
            if (!accept(label, hasColon)) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Found(label, TextRange.of(p, close + 2), contentStart,
                    listItem ? SectionStyle.LIST_ITEM : SectionStyle.BOLD_LABEL, 0));
        }
        if (!Character.isLetter(masked.charAt(p))) {
            return java.util.Optional.empty();
        }
        int colon = indexOf(masked, ":", p, Math.min(lineEnd, p + MAX_LABEL_LENGTH + 1));
        if (colon < 0 || colon >= lineEnd || colon - p > MAX_LABEL_LENGTH) {
            return java.util.Optional.empty();
        }
        if (colon + 1 < lineEnd && !Character.isWhitespace(masked.charAt(colon + 1))) {
            return java.util.Optional.empty();
        }
        String label = masked.substring(p, colon).strip();
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!(Character.isLetter(c) || c == ' ' || c == '&' || c == '\'' || c == '’' || c == '(' || c == ')' || c == '/' || c == '-')) {
                return java.util.Optional.empty();
            }
        }
        if (splitLength(label) > 6 || !accept(label, true)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Found(label, TextRange.of(p, colon + 1), colon + 1, style, 0));
    }

    private boolean accept(String label, boolean hasColon) {
        if (label.isEmpty()) {
            return false;
        }
        if (labels.isKnown(label)) {
            return true;
        }
        return anyLabel && (hasColon || splitLength(label) <= 5);
    }

    /** The label text without markup and a trailing colon. */
    static String stripLabel(String raw) {
        String label = raw.strip();
        boolean changed = true;
        while (changed && !label.isEmpty()) {
            changed = false;
            for (String markup : new String[] {"**", "__", "*", "_", "~~"}) {
                if (label.startsWith(markup) && label.endsWith(markup) && label.length() >= 2 * markup.length()) {
                    label = label.substring(markup.length(), label.length() - markup.length()).strip();
                    changed = true;
                }
            }
            if (label.endsWith(":")) {
                label = label.substring(0, label.length() - 1).strip();
                changed = true;
            }
        }
        return label;
    }

    /**
     * What {@code text.split("\\s+").length} is, counted: the split compiled its pattern for every
     * label of every line, a fifth of what building a long logbook allocated. A leading run of white
     * space gives an empty first word; a text of white space only gives none.
     */
    static int splitLength(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = isRegexSpace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        if (words == 0) {
            return text.isEmpty() ? 1 : 0;
        }
        return isRegexSpace(text.charAt(0)) ? words + 1 : words;
    }


    /** {@link #isEmpty(String)} of {@code range} of {@code text}, without copying it when it holds no markup. */
    static boolean isEmpty(Text text, TextRange range) {
        for (int i = range.start(); i < range.end(); i++) {
            if (text.charAt(i) == '<') {
                return isEmpty(range.of(text));
            }
        }
        for (int i = range.start(); i < range.end(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '!' && i + 1 < range.end() && text.charAt(i + 1) == '[') {
                return false;
            }
        }
        return true;
    }

    /** A section is empty when nothing but white space, markup separators and comments is in it. */
    static boolean isEmpty(String content) {
        String withoutMarkup = TAGS.matcher(content).replaceAll(" ");
        if (withoutMarkup.contains("![")) {
            return false;
        }
        for (int i = 0; i < withoutMarkup.length(); i++) {
            if (Character.isLetterOrDigit(withoutMarkup.charAt(i))) {
                return false;
            }
        }
        return true;
    }

}
