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
 * {@code synchronous_commit}) and autocommit, and closing gives the connection back as it was lent, so
 * that the application's next use of it does not run under keel's timeouts.
 */
public final class BorrowedConnection {
    /** The session settings the runner changes. */
    static final String[] SETTINGS = {"application_name", "lock_timeout", "statement_timeout", "synchronous_commit"};

    private BorrowedConnection() {}

    /**
     * {@code lent} in autocommit, named {@code applicationName} in {@code pg_stat_activity}; closing the
     * connection this returns ends any transaction left open, puts the settings and autocommit back, then
     * closes {@code lent} (which gives it back to the pool).
     */
    public static Connection of(Connection lent, String applicationName) throws SQLException {
        boolean autoCommit = lent.getAutoCommit();
        String[] values = new String[SETTINGS.length];
        try (var st = lent.createStatement(); ResultSet r = st.executeQuery("SELECT " + String.join(", ",
                java.util.Arrays.stream(SETTINGS).map(s -> "current_setting('" + s + "')").toList()))) {
            r.next();
            for (int i = 0; i < SETTINGS.length; i++) {
                values[i] = r.getString(i + 1);
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
                        giveBack(lent, values, autoCommit);
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

    private static void giveBack(Connection lent, String[] values, boolean autoCommit) throws SQLException {
        try {
            if (!lent.isClosed()) {
                if (!lent.getAutoCommit()) {
                    lent.rollback();
                    lent.setAutoCommit(true);
                }
                var sql = new StringBuilder("SELECT ");
                for (int i = 0; i < SETTINGS.length; i++) {
                    sql.append(i == 0 ? "" : ", ").append("set_config('").append(SETTINGS[i]).append("', ?, false)");
                }
                try (var st = lent.prepareStatement(sql.toString())) {
                    for (int i = 0; i < SETTINGS.length; i++) {
                        st.setString(i + 1, values[i]);
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
