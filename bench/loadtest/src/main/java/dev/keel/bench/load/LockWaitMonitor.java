package dev.keel.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Samples, every few milliseconds, the writers that wait for a lock, and what they wait behind: the
 * blocking session's statement and the locks it holds or requests on tables. Keeps the longest wait
 * seen, so a blocked write can be named precisely (which statement, which lock).
 */
final class LockWaitMonitor implements Runnable, AutoCloseable {
    private static final String SAMPLE = """
            SELECT extract(epoch FROM clock_timestamp() - w.query_start) * 1000 AS waited_ms,
                   b.pid,
                   left(regexp_replace(b.query, '\\s+', ' ', 'g'), 160) AS blocker_query,
                   (SELECT string_agg(DISTINCT c.relname || ' ' || l.mode || CASE WHEN l.granted THEN '' ELSE ' (requested)' END, ', ')
                      FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                     WHERE l.pid = b.pid AND l.locktype = 'relation' AND c.relkind IN ('r', 'p')
                       AND c.relnamespace <> 'pg_catalog'::regnamespace) AS blocker_locks
              FROM pg_stat_activity w
              CROSS JOIN LATERAL unnest(pg_blocking_pids(w.pid)) AS bp(pid)
              JOIN pg_stat_activity b ON b.pid = bp.pid
             WHERE w.application_name = ? AND w.wait_event_type = 'Lock' AND w.datname = current_database()
             ORDER BY waited_ms DESC
             LIMIT 1
            """;

    /** The longest wait of a writer behind another session, as sampled. */
    record Wait(double waitedMs, String blockerQuery, String blockerLocks) {
        static final Wait NONE = new Wait(0, "", "");

        String describe() {
            return this == NONE || waitedMs == 0 ? "none seen"
                    : String.format("%.0f ms behind `%s` (%s)", waitedMs, blockerQuery, blockerLocks);
        }
    }

    private final String url;
    private final Properties props;
    private final long periodMillis;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Wait longest = Wait.NONE;
    private volatile String failure;
    /** Per blocking session, the last statement that was not COMMIT: what holds the lock a COMMIT releases. */
    private final Map<Integer, String> statementOf = new HashMap<>();

    LockWaitMonitor(String url, Properties props, long periodMillis) {
        this.url = url;
        this.props = new Properties();
        this.props.putAll(props);
        this.props.setProperty("ApplicationName", "keel-load-monitor");
        this.periodMillis = periodMillis;
        this.thread = new Thread(this, "lock-monitor");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        try (Connection conn = DriverManager.getConnection(url, props);
             PreparedStatement ps = conn.prepareStatement(SAMPLE)) {
            ps.setString(1, WriteLoad.APPLICATION_NAME);
            while (running) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        String query = rs.getString(3);
                        if (query.strip().equalsIgnoreCase("COMMIT")) {
                            query = statementOf.getOrDefault(rs.getInt(2), query) + " (then COMMIT)";
                        } else {
                            statementOf.put(rs.getInt(2), query);
                        }
                        if (rs.getDouble(1) > longest.waitedMs()) {
                            longest = new Wait(rs.getDouble(1), query, rs.getString(4) == null ? "no table lock" : rs.getString(4));
                        }
                    }
                }
                Thread.sleep(periodMillis);
            }
        } catch (SQLException e) {
            failure = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Wait longest() {
        return longest;
    }

    String failure() {
        return failure;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
