package dev.keel.runner.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a session of keel's end its work when keel goes away (killed, its machine gone), instead of
 * running keel's statement to its end while holding its locks and keel's advisory lock.
 *
 * <ul>
 *   <li>{@code client_connection_check_interval} (PostgreSQL 14 and later): while a statement runs, the
 *       server checks every {@link #CHECK_INTERVAL_MS} ms whether the client's socket was closed, and if so
 *       cancels the statement and ends the session (rolling back its transaction). The check needs the
 *       server's platform to report a closed socket (Linux, macOS, the BSDs); elsewhere PostgreSQL refuses
 *       any value but 0, and keel goes on without it.</li>
 *   <li>{@code tcp_keepalives_idle}, {@code tcp_keepalives_interval}, {@code tcp_keepalives_count}
 *       (every version): the server's kernel notices a client machine that vanished without closing its
 *       connection (network gone) after about 1 minute instead of the system default (often 2 hours);
 *       ignored on a Unix-domain socket.</li>
 * </ul>
 *
 * A setting someone already chose (in postgresql.conf, {@code ALTER ROLE}/{@code ALTER DATABASE ... SET},
 * the URL's {@code options}, the application's session for a borrowed connection) is kept: keel sets only
 * those at PostgreSQL's built-in default.
 */
public final class SessionWatch {
    /** How often the server checks that keel is still connected while keel's statement runs. */
    public static final int CHECK_INTERVAL_MS = 1000;
    /** Seconds of silence before the server's kernel probes keel's side of the connection. */
    static final int KEEPALIVE_IDLE_S = 30;
    /** Seconds between probes. */
    static final int KEEPALIVE_INTERVAL_S = 10;
    /** Probes unanswered before the connection counts as lost. */
    static final int KEEPALIVE_COUNT = 3;

    /** The settings keel may set, with keel's values, in the order they are set. */
    static final Map<String, String> VALUES = values();

    private SessionWatch() {}

    private static Map<String, String> values() {
        var m = new LinkedHashMap<String, String>();
        m.put("tcp_keepalives_idle", String.valueOf(KEEPALIVE_IDLE_S));
        m.put("tcp_keepalives_interval", String.valueOf(KEEPALIVE_INTERVAL_S));
        m.put("tcp_keepalives_count", String.valueOf(KEEPALIVE_COUNT));
        m.put("client_connection_check_interval", String.valueOf(CHECK_INTERVAL_MS));
        return m;
    }

    /**
     * Sets what no one chose on {@code connection} (in autocommit), for the session.
     *
     * @return the settings keel set, {@code name=value}; those the server does not know (PostgreSQL 13 has no
     *         client check) or refuses (a platform without the check) are left out
     */
    public static List<String> apply(Connection connection) throws SQLException {
        var untouched = new java.util.HashSet<String>();
        try (var st = connection.createStatement(); ResultSet r = st.executeQuery("SELECT name FROM pg_settings"
                + " WHERE source = 'default' AND name IN ('" + String.join("', '", VALUES.keySet()) + "')")) {
            while (r.next()) {
                untouched.add(r.getString(1));
            }
        }
        var set = new ArrayList<String>();
        for (var e : VALUES.entrySet()) {
            if (!untouched.contains(e.getKey())) {
                continue; // unknown to this server, or chosen by someone: kept
            }
            try (var st = connection.prepareStatement("SELECT set_config(?, ?, false)")) {
                st.setString(1, e.getKey());
                st.setString(2, e.getValue());
                st.execute();
                set.add(e.getKey() + "=" + e.getValue());
            } catch (SQLException refused) {
                if (Failures.isConnectionLost(refused)) {
                    throw refused;
                }
                // the server's platform cannot check the client (it accepts 0 only): keel goes on without it
            }
        }
        return set;
    }
}
