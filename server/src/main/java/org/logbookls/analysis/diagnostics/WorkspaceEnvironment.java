package org.logbookls.analysis.diagnostics;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.logbookls.workspace.LogbookFiles;
import org.logbookls.workspace.WorkspaceView;

/**
 * The checks' view of a workspace: its index for IDs and tags, its snapshot for files and headings.
 * It reads nothing of the index's ID summaries (titles, dates): the server keeps a document's last
 * diagnostics across an index that differs only in those ({@code WorkspaceIndex.derived}).
 */
public final class WorkspaceEnvironment implements Environment {
    private final WorkspaceView view;

    public WorkspaceEnvironment(WorkspaceView view) {
        this.view = view;
    }

    @Override
    public boolean isDefined(String id) {
        return !view.index().definers(id).isEmpty();
    }

    @Override
    public boolean isId(String token) {
        return view.index().isId(token);
    }

    /**
     * The view's index was made from its snapshot: when the model checked is the snapshot's own model
     * of the document, the index holds its facts. A model of another text (the text a code action
     * would leave, checked against the view before it) is not.
     */
    @Override
    public boolean holdsIdsOf(String uri, org.logbookls.model.Logbook logbook) {
        var facts = view.index().facts().get(uri);
        var document = view.snapshot().document(uri);
        return facts != null && facts.logbook() && document.isPresent() && view.logbook(document.get()) == logbook;
    }

    @Override
    public Collection<String> definedIds() {
        return view.index().definedIds();
    }

    @Override
    public Map<String, String> declaredTags() {
        return view.index().workspaceTags();
    }

    @Override
    public LinkTarget resolve(String fromUri, String relativePath) {
        Optional<Path> target = view.resolve(fromUri, relativePath);
        if (target.isEmpty() || !view.inWorkspace(target.get())) {
            return new Unknown();
        }
        if (!view.exists(target.get())) {
            // A whole missing folder means assets kept elsewhere (not checked out, generated): nothing to say.
            Path folder = target.get().getParent();
            return folder != null && view.directoryExists(folder) ? new Missing(relativePath) : new Unknown();
        }
        String uri = WorkspaceView.uriOf(target.get());
        boolean markdown = LogbookFiles.isMarkdown(target.get().getFileName().toString()) && view.document(uri).isPresent();
        return new Found(markdown ? Optional.of(uri) : Optional.empty());
    }

    @Override
    public Optional<List<String>> anchors(String uri) {
        return view.document(uri).map(document -> view.logbookWithoutSections(document).slugs());
    }

    /** The declared tags of a workspace, merged with those the configuration declares. */
    static Map<String, String> merged(Map<String, String> workspace, Map<String, String> configured) {
        Map<String, String> all = new LinkedHashMap<>(workspace);
        configured.forEach(all::putIfAbsent);
        return all;
    }
}
