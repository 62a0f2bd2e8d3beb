package dev.keel.lint;

import dev.keel.config.KeelConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Lint agrees with the generator: every migration keel writes for the safety scenarios passes, and the
 * plain form a naive tool writes is caught (but for the changes that are safe as they are); the sample
 * projects' migrations pass too.
 */
class LintScenarioTest {
    static final Path SCENARIOS = Path.of("src", "test", "resources", "safety");
    /** Scenarios whose plain form is already safe: a constant default, safe widenings, a state-only rename. */
    static final Set<String> SAFE_AS_WRITTEN = Set.of("not-null-with-default", "type-widening", "rename-field");

    @TempDir Path project;

    static List<Path> scenarios() throws IOException {
        try (Stream<Path> dirs = Files.list(SCENARIOS)) {
            return dirs.filter(d -> !d.getFileName().toString().startsWith("_")).sorted().toList();
        }
    }

    /** A copy of the base shop with {@code files} added to its migrations folder. */
    Path shopWith(Path folder) throws IOException {
        Path base = SCENARIOS.resolve("_base");
        try (Stream<Path> files = Files.walk(base)) {
            for (Path p : files.toList()) {
                Path to = project.resolve(base.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Path migrations = project.resolve("src/main/java/com/example/shop/migrations");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.copy(f, migrations.resolve(f.getFileName()));
            }
        }
        return project;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void keelsOwnMigrationsPass(Path scenario) throws IOException {
        Path dir = shopWith(scenario.resolve("expected"));
        LintReport report = new Linter().lint(KeelConfig.read(dir), dir, List.of());
        assertEquals(List.of(), report.findings().stream().map(Finding::render).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void thePlainFormIsCaughtUnlessItIsSafeAsWritten(Path scenario) throws IOException {
        Path dir = shopWith(scenario.resolve("after"));
        LintReport report = new Linter().lint(KeelConfig.read(dir), dir, List.of());
        boolean safe = SAFE_AS_WRITTEN.contains(scenario.getFileName().toString());
        assertEquals(safe, report.clean(), report.findings().stream().map(Finding::render).toList().toString());
    }

    @Test
    void theSampleProjectsPass() {
        try (Stream<Path> samples = Files.list(Path.of("..", "src-samples"))) {
            for (Path sample : samples.filter(s -> Files.exists(s.resolve("keel.json"))).toList()) {
                LintReport report = new Linter().lint(KeelConfig.read(sample), sample, List.of());
                assertFalse(report.migrations() == 0, sample + " has migrations");
                assertEquals(List.of(), report.findings().stream().map(Finding::render).toList(), sample.toString());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
