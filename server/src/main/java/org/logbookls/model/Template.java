package org.logbookls.model;

import java.util.List;
import org.logbookls.text.TextRange;

/**
 * The shape the logbook asks its entries to take, read from the logbook itself: an
 * "Instructions"/"Template" part, or an example entry kept in an HTML comment.
 *
 * <p>Immutable. {@code sections} are in the template's order.
 */
public record Template(Origin origin, TextRange range, List<TemplateSection> sections) {
    public Template {
        sections = List.copyOf(sections);
    }

    /** This template written {@code delta} characters later. */
    public Template shift(int delta) {
        return new Template(origin, range.shift(delta), sections);
    }

    /** Where the template was found. */
    public enum Origin { INSTRUCTIONS, COMMENT }

    /** One section the template asks for, with the label style it uses. */
    public record TemplateSection(String label, SectionStyle style, int level) {
    }
}
