package dev.keel.cli;

import dev.keel.runner.Migrator;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code keel migrate --post-deploy}, a process of its own, is killed ({@code kill -9}) during a long
 * UPDATE of a schema-qualified table: PostgreSQL ends keel's session within seconds, the rows and keel's
 * advisory lock are free, and the next {@code keel migrate} applies the migration.
 */
class KilledKeelCommandTest {
    @TempDir Path dir;

    @Test
    void aKilledMigrateLeavesNoStatementRunning() throws Exception {
        Path migrations = KeelRun.shopProject(dir, "CREATE SCHEMA sales; CREATE TABLE sales.invoice (id bigint PRIMARY KEY, total numeric);"
                + " INSERT INTO sales.invoice SELECT g, g FROM generate_series(1, 5000) g", "DROP SCHEMA sales CASCADE");
        Files.writeString(migrations.resolve("M0002_bump.java"), """
                package com.acme.shop.migrations;

                import dev.keel.migration.Migration;

                import static dev.keel.migration.Operations.*;

                public final class M0002_bump extends Migration {
                    @Override
                    protected void define() {
                        dependsOn("shop", "0001_initial");
                        postDeployment();
                        operations(runSql("UPDATE sales.invoice SET total = total + 1"
                                + " WHERE pg_sleep(CASE WHEN current_setting('keel.test_slow', true) = 'on' THEN 0.02 ELSE 0 END)::text = ''",
                                ""));
                    }
                }
                """);
        try (TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            String url = "--url=" + SampleProject.url(db);
            KeelRun first = KeelRun.run(MigrationSource.standard(), "-C", dir.toString(), "migrate", url);
            assertEquals(0, first.exit(), first.err());
            execute(c, "ALTER DATABASE " + db.name() + " SET keel.test_slow = 'on'");

            Path log = Files.createTempFile("keel-cli", ".log");
            Process keel = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Keel.class.getName(), "-C", dir.toString(), "migrate",
                    "--post-deploy", url)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                long pid = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (pid == 0 && System.nanoTime() < deadline) {
                    assertTrue(keel.isAlive(), () -> "keel stopped before its UPDATE:\n" + read(log));
                    Thread.sleep(50);
                    pid = count(c, "SELECT coalesce(max(pid), 0) FROM pg_stat_activity WHERE application_name = '"
                            + Migrator.APPLICATION_NAME + "' AND state = 'active' AND query LIKE 'UPDATE sales.invoice%'");
                }
                assertTrue(pid > 0, () -> "keel never ran its UPDATE:\n" + read(log));
                Thread.sleep(500);
                keel.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                long killed = System.nanoTime();
                long left = 1;
                while (left > 0 && System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(5)) {
                    Thread.sleep(100);
                    left = count(c, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid);
                }
                assertEquals(0, left, "keel's session still runs 5 s after keel was killed");
                assertEquals(0, count(c, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"));
            } finally {
                keel.destroyForcibly();
            }
            assertEquals(5000, count(c, "SELECT count(*) FROM sales.invoice WHERE total = id"), "the UPDATE was rolled back");
            execute(c, "ALTER DATABASE " + db.name() + " RESET keel.test_slow");
            KeelRun again = KeelRun.run(MigrationSource.standard(), "-C", dir.toString(), "migrate", "--post-deploy", url);
            assertEquals(0, again.exit(), again.err());
            assertEquals(5000, count(c, "SELECT count(*) FROM sales.invoice WHERE total = id + 1"));
        }
    }

    private static void execute(Connection c, String sql) throws Exception {
        try (var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (var st = c.createStatement(); ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
