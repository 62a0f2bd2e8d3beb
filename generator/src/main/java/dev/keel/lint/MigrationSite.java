package dev.keel.lint;

import dev.keel.migration.MigrationSpec;
import dev.keel.project.ProjectState;
import dev.keel.state.PendingTable;

import java.util.List;

/**
 * A migration as lint sees it: its declaration, its source, the state before it, the packages whose
 * import is application code, and what its earlier operations did ({@link MigrationMemory}).
 *
 * @param appPackages the packages of the project's application code (the apps' entity packages)
 * @param migrationsPackage the package of the app's migrations, which is not application code
 */
public record MigrationSite(MigrationSpec spec, MigrationFile file, ProjectState before, List<String> appPackages,
                            String migrationsPackage, MigrationMemory memory) {
    public MigrationSite {
        appPackages = List.copyOf(appPackages);
    }

    /** The lines of operation {@code index}. */
    public Span span(int index) {
        return file.operation(index, spec.operations().size());
    }

    /** Whether a table of this name (as the state names it) was in the database before this migration. */
    public boolean existedBefore(String table) {
        return before.tableNamed(table).isPresent()
                || before.pending().stream().anyMatch(p -> p instanceof PendingTable t && t.table().equals(table));
    }
}
