package dev.keel.operations;

/**
 * Runs hand-written SQL. {@code reverseSql} undoes it; {@link #NOOP} as the reverse means "nothing
 * to undo", and null means irreversible. The state does not change: to tell keel what the SQL did
 * to the schema, wrap it in {@link SeparateDatabaseAndState}. {@code touches} says which tables (or
 * which database) the SQL works on; a project with several databases needs it to know where to run
 * the SQL ({@code runSql("...").touches("post")}), and null leaves it undeclared.
 */
public record RunSql(String sql, String reverseSql, Touches touches) implements Operation {
    /** A reverse that does nothing. */
    public static final String NOOP = "";

    public RunSql { Ops.require(sql, "sql"); }

    /** SQL that does not declare what it touches. */
    public RunSql(String sql, String reverseSql) {
        this(sql, reverseSql, null);
    }

    /** This SQL, declared to work on these tables (physical names, as the state knows them at this migration). */
    public RunSql touches(String... tables) {
        return new RunSql(sql, reverseSql, Touches.tables(tables));
    }

    /** This SQL, declared to run in the database {@code name} of {@code keel.json}. */
    public RunSql database(String name) {
        return new RunSql(sql, reverseSql, Touches.database(name));
    }

    @Override public String describe() {
        String first = sql.strip().lines().findFirst().orElse("");
        return "Raw SQL: " + (first.length() > 60 ? first.substring(0, 57) + "..." : first);
    }
    @Override public String nameFragment() { return "run_sql"; }
    @Override public boolean reversible() { return reverseSql != null; }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
