package dev.keel.runner;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.support.Db;
import dev.keel.state.Identity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How many round trips to PostgreSQL {@code migrate} spends per migration, counted on the wire between keel and a
 * real server (one: the migration's statements, its record and the {@code COMMIT} sent together), and that sending
 * them together keeps the migration and its record together: a record that fails leaves nothing of the migration, a
 * commit that fails leaves neither; and that a statement that fails among them is named as when it was sent alone.
 */
class MigrateRoundTripsTest {
    static final MigrationSpec INITIAL = Specs.spec("shop.0001_initial").ops(
            createModel("item", table("item").entity("Item")
                    .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                    .primaryKey("id")));

    /** {@code count} migrations after the initial one, each adding one nullable column (one statement each). */
    static MigrationSet addingColumns(int count) {
        var specs = new ArrayList<MigrationSpec>(List.of(INITIAL));
        String previous = "shop.0001_initial";
        for (int i = 2; i <= count + 1; i++) {
            String name = String.format("shop.%04d_add_extra_%d", i, i);
            specs.add(Specs.spec(name).after(previous).ops(
                    addField("item", "extra" + i, column("extra_" + i, "integer").nullable())));
            previous = name;
        }
        return Specs.set(specs.toArray(MigrationSpec[]::new));
    }

    /**
     * A TCP relay between keel and the test server that counts round trips: each time the client sends after the
     * server has answered with {@code ReadyForQuery} (or first), one more. (The server may flush part of its answer
     * while the client is still sending; the client waits for nothing until its {@code Sync} is answered.)
     */
    static final class Relay implements AutoCloseable {
        final ServerSocket server;
        final AtomicInteger roundTrips = new AtomicInteger();
        /** Everything the clients sent, as ISO-8859-1 text (the statements' text is readable in it). */
        final StringBuffer sent = new StringBuffer();
        private final String host;
        private final int port;
        private final List<Socket> clients = new ArrayList<>();
        private final List<Socket> upstreams = new ArrayList<>();
        /** Per connection, set by {@link #partition}: nothing of it is relayed any more, its server's side stays open. */
        private final List<AtomicBoolean> partitioned = new ArrayList<>();

        Relay(String host, int port) throws IOException {
            this.host = host;
            this.port = port;
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(this::accept, "relay-accept");
            accept.setDaemon(true);
            accept.start();
        }

        private void accept() {
            try {
                while (true) {
                    Socket client = server.accept();
                    Socket upstream = new Socket(host, port);
                    var cut = new AtomicBoolean();
                    synchronized (clients) {
                        clients.add(client);
                        upstreams.add(upstream);
                        partitioned.add(cut);
                    }
                    var answered = new AtomicBoolean(true);
                    byte[] tail = new byte[6];
                    pump(client.getInputStream(), upstream.getOutputStream(), cut, (b, n) -> {
                        if (answered.getAndSet(false)) {
                            roundTrips.incrementAndGet();
                        }
                        sent.append(new String(b, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1));
                    });
                    pump(upstream.getInputStream(), client.getOutputStream(), cut, (b, n) -> {
                        // the last six bytes the server sent: ReadyForQuery is 'Z', length 5, the transaction status
                        for (int i = 0; i < n; i++) {
                            System.arraycopy(tail, 1, tail, 0, 5);
                            tail[5] = b[i];
                        }
                        if (tail[0] == 'Z' && tail[1] == 0 && tail[2] == 0 && tail[3] == 0 && tail[4] == 5) {
                            answered.set(true);
                        }
                    });
                }
            } catch (IOException closed) {
                // the relay is closed
            }
        }

        /** What a pump does with the bytes it relays. */
        private interface Seen {
            void bytes(byte[] buffer, int n);
        }

        private static void pump(InputStream in, OutputStream out, AtomicBoolean partitioned, Seen onData) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[65536];
                try {
                    for (int n; (n = in.read(buffer)) > 0 && !partitioned.get(); ) {
                        onData.bytes(buffer, n);
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException closed) {
                    // one side went away
                } finally {
                    try {
                        if (!partitioned.get()) {
                            out.close();
                        }
                    } catch (IOException ignored) {
                        // already closed
                    }
                }
            }, "relay-pump");
            t.setDaemon(true);
            t.start();
        }

        /**
         * Cuts the connections relayed so far as a network failure would: the client's side is closed, the server's
         * stays open, so that the server's sessions do not know (until {@link #close}). New connections go through.
         */
        void partition() throws IOException {
            synchronized (clients) {
                partitioned.forEach(p -> p.set(true));
                for (Socket s : clients) {
                    s.close();
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (clients) {
                for (Socket s : clients) {
                    s.close();
                }
                for (Socket s : upstreams) {
                    s.close();
                }
            }
        }
    }

    /** The database of {@code db}, reached through {@code relay}. */
    static Database through(Relay relay, Db db) {
        String url = db.database.url();
        URI uri = URI.create(url.substring("jdbc:".length()));
        String relayed = url.replace("//" + uri.getHost() + ":" + uri.getPort() + "/",
                "//127.0.0.1:" + relay.server.getLocalPort() + "/");
        assertTrue(!relayed.equals(url), "the test server's URL names host and port: " + url);
        return new Database(relayed, db.database.user(), db.database.password(), null, "start the test server");
    }

    /** The round trips of one whole {@code migrate} of {@code set} onto the fresh database {@code db}. */
    static int migrateRoundTrips(MigrationSet set) throws Exception {
        try (Db db = Db.fresh()) {
            URI uri = URI.create(db.database.url().substring("jdbc:".length()));
            try (Relay relay = new Relay(uri.getHost(), uri.getPort());
                 Migrator m = Migrator.connect(set, through(relay, db), Specs.FAST, MigrateListener.silent())) {
                int before = relay.roundTrips.get();
                MigrateResult r = m.migrate(MigrateRequest.all());
                assertEquals(set.specs().size(), r.done().size());
                return relay.roundTrips.get() - before;
            }
        }
    }

    @Test
    void migrationsThatNeedNoAnswerAreSentSeveralPerRoundTripEachWithItsRecordAndCommit() throws Exception {
        // BEGIN, the statement, the record and COMMIT: four statements each
        int most = Math.min(dev.keel.runner.internal.Executor.MOST_TOGETHER,
                dev.keel.runner.internal.Executor.MOST_TOGETHER_STATEMENTS / 4);
        // the initial migration and the others, each one statement, go together up to the bound of one round trip
        for (int count : new int[] {1, 10, most - 1, most, 2 * most + 5}) {
            int trips = migrateRoundTrips(addingColumns(count));
            int sends = (count + 1 + most - 1) / most;
            assertEquals(FIXED_ROUND_TRIPS + sends, trips, "round trips of a run of " + (count + 1) + " migrations: the"
                    + " fixed ones and " + sends + " for the migrations, at most " + most + " per round trip");
        }
    }

    /**
     * What a run of {@code migrate} costs in round trips besides its migrations: the advisory lock, keel's tables made
     * and the history read (one), the session's commit setting, the timeouts, the flush at the end (one: the setting
     * back and a commit that waits for the disk), the lock let go; a project without squashes reads the history neither
     * again before nor after its migrations (11 before keel's tables and the history went together, and the flush took
     * four).
     */
    static final int FIXED_ROUND_TRIPS = 6;

    /**
     * Preparing keel's session ({@link Migrator#open}: the client check and the keepalives, each only where no one chose
     * a value) costs two round trips after the connection's own (five before: one read, then one per setting), and
     * the command line spends them on its connecting thread, while the migrations are read.
     */
    @Test
    void preparingTheSessionTakesTwoRoundTrips() throws Exception {
        try (Db db = Db.fresh()) {
            URI uri = URI.create(db.database.url().substring("jdbc:".length()));
            try (Relay relay = new Relay(uri.getHost(), uri.getPort())) {
                Database through = through(relay, db);
                int before = relay.roundTrips.get();
                int connecting;
                try (java.sql.Connection c = through.connect(Migrator.APPLICATION_NAME)) {
                    connecting = relay.roundTrips.get() - before; // before its close, which sends one more message
                }
                // the close's message (Terminate) counts one more, once the relay's thread has seen it
                for (long end = System.nanoTime() + 10_000_000_000L; relay.roundTrips.get() < before + connecting + 1
                        && System.nanoTime() < end; ) {
                    Thread.sleep(10);
                }
                assertEquals(before + connecting + 1, relay.roundTrips.get(), "the connection's close");
                before = relay.roundTrips.get();
                try (Migrator.Session session = Migrator.open(through)) {
                    assertEquals(connecting + 2, relay.roundTrips.get() - before, "connecting took " + connecting);
                }
            }
        }
    }

    /** Each migration sent together is committed on its own, with its record, timed by the server. */
    @Test
    void eachMigrationSentTogetherIsRecordedInItsOwnTransactionWithTheServersTime() throws Exception {
        MigrationSpec slow = Specs.spec("shop.0002_slow").after("shop.0001_initial").ops(
                runSql("INSERT INTO item (id) VALUES (1)", "DELETE FROM item"));
        MigrationSpec check = Specs.spec("shop.0003_check").after("shop.0002_slow").ops(
                addConstraint("item", check("item_slow_check", "pg_sleep(0.3) IS NOT NULL")));
        MigrationSpec after = Specs.spec("shop.0004_after").after("shop.0003_check").ops(
                addField("item", "extra", column("extra", "integer").nullable()));
        var recorder = new Recorder();
        var took = new java.util.concurrent.ConcurrentHashMap<String, Long>();
        MigrateListener listener = new MigrateListener() {
            @Override
            public void started(dev.keel.migration.MigrationKey key, Action action) {
                recorder.started(key, action);
            }

            @Override
            public void finished(dev.keel.migration.MigrationKey key, Action action, java.time.Duration d) {
                recorder.finished(key, action, d);
                took.put(key.name(), d.toMillis());
            }
        };
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, Specs.set(INITIAL, slow, check, after), Specs.FAST, listener)) {
            MigrateResult r = m.migrate(MigrateRequest.all());
            assertEquals(4, r.done().size());
            assertEquals(List.of("Applying shop.0001_initial", "done shop.0001_initial", "Applying shop.0002_slow",
                    "done shop.0002_slow", "Applying shop.0003_check", "done shop.0003_check", "Applying shop.0004_after",
                    "done shop.0004_after"), recorder.events);
            // one transaction each: four distinct transaction start times, in order
            assertEquals(4, db.count("SELECT count(DISTINCT applied_at) FROM keel_migrations"));
            long recorded = db.count("SELECT duration_ms FROM keel_migrations WHERE name = '0003_check'");
            assertTrue(recorded >= 300 && recorded < 5000, "the server's time of the check: " + recorded);
            assertEquals(recorded, took.get("0003_check"), "the time reported is the one recorded");
            assertTrue(db.count("SELECT duration_ms FROM keel_migrations WHERE name = '0004_after'") < 300);
            assertEquals(recorded, r.done().get(2).durationMs());
        }
    }

    /**
     * A migration that fails among those sent together (the first, one in the middle, the last): the migrations before
     * it stay applied, recorded and reported applied; it and those after it are neither applied nor recorded; the
     * failure names it, the step, its SQL and PostgreSQL's message with its position, as when it is sent alone; and a
     * later run applies the rest.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {2, 4, 6})
    void aMigrationThatFailsAmongThoseSentTogetherLeavesThoseBeforeItAppliedAndNothingAfter(int failing) throws Exception {
        var specs = new ArrayList<MigrationSpec>(List.of(INITIAL));
        String previous = "shop.0001_initial";
        for (int i = 2; i <= 6; i++) {
            String name = String.format("shop.%04d_add_%d", i, i);
            specs.add(Specs.spec(name).after(previous).ops(
                    addField("item", "a" + i, column("a_" + i, "integer").nullable()),
                    addField("item", "b" + i, column("b_" + i, i == failing ? "no_such_type" : "text").nullable())));
            previous = name;
        }
        var recorder = new Recorder();
        try (Db db = Db.fresh()) {
            URI uri = URI.create(db.database.url().substring("jdbc:".length()));
            try (Relay relay = new Relay(uri.getHost(), uri.getPort());
                 Migrator m = Migrator.connect(Specs.set(specs.toArray(MigrationSpec[]::new)), through(relay, db), Specs.FAST,
                         recorder)) {
                // the initial migration first: the five others then go together
                m.migrate(new MigrateRequest("shop", "0001_initial", false, false));
                recorder.events.clear();
                var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
                String key = String.format("shop.%04d_add_%d", failing, failing);
                String statement = "ALTER TABLE item ADD COLUMN b_" + failing + " no_such_type";
                int position = statement.indexOf("no_such_type") + 1;
                assertTrue(e.getMessage().startsWith("migration " + key + " (test:" + key + "): applying failed at step 2"
                        + " of 2 (Add field b" + failing + " to item):\n    " + statement + "\nPostgreSQL: ERROR: type"
                        + " \"no_such_type\" does not exist\n  Position: " + position + " (SQLSTATE 42704)\nNothing of " + key
                        + " was applied"), e.getMessage());
                var applied = new ArrayList<String>(List.of("0001_initial"));
                var events = new ArrayList<String>();
                for (int i = 2; i < failing; i++) {
                    applied.add(String.format("%04d_add_%d", i, i));
                    events.add(String.format("Applying shop.%04d_add_%d", i, i));
                    events.add(String.format("done shop.%04d_add_%d", i, i));
                }
                events.add("Applying " + key);
                assertEquals(applied, names(db));
                assertEquals(events, recorder.events, "reported applied: those before the failure");
                assertEquals(failing - 2, db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'item'"
                        + " AND column_name LIKE 'b\\_%'"), "the columns of the migrations before it, and none after");
                assertEquals(failing - 2, db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'item'"
                        + " AND column_name LIKE 'a\\_%'"), "nothing of the failed migration, nothing after it");
                // the session is usable again and the same run is repeatable: it stops at the same migration
                assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
                assertEquals(applied, names(db));
            }
        }
    }

    /**
     * A failure in one send stops the run there: the migrations of the sends after it are not sent at all, and none
     * after the failed one is applied, however many there are.
     */
    @Test
    void aFailureStopsTheRunWhereverTheSendsEnd() throws Exception {
        var specs = new ArrayList<MigrationSpec>(List.of(INITIAL));
        String previous = "shop.0001_initial";
        for (int i = 2; i <= 130; i++) {
            String name = String.format("shop.%04d_add_%d", i, i);
            specs.add(Specs.spec(name).after(previous).ops(
                    addField("item", "c" + i, column("c_" + i, i == 3 ? "no_such_type" : "integer").nullable())));
            previous = name;
        }
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, Specs.set(specs.toArray(MigrationSpec[]::new)), Specs.FAST,
                MigrateListener.silent())) {
            var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
            assertTrue(e.getMessage().startsWith("migration shop.0003_add_3 (test:shop.0003_add_3): applying failed at step 1"
                    + " of 1"), e.getMessage());
            assertEquals(List.of("0001_initial", "0002_add_2"), names(db));
            assertEquals(1, db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'item'"
                    + " AND column_name LIKE 'c\\_%'"));
        }
    }

    /**
     * One migration of more statements than the driver sends before a {@code Sync} of its own (about 256): a failure
     * early among them is still named with its step, and nothing of the migration stays.
     */
    @Test
    void aFailureEarlyInAMigrationOfManyStatementsIsNamedAndNothingOfItStays() throws Exception {
        var ops = new ArrayList<dev.keel.operations.Operation>();
        for (int i = 1; i <= 300; i++) {
            ops.add(addField("item", "c" + i, column("c_" + i, i == 10 ? "no_such_type" : "integer").nullable()));
        }
        MigrationSpec many = Specs.spec("shop.0002_many").after("shop.0001_initial")
                .ops(ops.toArray(dev.keel.operations.Operation[]::new));
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, Specs.set(INITIAL, many), Specs.FAST, MigrateListener.silent())) {
            m.migrate(new MigrateRequest("shop", "0001_initial", false, false));
            var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
            assertTrue(e.getMessage().startsWith("migration shop.0002_many (test:shop.0002_many): applying failed at step 10"
                    + " of 300 (Add field c10 to item):\n    ALTER TABLE item ADD COLUMN c_10 no_such_type\n"), e.getMessage());
            assertEquals(List.of("0001_initial"), names(db));
            assertEquals(0, db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'item'"
                    + " AND column_name LIKE 'c\\_%'"));
        }
    }

    @Test
    void aRecordThatFailsLeavesNothingOfItsMigration() throws Exception {
        MigrationSet set = addingColumns(2);
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, set, Specs.FAST, MigrateListener.silent())) {
            m.migrate(new MigrateRequest("shop", "0002_add_extra_2", false, false));
            db.execute("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.name = '0003_add_extra_3'"
                            + " THEN RAISE EXCEPTION 'history refused %', NEW.name; END IF; RETURN NEW; END $$",
                    "CREATE TRIGGER refuse BEFORE INSERT ON keel_migrations FOR EACH ROW EXECUTE FUNCTION refuse()");
            var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
            assertEquals(ErrorKind.DATABASE, e.kind());
            assertTrue(e.getMessage().contains("history refused 0003_add_extra_3"), e.getMessage());
            assertEquals(0, db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'item'"
                    + " AND column_name = 'extra_3'"), "the failed migration's column is rolled back");
            assertEquals(1, db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'item'"
                    + " AND column_name = 'extra_2'"));
            assertEquals(List.of("0001_initial", "0002_add_extra_2"), names(db));
            // the session is usable again: the next run applies it once the history takes it
            db.execute("DROP TRIGGER refuse ON keel_migrations");
            assertEquals(1, m.migrate(MigrateRequest.all()).done().size());
            assertEquals(List.of("0001_initial", "0002_add_extra_2", "0003_add_extra_3"), names(db));
        }
    }

    @Test
    void aCommitThatFailsLeavesNeitherTheMigrationNorItsRecord() throws Exception {
        // a deferred constraint is checked at COMMIT: the migration's row breaks it, so its commit fails
        MigrationSpec breaking = Specs.spec("shop.0002_orphan").after("shop.0001_initial").ops(
                runSql("CREATE TABLE line (id bigint PRIMARY KEY, item_id bigint REFERENCES item (id)"
                        + " DEFERRABLE INITIALLY DEFERRED)", "DROP TABLE line"),
                runSql("INSERT INTO line VALUES (1, 42)", "DELETE FROM line"));
        MigrationSet set = Specs.set(INITIAL, breaking);
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, set, Specs.FAST, MigrateListener.silent())) {
            var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
            assertEquals(ErrorKind.DATABASE, e.kind());
            assertTrue(e.getMessage().contains("line_item_id_fkey"), e.getMessage());
            assertEquals(0, db.count("SELECT count(*) FROM pg_tables WHERE tablename = 'line'"));
            assertEquals(List.of("0001_initial"), names(db));
            assertTrue(m.status().migrations().stream().anyMatch(s -> s.key().equals(breaking.key())
                    && s.mark() == MigrationStatus.Mark.NOT_APPLIED), m.status().migrations().toString());
        }
    }

    /**
     * A statement that fails among those sent together (first, in the middle, last before the record) is named as
     * when each was sent alone: the migration, the step and its SQL, PostgreSQL's message and its position in that
     * statement; nothing of the migration stays, and the migrations before it stay applied.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3})
    void aStatementThatFailsAmongThoseSentTogetherIsNamedWithItsStepAndPosition(int failing) throws Exception {
        var ops = new ArrayList<dev.keel.operations.Operation>();
        for (int i = 1; i <= 3; i++) {
            ops.add(addField("item", "c" + i, column("c_" + i, i == failing ? "no_such_type" : "integer").nullable()));
        }
        MigrationSpec three = Specs.spec("shop.0002_three").after("shop.0001_initial")
                .ops(ops.toArray(dev.keel.operations.Operation[]::new));
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, Specs.set(INITIAL, three), Specs.FAST, MigrateListener.silent())) {
            var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
            assertEquals(ErrorKind.DATABASE, e.kind());
            String statement = "ALTER TABLE item ADD COLUMN c_" + failing + " no_such_type";
            int position = statement.indexOf("no_such_type") + 1;
            assertTrue(e.getMessage().startsWith("migration shop.0002_three (test:shop.0002_three): applying failed at step "
                    + failing + " of 3 (Add field c" + failing + " to item):\n    " + statement + "\nPostgreSQL: ERROR: type"
                    + " \"no_such_type\" does not exist\n  Position: " + position + " (SQLSTATE 42704)\nNothing of"
                    + " shop.0002_three was applied"), e.getMessage());
            assertEquals(0, db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'item'"
                    + " AND column_name LIKE 'c\\_%'"), "nothing of the failed migration stays");
            assertEquals(List.of("0001_initial"), names(db));
        }
    }

    /**
     * The statement timeout still bounds each statement of those sent together, not their sum: two statements of
     * 0.6 s each under a timeout of 1 s both run (PostgreSQL times a statement of an extended-protocol sequence
     * from its messages to the completion of its Execute), and one of 1.5 s is stopped, named as its step.
     */
    @Test
    void theStatementTimeoutBoundsEachStatementSentTogetherNotTheirSum() throws Exception {
        MigrationSpec slow = Specs.spec("shop.0002_slow").after("shop.0001_initial").ops(
                runSql("""
                        CREATE FUNCTION slow_positive(x bigint, pause float8) RETURNS boolean IMMUTABLE LANGUAGE plpgsql AS $$
                        BEGIN PERFORM pg_sleep(pause); RETURN x > 0; END $$""", "DROP FUNCTION slow_positive"),
                runSql("INSERT INTO item (id) VALUES (1), (2), (3)", "DELETE FROM item"));
        MigrationSpec checks = Specs.spec("shop.0003_checks").after("shop.0002_slow").ops(
                addConstraint("item", check("item_a_check", "slow_positive(id, 0.2)")),
                addConstraint("item", check("item_b_check", "slow_positive(id, 0.2)")));
        MigrationSpec slower = Specs.spec("shop.0004_slower").after("shop.0003_checks").ops(
                addConstraint("item", check("item_c_check", "slow_positive(id, 0.1)")),
                addConstraint("item", check("item_d_check", "slow_positive(id, 0.5)")));
        RunnerSettings timed = Specs.FAST.withTimeouts(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(1));
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, Specs.set(INITIAL, slow, checks, slower), timed,
                MigrateListener.silent())) {
            m.migrate(new MigrateRequest("shop", "0003_checks", false, false));
            assertEquals(List.of("0001_initial", "0002_slow", "0003_checks"), names(db));
            var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
            assertTrue(e.getMessage().startsWith("migration shop.0004_slower (test:shop.0004_slower): applying failed at"
                    + " step 2 of 2"), e.getMessage());
            assertTrue(e.getMessage().contains("statement_timeout 1s"), e.getMessage());
            assertEquals(0, db.count("SELECT count(*) FROM pg_constraint WHERE conname = 'item_c_check'"));
        }
    }

    static List<String> names(Db db) throws Exception {
        var out = new ArrayList<String>();
        try (var st = db.connection.createStatement();
             var r = st.executeQuery("SELECT name FROM keel_migrations ORDER BY name")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
