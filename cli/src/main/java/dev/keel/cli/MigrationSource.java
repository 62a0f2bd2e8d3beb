package dev.keel.cli;

import dev.keel.config.KeelConfig;
import dev.keel.error.KeelException;
import dev.keel.load.ProjectLayout;
import dev.keel.load.ProjectMigrations;
import dev.keel.migration.MigrationSpec;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the commands get a project's migrations from. Outside tests this is {@link #standard()}:
 * the migration files read from source; tests give migrations built in code.
 */
@FunctionalInterface
public interface MigrationSource {
    /**
     * Reads every migration of every app of {@code config}.
     *
     * @param config     the project's {@code keel.json}
     * @param projectDir the project folder (the one {@code keel.json} is in)
     * @throws KeelException naming file and line for every migration that cannot be read
     */
    List<MigrationSpec> read(KeelConfig config, Path projectDir);

    /**
     * The migration files of the project, read from source without compiling them; files read before
     * come from the project's cache in {@code .keel/cache}. What {@code keel.json} names must be there first
     * ({@link ProjectLayout}: a mistyped source root or package is an error, not an app without migrations).
     */
    static MigrationSource standard() {
        return (config, projectDir) -> {
            ProjectLayout.check(config, projectDir);
            return ProjectMigrations.readSources(config, projectDir, Caches.of(projectDir, config)).specs();
        };
    }
}
