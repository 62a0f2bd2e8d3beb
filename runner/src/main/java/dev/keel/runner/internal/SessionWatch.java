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

    /** The setting a server's platform may refuse any value but 0 of: set on its own, after the others. */
    private static final String CLIENT_CHECK = "client_connection_check_interval";

    /**
     * Sets what no one chose on {@code connection} (in autocommit), for the session, in two round trips: the settings
     * every platform accepts, each set in the statement that finds it untouched, then the client check on its own (a
     * platform that cannot check the client refuses any value but 0).
     *
     * @return the settings keel set, {@code name=value}; those the server does not know (PostgreSQL 13 has no
     *         client check) or refuses (a platform without the check) are left out
     */
    public static List<String> apply(Connection connection) throws SQLException {
        var set = new ArrayList<String>();
        var values = new StringBuilder();
        int order = 0;
        for (var e : VALUES.entrySet()) {
            if (!e.getKey().equals(CLIENT_CHECK)) {
                values.append(values.isEmpty() ? "" : ", ").append("('").append(e.getKey()).append("', '")
                        .append(e.getValue()).append("', ").append(order++).append(")");
            }
        }
        // set_config runs only for the rows the WHERE keeps: settings at PostgreSQL's built-in default
        try (var st = connection.createStatement(); ResultSet r = st.executeQuery("SELECT s.name, set_config(s.name, v.value,"
                + " false) FROM pg_settings s JOIN (VALUES " + values + ") AS v(name, value, ord) ON v.name = s.name"
                + " WHERE s.source = 'default' ORDER BY v.ord")) {
            while (r.next()) {
                set.add(r.getString(1) + "=" + VALUES.get(r.getString(1)));
            }
        } catch (SQLException refused) {
            if (Failures.isConnectionLost(refused)) {
                throw refused;
            }
            set.clear(); // one of them refused (in autocommit, none was set): each on its own, the refused left out
            for (var e : VALUES.entrySet()) {
                if (!e.getKey().equals(CLIENT_CHECK)) {
                    setAlone(connection, e.getKey(), e.getValue(), set);
                }
            }
        }
        setAlone(connection, CLIENT_CHECK, VALUES.get(CLIENT_CHECK), set);
        return set;
    }

    /** Sets {@code name} to {@code value} when it is at its built-in default, adding it to {@code set}; a refusal leaves it out. */
    private static void setAlone(Connection connection, String name, String value, List<String> set) throws SQLException {
        try (var st = connection.createStatement(); ResultSet r = st.executeQuery("SELECT set_config(name, '" + value
                + "', false) FROM pg_settings WHERE name = '" + name + "' AND source = 'default'")) {
            if (r.next()) {
                set.add(name + "=" + value);
            }
        } catch (SQLException refused) {
            if (Failures.isConnectionLost(refused)) {
                throw refused;
            }
            // the server's platform cannot check the client (it accepts 0 only): keel goes on without it
        }
    }
}
