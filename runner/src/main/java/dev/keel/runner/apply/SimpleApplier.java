package dev.keel.runner.apply;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.Operation;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.runner.sql.OperationSql;
import dev.keel.runner.sql.Step;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies migrations to a database in a given order, and unapplies them, tracking the state by
 * replay. Minimal: no history table, no lock, no timeouts (the executor adds those). An atomic
 * migration runs in one transaction; a non-atomic one runs statement by statement in autocommit.
 * A failure becomes a {@link KeelException} of kind {@link ErrorKind#DATABASE} naming the
 * migration, the operation and the statement, with PostgreSQL's message.
 */
public final class SimpleApplier {
    /** Runs the Java steps of {@code RunJava} operations. */
    @FunctionalInterface
    public interface JavaSteps {
        /**
         * Runs {@code method} of {@code migration} on {@code connection}, with {@code state} the
         * state the operation meets.
         */
        void run(MigrationSpec migration, String method, Connection connection, ProjectState state) throws Exception;
    }

    private final Connection connection;
    private final JavaSteps javaSteps;

    /** An applier that refuses {@code RunJava} operations. */
    public SimpleApplier(Connection connection) {
        this(connection, (migration, method, c, state) -> {
            throw new KeelException(ErrorKind.NOT_BUILT, "migration " + migration.key() + ": RunJava " + method
                    + "() needs the executor, which runs migration classes.\nTo fix: apply it with keel migrate.");
        });
    }

    /** An applier that hands {@code RunJava} steps to {@code javaSteps}. */
    public SimpleApplier(Connection connection, JavaSteps javaSteps) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.javaSteps = Objects.requireNonNull(javaSteps, "javaSteps");
    }

    /**
     * Applies {@code migrations} in the given order to a database that holds {@code start}.
     *
     * @return the state after the last migration
     * @throws KeelException of kind DATABASE when a statement fails (an atomic migration is rolled back)
     */
    public ProjectState apply(List<MigrationSpec> migrations, ProjectState start) {
        ProjectState state = start;
        for (MigrationSpec m : migrations) {
            var planned = new ArrayList<Planned>();
            ProjectState s = state;
            for (Operation op : m.operations()) {
                for (Step step : OperationSql.forwards(m.app(), s, op)) {
                    planned.add(new Planned(op, step, s));
                }
                s = StateTransitions.apply(op, m.app(), s);
            }
            run(m, planned, "apply");
            state = s;
        }
        return state;
    }

    /**
     * Unapplies {@code migrations}, given in the order they were applied to a database that then
     * held {@code start}: the last migration first, each operation's reverse last operation first.
     *
     * @return {@code start}, the state the database is back to
     * @throws KeelException of kind IRREVERSIBLE before any statement when an operation has no reverse
     */
    public ProjectState unapply(List<MigrationSpec> migrations, ProjectState start) {
        var before = new ArrayList<List<ProjectState>>();
        ProjectState s = start;
        for (MigrationSpec m : migrations) {
            var states = new ArrayList<ProjectState>();
            for (Operation op : m.operations()) {
                states.add(s);
                s = StateTransitions.apply(op, m.app(), s);
            }
            before.add(states);
        }
        var plans = new ArrayList<List<Planned>>();
        for (int i = migrations.size() - 1; i >= 0; i--) {
            MigrationSpec m = migrations.get(i);
            var planned = new ArrayList<Planned>();
            for (int j = m.operations().size() - 1; j >= 0; j--) {
                Operation op = m.operations().get(j);
                ProjectState opBefore = before.get(i).get(j);
                ProjectState after = StateTransitions.apply(op, m.app(), opBefore);
                ProjectState rs = after;
                for (Operation r : StateTransitions.reverse(op, m.app(), opBefore)) {
                    for (Step step : OperationSql.forwards(m.app(), rs, r)) {
                        planned.add(new Planned(op, step, rs));
                    }
                    rs = StateTransitions.apply(r, m.app(), rs);
                }
            }
            plans.add(planned);
        }
        for (int k = 0; k < plans.size(); k++) {
            run(migrations.get(migrations.size() - 1 - k), plans.get(k), "unapply");
        }
        return start;
    }

    private record Planned(Operation operation, Step step, ProjectState state) {}

    private void run(MigrationSpec m, List<Planned> steps, String verb) {
        boolean autoCommit = autoCommit();
        try {
            setAutoCommit(!m.atomic());
            for (Planned p : steps) {
                runStep(m, p, verb);
            }
            if (m.atomic()) {
                commit(m, verb);
            }
        } catch (RuntimeException e) {
            if (m.atomic()) {
                rollback();
            }
            throw e;
        } finally {
            setAutoCommit(autoCommit);
        }
    }

    private void runStep(MigrationSpec m, Planned p, String verb) {
        if (p.step() instanceof Step.Java java) {
            try {
                javaSteps.run(m, java.method(), connection, p.state());
            } catch (KeelException e) {
                throw e;
            } catch (Exception e) {
                throw new KeelException(ErrorKind.DATABASE, where(m, p, verb) + ": RunJava " + java.method()
                        + "() failed: " + e.getMessage() + "\nTo fix: correct the method, then run again.", e);
            }
            return;
        }
        // a scratch database: the backfill of CopyColumn as the one statement it amounts to
        String sql = p.step() instanceof Step.Backfill copy ? copy.update() : ((Step.Sql) p.step()).text();
        try (var st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new KeelException(ErrorKind.DATABASE, where(m, p, verb) + ": statement failed:\n    " + sql
                    + "\nPostgreSQL: " + e.getMessage()
                    + "\nTo fix: correct the migration (or the database), then run again"
                    + (m.atomic() ? "; nothing of this migration was applied." : "; this migration is not atomic, so"
                    + " the statements before this one stay applied."), e);
        }
    }

    private static String where(MigrationSpec m, Planned p, String verb) {
        return "migration " + m.key() + " (" + verb + "), operation \"" + p.operation().describe() + "\"";
    }

    private boolean autoCommit() {
        try {
            return connection.getAutoCommit();
        } catch (SQLException e) {
            throw databaseError("cannot read the connection's autocommit mode", e);
        }
    }

    private void setAutoCommit(boolean value) {
        try {
            if (connection.getAutoCommit() != value) {
                connection.setAutoCommit(value);
            }
        } catch (SQLException e) {
            throw databaseError("cannot set autocommit to " + value, e);
        }
    }

    private void commit(MigrationSpec m, String verb) {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new KeelException(ErrorKind.DATABASE, "migration " + m.key() + " (" + verb + "): commit failed."
                    + "\nPostgreSQL: " + e.getMessage() + "\nTo fix: run it again; nothing of it was applied.", e);
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one to report
        }
    }

    private static KeelException databaseError(String what, SQLException e) {
        return new KeelException(ErrorKind.DATABASE, what + ".\nPostgreSQL: " + e.getMessage()
                + "\nTo fix: check the connection to the database.", e);
    }
}
