package org.logbookls.workspace;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The one mutable cell of the server: the current {@link WorkspaceSnapshot}.
 *
 * <p>Only notifications (open, change, close, configuration, folders) replace the snapshot, and
 * they do so cheaply: nothing is parsed here. Readers take {@link #current()} once and work on it.
 */
public final class Workspace {
    private final AtomicReference<WorkspaceSnapshot> current = new AtomicReference<>(WorkspaceSnapshot.EMPTY);

    public WorkspaceSnapshot current() {
        return current.get();
    }

    public WorkspaceSnapshot update(UnaryOperator<WorkspaceSnapshot> change) {
        return current.updateAndGet(change);
    }
}
