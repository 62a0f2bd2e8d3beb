package dev.keel.lint;

/**
 * One lint rule: a hazard of PostgreSQL migrations on a busy database, found in operations, in the
 * statements of {@code RunSql}, or in a migration as a whole. A rule overrides the checks it needs.
 */
public interface LintRule {
    /** The rule's name, as findings and allow comments write it ({@code drop-column}). */
    String name();

    /** Why the unsafe form is dangerous: the lock it takes, or what it breaks. */
    String why();

    /** The safe form, as keel writes it. */
    String fix();

    /**
     * The safe form for a plain SQL migration file (Flyway, Liquibase), in SQL and in that tool's terms, where
     * {@link #fix()} speaks of keel's operations; the same as {@link #fix()} by default.
     */
    default String sqlFix() {
        return fix();
    }

    /** Whether an allow comment may let a finding of this rule through (false for the escape hatch's own rules). */
    default boolean allowable() {
        return true;
    }

    /** Checks one migration as a whole (its flags, imports, the mix of its operations). */
    default void check(MigrationSite migration, Findings out) {}

    /** Checks one operation, with the state it meets. */
    default void check(OperationSite operation, Findings out) {}

    /** Checks one statement of a {@code RunSql} operation. */
    default void check(StatementSite statement, Findings out) {}
}
