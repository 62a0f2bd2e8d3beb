package dev.keel.cli;

import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.runner.MigrationSet;
import dev.keel.runner.internal.ClassPathLoader;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code --classpath} and {@code --sources} options of the commands that run migrations, and where
 * they read the migrations: from the compiled classes of {@code --classpath} (or of {@code keel.json}'s
 * {@code migrations.classpath}), else from the source files.
 */
public final class MigrationsMixin {
    @Option(names = "--classpath", paramLabel = "PATH[:PATH...]",
            description = "Read the migrations from the compiled classes of these folders and jars (the application's"
                    + " jar, Spring Boot's included, or target/classes), separated by the platform's path separator (relative"
                    + " to the project folder), instead of their source files: each app's migrationsPackage is looked up there. Default:"
                    + " keel.json's migrations.classpath, else the sources.")
    String classpath;

    @Option(names = "--sources", description = "Read the migrations from their source files even when keel.json sets"
            + " migrations.classpath.")
    boolean sources;

    /** The class path to read migrations from, or null to read the sources. */
    List<Path> classPath(ProjectMixin project) {
        if (sources && classpath != null) {
            throw new KeelException(ErrorKind.USAGE, "--sources and --classpath say two different things.\nTo fix: give"
                    + " one of them.");
        }
        if (sources) {
            return null;
        }
        if (classpath != null) {
            return ClassPathLoader.split(classpath, project.projectDir());
        }
        KeelConfig config = project.config();
        if (config.migrations().classpath().isEmpty()) {
            return null;
        }
        return config.migrations().classpath().stream().map(p -> project.projectDir().resolve(p).normalize()).toList();
    }

    /** Whether the migrations come from compiled classes. */
    boolean fromClasses(ProjectMixin project) {
        return classPath(project) != null;
    }

    /** The project's migrations as the runner needs them, from the class path or the sources. */
    MigrationSet migrations(ProjectMixin project) {
        List<Path> classPath = classPath(project);
        if (classPath == null) {
            return MigrationSet.of(project.migrationSpecs(), project.config(), project.projectDir());
        }
        KeelConfig config = project.config();
        return project.timings().time("load migrations", () -> MigrationSet.load(config, classPath));
    }
}
