package org.logbookls.model;

import java.util.List;
import java.util.Optional;
import org.logbookls.text.SplicedList;
import org.logbookls.text.TextRange;

/**
 * The logbook model of one Markdown document: what its author meant, lowered from Markdown.
 *
 * <p>Immutable; every range is a UTF-16 offset range into the document text. Built by
 * {@link LogbookBuilder}, which never fails: a file that is not a logbook still gets a model, with
 * {@code detection.logbook()} false. {@code preamble} is the text before the first entry.
 * {@code conventions} records how the file writes numeric dates and which way its entries run.
 * {@code references} are the ID-shaped words written in this logbook's own ID schemes;
 * {@code idTokens} are all ID-shaped words, so that IDs defined in other logbooks can be recognised
 * too. {@code anchors} are the headings a link can point to, and {@code slugs} their GitHub slugs,
 * index for index (made when first read, {@link HeadingSlugs}).
 */
public record Logbook(
        Detection detection,
        TextRange preamble,
        List<Entry> entries,
        Optional<Template> template,
        List<Reference> references,
        List<Reference> idTokens,
        java.util.Set<IdScheme> schemes,
        List<Link> links,
        List<Anchor> anchors,
        List<String> slugs,
        List<Tag> tags,
        List<TagDeclaration> tagDeclarations,
        DateConventions conventions,
        List<Suppression> suppressions) {
    public Logbook {
        // After an edit, the lists are spliced from the old model's (SplicedList); copying would move every item.
        entries = SplicedList.frozen(entries);
        references = SplicedList.frozen(references);
        idTokens = SplicedList.frozen(idTokens);
        schemes = java.util.Set.copyOf(schemes);
        links = SplicedList.frozen(links);
        anchors = SplicedList.frozen(anchors);
        tags = SplicedList.frozen(tags);
        tagDeclarations = SplicedList.frozen(tagDeclarations);
        suppressions = SplicedList.frozen(suppressions);
    }
}
