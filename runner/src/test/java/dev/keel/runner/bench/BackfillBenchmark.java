package dev.keel.runner.bench;

import dev.keel.migration.BackfillResult;
import dev.keel.migration.MigrationKey;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.runner.MigrateListener;
import dev.keel.runner.internal.data.RunContext;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static dev.keel.migration.Operations.column;
import static dev.keel.migration.Operations.createModel;
import static dev.keel.migration.Operations.table;

/**
 * The backfill benchmark (issue 7), run by {@code bench/backfill.sh}: fills a column of an N-row
 * table (default 1,000,000) once with one {@code UPDATE} of the whole table, the upper bound on
 * speed, and then with keel's batched helper ({@code ctx.batches(...).update(...)}) at each batch
 * size asked for. For each it reports rows per second, the longest lock held (the single statement's
 * transaction; the longest batch), and the longest wait of a probe session that meanwhile updates one
 * random row every 20 ms, as the application would. Each run starts from a fresh copy of the table.
 *
 * <p>Arguments: {@code [ROWS] [BATCH_SIZE...]}, default {@code 1000000 1000 10000}. The server is
 * the embedded PostgreSQL of keel's tests, or the one {@code KEEL_TEST_DB_URL} names.
 */
public final class BackfillBenchmark {
    /** The word count of {@code body}, as the newsroom sample's backfill computes it. */
    static final String WORDS = "CASE WHEN body ~ '^\\s*$' THEN 0 ELSE array_length(regexp_split_to_array("
            + "regexp_replace(body, '^\\s+|\\s+$', '', 'g'), '\\s+'), 1) END";
    static final Duration PROBE_INTERVAL = Duration.ofMillis(20);

    private BackfillBenchmark() {}

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i].replace("_", "")));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(1_000, 10_000);
        }
        try (TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            System.out.println("server: " + scalar(c, "SELECT version()"));
            System.out.println("settings: fsync=" + scalar(c, "SHOW fsync") + ", synchronous_commit="
                    + scalar(c, "SHOW synchronous_commit") + ", shared_buffers=" + scalar(c, "SHOW shared_buffers"));
            System.out.println("java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                    + ", cores: " + Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "table: %,d rows (id bigint primary key, body text of 1-7 words, word_count integer)%n%n", rows);
            execute(c, "CREATE TABLE article_source AS SELECT n::bigint AS id, repeat('word ', (n % 7)::int + 1) AS body"
                    + " FROM generate_series(1, " + rows + ") n");

            var results = new ArrayList<String>();
            results.add(String.format(Locale.ROOT, "%-34s %12s %10s %9s %20s %22s", "method", "rows/s", "total",
                    "batches", "longest lock held", "longest probe wait"));
            results.add(single(db, c, rows));
            for (int size : sizes) {
                results.add(batched(db, c, rows, size));
            }
            System.out.println();
            results.forEach(System.out::println);
        }
    }

    /** One UPDATE of the whole table: its transaction holds every row lock until it commits. */
    private static String single(TestDatabase db, Connection c, long rows) throws Exception {
        freshTable(c);
        try (Probe probe = Probe.start(db, rows)) {
            long t0 = System.nanoTime();
            long changed;
            try (var st = c.createStatement()) {
                changed = st.executeUpdate("UPDATE article SET word_count = " + WORDS);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            check(c, rows, changed);
            return line("one UPDATE of the whole table", rows / seconds(took), took, 1, took, probe.stop());
        }
    }

    /** keel's batched helper, as a migration calls it. */
    private static String batched(TestDatabase db, Connection c, long rows, int size) throws Exception {
        freshTable(c);
        ProjectState state = StateTransitions.apply(createModel("article", table("article").entity("Article")
                .field("id", column("id", "bigint"))
                .field("body", column("body", "text"))
                .field("wordCount", column("word_count", "integer").nullable())
                .primaryKey("id")), "bench", ProjectState.EMPTY);
        MigrateListener out = new MigrateListener() {
            @Override
            public void log(MigrationKey key, String line) {
                System.out.println("  " + line);
            }
        };
        var ctx = new RunContext(new MigrationKey("bench", "0002_fill_word_count_" + size), "countWords", c, state, out);
        try (Probe probe = Probe.start(db, rows)) {
            BackfillResult r = ctx.batches("article").size(size)
                    .where(ctx.column("article", "wordCount") + " IS NULL")
                    .update(ctx.column("article", "wordCount") + " = " + WORDS);
            check(c, rows, r.changed());
            return line(String.format(Locale.ROOT, "keel ctx.batches, size %,d", size), r.rowsPerSecond(), r.took(),
                    r.batches(), r.longest(), probe.stop());
        }
    }

    private static void freshTable(Connection c) throws SQLException {
        execute(c, "DROP TABLE IF EXISTS article");
        execute(c, "CREATE TABLE article (id bigint PRIMARY KEY, body text NOT NULL, word_count integer, title text)");
        execute(c, "INSERT INTO article (id, body) SELECT id, body FROM article_source");
        execute(c, "VACUUM ANALYZE article");
        execute(c, "CHECKPOINT");
    }

    private static void check(Connection c, long rows, long changed) throws SQLException {
        long filled = Long.parseLong(scalar(c, "SELECT count(*) FROM article WHERE word_count = id % 7 + 1"));
        if (filled != rows || changed != rows) {
            throw new IllegalStateException("the backfill filled " + filled + " rows (" + changed + " changed) of " + rows);
        }
    }

    private static String line(String method, double rowsPerSecond, Duration took, int batches, Duration longestLock,
                               Duration longestWait) {
        return String.format(Locale.ROOT, "%-34s %,12.0f %10s %,9d %20s %22s", method, rowsPerSecond, human(took), batches,
                human(longestLock), human(longestWait));
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement(); ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    /**
     * Another session, as the application: every {@link #PROBE_INTERVAL} it updates one random row
     * (autocommit), and records the longest it had to wait.
     */
    static final class Probe implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong longest = new AtomicLong();
        private final Thread thread;
        private volatile Exception failure;

        private Probe(TestDatabase db, long rows) {
            thread = new Thread(() -> {
                try (Connection c = db.connect();
                     PreparedStatement ps = c.prepareStatement("UPDATE article SET title = 'probe' WHERE id = ?")) {
                    while (running.get()) {
                        ps.setLong(1, ThreadLocalRandom.current().nextLong(1, rows + 1));
                        long t0 = System.nanoTime();
                        ps.executeUpdate();
                        longest.accumulateAndGet(System.nanoTime() - t0, Math::max);
                        Thread.sleep(PROBE_INTERVAL.toMillis());
                    }
                } catch (Exception e) {
                    failure = e;
                }
            }, "backfill-probe");
            thread.start();
        }

        static Probe start(TestDatabase db, long rows) {
            return new Probe(db, rows);
        }

        /** Stops the probe and returns its longest wait. */
        Duration stop() throws Exception {
            running.set(false);
            thread.join();
            if (failure != null) {
                throw failure;
            }
            return Duration.ofNanos(longest.get());
        }

        @Override
        public void close() throws Exception {
            if (running.get()) {
                stop();
            }
        }
    }
}
