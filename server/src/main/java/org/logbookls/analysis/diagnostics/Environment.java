package org.logbookls.analysis.diagnostics;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the checks may know beyond one document: the workspace's experiment IDs and schemes, its
 * declared tags, and which files and headings links can point to.
 *
 * <p>Implementations are immutable views; {@link #SINGLE_FILE} knows nothing beyond the document,
 * so cross-file checks stay silent rather than guess.
 */
public interface Environment {
    /** True when some logbook defines {@code id}. */
    boolean isDefined(String id);

    /** True when {@code token} is written in an ID scheme some logbook uses. */
    boolean isId(String token);

    /** Every defined ID, for suggestions. */
    Collection<String> definedIds();

    /**
     * True when {@link #isDefined} and {@link #definedIds} already count the IDs that {@code logbook},
     * the model of the document at {@code uri} being checked, defines: the checks need not collect them.
     */
    default boolean holdsIdsOf(String uri, org.logbookls.model.Logbook logbook) {
        return false;
    }

    /** Tags declared for the whole workspace (a tag list that holds no entries), with descriptions. */
    Map<String, String> declaredTags();

    /** Where a relative link from {@code fromUri} leads. */
    LinkTarget resolve(String fromUri, String relativePath);

    /** The anchors of the headings of a Markdown document, if it is known. */
    Optional<List<String>> anchors(String uri);

    /** The outcome of resolving a link. */
    sealed interface LinkTarget permits Unknown, Missing, Found {
    }

    /** The target cannot be checked (outside the workspace, or nothing is known about files). */
    record Unknown() implements LinkTarget {
    }

    /** The target is inside the workspace and does not exist. */
    record Missing(String path) implements LinkTarget {
    }

    /** The target exists; {@code uri} is set when it is a Markdown document the workspace holds. */
    record Found(Optional<String> uri) implements LinkTarget {
    }

    /** Knows nothing beyond the document itself. */
    Environment SINGLE_FILE = new Environment() {
        @Override
        public boolean isDefined(String id) {
            return false;
        }

        @Override
        public boolean isId(String token) {
            return false;
        }

        @Override
        public Collection<String> definedIds() {
            return List.of();
        }

        @Override
        public Map<String, String> declaredTags() {
            return Map.of();
        }

        @Override
        public LinkTarget resolve(String fromUri, String relativePath) {
            return new Unknown();
        }

        @Override
        public Optional<List<String>> anchors(String uri) {
            return Optional.empty();
        }
    };
}
