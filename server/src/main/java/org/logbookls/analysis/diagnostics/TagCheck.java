package org.logbookls.analysis.diagnostics;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.logbookls.analysis.Suggestions;
import org.logbookls.model.Tag;
import org.logbookls.model.TagDeclaration;
import org.logbookls.text.SplicedList;

/**
 * {@code undeclared-tag}: where the logbook, the workspace or the configuration declares its tags
 * (a "Key" list, front matter {@code tags:}, the {@code tags} setting), a tag used but not declared.
 * Logbooks that declare no tags are never checked.
 */
final class TagCheck implements Check {
    @Override
    public List<DiagnosticCode> codes() {
        return List.of(DiagnosticCode.UNDECLARED_TAG);
    }

    @Override
    public Set<ModelPart> reads() {
        return EnumSet.of(ModelPart.TAGS);
    }

    @Override
    public void run(CheckContext context, List<Diagnostic> out) {
        Map<String, String> declared = new LinkedHashMap<>();
        for (TagDeclaration declaration : context.logbook().tagDeclarations()) {
            declared.putIfAbsent(declaration.name(), declaration.description());
        }
        declared = WorkspaceEnvironment.merged(declared, WorkspaceEnvironment.merged(context.environment().declaredTags(),
                context.settings().tags()));
        if (declared.isEmpty()) {
            return;
        }
        Map<String, String> byLowerCase = new LinkedHashMap<>();
        declared.keySet().forEach(name -> byLowerCase.put(name.toLowerCase(Locale.ROOT), name));
        List<Tag> tags = context.logbook().tags();
        for (int i = 0; i < tags.size(); i++) {
            context.cancel().check();
            // Names are read unmoved; a tag reported is read where it is.
            if (byLowerCase.containsKey(SplicedList.unmoved(tags, i).name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            Tag tag = tags.get(i);
            List<String> closest = Suggestions.closest(tag.name(), declared.keySet());
            String hint = closest.isEmpty()
                    ? "; the declared tags are " + String.join(", ", declared.keySet().stream().map(name -> "#" + name).toList()) + "."
                    : Suggestions.phrase(closest, "#");
            out.add(new Diagnostic(tag.range(), DiagnosticCode.UNDECLARED_TAG, DiagnosticCode.UNDECLARED_TAG.defaultSeverity(),
                    "Tag '#" + tag.name() + "' is not declared" + hint, List.of()));
        }
    }
}
