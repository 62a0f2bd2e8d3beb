package dev.keel.runner.support;

import dev.keel.project.ProjectState;
import dev.keel.runner.catalog.Catalog;
import dev.keel.runner.catalog.CatalogDiff;
import dev.keel.runner.sql.Step;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A fresh test database with the helpers the runner's tests share. */
public final class Db implements AutoCloseable {
    public final TestDatabase database;
    public final Connection connection;

    private Db(TestDatabase database) throws SQLException {
        this.database = database;
        this.connection = database.connect();
    }

    public static Db fresh() throws SQLException {
        return new Db(TestPostgres.freshDatabase());
    }

    /** Runs SQL statements in autocommit. */
    public void execute(List<String> statements) throws SQLException {
        try (var st = connection.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    public void execute(String... statements) throws SQLException {
        execute(List.of(statements));
    }

    /** Runs the SQL steps; a Java step fails the test. */
    public void run(List<Step> steps) throws SQLException {
        for (Step s : steps) {
            if (!(s instanceof Step.Sql sql)) {
                throw new AssertionError("unexpected step " + s);
            }
            execute(sql.text());
        }
    }

    public Catalog catalog() throws SQLException {
        return Catalog.read(connection);
    }

    /** Asserts the database holds what {@code state} says, and what building {@code state} from scratch gives. */
    public void assertHolds(ProjectState state, CatalogDiff diff) throws SQLException {
        Catalog actual = catalog();
        assertEquals(List.of(), diff.diff(Catalog.fromState(state), actual).differences(), "database vs state");
        try (Db scratch = fresh()) {
            Catalog built = Catalog.roundTrip(state, scratch.connection);
            assertEquals(List.of(), diff.diff(built, actual).differences(), "database vs the state built from scratch");
        }
    }

    public void assertHolds(ProjectState state) throws SQLException {
        assertHolds(state, CatalogDiff.strict());
    }

    public long count(String sql) throws SQLException {
        try (var st = connection.createStatement(); var r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The one text value {@code sql} selects (null for SQL NULL). */
    public String string(String sql) throws SQLException {
        try (var st = connection.createStatement(); var r = st.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
        database.close();
    }
}
