package dev.keel.operations;

import dev.keel.state.ProjectState;

import java.util.List;

/**
 * Runs hand-written SQL. {@code reverseSql} undoes it; {@link #NOOP} as the reverse means "nothing
 * to undo", and null means irreversible. The state does not change: to tell keel what the SQL did
 * to the schema, wrap it in {@link SeparateDatabaseAndState}.
 */
public record RunSql(String sql, String reverseSql) implements Operation {
    /** A reverse that does nothing. */
    public static final String NOOP = "";

    public RunSql { Ops.require(sql, "sql"); }

    @Override public ProjectState applyTo(String app, ProjectState state) { return state; }
    @Override public String describe() {
        String first = sql.strip().lines().findFirst().orElse("");
        return "Raw SQL: " + (first.length() > 60 ? first.substring(0, 57) + "..." : first);
    }
    @Override public String nameFragment() { return "run_sql"; }
    @Override public boolean reversible() { return reverseSql != null; }
    @Override public List<Operation> reverse(String app, ProjectState before) {
        if (reverseSql == null) {
            throw Ops.irreversible(this);
        }
        return reverseSql.isBlank() ? List.of() : List.of(new RunSql(reverseSql, sql));
    }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
