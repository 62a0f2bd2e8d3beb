package dev.keel.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client threads that write to {@code ticket} continuously, as the code already deployed does: half
 * inserts, half updates of a random existing row, each in its own transaction, at a fixed pace per
 * thread. Every write's start, duration and outcome is recorded.
 *
 * <p>The writes use the columns of the base schema, legacy_code included: during a deploy the old
 * code is still running, and it does not know about the change being applied. For a change that renames
 * {@code ticket}, {@link #deploy(String)} marks the moment the new code starts: from then on the writers
 * of odd number write the new name (the new code), the others go on writing {@code ticket} (the old code,
 * still running during a rolling deploy).
 */
final class WriteLoad implements AutoCloseable {
    static final String APPLICATION_NAME = "keel-load-writer";

    private static final String INSERT = "INSERT INTO %s (title, amount, priority, status, email, owner_id, legacy_code, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE %s SET amount = amount + 1, status = ?, legacy_code = ? WHERE id = ?";
    private static final AtomicLong EMAILS = new AtomicLong();

    private final String url;
    private final Properties props;
    private final long rows;
    private final long owners;
    private final long intervalNanos;
    private final long epoch;
    private final List<Writer> writers = new ArrayList<>();
    private final Thread[] threads;
    private volatile boolean running = true;
    /** The table the new code writes, once deployed; null before the deploy or when the change renames nothing. */
    private volatile String newCodeTable;
    final ConcurrentHashMap<String, Long> errors = new ConcurrentHashMap<>();

    WriteLoad(String url, Properties props, int threadCount, int writesPerSecondPerThread, long rows, long owners, long epoch) {
        this.url = url;
        this.props = new Properties();
        this.props.putAll(props);
        this.props.setProperty("ApplicationName", APPLICATION_NAME);
        this.rows = rows;
        this.owners = owners;
        this.intervalNanos = 1_000_000_000L / writesPerSecondPerThread;
        this.epoch = epoch;
        this.threads = new Thread[threadCount];
        for (int i = 0; i < threadCount; i++) {
            Writer w = new Writer(i);
            writers.add(w);
            threads[i] = new Thread(w, "writer-" + i);
            threads[i].setDaemon(true);
        }
    }

    /** The new code starts: writers of odd number write {@code table} from now on. */
    void deploy(String table) {
        newCodeTable = table;
    }

    void start() {
        for (Thread t : threads) {
            t.start();
        }
    }

    /** Stops the writers and returns every write they made. */
    Writes stop() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(120_000);
        }
        int n = writers.stream().mapToInt(w -> w.count).sum();
        long[] starts = new long[n];
        long[] durations = new long[n];
        boolean[] failed = new boolean[n];
        int k = 0;
        for (Writer w : writers) {
            System.arraycopy(w.starts, 0, starts, k, w.count);
            System.arraycopy(w.durations, 0, durations, k, w.count);
            System.arraycopy(w.failed, 0, failed, k, w.count);
            k += w.count;
        }
        return new Writes(starts, durations, failed, Map.copyOf(errors));
    }

    @Override
    public void close() throws InterruptedException {
        if (running) {
            stop();
        }
    }

    /** Every write of a run: start (nanoseconds since the run began), duration, failure. */
    record Writes(long[] starts, long[] durations, boolean[] failed, Map<String, Long> errors) {
        int size() {
            return starts.length;
        }
    }

    private final class Writer implements Runnable {
        private final int id;
        private final SplittableRandom random;
        long[] starts = new long[1 << 14];
        long[] durations = new long[1 << 14];
        boolean[] failed = new boolean[1 << 14];
        int count;

        Writer(int id) {
            this.id = id;
            this.random = new SplittableRandom(42 + id);
        }

        @Override
        public void run() {
            Connection conn = null;
            long next = System.nanoTime();
            while (running) {
                long now = System.nanoTime();
                if (now < next) {
                    sleepNanos(next - now);
                    continue;
                }
                next = Math.max(next + intervalNanos, now - intervalNanos);
                long start = System.nanoTime();
                boolean ok;
                try {
                    if (conn == null || conn.isClosed()) {
                        conn = DriverManager.getConnection(url, props);
                    }
                    write(conn);
                    ok = true;
                } catch (SQLException e) {
                    ok = false;
                    errors.merge(describe(e), 1L, Long::sum);
                    conn = closeIfBroken(conn);
                }
                record(start - epoch, System.nanoTime() - start, !ok);
            }
            closeQuietly(conn);
        }

        private void write(Connection conn) throws SQLException {
            String deployed = newCodeTable;
            String table = deployed != null && id % 2 == 1 ? deployed : "ticket";
            if (random.nextBoolean()) {
                try (PreparedStatement ps = conn.prepareStatement(INSERT.formatted(table))) {
                    ps.setString(1, "ticket written under load by " + id);
                    ps.setInt(2, random.nextInt(1000));
                    ps.setInt(3, random.nextInt(5));
                    ps.setString(4, "open");
                    ps.setString(5, "w" + EMAILS.incrementAndGet() + "-" + epoch + "@load.test");
                    ps.setLong(6, 1 + random.nextLong(owners));
                    ps.setString(7, "L" + random.nextInt(100_000));
                    ps.setObject(8, OffsetDateTime.now());
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = conn.prepareStatement(UPDATE.formatted(table))) {
                    ps.setString(1, random.nextBoolean() ? "open" : "closed");
                    ps.setString(2, "U" + random.nextInt(100_000));
                    ps.setLong(3, 1 + random.nextLong(rows));
                    ps.executeUpdate();
                }
            }
        }

        private void record(long start, long duration, boolean fail) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                durations = Arrays.copyOf(durations, count * 2);
                failed = Arrays.copyOf(failed, count * 2);
            }
            starts[count] = start;
            durations[count] = duration;
            failed[count] = fail;
            count++;
        }
    }

    private static String describe(SQLException e) {
        String msg = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return (e.getSQLState() == null ? "" : e.getSQLState() + " ") + msg;
    }

    private static Connection closeIfBroken(Connection conn) {
        try {
            if (conn != null && conn.isValid(2)) {
                return conn;
            }
        } catch (SQLException ignored) {
            // fall through: reconnect
        }
        closeQuietly(conn);
        return null;
    }

    private static void closeQuietly(Connection conn) {
        try {
            if (conn != null) {
                conn.close();
            }
        } catch (SQLException ignored) {
            // closing after the run: nothing to report
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
