package org.logbookls.analysis.navigation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.logbookls.model.Entry;
import org.logbookls.model.EntryDate;
import org.logbookls.model.IdDefinition;
import org.logbookls.model.Link;
import org.logbookls.model.Logbook;
import org.logbookls.model.Reference;
import org.logbookls.model.Tag;
import org.logbookls.model.TagDeclaration;
import org.logbookls.text.Text;
import org.logbookls.text.TextRange;
import org.logbookls.workspace.WorkspaceIndex;

/**
 * What the cursor is on: an experiment ID (defined or referenced), a tag (used or declared), a
 * local link, or an entry's date. Shared by definition, references, hover and rename.
 */
public sealed interface Target {
    /** An experiment ID; {@code range} is the ID itself, even inside a range such as {@code e0033-e0034}. */
    record Id(String id, TextRange range, boolean definition) implements Target {
    }

    /** A tag; {@code name} has no {@code #}; {@code range} covers the name only. */
    record TagName(String name, TextRange range, boolean declaration) implements Target {
    }

    /** A relative link or {@code #anchor}. */
    record LocalLink(Link link) implements Target {
    }

    /** The date of an entry's heading. */
    record Date(Entry entry, EntryDate date) implements Target {
    }

    Pattern ID_TOKEN = Pattern.compile("[A-Za-z]{1,8}[-_]?\\d{1,6}");

    static Optional<Target> at(Logbook logbook, WorkspaceIndex index, Text text, int offset) {
        for (Entry entry : logbook.entries()) {
            if (entry.heading().start() > offset) {
                break;
            }
            for (IdDefinition id : entry.ids()) {
                if (id.range().touches(offset)) {
                    Optional<TextRange> token = tokenAt(text, id.range(), offset);
                    if (token.isPresent()) {
                        return Optional.of(new Id(token.get().of(text), token.get(), true));
                    }
                }
            }
            if (entry.date().isPresent() && entry.heading().contains(entry.date().get().range())
                    && entry.date().get().range().touches(offset)) {
                return Optional.of(new Date(entry, entry.date().get()));
            }
        }
        for (Reference token : logbook.idTokens()) {
            if (token.range().touches(offset) && (index.isId(token.id()) || logbook.references().contains(token))) {
                return Optional.of(new Id(token.id(), token.range(), false));
            }
        }
        for (Tag tag : logbook.tags()) {
            if (tag.range().touches(offset)) {
                return Optional.of(new TagName(tag.name(), TextRange.of(tag.range().start() + 1, tag.range().end()), false));
            }
        }
        for (TagDeclaration declaration : logbook.tagDeclarations()) {
            if (declaration.range().touches(offset) && declaration.range().length() == declaration.name().length() + 1) {
                TextRange name = TextRange.of(declaration.range().start() + 1, declaration.range().end());
                return Optional.of(new TagName(declaration.name(), name, true));
            }
        }
        for (Link link : logbook.links()) {
            if (link.local() && link.range().touches(offset)) {
                return Optional.of(new LocalLink(link));
            }
        }
        return Optional.empty();
    }

    /** The single ID token of an ID list or range that contains {@code offset}. */
    private static Optional<TextRange> tokenAt(Text text, TextRange list, int offset) {
        Matcher matcher = ID_TOKEN.matcher(text).region(list.start(), list.end());
        while (matcher.find()) {
            if (matcher.start() <= offset && offset <= matcher.end()) {
                return Optional.of(TextRange.of(matcher.start(), matcher.end()));
            }
        }
        return Optional.empty();
    }
}
