package dev.keel.runner;

import dev.keel.config.DatabaseConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;

import javax.sql.DataSource;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
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
 * {@code database.passwordEnv} names, or from the URL; it never appears in {@link #toString()},
 * {@link #displayUrl()} or any error message.
 *
 * <p>When the connection fails, the message names the cause and its fix: a password variable that is
 * not set, the user whose password the server refused (and where keel took the user and the password
 * from), a host name that does not resolve, a host and port that refuse connections, a database that
 * does not exist.
 */
public final class Database {
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    /**
     * Where a database's settings are written, for messages: {@code database.url in keel.json}, {@code --url}.
     *
     * @param url         where the URL is written
     * @param user        where the user is written
     * @param passwordEnv where the name of the password's environment variable is written
     */
    public record Origin(String url, String user, String passwordEnv) {
        /** Settings under {@code key} of keel.json: {@code database}, {@code databases.region.targets[eu]}. */
        public static Origin keelJson(String key) {
            return new Origin(key + ".url in keel.json", key + ".user in keel.json", key + ".passwordEnv in keel.json");
        }

        /** The same, with the URL given by {@code --url}. */
        public Origin urlFromOption() {
            return new Origin("--url", user, passwordEnv);
        }

        // equals and hashCode written out: a record's own are linked at their first call through
        // java.lang.runtime.ObjectMethods (method handles and classes spun at run time, about 10 ms), and migrate
        // compares two origins on the way to its first statement

        @Override
        public boolean equals(Object o) {
            return o instanceof Origin other && Objects.equals(url, other.url) && Objects.equals(user, other.user)
                    && Objects.equals(passwordEnv, other.passwordEnv);
        }

        @Override
        public int hashCode() {
            return Objects.hash(url, user, passwordEnv);
        }
    }

    private final String url;
    private final JdbcUrl parsed;
    private final String user;
    private final String password;
    private final String passwordEnv;
    private final Origin origin;
    private final String hint;
    private final DataSource dataSource;
    /** For a DataSource: the URL its connections report, once one was had (masked), for messages. */
    private volatile String dataSourceUrl;

    /**
     * A database keel was handed (an embedded or test server): on a failure the driver's message is followed by {@code hint}.
     *
     * @param url         a {@code jdbc:postgresql:} URL
     * @param user        the user, or null for the URL's or the driver's default
     * @param password    the password, or null
     * @param passwordEnv the environment variable the password came from (for messages), or null
     * @param hint        what to do when the connection fails for another reason than those keel recognises
     */
    public Database(String url, String user, String password, String passwordEnv, String hint) {
        this(url, user, password, passwordEnv, new Origin("the database URL", "the user keel was given",
                "the password variable"), hint);
    }

    /**
     * A database of keel.json or {@code --url}: messages say where each setting is written ({@code origin}).
     *
     * @param password the value of the variable {@code passwordEnv}, null when it is not set
     */
    public Database(String url, String user, String password, String passwordEnv, Origin origin) {
        this(url, user, password, passwordEnv, origin, null);
    }

    private Database(String url, String user, String password, String passwordEnv, Origin origin, String hint) {
        this.url = Objects.requireNonNull(url, "url");
        if (!url.startsWith(JdbcUrl.PREFIX)) {
            throw new KeelException(ErrorKind.USAGE, "the database URL " + Secrets.maskUrl(url) + " is not a PostgreSQL"
                    + " JDBC URL.\nTo fix: use jdbc:postgresql://HOST:PORT/DATABASE.");
        }
        this.parsed = JdbcUrl.parse(url);
        this.user = user;
        this.password = password;
        this.passwordEnv = passwordEnv;
        this.origin = Objects.requireNonNull(origin, "origin");
        this.hint = hint;
        this.dataSource = null;
    }

    private Database(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.url = null;
        this.parsed = null;
        this.origin = null;
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
        return configured(config, urlOverride, env, "database");
    }

    /**
     * The database written under {@code key} of keel.json ({@code database}, {@code databases.control}), with
     * {@code urlOverride} ({@code --url}) in place of its URL when given; empty when neither names a URL.
     */
    public static Optional<Database> configured(DatabaseConfig config, String urlOverride, Map<String, String> env,
                                                String key) {
        boolean override = urlOverride != null && !urlOverride.isBlank();
        String url = override ? urlOverride.trim() : config.url();
        if (url == null) {
            return Optional.empty();
        }
        String variable = config.passwordEnv();
        String password = variable == null ? null : env.get(variable);
        Origin origin = Origin.keelJson(key);
        return Optional.of(new Database(url, config.user(), password, variable, override ? origin.urlFromOption() : origin));
    }

    /**
     * Whether a connection opened for this database is one opened for {@code other}, and fails with the same message: the
     * same URL, user, password and where each came from. Never for a {@code DataSource}'s.
     */
    public boolean connectsAs(Database other) {
        return dataSource == null && other.dataSource == null && url.equals(other.url) && Objects.equals(user, other.user)
                && Objects.equals(password, other.password) && Objects.equals(passwordEnv, other.passwordEnv)
                && origin.equals(other.origin) && Objects.equals(hint, other.hint);
    }

    /** The URL with any password masked: what messages show. */
    public String displayUrl() {
        if (dataSource != null) {
            String seen = dataSourceUrl;
            return "the DataSource" + (seen == null ? "" : " (" + seen + ")");
        }
        return Secrets.maskUrl(url);
    }

    /** The user given, or the one before {@code @} in the URL; null for the URL's {@code ?user=} or the driver's default. */
    public String user() {
        if (parsed == null) {
            return null; // the DataSource's
        }
        return parsed.userInfoUser() != null ? parsed.userInfoUser() : user;
    }

    /**
     * Opens a connection in autocommit mode, named {@code applicationName} in {@code pg_stat_activity}, with
     * TCP keepalive on keel's side (unless the URL's {@code tcpKeepAlive} says otherwise).
     *
     * @throws KeelException of kind DATABASE saying why the connection failed (URL masked) and what to do
     */
    public Connection connect(String applicationName) {
        if (dataSource != null) {
            return borrow(applicationName);
        }
        requirePassword();
        var props = new Properties();
        String theUser = parsed.userInfoUser() != null ? parsed.userInfoUser() : user;
        if (theUser != null) {
            props.setProperty("user", theUser);
        }
        String thePassword = parsed.userInfoPassword() != null ? parsed.userInfoPassword() : password;
        if (thePassword != null) {
            props.setProperty("password", thePassword);
        }
        props.setProperty("ApplicationName", applicationName);
        props.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        // keel's side notices a server that vanished (the URL's tcpKeepAlive, when given, wins)
        props.setProperty("tcpKeepAlive", "true");
        try {
            return DriverManager.getConnection(parsed.driverUrl(), props);
        } catch (SQLException e) {
            throw new KeelException(ErrorKind.DATABASE, connectionFailure(e), null);
        }
    }

    /**
     * Sets the PostgreSQL driver up ahead of the first {@link #connect}, on the caller's thread: the driver (its
     * logging, its registration with {@link DriverManager}: 25-30 ms of a fresh JVM), then the classes the driver
     * initialises on its way to a connection ({@link #DRIVER_CLASSES}: 35-45 ms more, a first connection 110-130 ms ->
     * 70-85 ms). A command that knows it will connect calls this on another thread while it reads its configuration.
     * Does nothing when the driver is set up already; never fails (a class missing from another driver version is
     * passed over, and {@link #connect} says what is wrong with the driver itself).
     */
    public static void prepareDriver() {
        ClassLoader loader = Database.class.getClassLoader();
        for (String name : DRIVER_CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // not in this version of the driver
            }
        }
    }

    /**
     * The classes of the PostgreSQL driver (42.7) that its first connection initialises, the costly static set-ups
     * among them: number formats (ServerVersion), calendars and time zones (TimestampUtils), the connection's own.
     */
    static final List<String> DRIVER_CLASSES = List.of("org.postgresql.Driver", "org.postgresql.PGProperty",
            "org.postgresql.core.ServerVersion", "org.postgresql.jdbc.PgConnection",
            "org.postgresql.core.v3.QueryExecutorImpl", "org.postgresql.core.v3.ConnectionFactoryImpl",
            "org.postgresql.core.PGStream", "org.postgresql.jdbc.TimestampUtils", "org.postgresql.jdbc.PgStatement",
            "org.postgresql.jdbc.PgResultSet");

    /** Fails when the password is to come from an environment variable that is not set. */
    private void requirePassword() {
        if (passwordEnv != null && password == null && passwordInUrl() == null) {
            throw new KeelException(ErrorKind.DATABASE, "cannot connect to the database at " + displayUrl()
                    + userPart() + ": the environment variable " + passwordEnv + ", which " + origin.passwordEnv()
                    + " names for the password, is not set.\nTo fix: export " + passwordEnv + "=... (the password of user "
                    + effectiveUser() + ") in the shell that runs keel, or name the variable that holds it in "
                    + origin.passwordEnv() + ".", null);
        }
    }

    /**
     * The environment under which libpq's programs ({@code psql}) connect where this database's connections
     * go: {@code PGHOST}, {@code PGPORT}, {@code PGDATABASE}, {@code PGUSER}, {@code PGPASSWORD} (so that the
     * password is never on a command line), and the URL's {@code sslmode}, SSL files, {@code connectTimeout},
     * {@code currentSchema} and {@code options} as libpq names them.
     *
     * @throws KeelException of kind USAGE for an application's DataSource (keel knows no URL), DATABASE when
     *                       the password's environment variable is not set
     */
    public Map<String, String> libpqEnvironment(String applicationName) {
        if (dataSource != null) {
            throw new KeelException(ErrorKind.USAGE, "keel cannot hand psql the connection of an application's"
                    + " DataSource.\nTo fix: give the database's URL (keel.json database.url, or --url).");
        }
        requirePassword();
        var env = new java.util.LinkedHashMap<String, String>();
        var hostsAndPorts = parsed.hostsAndPorts();
        env.put("PGHOST", String.join(",", hostsAndPorts.stream().map(Map.Entry::getKey).toList()));
        env.put("PGPORT", String.join(",", hostsAndPorts.stream().map(Map.Entry::getValue).toList()));
        if (parsed.database() != null) {
            env.put("PGDATABASE", parsed.database());
        }
        String theUser = parsed.user() != null ? parsed.user() : user;
        if (theUser != null) {
            env.put("PGUSER", theUser);
        }
        String thePassword = passwordInUrl() != null ? passwordInUrl() : password;
        if (thePassword != null) {
            env.put("PGPASSWORD", thePassword);
        }
        Map<String, String> p = parsed.parameters();
        Map<String, String> libpq = Map.of("sslmode", "PGSSLMODE", "sslrootcert", "PGSSLROOTCERT", "sslcert", "PGSSLCERT",
                "sslkey", "PGSSLKEY", "connecttimeout", "PGCONNECT_TIMEOUT");
        new java.util.TreeMap<>(libpq).forEach((key, variable) -> {
            if (p.get(key) != null && !p.get(key).isEmpty()) {
                env.put(variable, p.get(key));
            }
        });
        var options = new ArrayList<String>();
        if (p.get("options") != null && !p.get("options").isBlank()) {
            options.add(p.get("options"));
        }
        if (p.get("currentschema") != null && !p.get("currentschema").isBlank()) {
            options.add("-c search_path=" + p.get("currentschema").replace(" ", "\\ "));
        }
        if (!options.isEmpty()) {
            env.put("PGOPTIONS", String.join(" ", options));
        }
        env.put("PGAPPNAME", applicationName);
        return env;
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
        var secrets = new ArrayList<String>();
        if (parsed == null) {
            return Secrets.mask(text, secrets);
        }
        for (String s : new String[] {password, parsed.userInfoPassword(), parsed.parameters().get("password")}) {
            if (s != null) {
                secrets.add(s);
            }
        }
        return Secrets.mask(text, secrets);
    }

    private String connectionFailure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String driver = mask(String.valueOf(e.getMessage()));
        String message = driver.toLowerCase(java.util.Locale.ROOT);
        String hostAndPort = parsed.firstHostAndPort();
        String head = "cannot connect to the database at " + displayUrl() + userPart() + ": ";
        if (cause(e, UnknownHostException.class)) {
            return head + "the host name " + parsed.firstHost() + " does not resolve (no such host is known here)."
                    + "\nTo fix: correct the host in " + origin.url() + ", or check this machine's DNS and network.";
        }
        if (cause(e, ConnectException.class)) {
            return head + hostAndPort + " refuses connections: no PostgreSQL listens there."
                    + "\nTo fix: " + (hint != null ? hint : "start PostgreSQL on " + hostAndPort + ", or correct the host"
                    + " and port in " + origin.url() + ".");
        }
        if (cause(e, SocketTimeoutException.class) || cause(e, NoRouteToHostException.class)) {
            return head + hostAndPort + " did not answer within " + CONNECT_TIMEOUT_SECONDS + " s."
                    + "\nTo fix: check the host and port in " + origin.url() + ", and that no firewall stands between"
                    + " this machine and the server.";
        }
        if (state.equals("3D000")) {
            String db = parsed.database() == null ? effectiveUser() : parsed.database();
            return head + "the database \"" + db + "\" does not exist on " + hostAndPort + "."
                    + "\nTo fix: create it (createdb -h " + parsed.firstHost() + " -p "
                    + hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1) + " -U " + effectiveUser() + " " + db
                    + "), or correct the database name in " + origin.url() + ".";
        }
        if (state.equals("28P01") || (state.equals("08004") && message.contains("no password was provided"))) {
            String said = state.equals("28P01") ? "password authentication failed for user " + effectiveUser()
                    : "the server asks user " + effectiveUser() + " for a password";
            return head + said + " (" + userSource() + "); " + passwordSource() + ".\nTo fix: " + passwordFix();
        }
        if (state.equals("28000") && message.contains("role") && message.contains("does not exist")) {
            return head + "the server has no user " + effectiveUser() + " (" + userSource() + ").\nTo fix: correct"
                    + " the user in " + (parsed.user() != null ? origin.url() : origin.user()) + ", or create the user"
                    + " on the server (CREATE ROLE " + effectiveUser() + " LOGIN PASSWORD '...').";
        }
        if (state.equals("28000") && message.contains("pg_hba.conf")) {
            return head + driver + "\nTo fix: add a line for this host, user " + effectiveUser() + " and the database to"
                    + " the server's pg_hba.conf (then reload it), or connect as a user it lets in.";
        }
        return head + driver + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")") + "\nTo fix: "
                + (hint != null ? hint : "check " + origin.url() + " and that PostgreSQL runs there.");
    }

    private static boolean cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** {@code  as USER} when keel knows the user it connects as. */
    private String userPart() {
        String u = parsed.user() != null ? parsed.user() : user;
        return u == null ? "" : " as " + u;
    }

    /** The user the driver connects as: the URL's, else the one given, else the driver's default (the login name). */
    private String effectiveUser() {
        if (parsed.user() != null) {
            return parsed.user();
        }
        return user != null ? user : System.getProperty("user.name", "(your login name)");
    }

    private String userSource() {
        if (parsed.user() != null) {
            return "the user in " + origin.url();
        }
        return user != null ? "the user of " + origin.user()
                : "neither " + origin.url() + " nor " + origin.user() + " names a user, so the driver takes your login name";
    }

    /** The password the URL holds ({@code ?password=} first, as the driver reads it, then {@code USER:PASSWORD@}), or null. */
    private String passwordInUrl() {
        String p = parsed.parameters().get("password");
        return p != null ? p : parsed.userInfoPassword();
    }

    private String passwordSource() {
        if (parsed.parameters().containsKey("password")) {
            return "keel took the password from the password parameter of " + origin.url();
        }
        if (parsed.userInfoPassword() != null) {
            return "keel took the password from " + origin.url() + " (USER:PASSWORD@HOST)";
        }
        if (passwordEnv != null) {
            return "keel took the password from the environment variable " + passwordEnv + " (" + origin.passwordEnv() + ")";
        }
        return "keel sent no password: neither " + origin.url() + " nor " + origin.passwordEnv() + " gives one";
    }

    private String passwordFix() {
        String u = effectiveUser();
        if (passwordInUrl() != null) {
            return "correct the password of user " + u + " in " + origin.url() + " (or the user).";
        }
        if (passwordEnv != null) {
            return "put the password of user " + u + " in " + passwordEnv + " (export " + passwordEnv + "=...), or correct"
                    + " the user.";
        }
        return "put the password of user " + u + " in an environment variable and name that variable in "
                + origin.passwordEnv() + ".";
    }

    @Override
    public String toString() {
        String u = parsed == null ? null : parsed.user() != null ? parsed.user() : user;
        return "Database[" + displayUrl() + (u == null ? "" : " as " + u) + "]";
    }
}
