package dev.keel.runner.internal.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server the migration test harness makes databases on: the JDBC URL of a database
 * to connect to for {@code CREATE DATABASE}, and a user who may create databases.
 *
 * @param baseUrl       {@code jdbc:postgresql://host:port}
 * @param adminDatabase the database to connect to for creating and dropping others
 * @param params        the URL's query ({@code ?ssl=true}), or null
 */
public record PostgresServer(String baseUrl, String adminDatabase, String params, String user, String password) {
    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(?:/([^?]*))?(\\?.*)?");

    public PostgresServer {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(adminDatabase, "adminDatabase");
        Objects.requireNonNull(user, "user");
    }

    /**
     * The server of {@code url}, a JDBC URL of any database on it ({@code postgres} when it names none).
     *
     * @throws IllegalArgumentException when it is not a {@code jdbc:postgresql://} URL
     */
    public static PostgresServer of(String url, String user, String password) {
        Matcher m = JDBC_URL.matcher(url.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("the test database URL must look like jdbc:postgresql://localhost:5432/postgres,"
                    + " not " + url);
        }
        String db = m.group(2) == null || m.group(2).isEmpty() ? "postgres" : m.group(2);
        return new PostgresServer(m.group(1), db, m.group(3), user == null ? "postgres" : user, password);
    }

    /** The JDBC URL of {@code database} on this server. */
    public String url(String database) {
        return baseUrl + "/" + database + (params == null ? "" : params);
    }

    /** A connection to {@code database}, in autocommit mode. */
    public Connection connect(String database) throws SQLException {
        var props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "keel migration test");
        return DriverManager.getConnection(url(database), props);
    }

    /** A connection to the admin database. */
    public Connection admin() throws SQLException {
        return connect(adminDatabase);
    }
}
