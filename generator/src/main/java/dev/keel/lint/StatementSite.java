package dev.keel.lint;

import dev.keel.state.Table;

import java.util.Optional;

/** One statement of a {@code RunSql} operation, with the operation it belongs to. */
public record StatementSite(OperationSite operation, SqlStatement statement) {
    /**
     * Where a finding on the statement points: the statement's own lines in a plain SQL file, the lines of the
     * {@code RunSql} operation in a Java migration.
     */
    public Span span() {
        if (!operation.migration().file().sql()) {
            return operation.span();
        }
        return statement.span();
    }

    /**
     * Whether the table may hold rows and traffic: anything but a table this migration created. A table
     * keel's state does not know (made by other SQL) counts as existing.
     */
    public boolean existingTable(String table) {
        return !operation.migration().memory().created(table);
    }

    /** The table as keel's state knows it just before this operation. */
    public Optional<Table> stateTable(String table) {
        return operation.before().tableNamed(table);
    }

    /** Whether the migration runs in one transaction. */
    public boolean atomic() {
        return operation.atomic();
    }

    /** What the migration did before this statement. */
    public MigrationMemory memory() {
        return operation.migration().memory();
    }
}
