package dev.keel.runner;

import dev.keel.config.DatabaseConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the runner connects, and how it says it cannot. */
class DatabaseTest {
    /** A port nothing listens on. */
    private static int closedPort() throws Exception {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aRefusedConnectionNamesTheUrlWithoutThePasswordAndWhatToDo() throws Exception {
        int port = closedPort();
        var config = new DatabaseConfig("jdbc:postgresql://127.0.0.1:" + port + "/blog?password=hunter2", "app",
                "KEEL_DB_PASSWORD", null, null);
        Database db = Database.configured(config, null, Map.of("KEEL_DB_PASSWORD", "s3cr3t")).orElseThrow();
        var e = assertThrows(KeelException.class, () -> db.connect("keel test"));
        assertEquals(ErrorKind.DATABASE, e.kind());
        assertEquals(5, e.kind().exitCode());
        assertTrue(e.getMessage().startsWith("cannot connect to the database at jdbc:postgresql://127.0.0.1:" + port
                + "/blog?password=*** as app: "), e.getMessage());
        assertTrue(e.getMessage().contains("To fix: start PostgreSQL there, or correct database.url in keel.json."),
                e.getMessage());
        assertFalse(e.getMessage().contains("hunter2") || e.getMessage().contains("s3cr3t"), e.getMessage());
        assertFalse(db.toString().contains("hunter2"), db.toString());
    }

    @Test
    void urlOverrideAndNoUrl() {
        var config = new DatabaseConfig("jdbc:postgresql://db/blog", null, null, null, null);
        assertEquals("jdbc:postgresql://other/x", Database.configured(config, "jdbc:postgresql://other/x", Map.of())
                .orElseThrow().displayUrl());
        assertTrue(Database.configured(DatabaseConfig.none(), null, Map.of()).isEmpty());
        var bad = assertThrows(KeelException.class, () -> Database.configured(DatabaseConfig.none(), "mysql://x", Map.of()));
        assertEquals(ErrorKind.USAGE, bad.kind());
    }

    @Test
    void settingsComeFromKeelJson() {
        RunnerSettings s = RunnerSettings.of(new DatabaseConfig(null, null, null, "500ms", "1min"));
        assertEquals(500, s.lockTimeout().toMillis());
        assertEquals(60_000, s.statementTimeout().toMillis());
        assertEquals(2_000, RunnerSettings.defaults().lockTimeout().toMillis());
        assertEquals(5_000, RunnerSettings.defaults().statementTimeout().toMillis());
    }
}
