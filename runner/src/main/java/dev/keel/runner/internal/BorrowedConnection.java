package dev.keel.runner.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A connection borrowed from an application's {@code DataSource} (a pool): the runner changes session
 * settings ({@code application_name}, {@code lock_timeout}, {@code statement_timeout},
 * {@code synchronous_commit}, those of {@link SessionWatch}) and autocommit, and closing gives the connection back as it was lent, so
 * that the application's next use of it does not run under keel's timeouts.
 */
public final class BorrowedConnection {
    /**
     * The session settings the runner changes ({@link SessionWatch}'s among them; the client check is
     * unknown to PostgreSQL 13, and is then neither read nor put back).
     */
    static final String[] SETTINGS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("application_name", "lock_timeout", "statement_timeout", "synchronous_commit"),
            SessionWatch.VALUES.keySet().stream()).toArray(String[]::new);

    private BorrowedConnection() {}

    /**
     * {@code lent} in autocommit, named {@code applicationName} in {@code pg_stat_activity}; closing the
     * connection this returns ends any transaction left open, puts the settings and autocommit back, then
     * closes {@code lent} (which gives it back to the pool).
     */
    public static Connection of(Connection lent, String applicationName) throws SQLException {
        boolean autoCommit = lent.getAutoCommit();
        String[] values = new String[SETTINGS.length]; // null: unknown to this server
        boolean[] defaults = new boolean[SETTINGS.length]; // set by no one: put back with RESET, as no one set it
        var names = java.util.Arrays.asList(SETTINGS);
        try (var st = lent.createStatement(); ResultSet r = st.executeQuery("SELECT name, current_setting(name),"
                + " source = 'default' FROM pg_settings WHERE name IN ('" + String.join("', '", SETTINGS) + "')")) {
            while (r.next()) {
                int i = names.indexOf(r.getString(1));
                values[i] = r.getString(2);
                defaults[i] = r.getBoolean(3);
            }
        }
        if (!autoCommit) {
            lent.setAutoCommit(true);
        }
        try (var st = lent.prepareStatement("SELECT set_config('application_name', ?, false)")) {
            st.setString(1, applicationName);
            st.execute();
        }
        InvocationHandler handler = new InvocationHandler() {
            private boolean closed;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                if (method.getName().equals("close") && method.getParameterCount() == 0) {
                    if (!closed) {
                        closed = true;
                        giveBack(lent, values, defaults, autoCommit);
                    }
                    return null;
                }
                if (method.getName().equals("isClosed") && method.getParameterCount() == 0 && closed) {
                    return true;
                }
                try {
                    return method.invoke(lent, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private static void giveBack(Connection lent, String[] values, boolean[] defaults, boolean autoCommit)
            throws SQLException {
        try {
            if (!lent.isClosed()) {
                if (!lent.getAutoCommit()) {
                    lent.rollback();
                    lent.setAutoCommit(true);
                }
                var sql = new StringBuilder("SELECT 1");
                var known = new java.util.ArrayList<String>();
                try (var st = lent.createStatement()) {
                    for (int i = 0; i < SETTINGS.length; i++) {
                        if (values[i] != null && defaults[i]) {
                            st.execute("RESET " + SETTINGS[i]);
                        }
                    }
                }
                for (int i = 0; i < SETTINGS.length; i++) {
                    if (values[i] != null && !defaults[i]) {
                        sql.append(", set_config('").append(SETTINGS[i]).append("', ?, false)");
                        known.add(values[i]);
                    }
                }
                try (var st = lent.prepareStatement(sql.toString())) {
                    for (int i = 0; i < known.size(); i++) {
                        st.setString(i + 1, known.get(i));
                    }
                    st.execute();
                }
                lent.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            // a connection that broke while keel used it: the pool finds it broken and discards it
        } finally {
            lent.close();
        }
    }
}
