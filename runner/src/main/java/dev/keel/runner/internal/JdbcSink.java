package dev.keel.runner.internal;

import dev.keel.migration.MigrationContext;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.JavaCode;
import dev.keel.runner.sql.Step;
import dev.keel.state.ProjectState;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** Runs steps on a connection; {@code RunJava} steps through {@link JavaCode} with a {@link MigrationContext}. */
public final class JdbcSink implements SqlSink {
    private final Connection connection;
    private final JavaCode code;

    /** Runs on {@code connection}; {@code RunJava} steps through {@code code}. */
    public JdbcSink(Connection connection, JavaCode code) {
        this.connection = connection;
        this.code = code;
    }

    @Override
    public void timeouts(Duration lockTimeout, Duration statementTimeout) throws SQLException {
        try (var st = connection.createStatement()) {
            st.execute("SET lock_timeout = '" + lockTimeout.toMillis() + "ms'");
            st.execute("SET statement_timeout = '" + (statementTimeout == null ? 0 : statementTimeout.toMillis()) + "ms'");
        }
    }

    @Override
    public void begin() throws SQLException {
        connection.setAutoCommit(false);
    }

    @Override
    public void commit() throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
    }

    @Override
    public void rollback() {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // the connection may be gone; the failure that led here is the one to report
        }
    }

    @Override
    public void run(MigrationSpec migration, ScriptStep step, int index, int count) throws Exception {
        if (step.step() instanceof Step.Java java) {
            code.run(migration, java.method(), new Context(migration.key(), connection, step.state()));
            return;
        }
        if (step.cleanup() != null) {
            execute(step.cleanup());
        }
        execute(new ReRunnable.Guarded(((Step.Sql) step.step()).text(), step.guard()));
    }

    private void execute(ReRunnable.Guarded statement) throws SQLException {
        if (statement.guard() != null && !statement.guard().runs(finds(statement.guard().query()))) {
            return;
        }
        try (var st = connection.createStatement()) {
            st.execute(statement.sql());
        }
    }

    private boolean finds(String query) throws SQLException {
        try (var st = connection.createStatement(); ResultSet r = st.executeQuery(query)) {
            return r.next();
        }
    }

    /** The context a {@code RunJava} method gets. */
    private record Context(MigrationKey migration, Connection connection, ProjectState state) implements MigrationContext {}
}
