package dev.keel.runner;

import dev.keel.config.DatabaseConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the runner connects: a PostgreSQL JDBC URL, a user and a password, or an application's
 * {@link DataSource} ({@link #of(DataSource)}). The password comes from the environment variable
 * {@code database.passwordEnv} names; it never appears in {@link #toString()}, {@link #displayUrl()} or
 * any error message.
 */
public final class Database {
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private final String url;
    private final String user;
    private final String password;
    private final String passwordEnv;
    private final String hint;
    private final DataSource dataSource;
    /** For a DataSource: the URL its connections report, once one was had (masked), for messages. */
    private volatile String dataSourceUrl;

    /**
     * @param url         a {@code jdbc:postgresql:} URL
     * @param user        the user, or null for the URL's or the driver's default
     * @param password    the password, or null
     * @param passwordEnv the environment variable the password came from (for messages), or null
     * @param hint        what to do when the connection fails, said after the driver's message
     */
    public Database(String url, String user, String password, String passwordEnv, String hint) {
        this.url = Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new KeelException(ErrorKind.USAGE, "the database URL " + Secrets.maskUrl(url) + " is not a PostgreSQL"
                    + " JDBC URL.\nTo fix: use jdbc:postgresql://HOST:PORT/DATABASE.");
        }
        this.user = user;
        this.password = password;
        this.passwordEnv = passwordEnv;
        this.hint = hint;
        this.dataSource = null;
    }

    private Database(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.url = null;
        this.user = null;
        this.password = null;
        this.passwordEnv = null;
        this.hint = null;
    }

    /**
     * The database an application's {@code DataSource} connects to (a pool, such as HikariCP). The runner
     * borrows one connection per run and gives it back as it was lent: autocommit, {@code application_name},
     * {@code lock_timeout}, {@code statement_timeout} and {@code synchronous_commit} as they were.
     */
    public static Database of(DataSource dataSource) {
        return new Database(dataSource);
    }

    /**
     * The database of {@code keel.json}'s {@code database} section, with {@code urlOverride}
     * ({@code --url}) in place of its URL when given; empty when neither names a URL.
     *
     * @param env the environment, where the variable {@code database.passwordEnv} names is looked up
     */
    public static Optional<Database> configured(DatabaseConfig config, String urlOverride, Map<String, String> env) {
        String url = urlOverride != null && !urlOverride.isBlank() ? urlOverride.trim() : config.url();
        if (url == null) {
            return Optional.empty();
        }
        String env0 = config.passwordEnv();
        String password = env0 == null ? null : env.get(env0);
        String where = urlOverride != null && !urlOverride.isBlank() ? "--url" : "database.url in keel.json";
        return Optional.of(new Database(url, config.user(), password, env0,
                "start PostgreSQL there, or correct " + where + ". Without a database URL keel uses an embedded"
                        + " PostgreSQL in .keel/pg."));
    }

    /** The URL with any password masked: what messages show. */
    public String displayUrl() {
        if (dataSource != null) {
            String seen = dataSourceUrl;
            return "the DataSource" + (seen == null ? "" : " (" + seen + ")");
        }
        return Secrets.maskUrl(url);
    }

    /** The user, or null for the default. */
    public String user() {
        return user;
    }

    /**
     * Opens a connection in autocommit mode, named {@code applicationName} in {@code pg_stat_activity}.
     *
     * @throws KeelException of kind DATABASE saying which URL (masked) refused and what to do
     */
    public Connection connect(String applicationName) {
        if (dataSource != null) {
            return borrow(applicationName);
        }
        var props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", applicationName);
        props.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        try {
            return DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            throw new KeelException(ErrorKind.DATABASE, connectionFailure(e), null);
        }
    }

    private Connection borrow(String applicationName) {
        Connection lent;
        try {
            lent = dataSource.getConnection();
        } catch (SQLException e) {
            throw new KeelException(ErrorKind.DATABASE, "cannot get a connection from the DataSource: "
                    + mask(String.valueOf(e.getMessage())) + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")")
                    + "\nTo fix: check the DataSource's URL, user and password, and that PostgreSQL runs there.", null);
        }
        try {
            var meta = lent.getMetaData();
            dataSourceUrl = Secrets.maskUrl(meta.getURL());
            if (!"PostgreSQL".equalsIgnoreCase(meta.getDatabaseProductName())) {
                String product = meta.getDatabaseProductName();
                lent.close();
                throw new KeelException(ErrorKind.USAGE, "the DataSource connects to " + product + ", and keel migrates"
                        + " PostgreSQL only.\nTo fix: give keel the DataSource of the application's PostgreSQL database.");
            }
            return dev.keel.runner.internal.BorrowedConnection.of(lent, applicationName);
        } catch (SQLException e) {
            try {
                lent.close();
            } catch (SQLException ignored) {
                // the failure below is the one to report
            }
            throw new KeelException(ErrorKind.DATABASE, "cannot prepare a connection of the DataSource " + displayUrl()
                    + ": " + mask(String.valueOf(e.getMessage())) + "\nTo fix: check the connection.", null);
        }
    }

    /** Masks this database's password and URL secrets in {@code text}. */
    public String mask(String text) {
        return Secrets.mask(text, password == null ? List.of() : List.of(password));
    }

    private String connectionFailure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String driver = mask(String.valueOf(e.getMessage()));
        var fix = new ArrayList<String>();
        if (state.equals("28P01") || state.equals("28000")) {
            if (passwordEnv == null) {
                fix.add("put the password of user " + userName() + " in an environment variable and name that variable"
                        + " in keel.json's database.passwordEnv");
            } else if (password == null) {
                fix.add("set the environment variable " + passwordEnv + " (database.passwordEnv) to the password of user "
                        + userName());
            } else {
                fix.add("check the password in " + passwordEnv + " and the user (database.user: " + userName() + ")");
            }
        } else if (state.equals("3D000")) {
            fix.add("create the database (createdb), or correct the database name in the URL");
        } else {
            fix.add(hint);
        }
        return "cannot connect to the database at " + displayUrl() + (user == null ? "" : " as " + user) + ": " + driver
                + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")") + "\nTo fix: " + String.join("; ", fix);
    }

    private String userName() {
        return user == null ? "(the default user)" : user;
    }

    @Override
    public String toString() {
        return "Database[" + displayUrl() + (user == null ? "" : " as " + user) + "]";
    }
}
