package dev.keel.runner;

import dev.keel.error.KeelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cause a failed start of the embedded PostgreSQL reports is the one its data folder shows. */
class EmbeddedFolderStateTest {
    @TempDir Path project;

    @Test
    void noFolderAndEmptyFolderAreFine() throws Exception {
        Path data = project.resolve(EmbeddedDatabase.FOLDER);
        assertTrue(EmbeddedFolderState.diagnose(data).isEmpty());
        Files.createDirectories(data);
        assertTrue(EmbeddedFolderState.diagnose(data).isEmpty());
    }

    /** What a copy of a used sample left: the database's empty sub-folders, no files. initdb refuses them. */
    @Test
    void emptySubFoldersWithoutADatabaseAreNamedAsTheCauseAndNothingStarts() throws Exception {
        Path data = project.resolve(EmbeddedDatabase.FOLDER);
        Files.createDirectories(data.resolve("base/1"));
        Files.createDirectories(data.resolve("pg_wal"));
        var cause = EmbeddedFolderState.diagnose(data).orElseThrow();
        assertEquals(EmbeddedFolderState.Kind.NOT_A_DATABASE, cause.kind());
        KeelException e = assertThrows(KeelException.class, () -> EmbeddedDatabase.start(project));
        assertTrue(e.getMessage().contains("holds no PostgreSQL database"), e.getMessage());
        assertTrue(e.getMessage().contains("remove the folder"), e.getMessage());
        assertFalse(e.getMessage().contains("postmaster.pid"), e.getMessage());
    }

    @Test
    void aLockFileOfAGoneServerIsStaleAndOneOfALiveProcessIsInUse() throws Exception {
        Path data = project.resolve(EmbeddedDatabase.FOLDER);
        Files.createDirectories(data);
        Files.writeString(data.resolve("PG_VERSION"), "15\n");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(data.resolve("postmaster.pid"), gone.pid() + "\n" + data + "\n");
        assertEquals(EmbeddedFolderState.Kind.STALE_LOCK, EmbeddedFolderState.diagnose(data).orElseThrow().kind());
        Files.writeString(data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + data + "\n");
        var inUse = EmbeddedFolderState.diagnose(data).orElseThrow();
        assertEquals(EmbeddedFolderState.Kind.IN_USE, inUse.kind());
        assertTrue(inUse.what().contains(String.valueOf(ProcessHandle.current().pid())), inUse.what());
    }
}
