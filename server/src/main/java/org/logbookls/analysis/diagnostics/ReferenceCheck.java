package org.logbookls.analysis.diagnostics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
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
        return EnumSet.of(ModelPart.IDS, ModelPart.ID_TOKENS);
    }

    /** Up to this many undefined references are looked up one by one, more in an index ({@link Suggestions.IdIndex}). */
    private static final int FEW = 8;

    @Override
    public void run(CheckContext context, List<Diagnostic> out) {
        // The workspace index answers for most tokens (it holds this document's IDs too), so the sets
        // of this document's own definitions and references are made only when a token needs them:
        // both were made for every request, even when the index answered for every token.
        Set<String> local = null;
        Set<String> localReferences = null;
        Environment environment = context.environment();
        List<Integer> undefined = new ArrayList<>();
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
                // In the server the index holds this document's IDs: collecting 10,000 of them again,
                // for an entry heading just broken, was a tenth of the check.
                local = environment.holdsIdsOf(context.uri(), context.logbook()) ? Set.of() : defined(context);
            }
            if (local.contains(id)) {
                continue;
            }
            undefined.add(i);
        }
        if (undefined.isEmpty()) {
            return;
        }
        // The candidates are this document's IDs, then the workspace's others, each once.
        // In the server the workspace's IDs hold this document's: they are walked as they are (through a
        // stream's iterator, a lookup walked them at half the speed).
        Set<String> own = local;
        Iterable<String> ids = own.isEmpty() ? environment.definedIds() : () -> Stream.concat(own.stream(),
                environment.definedIds().stream().filter(id -> !own.contains(id))).iterator();
        // A few undefined references (an ID just typed, or an entry heading just broken) are looked up
        // one by one; many are looked up in an index of every ID (a logbook of 50,000 entries with
        // thousands of them took seconds to check one by one).
        Suggestions.IdIndex index = undefined.size() > FEW ? Suggestions.IdIndex.of(toSet(ids)) : null;
        // An ID is looked up once: the references to an entry whose heading was just broken all name it.
        Map<String, List<String>> suggested = new HashMap<>();
        for (int i : undefined) {
            Reference token = SplicedList.unmoved(tokens, i);
            List<String> closest = suggested.computeIfAbsent(token.id(),
                    id -> index != null ? index.closest(id) : Suggestions.closestIds(id, ids));
            String message = "Experiment '" + token.id() + "' is not defined by any entry" + Suggestions.phrase(closest, "");
            out.add(new Diagnostic(tokens.get(i).range(), DiagnosticCode.UNDEFINED_REFERENCE, DiagnosticCode.UNDEFINED_REFERENCE.defaultSeverity(),
                    message.endsWith("?") ? message : message + ".", List.of()));
        }
    }

    private static Set<String> toSet(Iterable<String> ids) {
        Set<String> set = new LinkedHashSet<>();
        ids.forEach(set::add);
        return set;
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
