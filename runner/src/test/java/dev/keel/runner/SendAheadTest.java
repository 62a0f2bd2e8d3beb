package dev.keel.runner;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.routing.Router;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import static dev.keel.runner.MigrateRoundTripsTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first migration a former run sent early ({@link Migrator#firstSent}), sent again by the next run as soon as its
 * session is open ({@link Migrator.Session#sendAhead}), before its migrations are read: on a real server, the run takes
 * it for its plan's first migration only when it is that migration's very statements, and applies, records and
 * reports the same as a run that sends nothing ahead; a stale one (the migration changed, the history differs) is
 * rolled back or never sent, and the run applies its own; a session used for anything else lets go of all of it.
 */
class SendAheadTest {
    static final String WAIT_AHEAD = "wait for the first migration (sent as keel connected)";

    /** The initial migration of {@code tables} tables, then ten migrations adding a column to t0. */
    static MigrationSet project(int tables) {
        var specs = new ArrayList<MigrationSpec>(List.of(EarlyStartTest.initial(tables)));
        specs.addAll(EarlyStartTest.project(10, -1).subList(1, 11));
        return Specs.set(specs.toArray(MigrationSpec[]::new));
    }

    /** What a run onto a fresh database kept of its first migration, sent early. */
    static FirstSent firstSentOf(MigrationSet set) throws Exception {
        try (Db db = fresh();
             Migrator m = Migrator.connect(set, Specs.database(db), Specs.FAST, MigrateListener.silent())) {
            m.migrate(MigrateRequest.all());
            return m.firstSent().orElseThrow(() -> new AssertionError("the first migration was sent early"));
        }
    }

    record Ran(MigrateResult result, List<String> phases, List<String> events, List<String> recorded, FirstSent kept) {}

    /** {@code migrate} of {@code set} onto {@code db} on a session that sent {@code first} ahead of it. */
    static Ran ranAhead(MigrationSet set, FirstSent first, Db db) throws Exception {
        Migrator.Session session = Migrator.open(Specs.database(db));
        session.sendAhead(first);
        var recorder = new Recorder();
        try (Migrator m = Migrator.connect(set, Specs.database(db), session, Specs.FAST, recorder, Router.single(), "default")) {
            MigrateResult result = m.migrate(MigrateRequest.all());
            assertCommitsAsConfigured(m, db);
            // each record holds its own migration's checksum
            try (var st = db.connection.createStatement();
                 var r = st.executeQuery("SELECT app, name, checksum FROM keel_migrations")) {
                while (r.next()) {
                    var key = new MigrationKey(r.getString(1), r.getString(2));
                    assertEquals(set.checksum(key), r.getString(3), "the checksum recorded for " + key);
                }
            }
            return new Ran(result, List.copyOf(recorder.phases), List.copyOf(recorder.events), names(db),
                    m.firstSent().orElse(null));
        }
    }

    /** The session's {@code synchronous_commit}. */
    static String commits(Connection c) throws Exception {
        try (var st = c.createStatement();
             var r = st.executeQuery("SHOW synchronous_commit")) {
            r.next();
            return r.getString(1);
        }
    }

    /**
     * The session's {@code synchronous_commit} is as a fresh keel session of {@code db} has it: keel's {@code off}
     * for the run undone ({@link #fresh} databases commit with {@code on}).
     */
    static void assertCommitsAsConfigured(Migrator m, Db db) throws Exception {
        try (Migrator.Session fresh = Migrator.open(Specs.database(db))) {
            assertEquals(commits(Migrator.connect(Specs.set(), Specs.database(db), fresh, Specs.FAST,
                    MigrateListener.silent(), Router.single(), "default").connection()), commits(m.connection()),
                    "commits wait for the disk as configured again");
        }
    }

    /** The same run with nothing sent ahead. */
    static Ran ranPlainly(MigrationSet set) throws Exception {
        try (Db db = fresh()) {
            var recorder = new Recorder();
            try (Migrator m = Migrator.connect(set, Specs.database(db), Specs.FAST, recorder)) {
                MigrateResult result = m.migrate(MigrateRequest.all());
                assertCommitsAsConfigured(m, db);
                return new Ran(result, List.copyOf(recorder.phases), List.copyOf(recorder.events), names(db),
                        m.firstSent().orElse(null));
            }
        }
    }

    /** A fresh database whose sessions commit waiting for the disk (the test server's own setting is off). */
    static Db fresh() throws Exception {
        Db db = Db.fresh();
        db.execute("ALTER DATABASE \"" + db.string("SELECT current_database()") + "\" SET synchronous_commit = on");
        return db;
    }

    static long tables(Db db, String like) throws Exception {
        return db.count("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE '" + like + "'");
    }

    @Test
    void theFirstMigrationSentAsTheSessionOpensIsTheRunsFirst() throws Exception {
        MigrationSet set = project(60);
        FirstSent first = firstSentOf(set);
        assertEquals("shop", first.app());
        assertEquals("0001_initial", first.name());
        assertEquals("BEGIN", first.statements().get(0));
        Ran plain = ranPlainly(set);
        try (Db db = fresh()) {
            Ran ahead = ranAhead(set, first, db);
            assertTrue(ahead.phases().contains(WAIT_AHEAD), "the first migration was taken as sent ahead: " + ahead.phases());
            assertEquals(plain.events(), ahead.events(), "reported as a run that sends nothing ahead");
            assertEquals(plain.recorded(), ahead.recorded());
            assertEquals(11, ahead.recorded().size());
            assertEquals(60, tables(db, "t%"));
            assertEquals(first, ahead.kept(), "what the run keeps is what it took");
        }
    }

    @Test
    void aFirstMigrationThatChangedIsRolledBackAndTheRunAppliesItsOwn() throws Exception {
        FirstSent sixty = firstSentOf(project(60));
        MigrationSet sixtyOne = project(61); // the same migration, edited: one table more
        try (Db db = fresh()) {
            Ran ran = ranAhead(sixtyOne, sixty, db);
            assertFalse(ran.phases().contains(WAIT_AHEAD), "not taken: " + ran.phases());
            assertTrue(ran.phases().contains(EarlyStartTest.WAIT), "sent early in its turn instead: " + ran.phases());
            assertEquals(61, tables(db, "t%"));
            assertEquals(11, ran.recorded().size());
            assertFalse(sixty.equals(ran.kept()), "what is kept is the migration as it is now");
        }
        // statements that are not the migration's, whatever they are, are rolled back
        var extra = new ArrayList<>(sixty.statements());
        extra.add(1, "CREATE TABLE not_in_any_migration (id bigint)");
        FirstSent foreign = new FirstSent(sixty.history(), sixty.app(), sixty.name(), null, sixty.lockTimeout(),
                sixty.statementTimeout(), extra);
        try (Db db = fresh()) {
            Ran ran = ranAhead(project(60), foreign, db);
            assertFalse(ran.phases().contains(WAIT_AHEAD));
            assertEquals(0, tables(db, "not_in_any_migration"));
            assertEquals(60, tables(db, "t%"));
        }
        // under other timeouts: not the run's either
        FirstSent slower = new FirstSent(sixty.history(), sixty.app(), sixty.name(), null,
                sixty.lockTimeout().plusSeconds(1), sixty.statementTimeout(), sixty.statements());
        try (Db db = fresh()) {
            Ran ran = ranAhead(project(60), slower, db);
            assertFalse(ran.phases().contains(WAIT_AHEAD));
            assertEquals(11, ran.recorded().size());
        }
    }

    @Test
    void nothingIsSentOntoAHistoryOtherThanTheOneItMet() throws Exception {
        MigrationSet set = project(60);
        FirstSent first = firstSentOf(set);
        try (Db db = fresh()) {
            db.execute("CREATE TABLE keel_migrations (app text NOT NULL, name text NOT NULL, checksum text NOT NULL,"
                    + " applied_at timestamptz NOT NULL DEFAULT now(), duration_ms bigint NOT NULL DEFAULT 0,"
                    + " phase text NOT NULL DEFAULT 'applied' CHECK (phase IN ('applied', 'applying', 'unapplying')),"
                    + " steps_done integer NOT NULL DEFAULT 0, PRIMARY KEY (app, name))",
                    "INSERT INTO keel_migrations (app, name, checksum) VALUES ('other', '0001_initial', 'v2:0')");
            Migrator.Session session = Migrator.open(Specs.database(db));
            session.sendAhead(first);
            // nothing held open: the statements were not sent
            assertEquals(0, db.count("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                    + Migrator.APPLICATION_NAME + "' AND state <> 'idle'"));
            session.close();
        }
    }

    @Test
    void aSessionUsedForAnythingElseLetsGoOfWhatItDidAhead() throws Exception {
        MigrationSet set = project(60);
        FirstSent first = firstSentOf(set);
        try (Db db = fresh()) {
            Migrator.Session session = Migrator.open(Specs.database(db));
            session.sendAhead(first);
            try (Migrator m = Migrator.connect(set, Specs.database(db), session, Specs.FAST, MigrateListener.silent(),
                    Router.single(), "default")) {
                StatusReport status = m.status();
                assertTrue(status.toString().contains("0001_initial"));
                assertEquals(0, tables(db, "t%"), "the migration sent ahead was rolled back");
                try (var st = db.connection.createStatement();
                     var r = st.executeQuery("SELECT pg_try_advisory_lock(" + dev.keel.runner.internal.AdvisoryLock.KEY + ")")) {
                    r.next();
                    assertTrue(r.getBoolean(1), "keel's lock was let go");
                }
                try (var st = db.connection.createStatement()) {
                    st.execute("SELECT pg_advisory_unlock(" + dev.keel.runner.internal.AdvisoryLock.KEY + ")");
                }
                assertCommitsAsConfigured(m, db);
                // and a migrate after it runs as usual
                assertEquals(11, m.migrate(MigrateRequest.all()).done().size());
            }
        }
    }

    @Test
    void withKeelsLockHeldElsewhereNothingIsSentAndTheRunWaitsInItsTurn() throws Exception {
        MigrationSet set = project(60);
        FirstSent first = firstSentOf(set);
        try (Db db = fresh();
             Connection other = DriverManager.getConnection(db.database.url(), db.database.user(), db.database.password())) {
            try (var st = other.createStatement()) {
                st.execute("SELECT pg_advisory_lock(" + dev.keel.runner.internal.AdvisoryLock.KEY + ")");
            }
            Migrator.Session session = Migrator.open(Specs.database(db));
            session.sendAhead(first);
            assertEquals(0, db.count("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                    + Migrator.APPLICATION_NAME + "' AND state <> 'idle'"), "nothing sent");
            var recorder = new Recorder();
            try (Migrator m = Migrator.connect(set, Specs.database(db), session, Specs.FAST, recorder, Router.single(),
                    "default")) {
                Thread release = new Thread(() -> {
                    try {
                        Thread.sleep(300);
                        try (var st = other.createStatement()) {
                            st.execute("SELECT pg_advisory_unlock(" + dev.keel.runner.internal.AdvisoryLock.KEY + ")");
                        }
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
                release.start();
                assertEquals(11, m.migrate(MigrateRequest.all()).done().size());
                release.join();
                assertTrue(recorder.notices.stream().anyMatch(e -> e.contains("Waiting for another keel migrate")),
                        "the run waited for the lock, saying so: " + recorder.notices);
                assertFalse(recorder.phases.contains(WAIT_AHEAD));
            }
        }
    }
}
