package org.logbookls.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.logbookls.model.Template.Origin;
import org.logbookls.model.Template.TemplateSection;
import org.logbookls.syntax.Block;
import org.logbookls.syntax.BlockKind;
import org.logbookls.syntax.MarkdownParser;
import org.logbookls.syntax.SyntaxTree;
import org.logbookls.syntax.SyntaxTree.HtmlComment;
import org.logbookls.text.LineIndex;
import org.logbookls.text.SplicedList;
import org.logbookls.text.Text;
import org.logbookls.text.TextRange;

/**
 * Reads the template a logbook states for its own entries.
 *
 * <p>Two places are understood, whichever comes first in the file: a part headed
 * "Instructions"/"Template"/"Entry format" whose list items or sub-headings name sections (only
 * items that name a known section count, since instructions are prose), and an HTML comment
 * holding an example entry, recognised by a heading that says "Template" or carries a date
 * placeholder ({@code [eXXXX]}, {@code DDD - MMMM DD, YYYY}); every label in such an example counts.
 */
final class TemplateReader {
    /** The heading must be about the template itself: "Instructions", "Entry template", "How to log". */
    static final Pattern INSTRUCTIONS = Pattern.compile(
            "(?i)^\\W*(?:the |our |my )?(?:instructions?|templates?|(?:entry|log|logbook) (?:template|format)|format of an entry|"
                    + "how to (?:write|log|use)\\b.*)\\W*$");
    private static final Pattern COMMENT_HEADING = Pattern.compile(
            "(?m)^ {0,3}#{1,6}\\s.*(?:(?i:template)|XXXX|YYYY|MMMM|\\bDD\\b)");
    private static final Pattern COMMENT_TITLE = Pattern.compile("(?i)^\\s*(-\\s*)?template\\b");

    private TemplateReader() {
    }

    static Optional<Template> read(SyntaxTree tree, SectionLabels labels, List<TextRange> entryHeadings, int entryLevel) {
        Optional<Template> instructions = fromInstructions(tree, labels, entryHeadings, entryLevel);
        Optional<Template> comment = fromComments(tree, labels);
        if (instructions.isPresent() && comment.isPresent()) {
            return instructions.get().range().start() <= comment.get().range().start() ? instructions : comment;
        }
        return instructions.isPresent() ? instructions : comment;
    }

    private static Optional<Template> fromInstructions(SyntaxTree tree, SectionLabels labels, List<TextRange> entryHeadings,
            int entryLevel) {
        List<Block> blocks = tree.blocks();
        // Searched, not scanned (50,000 entries made the scan quadratic) and not put in a set: a logbook's
        // title ("Experiment journal") passes the cheap checks, and hashing 10,000 entry headings for it was
        // a tenth of a build.
        List<SyntaxTree.Heading> headings = tree.headings();
        for (int h = 0; h < headings.size(); h++) {
            // Unmoved: after an edit, reading each heading as it is now would move every one behind it.
            Block unmoved = SplicedList.unmoved(headings, h).block();
            int move = SplicedList.moveAt(headings, h);
            // A template is a part of the logbook, not a sub-heading inside one entry.
            if (unmoved.depth() != 0 || unmoved.level() > entryLevel
                    || !mayBeInstructions(tree.text(), unmoved.content().start() + move, unmoved.content().end() + move)) {
                continue;
            }
            Block heading = headings.get(h).block();
            if (isEntryHeading(entryHeadings, heading.range())) {
                continue;
            }
            String title = heading.content().of(tree.text());
            if (!INSTRUCTIONS.matcher(title.strip()).matches()) {
                continue;
            }
            int end = tree.text().length();
            List<TemplateSection> sections = new ArrayList<>();
            for (int j = tree.indexOf(heading) + 1; j < blocks.size(); j++) {
                Block block = blocks.get(j);
                boolean entry = block.kind().isHeading() && isEntryHeading(entryHeadings, block.range());
                if (block.kind().isHeading() && block.depth() == 0 && block.level() <= heading.level() || entry) {
                    end = block.start();
                    break;
                }
                if (block.kind().isHeading() && block.depth() == 0) {
                    add(sections, SectionReader.stripLabel(block.content().of(tree.text())), SectionStyle.HEADING, block.level());
                } else if (block.kind() == BlockKind.LIST_ITEM) {
                    itemLabel(tree.text(), block, labels).ifPresent(label -> add(sections, label, SectionStyle.LIST_ITEM, 0));
                }
            }
            if (!sections.isEmpty()) {
                return Optional.of(new Template(Origin.INSTRUCTIONS, TextRange.of(heading.range().start(), end), sections));
            }
        }
        return Optional.empty();
    }

    /**
     * False when {@code title} cannot match {@link #INSTRUCTIONS}: its first word character (what
     * {@code \W*} stops at) does not start one of the words the expression allows first. Every
     * heading is looked at after every edit; this spares most a substring and a matcher
     * ({@code PrefilterTest}).
     */
    /** Whether {@code range} is one of the entry headings (in document order). */
    private static boolean isEntryHeading(List<TextRange> entryHeadings, TextRange range) {
        int index = SplicedList.firstAtOrAfter(entryHeadings, TextRange::start, range.start());
        return index < entryHeadings.size() && entryHeadings.get(index).equals(range);
    }

    static boolean mayBeInstructions(Text text, TextRange title) {
        return mayBeInstructions(text, title.start(), title.end());
    }

    private static boolean mayBeInstructions(Text text, int start, int end) {
        for (int at = start; at < end; at++) {
            char c = text.charAt(at);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
                return "tomielfhTOMIELFH".indexOf(c) >= 0;
            }
        }
        return false;
    }

    /** "Context of why changes were necessary (Analysis…)" names the Context section. */
    private static Optional<String> itemLabel(Text text, Block item, SectionLabels labels) {
        int start = item.content().start();
        int end = LineIndex.endOfLine(text, start, item.range().end());
        String line = SectionReader.stripLabel(text.substring(start, end));
        int cut = line.length();
        for (char stop : new char[] {':', '(', '—', '–'}) {
            int at = line.indexOf(stop);
            if (at > 0) {
                cut = Math.min(cut, at);
            }
        }
        String candidate = line.substring(0, cut).strip();
        if (candidate.isEmpty() || !labels.isKnown(candidate)) {
            return Optional.empty();
        }
        String[] words = candidate.split("\\s+");
        // Keep the shortest leading run of words that is itself a known label.
        for (int n = 1; n <= words.length; n++) {
            String prefix = String.join(" ", java.util.Arrays.copyOf(words, n));
            if (labels.isKnown(prefix) && labels.families(prefix).equals(labels.families(candidate))) {
                return Optional.of(prefix);
            }
        }
        return Optional.of(candidate);
    }

    private static Optional<Template> fromComments(SyntaxTree tree, SectionLabels labels) {
        for (HtmlComment comment : tree.htmlComments()) {
            String inner = comment.inner().of(tree.text());
            boolean headed = COMMENT_HEADING.matcher(inner).find();
            if (!headed && !COMMENT_TITLE.matcher(inner).find()) {
                continue;
            }
            SyntaxTree example = MarkdownParser.parse(inner);
            Optional<Block> entryHeading = example.blocks().stream()
                    .filter(block -> block.kind().isHeading() && block.depth() == 0)
                    .findFirst();
            if (entryHeading.isEmpty()) {
                continue;
            }
            int bodyStart = entryHeading.get().range().end();
            SectionReader reader = new SectionReader(example, labels, true);
            List<TemplateSection> sections = new ArrayList<>();
            for (Section section : reader.read(bodyStart, inner.length(), 0)) {
                add(sections, section.label(), section.style(), section.level());
            }
            if (!sections.isEmpty()) {
                return Optional.of(new Template(Origin.COMMENT, comment.range(), sections));
            }
        }
        return Optional.empty();
    }

    private static void add(List<TemplateSection> sections, String label, SectionStyle style, int level) {
        String normalised = SectionLabels.normalize(label);
        if (normalised.isEmpty()) {
            return;
        }
        for (TemplateSection existing : sections) {
            if (SectionLabels.normalize(existing.label()).equals(normalised)) {
                return;
            }
        }
        sections.add(new TemplateSection(label, style, level));
    }
}
