package org.logbookls.analysis.diagnostics;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.logbookls.analysis.Suggestions;
import org.logbookls.model.Link;
import org.logbookls.text.TextRange;

/**
 * {@code broken-link}: a relative link or image whose file does not exist in the workspace, or an
 * {@code #anchor} that no heading of its target produces (GitHub's anchor rules). Links that leave
 * the workspace, URLs and absolute paths are not checked.
 */
final class LinkCheck implements Check {
    @Override
    public List<DiagnosticCode> codes() {
        return List.of(DiagnosticCode.BROKEN_LINK);
    }

    @Override
    public Set<ModelPart> reads() {
        return EnumSet.of(ModelPart.LINKS);
    }

    @Override
    public void run(CheckContext context, List<Diagnostic> out) {
        // Read only when a link points into this file: the slugs are made when first read (HeadingSlugs).
        List<String> ownAnchors = null;
        Set<String> ownAnchorSet = null;
        // A logbook links to the same few files again and again: each is resolved, and its anchors read, once a run
        // (290,000 links to one file spent a third of their diagnostics resolving it again).
        Map<String, Environment.LinkTarget> targets = new HashMap<>();
        Map<String, Optional<Anchors>> anchorsOf = new HashMap<>();
        for (Link link : context.logbook().links()) {
            context.cancel().check();
            if (!link.local()) {
                continue;
            }
            TextRange range = link.destinationRange().isEmpty() ? link.range() : link.destinationRange();
            String anchor = decode(link.anchor());
            if (link.filePart().isEmpty()) {
                if (anchor.isEmpty()) {
                    continue;
                }
                if (ownAnchors == null) {
                    ownAnchors = context.logbook().slugs();
                    ownAnchorSet = new HashSet<>(ownAnchors);
                }
                if (!ownAnchorSet.contains(anchor)) {
                    out.add(broken(range, "No heading in this file has the anchor '#" + anchor + "'"
                            + Suggestions.phrase(Suggestions.closest(anchor, ownAnchors), "#")));
                }
                continue;
            }
            Environment.LinkTarget target = targets.computeIfAbsent(link.filePart(), file -> context.environment().resolve(context.uri(), file));
            if (target instanceof Environment.Missing missing) {
                out.add(broken(range, "'" + missing.path() + "' does not exist"));
            } else if (target instanceof Environment.Found found && found.uri().isPresent() && !anchor.isEmpty()) {
                Optional<Anchors> anchors = anchorsOf.computeIfAbsent(found.uri().get(),
                        uri -> context.environment().anchors(uri).map(written -> new Anchors(written, new HashSet<>(written))));
                if (anchors.isPresent() && !anchors.get().set().contains(anchor)) {
                    out.add(broken(range, "No heading in '" + link.filePart() + "' has the anchor '#" + anchor + "'"
                            + Suggestions.phrase(Suggestions.closest(anchor, anchors.get().written()), "#")));
                }
            }
        }
    }

    /** A linked file's anchors, in order (for suggestions) and as a set (to look one up). */
    private record Anchors(List<String> written, Set<String> set) {
    }

    private static Diagnostic broken(TextRange range, String message) {
        return new Diagnostic(range, DiagnosticCode.BROKEN_LINK, DiagnosticCode.BROKEN_LINK.defaultSeverity(),
                message.endsWith("?") ? message : message + ".", List.of());
    }

    private static String decode(String anchor) {
        try {
            return URLDecoder.decode(anchor.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return anchor;
        }
    }
}
