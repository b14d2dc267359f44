package org.logbookls.analysis.actions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.logbookls.analysis.diagnostics.DiagnosticCode;
import org.logbookls.text.TextEdit;
import org.logbookls.text.TextRange;

/**
 * An action the editor can offer: a title, what kind it is, and its edits per document URI. The
 * server never applies edits itself; they travel to the editor, which applies (and can undo) them.
 *
 * <p>Immutable. {@code fixes} is the diagnostic (code and range) the action removes, if any;
 * {@code safe} actions may be applied without asking ({@code source.fixAll.logbook}, {@code check --fix}).
 */
public record CodeAction(String title, Kind kind, Map<String, List<TextEdit>> edits, Optional<Fixed> fixes, boolean preferred,
        boolean safe) {
    public CodeAction {
        Map<String, List<TextEdit>> copy = new LinkedHashMap<>();
        edits.forEach((uri, list) -> copy.put(uri, List.copyOf(list)));
        edits = java.util.Collections.unmodifiableMap(copy);
    }

    /** The kinds of action, as LSP names them. */
    public enum Kind { QUICK_FIX, REFACTOR, FIX_ALL, SOURCE }

    /** The diagnostic an action removes. */
    public record Fixed(DiagnosticCode code, TextRange range) {
    }

    static CodeAction fix(String title, String uri, List<TextEdit> edits, DiagnosticCode code, TextRange range, boolean preferred,
            boolean safe) {
        return new CodeAction(title, Kind.QUICK_FIX, Map.of(uri, edits), Optional.of(new Fixed(code, range)), preferred, safe);
    }
}
