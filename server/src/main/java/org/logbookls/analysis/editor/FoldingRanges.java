package org.logbookls.analysis.editor;

import java.util.ArrayList;
import java.util.List;
import org.logbookls.model.Entry;
import org.logbookls.model.Logbook;
import org.logbookls.model.Section;
import org.logbookls.syntax.SyntaxTree;
import org.logbookls.text.LineIndex;
import org.logbookls.text.TextRange;

/** Folding ranges: entries, their sections, front matter and multi-line comments. */
public final class FoldingRanges {
    private FoldingRanges() {
    }

    /** What a fold is. */
    public enum Kind { ENTRY, SECTION, FRONT_MATTER, COMMENT }

    /** Lines {@code startLine} to {@code endLine} (0-based, inclusive) fold into the first. Immutable. */
    public record Fold(int startLine, int endLine, Kind kind) {
    }

    public static List<Fold> of(Logbook logbook, SyntaxTree tree, LineIndex lines) {
        List<Fold> folds = new ArrayList<>();
        tree.frontMatter().ifPresent(frontMatter -> add(folds, lines, frontMatter.range(), Kind.FRONT_MATTER));
        for (Entry entry : logbook.entries()) {
            add(folds, lines, entry.range(), Kind.ENTRY);
            for (Section section : entry.sections()) {
                add(folds, lines, TextRange.of(section.labelRange().start(), section.content().end()), Kind.SECTION);
            }
        }
        for (SyntaxTree.HtmlComment comment : tree.htmlComments()) {
            add(folds, lines, comment.range(), Kind.COMMENT);
        }
        folds.sort((a, b) -> a.startLine() != b.startLine() ? Integer.compare(a.startLine(), b.startLine())
                : Integer.compare(b.endLine(), a.endLine()));
        return folds;
    }

    /** A fold ends on the last line with text, so blank lines between entries stay visible. */
    private static void add(List<Fold> folds, LineIndex lines, TextRange range, Kind kind) {
        int start = lines.lineOf(range.start());
        int end = lines.lineOf(Math.max(range.start(), range.end() - 1));
        while (end > start && lines.lineText(end).isBlank()) {
            end--;
        }
        if (end > start) {
            folds.add(new Fold(start, end, kind));
        }
    }
}
