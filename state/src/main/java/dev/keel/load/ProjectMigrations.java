package dev.keel.load;

import dev.keel.config.AppConfig;
import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationNames;
import dev.keel.migration.MigrationSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migrations of a whole project, for every app of its {@code keel.json}: read from the sources
 * (what {@code makemigrations} does) or loaded from compiled classes (what the runner may do).
 */
public final class ProjectMigrations {
    /** Files that look meant as migrations: {@code M}, a digit, anything, {@code .java}. */
    private static final Pattern LOOKS_LIKE_MIGRATION = Pattern.compile("M\\d.*\\.java");

    private ProjectMigrations() {}

    /**
     * Reads every app's migration files from {@link KeelConfig#migrationsDir}, sorted by key. Files
     * whose names do not start like a migration class ({@code M0001...}) are ignored; an app without
     * a migrations folder has no migrations.
     *
     * @throws KeelException of kind UNREADABLE_SOURCE listing every problem of every file of every app
     */
    public static List<MigrationSpec> readSources(KeelConfig config, Path projectDir) {
        var reader = new SourceMigrationReader();
        var specs = new ArrayList<MigrationSpec>();
        var problems = new ArrayList<String>();
        for (AppConfig app : config.apps()) {
            for (Path file : migrationFiles(config, projectDir, app)) {
                String fileName = file.getFileName().toString();
                if (!MigrationNames.isMigrationClassName(fileName.substring(0, fileName.length() - ".java".length()))) {
                    problems.add(badName(file));
                    continue;
                }
                SourceMigrationReader.Outcome outcome = reader.read(file, app.label(), app.migrationsPackage());
                problems.addAll(outcome.problems());
                outcome.spec().ifPresent(specs::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new KeelException(ErrorKind.UNREADABLE_SOURCE, problems);
        }
        specs.sort(Comparator.comparing(MigrationSpec::key));
        return specs;
    }

    /**
     * Loads every app's compiled migrations from {@code loader} (see {@link MigrationCompiler}), sorted by key.
     *
     * @throws KeelException of kind UNREADABLE_SOURCE listing every class that cannot be loaded
     */
    public static List<MigrationSpec> loadCompiled(KeelConfig config, ClassLoader loader) {
        var specs = new ArrayList<MigrationSpec>();
        var problems = new ArrayList<String>();
        for (AppConfig app : config.apps()) {
            try {
                specs.addAll(CompiledMigrationLoader.load(loader, app.migrationsPackage(), app.label()));
            } catch (KeelException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new KeelException(ErrorKind.UNREADABLE_SOURCE, problems);
        }
        specs.sort(Comparator.comparing(MigrationSpec::key));
        return specs;
    }

    /** The files of an app's migrations folder that look like migrations ({@code M0001_initial.java}), sorted. */
    public static List<Path> migrationFiles(KeelConfig config, Path projectDir, AppConfig app) {
        Path folder = config.migrationsDir(projectDir, app);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> Files.isRegularFile(f)
                            && LOOKS_LIKE_MIGRATION.matcher(f.getFileName().toString()).matches())
                    .sorted().toList();
        } catch (IOException e) {
            throw new KeelException(ErrorKind.UNREADABLE_SOURCE, folder + ": cannot list the migrations folder of app "
                    + app.label() + ": " + e + "\nTo fix: check that the folder is readable.", e);
        }
    }

    private static String badName(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.java$", "").substring(1);
        String digits = name.replaceFirst("^(\\d+).*", "$1");
        String words = name.substring(digits.length()).replaceFirst("^[^A-Za-z0-9]*", "").replaceAll("[^A-Za-z0-9_]", "_");
        String number = digits.length() >= 4 ? digits : "0".repeat(4 - digits.length()) + digits;
        String suggestion = "M" + number + "_" + (words.isEmpty() ? "migration" : words);
        return SourceProblems.ofFile(file, "the name " + name + " does not follow NNNN_words (four or more digits,"
                + " an underscore, then letters, digits and underscores)",
                "rename the file and its class, for example to " + suggestion);
    }
}
