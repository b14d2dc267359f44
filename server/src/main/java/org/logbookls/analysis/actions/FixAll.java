package org.logbookls.analysis.actions;

import java.util.ArrayList;
import java.util.List;
import org.logbookls.text.Cancellation;
import org.logbookls.text.TextEdit;
import org.logbookls.workspace.DocumentSnapshot;
import org.logbookls.workspace.WorkspaceView;

/**
 * {@code source.fixAll.logbook} and {@code check --fix}: every safe fix at once — those whose
 * intent is certain (an ordinal suffix, an anchor with one close match). Applying it twice changes
 * nothing the second time.
 */
public final class FixAll {
    private FixAll() {
    }

    public static List<TextEdit> of(WorkspaceView view, DocumentSnapshot document, Cancellation cancel) {
        List<TextEdit> edits = new ArrayList<>();
        for (CodeAction action : QuickFixes.all(view, document, cancel)) {
            if (!action.safe()) {
                continue;
            }
            for (TextEdit edit : action.edits().getOrDefault(document.uri(), List.of())) {
                if (edits.stream().noneMatch(other -> other.range().intersects(edit.range()) || other.range().equals(edit.range()))) {
                    edits.add(edit);
                }
            }
        }
        edits.sort((a, b) -> a.range().compareTo(b.range()));
        return edits;
    }

    /** The text after applying non-overlapping edits. */
    public static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort((a, b) -> b.range().compareTo(a.range()));
        StringBuilder out = new StringBuilder(text);
        for (TextEdit edit : sorted) {
            out.replace(edit.range().start(), edit.range().end(), edit.newText());
        }
        return out.toString();
    }
}
