package org.logbookls.model;

import java.util.List;
import java.util.Optional;
import org.logbookls.text.TextRange;

/**
 * The logbook model of one Markdown document: what its author meant, lowered from Markdown.
 *
 * <p>Immutable; every range is a UTF-16 offset range into the document text. Built by
 * {@link LogbookBuilder}, which never fails: a file that is not a logbook still gets a model, with
 * {@code detection.logbook()} false. {@code preamble} is the text before the first entry.
 * {@code conventions} records how the file writes numeric dates and which way its entries run.
 */
public record Logbook(
        Detection detection,
        TextRange preamble,
        List<Entry> entries,
        Optional<Template> template,
        List<Reference> references,
        List<Tag> tags,
        List<TagDeclaration> tagDeclarations,
        DateConventions conventions,
        List<Suppression> suppressions) {
    public Logbook {
        entries = List.copyOf(entries);
        references = List.copyOf(references);
        tags = List.copyOf(tags);
        tagDeclarations = List.copyOf(tagDeclarations);
        suppressions = List.copyOf(suppressions);
    }
}
