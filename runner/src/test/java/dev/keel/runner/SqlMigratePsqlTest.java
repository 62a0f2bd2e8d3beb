package dev.keel.runner;

import dev.keel.config.KeelConfig;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What {@code sqlmigrate} prints, pasted into psql, does what keel does: the cleanup before a concurrent
 * index build drops the index only when a failed build left it invalid, never a valid one.
 */
class SqlMigratePsqlTest {
    static final Path BLOG = Path.of("..", "src-samples", "blog");

    static String printed() {
        MigrationSet sample = MigrationSet.read(KeelConfig.read(BLOG), BLOG);
        return SqlMigrate.sql(sample, RunnerSettings.defaults(), "blog", "0003", false);
    }

    static boolean psqlInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "psql"))) {
                return true;
            }
        }
        return false;
    }

    /** Runs the text with psql against the test database, stopping at the first error. */
    static String psql(Db db, String sql) throws Exception {
        URI uri = URI.create(db.database.url().substring("jdbc:".length()));
        Path file = Files.createTempFile("keel-sqlmigrate", ".sql");
        Files.writeString(file, sql);
        var pb = new ProcessBuilder(List.of("psql", "-X", "-v", "ON_ERROR_STOP=1", "-h", uri.getHost(),
                "-p", String.valueOf(uri.getPort()), "-U", db.database.user(), "-d", uri.getPath().substring(1), "-f", file.toString()))
                .redirectErrorStream(true);
        if (db.database.password() != null) {
            pb.environment().put("PGPASSWORD", db.database.password());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        Files.delete(file);
        return out;
    }

    @Test
    void aValidIndexIsKeptAndAnInvalidOneIsRebuilt() throws Exception {
        assumeTrue(psqlInstalled(), "psql is not installed: this test pastes sqlmigrate's output into it");
        String sql = printed();
        assertTrue(sql.contains("\\gexec"), sql);
        try (Db db = Db.fresh()) {
            db.execute("CREATE TABLE post (id bigint PRIMARY KEY, created_at timestamptz)",
                    "CREATE INDEX idx_post_created_at ON post (created_at)");
            long before = db.count("SELECT 'idx_post_created_at'::regclass::oid::bigint");
            psql(db, sql);
            assertEquals(before, db.count("SELECT 'idx_post_created_at'::regclass::oid::bigint"), "the valid index was not dropped");

            db.execute("DROP INDEX idx_post_created_at", "INSERT INTO post VALUES (1, now()), (2, now())",
                    "UPDATE post SET created_at = '2024-01-01'");
            try {
                db.execute("CREATE UNIQUE INDEX CONCURRENTLY idx_post_created_at ON post (created_at)");
            } catch (java.sql.SQLException expected) {
                // duplicated values: the failed build leaves the index invalid
            }
            assertEquals(1, db.count("SELECT count(*) FROM pg_index WHERE indexrelid = 'idx_post_created_at'::regclass AND NOT indisvalid"));
            psql(db, sql);
            assertEquals(1, db.count("SELECT count(*) FROM pg_index WHERE indexrelid = 'idx_post_created_at'::regclass"
                    + " AND indisvalid AND NOT indisunique"));
        }
    }
}
