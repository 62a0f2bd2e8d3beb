package dev.keel.runner.internal;

import dev.keel.runner.MigrateListener;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A PostgreSQL session-level advisory lock that serialises {@code keel migrate} runs on one
 * database. A run that finds it held says who holds it, then waits, polling, and says again every
 * {@link #REMIND} while it waits. PostgreSQL releases it when the session ends, even if keel dies.
 */
public final class AdvisoryLock implements AutoCloseable {
    /** The lock's key: "keelmigr" in ASCII. */
    public static final long KEY = 0x6b65656c6d696772L;
    static final Duration REMIND = Duration.ofSeconds(30);

    private final Connection connection;

    private AdvisoryLock(Connection connection) {
        this.connection = connection;
    }

    /** Takes the lock on {@code connection}'s database, waiting as long as another session holds it. */
    public static AdvisoryLock acquire(Connection connection, MigrateListener listener, Duration poll)
            throws SQLException, InterruptedException {
        if (tryLock(connection)) {
            return new AdvisoryLock(connection);
        }
        long start = System.nanoTime();
        listener.notice("Waiting for another keel migrate on this database to finish (" + holder(connection)
                + "); keel migrate runs one at a time per database...");
        long nextReminder = start + REMIND.toNanos();
        while (!tryLock(connection)) {
            Thread.sleep(poll.toMillis());
            if (System.nanoTime() > nextReminder) {
                listener.notice("Still waiting for the other keel migrate (" + holder(connection) + "), "
                        + seconds(System.nanoTime() - start) + " so far.");
                nextReminder += REMIND.toNanos();
            }
        }
        listener.notice("The other keel migrate finished after " + seconds(System.nanoTime() - start) + "; going on.");
        return new AdvisoryLock(connection);
    }

    /** Takes the lock on {@code connection}'s database when no other session holds it; null when one does. */
    public static AdvisoryLock tryAcquire(Connection connection) throws SQLException {
        return tryLock(connection) ? new AdvisoryLock(connection) : null;
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (var st = c.createStatement(); ResultSet r = st.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
            r.next();
            return r.getBoolean(1);
        }
    }

    /** Who holds the lock: the session's process id, application name and since when. */
    static String holder(Connection c) throws SQLException {
        String sql = "SELECT a.pid, coalesce(nullif(a.application_name, ''), 'unnamed client'),"
                + " to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ')"
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database"
                + " WHERE datname = current_database()) AND l.classid::bigint = " + (KEY >>> 32)
                + " AND l.objid::bigint = " + (KEY & 0xffffffffL) + " LIMIT 1";
        try (var st = c.createStatement(); ResultSet r = st.executeQuery(sql)) {
            if (r.next()) {
                return "held by PostgreSQL session " + r.getInt(1) + ", " + r.getString(2) + ", connected since " + r.getString(3);
            }
            return "its holder just let go";
        }
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** Lets go of the lock; a connection already lost has let go already. */
    @Override
    public void close() {
        try (var st = connection.createStatement()) {
            st.execute("SELECT pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            // the session is gone, and PostgreSQL released the lock with it
        }
    }
}
