package dev.keel.runner;

import dev.keel.migration.MigrationSpec;
import dev.keel.runner.internal.AdvisoryLock;
import dev.keel.runner.support.Db;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * keel, a process of its own, is killed ({@code kill -9}) while its statement runs: a post-deployment
 * UPDATE that runs for a minute (no statement timeout), holding row locks and keel's advisory lock. The
 * server ends keel's session within seconds (the client check keel sets), so the locks are free and the
 * next {@code migrate} runs the migration. Both ways keel connects: a URL (the CLI, the Maven plugin, the
 * JUnit harness) and an application's DataSource (the Java API, the Spring Boot starter).
 */
class KilledKeelTest {
    static final MigrationSpec INITIAL = Specs.spec("blog.0001_initial").ops(
            createModel("item", table("item").field("id", column("id", "bigint")).field("code", column("code", "integer"))
                    .primaryKey("id")),
            runSql("""
                    CREATE FUNCTION keel_slow(x integer) RETURNS integer VOLATILE LANGUAGE plpgsql AS $$
                    BEGIN
                        IF current_setting('keel.test_slow', true) = 'on' THEN PERFORM pg_sleep(0.02); END IF;
                        RETURN x;
                    END $$""", "DROP FUNCTION keel_slow"),
            runSql("INSERT INTO item SELECT g, g FROM generate_series(1, 3000) g", ""));

    static final MigrationSpec SLOW = Specs.spec("blog.0002_bump").after("blog.0001_initial").postDeployment().ops(
            runSql("UPDATE item SET code = keel_slow(code) + 1", ""));

    static final RunnerSettings SETTINGS = Specs.FAST.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30));

    /** The process killed: migrates {@code SLOW} with the post-deployment phase. Arguments: mode, URL, user, password. */
    public static void main(String[] args) {
        String password = args.length > 3 ? args[3] : null;
        Database database = args[0].equals("datasource")
                ? Database.of(new dev.keel.runner.testing.TestDatabase("child", args[1], args[2], password).dataSource())
                : new Database(args[1], args[2], password, null, "start the test server");
        try (Migrator m = Migrator.connect(Specs.set(INITIAL, SLOW), database, SETTINGS, MigrateListener.silent())) {
            m.migrate(MigrateRequest.all().withPostDeploy());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"url", "datasource"})
    void aKilledKeelLeavesNoStatementRunningAndNoLockHeld(String mode) throws Exception {
        try (Db db = Db.fresh()) {
            try (Migrator m = Specs.migrator(db, Specs.set(INITIAL, SLOW), SETTINGS, MigrateListener.silent())) {
                m.migrate(new MigrateRequest("blog", "0001", false, false));
            }
            db.execute("ALTER DATABASE " + db.database.name() + " SET keel.test_slow = 'on'");
            Path log = Files.createTempFile("keel-child", ".log");
            var command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), KilledKeelTest.class.getName(), mode,
                    db.database.url(), db.database.user()));
            if (db.database.password() != null) {
                command.add(db.database.password());
            }
            Process keel = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                long pid = awaitRunning(db, keel, log);
                Thread.sleep(500); // well into the UPDATE: rows locked
                assertEquals(1, db.count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = " + pid));

                keel.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                long killed = System.nanoTime();
                long left = 1;
                while (left > 0 && System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(5)) {
                    Thread.sleep(100);
                    left = db.count("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid);
                }
                assertEquals(0, left, "keel's session (pid " + pid + ") still runs 5 s after keel was killed");
                assertEquals(0, db.count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid::bigint = "
                        + (AdvisoryLock.KEY & 0xffffffffL)), "keel's advisory lock is released");
                try (Connection other = db.database.connect(); var st = other.createStatement()) {
                    other.setAutoCommit(false);
                    st.execute("SELECT * FROM item FOR UPDATE NOWAIT"); // the rows keel updated are free
                    other.rollback();
                }
            } finally {
                keel.destroyForcibly();
            }
            assertEquals(3000, db.count("SELECT count(*) FROM item WHERE code = id"), "the UPDATE was rolled back");
            db.execute("ALTER DATABASE " + db.database.name() + " RESET keel.test_slow");
            try (Migrator m = Specs.migrator(db, Specs.set(INITIAL, SLOW), SETTINGS, MigrateListener.silent())) {
                assertEquals(1, m.migrate(MigrateRequest.all().withPostDeploy()).done().size());
            }
            assertEquals(3000, db.count("SELECT count(*) FROM item WHERE code = id + 1"));
        }
    }

    /** The pid of keel's session once it runs the slow UPDATE. */
    private static long awaitRunning(Db db, Process keel, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            long pid = db.count("SELECT coalesce(max(pid), 0) FROM pg_stat_activity WHERE application_name = '"
                    + Migrator.APPLICATION_NAME + "' AND state = 'active' AND query LIKE 'UPDATE item%'");
            if (pid > 0) {
                return pid;
            }
            assertTrue(keel.isAlive(), () -> "keel stopped before its UPDATE ran:\n" + read(log));
            Thread.sleep(50);
        }
        throw new AssertionError("keel never ran its UPDATE:\n" + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
