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
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Client threads that write to {@code ticket} continuously, as the code already deployed does: half
 * inserts, half updates of a random existing row, each in its own transaction, at a fixed pace per
 * thread. Every write's start, duration, outcome and the code that made it (old or new) is recorded.
 *
 * <p>The writes use the columns of the base schema, legacy_code included: during a deploy the old
 * code is still running, and it does not know about the change being applied. For a change the new code
 * sees differently (a renamed table or column, a column of another type: a {@link Code}),
 * {@link #deploy()} marks the moment the new code starts: from then on the writers of odd number write
 * as the new entity class does, the others go on writing as the old one does (the old code, still running
 * during a rolling deploy), until {@link #retireOldCode()} (the deploy is over: every writer is new code).
 */
final class WriteLoad implements AutoCloseable {
    static final String APPLICATION_NAME = "keel-load-writer";

    /** The base entity's columns, in the order of the inserts. */
    private static final List<String> INSERTED = List.of("title", "amount", "priority", "status", "email", "owner_id", "legacy_code", "created_at");
    /** The columns every update sets: amount = amount + 1, and these from parameters. */
    private static final List<String> UPDATED = List.of("status", "legacy_code");
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
    private final Code oldCode;
    /** How the new code writes; null when the change touches nothing the writers write. */
    private final Code newCode;
    /** The new code runs: the writers of odd number write as it does. */
    private volatile boolean newCodeDeployed;
    /** The deploy is over: every writer writes as the new code. */
    private volatile boolean oldCodeRetired;
    final ConcurrentHashMap<String, Long> errors = new ConcurrentHashMap<>();

    /**
     * How one version of the code writes {@code ticket}: the table it names, its physical column for each of the base
     * entity's columns that it names differently ({@code priority} → {@code urgency}), the base columns it binds as a
     * {@code long} (the new entity's field is a {@code long}), and the base columns of the change that its updates
     * also set, so that each side's updates reach the column the other side reads.
     */
    record Code(String table, Map<String, String> columns, Set<String> bigint, Set<String> updatedToo, boolean isNew) {
        String column(String base) {
            return columns.getOrDefault(base, base);
        }

        String insertSql() {
            return "INSERT INTO " + table + " (" + INSERTED.stream().map(this::column).collect(Collectors.joining(", "))
                    + ") VALUES (" + INSERTED.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        }

        /** The columns an update sets from parameters, base names. */
        List<String> updated() {
            List<String> all = new ArrayList<>(UPDATED);
            updatedToo.stream().sorted().filter(c -> !all.contains(c) && !c.equals("amount")).forEach(all::add);
            return all;
        }

        String updateSql() {
            return "UPDATE " + table + " SET " + column("amount") + " = " + column("amount") + " + 1, "
                    + updated().stream().map(c -> column(c) + " = ?").collect(Collectors.joining(", ")) + " WHERE id = ?";
        }
    }

    WriteLoad(String url, Properties props, int threadCount, int writesPerSecondPerThread, long rows, long owners, long epoch,
              Code oldCode, Code newCode) {
        this.url = url;
        this.oldCode = oldCode;
        this.newCode = newCode;
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

    /** The new code starts: writers of odd number write as it does from now on (nothing changes when the change has none). */
    void deploy() {
        newCodeDeployed = true;
    }

    /** The old code stops: every writer writes as the new code from now on. */
    void retireOldCode() {
        oldCodeRetired = true;
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
        boolean[] byNewCode = new boolean[n];
        int k = 0;
        for (Writer w : writers) {
            System.arraycopy(w.starts, 0, starts, k, w.count);
            System.arraycopy(w.durations, 0, durations, k, w.count);
            System.arraycopy(w.failed, 0, failed, k, w.count);
            System.arraycopy(w.byNewCode, 0, byNewCode, k, w.count);
            k += w.count;
        }
        return new Writes(starts, durations, failed, byNewCode, Map.copyOf(errors));
    }

    @Override
    public void close() throws InterruptedException {
        if (running) {
            stop();
        }
    }

    /** Every write of a run: start (nanoseconds since the run began), duration, failure, whether the new code made it. */
    record Writes(long[] starts, long[] durations, boolean[] failed, boolean[] byNewCode, Map<String, Long> errors) {
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
        boolean[] byNewCode = new boolean[1 << 14];
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
                Code code = newCode != null && newCodeDeployed && (id % 2 == 1 || oldCodeRetired) ? newCode : oldCode;
                long start = System.nanoTime();
                boolean ok;
                try {
                    if (conn == null || conn.isClosed()) {
                        conn = DriverManager.getConnection(url, props);
                    }
                    write(conn, code);
                    ok = true;
                } catch (SQLException e) {
                    ok = false;
                    errors.merge((newCode == null ? "" : code.isNew() ? "new code: " : "old code: ") + describe(e), 1L, Long::sum);
                    conn = closeIfBroken(conn);
                }
                record(start - epoch, System.nanoTime() - start, !ok, code.isNew());
            }
            closeQuietly(conn);
        }

        private void write(Connection conn, Code code) throws SQLException {
            if (random.nextBoolean()) {
                try (PreparedStatement ps = conn.prepareStatement(code.insertSql())) {
                    int i = 1;
                    for (String column : INSERTED) {
                        bind(ps, i++, column, code);
                    }
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = conn.prepareStatement(code.updateSql())) {
                    int i = 1;
                    for (String column : code.updated()) {
                        bind(ps, i++, column, code);
                    }
                    ps.setLong(i, 1 + random.nextLong(rows));
                    ps.executeUpdate();
                }
            }
        }

        /** A value for the base column {@code column}, as the code's entity binds it. */
        private void bind(PreparedStatement ps, int index, String column, Code code) throws SQLException {
            switch (column) {
                case "title" -> ps.setString(index, "ticket written under load by " + id);
                case "amount" -> bindInt(ps, index, random.nextInt(1000), code.bigint().contains(column));
                case "priority" -> bindInt(ps, index, random.nextInt(5), code.bigint().contains(column));
                case "status" -> ps.setString(index, random.nextBoolean() ? "open" : "closed");
                case "email" -> ps.setString(index, "w" + EMAILS.incrementAndGet() + "-" + epoch + "@load.test");
                case "owner_id" -> ps.setLong(index, 1 + random.nextLong(owners));
                case "legacy_code" -> ps.setString(index, "L" + random.nextInt(100_000));
                case "created_at" -> ps.setObject(index, OffsetDateTime.now());
                default -> throw new IllegalArgumentException("the writers know no column " + column);
            }
        }

        private static void bindInt(PreparedStatement ps, int index, int value, boolean asLong) throws SQLException {
            if (asLong) {
                ps.setLong(index, value);
            } else {
                ps.setInt(index, value);
            }
        }

        private void record(long start, long duration, boolean fail, boolean newCodeWrote) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                durations = Arrays.copyOf(durations, count * 2);
                failed = Arrays.copyOf(failed, count * 2);
                byNewCode = Arrays.copyOf(byNewCode, count * 2);
            }
            starts[count] = start;
            durations[count] = duration;
            failed[count] = fail;
            byNewCode[count] = newCodeWrote;
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
