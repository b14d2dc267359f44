package org.logbookls.syntax;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.logbookls.text.TextRange;

/**
 * A YAML (or TOML) front matter block at the top of a file, read as flat keys.
 *
 * <p>Immutable. Only the subset logbooks use is understood: {@code key: value}, {@code key: [a, b]}
 * and {@code key:} followed by {@code - item} lines. Anything else is kept as raw text and ignored;
 * front matter never fails to parse. Keys are lower-cased.
 */
public record FrontMatter(TextRange range, Map<String, List<FrontMatterValue>> fields) {
    public FrontMatter {
        fields = Map.copyOf(fields);
    }

    public Optional<FrontMatterValue> first(String key) {
        List<FrontMatterValue> values = fields.get(key);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<FrontMatterValue> all(String key) {
        return fields.getOrDefault(key, List.of());
    }

    /** One scalar value with the range of its text in the document. */
    public record FrontMatterValue(String text, TextRange range) {
    }
}
