package org.logbookls.analysis.diagnostics;

import java.util.EnumSet;
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
    public Set<ModelPart> reads() {
        return EnumSet.of(ModelPart.HEADINGS, ModelPart.ID_TOKENS);
    }

    @Override
    public void run(CheckContext context, List<Diagnostic> out) {
        // The workspace index answers for most tokens (it holds this document's IDs too), so the sets
        // of this document's own definitions and references are made only when a token needs them:
        // both were made for every request, even when the index answered for every token.
        Set<String> local = null;
        Set<String> localReferences = null;
        Environment environment = context.environment();
        Suggestions.IdIndex candidates = null;
        // IDs read from the unmoved tokens: moving every token after an edit only to read its ID was a
        // third of this check. Only a token reported is moved.
        List<Reference> tokens = context.logbook().idTokens();
        for (int i = 0; i < tokens.size(); i++) {
            context.cancel().check();
            String id = SplicedList.unmoved(tokens, i).id();
            if (!environment.isId(id)) {
                if (localReferences == null) {
                    localReferences = referenced(context);
                }
                if (!localReferences.contains(id)) {
                    continue;
                }
            }
            if (environment.isDefined(id)) {
                continue;
            }
            if (local == null) {
                local = defined(context);
            }
            if (local.contains(id)) {
                continue;
            }
            Reference token = SplicedList.unmoved(tokens, i);
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

    private static Set<String> defined(CheckContext context) {
        Set<String> local = new HashSet<>();
        for (int i = 0; i < context.entryCount(); i++) {
            for (IdDefinition id : context.unmovedEntry(i).ids()) {
                local.add(id.id());
            }
        }
        return local;
    }

    private static Set<String> referenced(CheckContext context) {
        List<Reference> references = context.logbook().references();
        Set<String> referenced = new HashSet<>();
        for (int i = 0; i < references.size(); i++) {
            referenced.add(SplicedList.unmoved(references, i).id());
        }
        return referenced;
    }
}
