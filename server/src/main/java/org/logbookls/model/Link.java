package org.logbookls.model;

import org.logbookls.text.TextRange;

/**
 * A link or image in the logbook: {@code destinationRange} covers the destination text
 * ({@code notes/a.md#part}); it is empty for reference-style links. Immutable.
 */
public record Link(TextRange range, TextRange destinationRange, String destination, boolean image) {

    /** True for links into this workspace: relative paths and {@code #anchors}, not URLs or absolute paths. */
    public boolean local() {
        String target = destination.strip();
        if (target.isEmpty() || target.startsWith("/") || target.startsWith("\\") || target.startsWith("//")) {
            return false;
        }
        int colon = target.indexOf(':');
        int slash = target.indexOf('/');
        // "https:", "mailto:", "data:" — a scheme before any slash is a URL.
        return colon < 0 || slash >= 0 && slash < colon;
    }

    /** The file part of the destination ("notes/a.md" of "notes/a.md#part"), empty for a bare anchor. */
    public String filePart() {
        String target = destination.strip();
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** The anchor after {@code #}, or empty. */
    public String anchor() {
        String target = destination.strip();
        int hash = target.indexOf('#');
        return hash < 0 ? "" : target.substring(hash + 1);
    }
}
