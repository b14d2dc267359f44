package org.logbookls.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.logbookls.config.SettingsLayer;

class WorkspaceSnapshotTest {
    private static DocumentSnapshot document(String name) {
        return new DocumentSnapshot("file:///w/" + name, "/w/" + name, 1, "# " + name + "\n");
    }

    /** A keystroke replaces the open document only: the closed documents and the files are passed on, not copied. */
    @Test
    void anEditPassesOnTheClosedDocumentsAndFiles() {
        Map<String, DocumentSnapshot> disk = new LinkedHashMap<>();
        for (String name : List.of("c.md", "a.md", "b.md")) {
            disk.put("file:///w/" + name, document(name));
        }
        Set<String> files = new HashSet<>(Set.of("/w/a.md", "/w/b.md", "/w/c.md", "/w/sub/d.md"));
        WorkspaceSnapshot snapshot = new WorkspaceSnapshot(Map.of(), disk, files, List.of(), SettingsLayer.EMPTY, false, 1);
        WorkspaceSnapshot edited = snapshot.withDocument(document("a.md")).withDocument(document("a.md"));
        assertSame(snapshot.files(), edited.files());
        assertSame(snapshot.disk(), edited.disk());
        assertSame(snapshot.directories(), edited.directories());
        assertEquals(Set.of("/w", "/w/sub", "/"), edited.directories());
        assertEquals(List.of("file:///w/c.md", "file:///w/a.md", "file:///w/b.md"), List.copyOf(edited.disk().keySet()));

        // Copies, all the same: what the caller changes later is not seen, and nothing changes them.
        files.add("/w/e.md");
        disk.clear();
        assertEquals(4, edited.files().size());
        assertEquals(3, edited.disk().size());
        assertThrows(UnsupportedOperationException.class, () -> edited.files().add("/w/f.md"));
        assertThrows(UnsupportedOperationException.class, () -> edited.disk().clear());
        assertThrows(UnsupportedOperationException.class, () -> edited.documents().clear());
        assertEquals(Set.of("/w/a.md", "/w/b.md", "/w/c.md", "/w/sub/d.md", "/w/e.md"),
                edited.withDisk(Map.of(), Set.of("/w/e.md")).files());
    }
}
