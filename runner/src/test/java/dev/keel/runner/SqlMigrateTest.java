package dev.keel.runner;

import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sqlmigrate}: the executor with a collecting sink, no database. */
class SqlMigrateTest {
    static final Path BLOG = Path.of("..", "src-samples", "blog");
    static final MigrationSet SAMPLE = MigrationSet.read(KeelConfig.read(BLOG), BLOG);
    static final String M = "../src-samples/blog/src/main/java/com/example/blog/migrations/";

    private static String sql(String name, boolean backwards) {
        return SqlMigrate.sql(SAMPLE, RunnerSettings.defaults(), "blog", name, backwards);
    }

    @Test
    void atomicMigrationIsWrappedInOneTransaction() {
        assertEquals("""
                -- blog.0002_add_post_slug, forwards (apply): %sM0002_add_post_slug.java
                -- Atomic: one transaction, in which keel also records it in keel_migrations.
                SET lock_timeout = '2s';
                SET statement_timeout = '5s';
                BEGIN;
                -- Add field slug to post
                ALTER TABLE post ADD COLUMN slug varchar(200);
                COMMIT;
                """.formatted(M), sql("0002", false));
        assertTrue(sql("0002_add_post_slug", true).contains("BEGIN;\n-- undo Add field slug to post\n"
                + "ALTER TABLE post DROP COLUMN slug;\nCOMMIT;\n"));
    }

    @Test
    void nonAtomicStatementsAreMarkedNumberedAndReRunnable() {
        assertEquals("""
                -- blog.0003_idx_post_created_at, forwards (apply): %sM0003_idx_post_created_at.java
                -- NOT atomic: each statement commits on its own. keel records each step in keel_migrations as it
                -- is done and a re-run goes on after the last one recorded; keel's statements are written to run twice safely.
                -- Index builds and validations only: keel migrate leaves it for --post-deploy when a table it works on (post) holds 1,000,000 rows or more (database.largeTableRows) as the database's catalog estimates them; keel migrate --plan says whether it does. These statements run without the statement timeout either way.
                SET lock_timeout = '2s';
                SET statement_timeout = 0; -- an index build or validation blocks no writes: no statement timeout (the lock timeout applies)
                -- [non-atomic step 1 of 1: commits on its own] Create index idx_post_created_at on post concurrently
                -- only if a failed concurrent build left the index invalid (psql's \\gexec runs it only then):
                SELECT 'DROP INDEX CONCURRENTLY IF EXISTS idx_post_created_at' WHERE EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('idx_post_created_at') AND NOT indisvalid) \\gexec
                CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_post_created_at ON post (created_at);
                """.formatted(M), sql("0003", false));
        String out = sql("0003", false);
        assertTrue(!out.contains("BEGIN") && !out.contains("COMMIT"), out);
    }

    @Test
    void userSqlIsSentAsWrittenAndANoopReverseSaysSo() {
        assertTrue(sql("0004", false).contains("BEGIN;\n-- Raw SQL: UPDATE post\nUPDATE post\n   SET slug ="), sql("0004", false));
        assertTrue(sql("0004", true).endsWith("-- (no SQL: this migration changes only keel's state)\n"), sql("0004", true));
    }

    @Test
    void postDeploymentMigrationsRunWithoutAStatementTimeout() {
        MigrationSet set = Specs.set(
                Specs.spec("blog.0001_initial").ops(createModel("post", table("post").field("id", column("id", "bigint"))
                        .primaryKey("id"))),
                Specs.spec("blog.0002_idx").after("blog.0001_initial").nonAtomic().postDeployment()
                        .ops(addIndex("post", index("post_id_idx", "id"), true)));
        String out = SqlMigrate.sql(set, RunnerSettings.defaults(), "blog", "0002", false);
        assertTrue(out.contains("-- Post-deployment: runs with keel migrate --post-deploy, without a statement timeout.\n"
                + "SET lock_timeout = '2s';\nSET statement_timeout = 0; -- post-deployment: no statement timeout\n"), out);
    }

    @Test
    void unknownNamesZeroAndIrreversibleOperationsAreErrors() {
        var unknown = assertThrows(KeelException.class, () -> sql("0009", false));
        assertEquals(ErrorKind.USAGE, unknown.kind());
        assertTrue(unknown.getMessage().contains("no migration named or starting with \"0009\""), unknown.getMessage());
        assertEquals(ErrorKind.USAGE, assertThrows(KeelException.class, () -> sql("zero", false)).kind());

        MigrationSet set = Specs.set(Specs.spec("blog.0001_x").ops(runSql("DELETE FROM t")));
        var e = assertThrows(KeelException.class, () -> SqlMigrate.sql(set, RunnerSettings.defaults(), "blog", "0001", true));
        assertEquals(ErrorKind.IRREVERSIBLE, e.kind());
    }
}
