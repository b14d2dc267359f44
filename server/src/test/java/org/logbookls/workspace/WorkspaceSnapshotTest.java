package org.logbookls.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.logbookls.config.Settings;
import org.logbookls.config.SettingsLayer;
import org.logbookls.model.Logbook;

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
        // Documents read, as the start-up index adds them, with no file it did not know: the file set is passed on.
        WorkspaceSnapshot read = edited.withDisk(Map.of("file:///w/f.md", document("f.md")), Set.of());
        assertSame(edited.files(), read.files());
        assertSame(edited.directories(), read.directories());
        assertSame(edited.files(), edited.withDisk(Map.of(), Set.of("/w/a.md")).files());
        assertEquals(4, read.disk().size());
    }

    /**
     * The copy on disk of an open document is kept unanalysed: its model beside the open one's was
     * half a large logbook's memory. Closed again, it is served from its text, built once more.
     */
    @Test
    void theCopyOnDiskOfAnOpenDocumentKeepsNoModel() {
        String text = "# Log\n\n## 2024-03-01 e0001 First\n\nResults: fine.\n";
        DocumentSnapshot onDisk = DocumentSnapshot.closed("file:///w/log.md", "log.md", 0, text);
        Logbook closedModel = onDisk.logbook(Settings.DEFAULT);
        assertTrue(onDisk.analysed());
        assertFalse(onDisk.holdsSyntaxTree());
        WorkspaceSnapshot snapshot = new WorkspaceSnapshot(Map.of(), Map.of(onDisk.uri(), onDisk), Set.of("/w/log.md"), List.of(),
                SettingsLayer.EMPTY, false, 1);

        WorkspaceSnapshot opened = snapshot.withDocument(new DocumentSnapshot(onDisk.uri(), "log.md", 1, text + "x"));
        DocumentSnapshot shadowed = opened.disk().get(onDisk.uri());
        assertFalse(shadowed.analysed());
        assertEquals(text, shadowed.text().toString());
        assertEquals(text + "x", opened.anyDocument(onDisk.uri()).orElseThrow().text().toString());
        // Typing does not copy the closed documents again.
        WorkspaceSnapshot typed = opened.withDocument(new DocumentSnapshot(onDisk.uri(), "log.md", 2, text + "xy"));
        assertSame(opened.disk(), typed.disk());

        // Read again from disk while open (a watched file changed): kept unanalysed too.
        DocumentSnapshot reread = DocumentSnapshot.closed(onDisk.uri(), "log.md", 0, text);
        reread.logbook(Settings.DEFAULT);
        assertFalse(typed.withDisk(Map.of(onDisk.uri(), reread), Set.of()).disk().get(onDisk.uri()).analysed());

        WorkspaceSnapshot closedAgain = typed.withoutDocument(onDisk.uri());
        DocumentSnapshot served = closedAgain.anyDocument(onDisk.uri()).orElseThrow();
        assertEquals(closedModel, served.logbook(Settings.DEFAULT));
        // A closed document keeps its model, not its tree (which would be parsed again if asked for).
        assertTrue(served.analysed());
        assertFalse(served.holdsSyntaxTree());
        assertSame(served.logbook(Settings.DEFAULT), served.logbook(Settings.DEFAULT));
    }
}
