package dev.keel.lint;

import dev.keel.operations.Operation;
import dev.keel.project.ProjectState;
import dev.keel.state.Table;

import java.util.Optional;

/**
 * One operation of a migration, with where it is written and the state it meets.
 *
 * @param before the state just before this operation
 */
public record OperationSite(MigrationSite migration, Operation operation, int index, ProjectState before) {
    /** The lines the operation is written on. */
    public Span span() {
        return migration.span(index);
    }

    /** The app of the migration. */
    public String app() {
        return migration.spec().app();
    }

    /** The model's table as this operation meets it. */
    public Optional<Table> table(String model) {
        return before.table(app(), model);
    }

    /** Whether the model's table was in the database before this migration: it may hold rows and traffic. */
    public boolean existingTable(String model) {
        return table(model).map(t -> migration.existedBefore(t.qualifiedName())
                && !migration.memory().created(t.qualifiedName())).orElse(false);
    }

    /** Whether the migration runs in one transaction. */
    public boolean atomic() {
        return migration.spec().atomic();
    }
}
