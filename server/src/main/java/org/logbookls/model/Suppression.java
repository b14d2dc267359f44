package org.logbookls.model;

import java.util.Set;

/**
 * An inline {@code <!-- logbook-disable... -->} comment. {@code codes} empty means every code.
 *
 * <p>Immutable. {@code offset} is where the comment ends; a {@link Kind#NEXT_LINE} suppression
 * covers the line after the one holding that offset, {@link Kind#DISABLE} everything after it
 * until a matching {@link Kind#ENABLE}.
 */
public record Suppression(Kind kind, int offset, Set<String> codes) {
    public Suppression {
        codes = Set.copyOf(codes);
    }

    /** The comment forms. */
    public enum Kind { NEXT_LINE, DISABLE, ENABLE }
}
