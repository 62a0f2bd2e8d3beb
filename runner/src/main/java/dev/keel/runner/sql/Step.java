package dev.keel.runner.sql;

import java.util.Objects;

/**
 * One thing the runner does for an operation: run an SQL statement, or call a Java method of the
 * migration ({@code RunJava}), which the executor runs with the connection and the historical state.
 */
public sealed interface Step permits Step.Sql, Step.Java {

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

    /** A statement step. */
    static Step sql(String text) {
        return new Sql(text);
    }
}
