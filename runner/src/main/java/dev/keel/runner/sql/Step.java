package dev.keel.runner.sql;

import java.util.Objects;

/**
 * One thing the runner does for an operation: run an SQL statement, or call a Java method of the
 * migration ({@code RunJava}), which the executor runs with the connection and the historical state.
 */
public sealed interface Step permits Step.Sql, Step.Java, Step.Backfill {

    /** One SQL statement (or, for {@code RunSql}, the user's text, sent as it is). */
    record Sql(String text) implements Step {
        public Sql {
            Objects.requireNonNull(text, "text");
            if (text.isBlank()) {
                throw new IllegalArgumentException("an SQL step needs a statement");
            }
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A call of the migration's method {@code method(MigrationContext)}; no SQL of keel's own. */
    record Java(String method) implements Step {
        public Java {
            Objects.requireNonNull(method, "method");
        }

        @Override
        public String toString() {
            return "-- RunJava: " + method + "()";
        }
    }

    /**
     * The fill of the physical column {@code column} of {@code app.model}'s table with {@code expression} for the
     * rows where it is still null ({@code CopyColumn}): keel walks the table in batches, each its own transaction,
     * resumable ({@code keel_backfill}). {@code update} is the same change as one statement (for a scratch database);
     * {@code script} what {@code sqlmigrate} prints: a {@code DO} block with the batch loop.
     */
    record Backfill(String model, String column, String expression, String update, String script) implements Step {
        public Backfill {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(update, "update");
            Objects.requireNonNull(script, "script");
        }

        @Override
        public String toString() {
            return script;
        }
    }

    /** A statement step. */
    static Step sql(String text) {
        return new Sql(text);
    }
}
