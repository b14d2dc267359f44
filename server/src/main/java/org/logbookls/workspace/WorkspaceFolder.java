package org.logbookls.workspace;

import java.nio.file.Path;

/** One workspace folder: its URI, its local path, and its name. Immutable. */
public record WorkspaceFolder(String uri, Path path, String name) {
}
