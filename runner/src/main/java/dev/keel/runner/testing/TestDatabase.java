package dev.keel.runner.testing;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * An empty database made for one test by {@link TestPostgres#freshDatabase()}. Closing it drops it.
 *
 * @param name     the database name
 * @param url      its JDBC URL
 * @param user     the user to connect as
 * @param password that user's password, or null
 */
public record TestDatabase(String name, String url, String user, String password) implements AutoCloseable {
    public TestDatabase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
    }

    /** A new connection to this database, in autocommit mode. */
    public Connection connect() throws SQLException {
        var props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection(url, props);
    }

    /** A data source for this database, for code that takes one. */
    public DataSource dataSource() {
        var ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(user);
        if (password != null) {
            ds.setPassword(password);
        }
        return ds;
    }

    /** Drops the database (closing any connection still open to it). */
    @Override
    public void close() throws SQLException {
        TestPostgres.drop(this);
    }

    @Override
    public String toString() {
        return "TestDatabase[" + url + " as " + user + "]";
    }
}
