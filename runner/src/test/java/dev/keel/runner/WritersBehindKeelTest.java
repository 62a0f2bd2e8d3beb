package dev.keel.runner;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writers keep arriving while keel's {@code ALTER TABLE} cannot get its lock: a session that never lets go holds
 * {@code ACCESS SHARE} on the table (a long read, idle in transaction). keel's statement queues for the lock, and the
 * writers queue behind it, each time for at most the lock timeout; keel retries with backoff, then fails (exit code 5).
 * No write fails, none waits much longer than the lock timeout, and between keel's tries the writers go through.
 */
class WritersBehindKeelTest {
    static final Duration LOCK_TIMEOUT = Duration.ofMillis(400);
    static final RunnerSettings SETTINGS = new RunnerSettings(LOCK_TIMEOUT, Duration.ofSeconds(5), 3,
            Duration.ofMillis(300), Duration.ofMillis(50));
    static final MigrationSpec INITIAL = Specs.spec("shop.0001_initial").ops(
            createModel("item", table("item").field("id", column("id", "bigint").identity(dev.keel.state.Identity.BY_DEFAULT)).field("code", column("code", "integer"))
                    .primaryKey("id")));
    static final MigrationSpec ADD = Specs.spec("shop.0002_note").after("shop.0001_initial").ops(
            addField("item", "note", column("note", "text").nullable()));

    @Test
    void writersWaitAtMostTheLockTimeoutAndNoneFailsWhileKeelRetriesAgainstAHolderThatNeverLetsGo() throws Exception {
        try (Db db = Db.fresh()) {
            MigrationSet set = Specs.set(INITIAL, ADD);
            try (Migrator m = Specs.migrator(db, set, SETTINGS, MigrateListener.silent())) {
                m.migrate(new MigrateRequest("shop", "0001", false, false));
            }
            var stop = new AtomicBoolean();
            var failures = Collections.synchronizedList(new ArrayList<String>());
            var longest = new AtomicLong();
            var writes = new AtomicLong();
            var writers = new ArrayList<Thread>();
            for (int w = 0; w < 3; w++) {
                Thread t = new Thread(() -> {
                    try (Connection c = db.database.connect(); var st = c.createStatement()) {
                        while (!stop.get()) {
                            long start = System.nanoTime();
                            try {
                                st.execute("INSERT INTO item (code) VALUES (1)");
                                writes.incrementAndGet();
                            } catch (java.sql.SQLException e) {
                                failures.add(e.getMessage());
                            }
                            longest.accumulateAndGet(System.nanoTime() - start, Math::max);
                            Thread.sleep(5);
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                });
                t.start();
                writers.add(t);
            }
            try (Connection holder = db.database.connect()) {
                holder.setAutoCommit(false);
                try (var st = holder.createStatement()) {
                    st.execute("SELECT count(*) FROM item");
                }
                Thread.sleep(300);
                long before = writes.get();
                try (Migrator m = Specs.migrator(db, set, SETTINGS, MigrateListener.silent())) {
                    var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
                    assertEquals(ErrorKind.DATABASE, e.kind());
                    assertEquals(5, e.kind().exitCode());
                    assertTrue(e.getMessage().contains("could not take its lock within lock_timeout 400ms, 4 times"),
                            e.getMessage());
                }
                Thread.sleep(300);
                stop.set(true);
                for (Thread t : writers) {
                    t.join(10_000);
                }
                assertTrue(writes.get() - before > 20, "the writers went on between keel's tries: " + (writes.get() - before));
                holder.rollback();
            }
            assertEquals(List.of(), failures, "no write failed");
            long ms = longest.get() / 1_000_000;
            assertTrue(ms < LOCK_TIMEOUT.toMillis() + 300, "a write waited " + ms + " ms behind keel (lock_timeout "
                    + LOCK_TIMEOUT.toMillis() + " ms)");
            assertEquals(0, db.count("SELECT count(*) FROM information_schema.columns WHERE column_name = 'note'"));
        }
    }
}
