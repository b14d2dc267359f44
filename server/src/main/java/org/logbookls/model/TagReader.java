package org.logbookls.model;

import static org.logbookls.model.Chars.isRegexSpace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.logbookls.syntax.Block;
import org.logbookls.syntax.BlockKind;
import org.logbookls.syntax.FrontMatter;
import org.logbookls.syntax.MaskedText;
import org.logbookls.syntax.SyntaxTree;
import org.logbookls.text.LineIndex;
import org.logbookls.text.SplicedList;
import org.logbookls.text.Text;
import org.logbookls.text.TextRange;

/**
 * Reads {@code #tags} and the logbook's declarations of them.
 *
 * <p>Look-alikes are not tags: headings ({@code # Title}), numbers ({@code Try #1}), colours
 * ({@code #E7CF6FFF}), escapes ({@code \#Deploy2}), block references ({@code #^2f2506}),
 * assignments ({@code #epochs = 30}), preprocessor lines ({@code #include}) and anything in code,
 * which the syntax layer has already masked.
 */
final class TagReader {
    private static final Pattern TAG = Pattern.compile("#([\\p{L}][\\p{L}\\p{N}_/-]*)");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{3}|[0-9A-Fa-f]{4}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8}");
    private static final Set<String> PREPROCESSOR = Set.of("include", "define", "ifdef", "ifndef", "endif", "pragma",
            "undef", "elif", "else", "if", "error", "import", "region", "endregion");
    private static final int LONGEST_PREPROCESSOR = PREPROCESSOR.stream().mapToInt(String::length).max().orElse(0);
    static final Pattern KEY_HEADING = Pattern.compile("(?i)^\\s*(key|keys|tags?|legend|tag key|labels)\\s*:?\\s*$");
    private static final Pattern DECLARATION = Pattern.compile("^#([\\p{L}][\\p{L}\\p{N}_/-]*)\\s*(?:[-–—:]\\s*)?(.*)$");

    private TagReader() {
    }

    static List<Tag> tags(MaskedText masked) {
        return tags(masked, 0, masked.length());
    }

    /** The tags on the lines in {@code [from, to)} (line starts, or the text's end). */
    static List<Tag> tags(MaskedText masked, int from, int to) {
        List<Tag> tags = new ArrayList<>();
        Matcher matcher = TAG.matcher(masked);
        // The pattern is tried only where a '#' starts a word and a letter follows it: tried at every offset
        // (and at every heading's "##"), it took 8 ms of opening a 10,000-entry logbook; now 2 ms.
        // A tag's name holds no '#', so no tag starts inside another, as with a find() from one to the next.
        for (int start = masked.indexOf('#', from, to); start >= 0; start = masked.indexOf('#', start + 1, to)) {
            if (start > 0) {
                char before = masked.charAt(start - 1);
                if (!(Character.isWhitespace(before) || before == '(' || before == '[' || before == ',' || before == ';')) {
                    continue;
                }
            }
            // Most '#' start a heading's "##" or a number ("#12"): the pattern needs a letter next.
            char next = start + 1 < to ? masked.charAt(start + 1) : ' ';
            if (!Character.isLetter(next) && !Character.isSurrogate(next) || !matcher.region(start, to).lookingAt()) {
                continue;
            }
            String name = trimName(matcher.group(1));
            int end = start + 1 + name.length();
            if (name.length() <= LONGEST_PREPROCESSOR && PREPROCESSOR.contains(name.toLowerCase(Locale.ROOT)) || isColour(name)
                    || isAssignment(masked, end)) {
                continue;
            }
            tags.add(new Tag(StringPool.shared(name), TextRange.of(start, end)));
        }
        return tags;
    }

    /** The declarations of a document, and whether any heading of it is a tag-key heading (with items or not). */
    record Declarations(List<TagDeclaration> list, boolean keyHeadings) {
    }

    static List<TagDeclaration> declarations(SyntaxTree tree) {
        return read(tree).list();
    }

    /**
     * True when a heading of {@code tree} in {@code [from, to)} is a tag-key heading. After an edit of
     * that region in a document without one, the declarations are still those of its front matter.
     */
    static boolean keyHeadingIn(SyntaxTree tree, int from, int to) {
        List<SyntaxTree.Heading> headings = tree.headings();
        Text text = tree.text();
        for (int h = tree.firstHeadingFrom(from); h < headings.size(); h++) {
            Block heading = headings.get(h).block();
            if (heading.range().start() >= to) {
                break;
            }
            if (mayBeKeyHeading(text, heading.content()) && KEY_HEADING.matcher(heading.content().of(text)).matches()) {
                return true;
            }
        }
        return false;
    }

    static Declarations read(SyntaxTree tree) {
        boolean keyHeadings = false;
        List<TagDeclaration> declarations = new ArrayList<>();
        tree.frontMatter().ifPresent(frontMatter -> fromFrontMatter(frontMatter, declarations));
        List<Block> blocks = tree.blocks();
        Text text = tree.text();
        List<SyntaxTree.Heading> headings = tree.headings();
        for (int h = 0; h < headings.size(); h++) {
            // Unmoved: after an edit, reading each heading as it is now would move every one behind it.
            TextRange title = SplicedList.unmoved(headings, h).block().content();
            int move = SplicedList.moveAt(headings, h);
            if (!mayBeKeyHeading(text, title.start() + move, title.end() + move)) {
                continue;
            }
            Block heading = headings.get(h).block();
            if (!KEY_HEADING.matcher(heading.content().of(text)).matches()) {
                continue;
            }
            keyHeadings = true;
            for (int j = tree.indexOf(heading) + 1; j < blocks.size(); j++) {
                Block block = blocks.get(j);
                if (block.kind().isHeading() && block.level() <= heading.level()) {
                    break;
                }
                if (block.kind() != BlockKind.LIST_ITEM) {
                    continue;
                }
                int start = block.content().start();
                int end = LineIndex.endOfLine(text, start, block.end());
                Matcher declaration = DECLARATION.matcher(text.substring(start, end));
                if (declaration.matches()) {
                    String name = trimName(declaration.group(1));
                    declarations.add(new TagDeclaration(name, declaration.group(2).strip(),
                            TextRange.of(start, start + 1 + name.length()), true));
                }
            }
        }
        return new Declarations(declarations, keyHeadings);
    }

    /**
     * False when {@code title} cannot match {@link #KEY_HEADING}: its first character after white
     * space does not start one of the key words. Every heading of a long logbook is looked at after
     * every edit; this spares most of them a substring and a matcher ({@code PrefilterTest}).
     */
    static boolean mayBeKeyHeading(Text text, TextRange title) {
        return mayBeKeyHeading(text, title.start(), title.end());
    }

    private static boolean mayBeKeyHeading(Text text, int start, int end) {
        int at = start;
        while (at < end && isRegexSpace(text.charAt(at))) {
            at++;
        }
        return at < end && "kKtTlL".indexOf(text.charAt(at)) >= 0;
    }


    private static void fromFrontMatter(FrontMatter frontMatter, List<TagDeclaration> declarations) {
        for (FrontMatter.FrontMatterValue value : frontMatter.all("tags")) {
            String name = value.text().startsWith("#") ? value.text().substring(1) : value.text();
            if (!name.isBlank()) {
                declarations.add(new TagDeclaration(name, "", value.range(), false));
            }
        }
    }

    private static String trimName(String name) {
        int end = name.length();
        while (end > 0 && (name.charAt(end - 1) == '-' || name.charAt(end - 1) == '/' || name.charAt(end - 1) == '_')) {
            end--;
        }
        return name.substring(0, end);
    }

    private static boolean isColour(String name) {
        // The lengths HEX accepts, checked first: most tags are words, and the pattern is a matcher per tag.
        int length = name.length();
        if (length != 3 && length != 4 && length != 6 && length != 8 || !HEX.matcher(name).matches()) {
            return false;
        }
        boolean digit = name.chars().anyMatch(Character::isDigit);
        boolean upper = name.equals(name.toUpperCase(Locale.ROOT));
        return digit || upper;
    }

    private static boolean isAssignment(CharSequence text, int end) {
        int p = end;
        while (p < text.length() && text.charAt(p) == ' ') {
            p++;
        }
        return p < text.length() && text.charAt(p) == '=' && (p + 1 >= text.length() || text.charAt(p + 1) != '=');
    }
}
