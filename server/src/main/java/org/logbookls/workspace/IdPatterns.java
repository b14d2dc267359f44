package org.logbookls.workspace;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiles the configured ID pattern once per distinct text; an invalid pattern means "infer". */
public final class IdPatterns {
    /** Longer patterns are refused: an ID pattern describes a short word. */
    public static final int MAX_LENGTH = 200;
    private static final Map<String, Optional<Pattern>> COMPILED = new ConcurrentHashMap<>();

    private IdPatterns() {
    }

    public static Optional<Pattern> compile(String pattern) {
        if (COMPILED.size() > 64) {
            COMPILED.clear();
        }
        return COMPILED.computeIfAbsent(pattern, text -> {
            if (text.isEmpty() || text.length() > MAX_LENGTH) {
                return Optional.empty();
            }
            try {
                return Optional.of(Pattern.compile(text));
            } catch (PatternSyntaxException invalid) {
                return Optional.empty();
            }
        });
    }

    /** Why {@code pattern} cannot be used, if it cannot. */
    public static Optional<String> problem(String pattern) {
        if (pattern.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (pattern.length() > MAX_LENGTH) {
            return Optional.of("it is longer than " + MAX_LENGTH + " characters");
        }
        try {
            Pattern.compile(pattern);
            return Optional.empty();
        } catch (PatternSyntaxException invalid) {
            return Optional.of(invalid.getDescription() + " at index " + invalid.getIndex());
        }
    }
}
