package org.logbookls.analysis.diagnostics;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.logbookls.analysis.Suggestions;
import org.logbookls.model.Entry;
import org.logbookls.model.IdDefinition;
import org.logbookls.model.Reference;
import org.logbookls.text.SplicedList;

/**
 * {@code undefined-reference}: an ID written in a scheme some logbook uses (this one or another in
 * the workspace) that no entry defines. The message suggests the nearest defined ID.
 */
final class ReferenceCheck implements Check {
    @Override
    public List<DiagnosticCode> codes() {
        return List.of(DiagnosticCode.UNDEFINED_REFERENCE);
    }

    @Override
    public void run(CheckContext context, List<Diagnostic> out) {
        Set<String> local = new HashSet<>();
        for (Entry entry : context.logbook().entries()) {
            for (IdDefinition id : entry.ids()) {
                local.add(id.id());
            }
        }
        // IDs read from the unmoved tokens: moving every token after an edit only to read its ID was a
        // third of this check. Only a token reported is moved.
        List<Reference> references = context.logbook().references();
        Set<String> localReferences = new HashSet<>();
        for (int i = 0; i < references.size(); i++) {
            localReferences.add(SplicedList.unmoved(references, i).id());
        }
        Environment environment = context.environment();
        Suggestions.IdIndex candidates = null;
        List<Reference> tokens = context.logbook().idTokens();
        for (int i = 0; i < tokens.size(); i++) {
            context.cancel().check();
            Reference token = SplicedList.unmoved(tokens, i);
            boolean reference = localReferences.contains(token.id()) || environment.isId(token.id());
            if (!reference || local.contains(token.id()) || environment.isDefined(token.id())) {
                continue;
            }
            if (candidates == null) {
                Set<String> ids = new LinkedHashSet<>(local);
                ids.addAll(environment.definedIds());
                candidates = Suggestions.IdIndex.of(ids);
            }
            String message = "Experiment '" + token.id() + "' is not defined by any entry"
                    + Suggestions.phrase(candidates.closest(token.id()), "") + "";
            out.add(new Diagnostic(tokens.get(i).range(), DiagnosticCode.UNDEFINED_REFERENCE, DiagnosticCode.UNDEFINED_REFERENCE.defaultSeverity(),
                    message.endsWith("?") ? message : message + ".", List.of()));
        }
    }
}
