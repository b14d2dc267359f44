package org.logbookls.config;

import java.util.Optional;

/** A diagnostic severity as users write it in configuration; {@code OFF} silences a code. */
public enum SeverityLevel {
    ERROR("error"),
    WARNING("warning"),
    INFORMATION("information"),
    HINT("hint"),
    OFF("off");

    private final String id;

    SeverityLevel(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Accepts the documented ids plus the common spellings {@code info} and {@code warn}. */
    public static Optional<SeverityLevel> fromId(String id) {
        String lower = id.toLowerCase(java.util.Locale.ROOT);
        for (SeverityLevel level : values()) {
            if (level.id.equals(lower)) {
                return Optional.of(level);
            }
        }
        return switch (lower) {
            case "info" -> Optional.of(INFORMATION);
            case "warn" -> Optional.of(WARNING);
            case "none", "ignore" -> Optional.of(OFF);
            default -> Optional.empty();
        };
    }
}
