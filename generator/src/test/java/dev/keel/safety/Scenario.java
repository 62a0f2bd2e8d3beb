package dev.keel.safety;

import dev.keel.config.KeelConfig;
import dev.keel.diff.DiffHints;
import dev.keel.diff.NonInteractiveQuestioner;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.load.SourceMigrationReader;
import dev.keel.make.MakeMigrations;
import dev.keel.make.MakeOptions;
import dev.keel.make.MakeResult;
import dev.keel.make.ScannedProject;
import dev.keel.migration.MigrationSpec;
import dev.keel.project.ProjectState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One safety scenario under {@code src/test/resources/safety/NAME}: the shop of {@code _base} (a
 * project whose first migration creates customer, orders and wishlist), {@code after/} the change as
 * a naive tool would write it (the plain, unsafe operations: they stand for the entities after the
 * change), and {@code expected/} the migrations keel writes for it. Folders are found automatically.
 */
record Scenario(String name, Path dir) {
    static final Path ROOT = Path.of("src", "test", "resources", "safety");
    static final Path BASE = ROOT.resolve("_base");
    static final String APP = "shop";
    /** Set to true ({@code -Dkeel.golden.update=true}) to rewrite the expected folders from keel's output. */
    static final boolean UPDATE = Boolean.getBoolean("keel.golden.update");

    /** Every scenario, sorted by name. */
    static List<Scenario> all() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith("_")).sorted()
                    .map(d -> new Scenario(d.getFileName().toString(), d)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    Path after() {
        return dir.resolve("after");
    }

    Path expected() {
        return dir.resolve("expected");
    }

    /** The plain migration of {@code after/}. */
    List<MigrationSpec> plain() {
        return new SourceMigrationReader().readAll(APP, javaFiles(after()));
    }

    /** keel's migrations of {@code expected/}, in order. */
    List<MigrationSpec> expectedMigrations() {
        return new SourceMigrationReader().readAll(APP, javaFiles(expected()));
    }

    /** The base project's state: the shop before the change. */
    static ProjectState baseState() {
        KeelConfig config = KeelConfig.read(BASE);
        return MigrationGraph.of(ProjectMigrations.readSources(config, BASE)).latestState();
    }

    /** The state the entities describe after the change: the base with the plain operations replayed. */
    ProjectState target() {
        return MigrationGraph.replay(baseState(), plain());
    }

    /** Copies the base project into {@code project} and runs makemigrations there with this scenario's entities. */
    MakeResult make(Path project, MakeOptions options) {
        copy(BASE, project);
        ProjectState target = target();
        return new MakeMigrations((c, d) -> new ScannedProject(target, DiffHints.NONE), new NonInteractiveQuestioner())
                .run(KeelConfig.read(project), project, options);
    }

    static List<Path> javaFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target)) {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
