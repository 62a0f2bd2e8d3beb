package dev.keel.safety;

import dev.keel.config.KeelConfig;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.operations.SafeDeleteModel;
import dev.keel.operations.SafeRemoveField;
import dev.keel.project.ProjectState;
import dev.keel.rewrite.PlannedMigration;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.rewrite.SafetyRewriter;
import dev.keel.state.PendingColumn;
import dev.keel.state.PendingDeletion;
import dev.keel.state.PendingTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * squawk as an outside oracle: the SQL of every migration keel writes for the safety scenarios (with the
 * DELETE phase of the two-phase removals) and of every sample project's migrations, rendered as the runner
 * runs it, passes squawk's rules with no finding ({@link Squawk#EXCLUDED} lists the rules left out, and
 * why). To show the oracle bites, the plain form of each unsafe scenario must draw a finding.
 *
 * <p>The build installs squawk (generator/pom.xml, profile install-squawk). A missing squawk fails the test, so
 * that no run passes without the oracle; {@code -Dkeel.squawk=skip} skips it on purpose, saying so.
 */
class SquawkOracleTest {
    static Squawk squawk;
    @TempDir Path dir;

    @BeforeAll
    static void findSquawk() {
        boolean skip = "skip".equals(System.getProperty("keel.squawk"));
        if (skip) {
            System.err.println("SKIPPED on request (-Dkeel.squawk=skip): the squawk oracle did not run.");
        }
        assumeTrue(!skip, "skipped on request (-Dkeel.squawk=skip)");
        squawk = Squawk.find().orElseThrow(() -> new IllegalStateException("squawk is not installed, so the squawk"
                + " oracle cannot run. The build installs it (npm install --prefix tools/squawk --no-package-lock, from"
                + " the repository root); install Node.js and npm, or skip it on purpose with -Dkeel.squawk=skip."));
    }

    /** Writes each migration's SQL to a file named after it and runs squawk on them all. */
    Map<String, List<Squawk.Finding>> lint(Map<String, String> sqlByName) throws IOException, InterruptedException {
        var files = new ArrayList<Path>();
        for (var e : sqlByName.entrySet()) {
            Path f = dir.resolve(e.getKey() + ".sql");
            Files.writeString(f, e.getValue());
            files.add(f);
        }
        return squawk.lint(files);
    }

    @Test
    void keelsMigrationsForTheScenariosAndSamplesPass() throws IOException, InterruptedException {
        var sql = new LinkedHashMap<String, String>();
        for (Scenario s : Scenario.all()) {
            List<MigrationSpec> migrations = s.expectedMigrations();
            List<String> rendered = RunnerSql.renderAll(migrations, Scenario.baseState());
            for (int i = 0; i < migrations.size(); i++) {
                sql.put(s.name() + "__" + migrations.get(i).name(), rendered.get(i));
            }
            ProjectState after = MigrationGraph.replay(Scenario.baseState(), migrations);
            deletePhase(after).ifPresent(delete -> sql.put(s.name() + "__delete_pending", RunnerSql.render(delete, after)));
        }
        try (Stream<Path> samples = Files.list(Path.of("..", "src-samples"))) {
            for (Path sample : samples.filter(p -> Files.exists(p.resolve("keel.json"))).sorted().toList()) {
                List<MigrationSpec> migrations = MigrationGraph.of(ProjectMigrations.readSources(KeelConfig.read(sample), sample))
                        .forwardsPlan(Set.of(), List.of());
                List<String> rendered = RunnerSql.renderAll(migrations, ProjectState.EMPTY);
                for (int i = 0; i < migrations.size(); i++) {
                    sql.put(sample.getFileName() + "__" + migrations.get(i).app() + "_" + migrations.get(i).name(), rendered.get(i));
                }
            }
        }
        assertFalse(sql.isEmpty());
        var findings = lint(sql).values().stream().flatMap(List::stream).map(f -> f + "\n" + sql.get(f.file().replace(".sql", "")))
                .toList();
        assertEquals(List.of(), findings, "squawk finds nothing in the SQL keel writes");
    }

    @Test
    void thePlainFormOfEachUnsafeScenarioDrawsAFinding() throws IOException, InterruptedException {
        var sql = new LinkedHashMap<String, String>();
        for (Scenario s : Scenario.all()) {
            if (!Set.of("not-null-with-default", "type-widening", "rename-field").contains(s.name())) {
                sql.put(s.name(), RunnerSql.renderAll(s.plain(), Scenario.baseState()).get(0));
            }
        }
        for (var e : lint(sql).entrySet()) {
            assertFalse(e.getValue().isEmpty(), "squawk finds the plain form of " + e.getKey() + " unsafe:\n"
                    + sql.get(e.getKey().replace(".sql", "")));
        }
    }

    /** The DELETE phase keel writes for what is pending after a scenario (makemigrations --delete-pending). */
    private static java.util.Optional<MigrationSpec> deletePhase(ProjectState after) {
        var ops = new ArrayList<Operation>();
        var ordered = new ArrayList<PendingDeletion>(after.pending());
        ordered.sort(java.util.Comparator.comparingInt(p -> p instanceof dev.keel.state.PendingSync ? 0 : 1));
        for (PendingDeletion p : ordered) {
            ops.add(p instanceof PendingColumn c ? new SafeRemoveField(c.model(), c.column().field(), DeletionAction.DELETE)
                    : p instanceof dev.keel.state.PendingView v ? new dev.keel.operations.DropCompatibilityView(v.view())
                    : p instanceof dev.keel.state.PendingSync ps ? new dev.keel.operations.RemoveColumnSync(ps.model(), ps.column())
                    : p instanceof dev.keel.state.PendingSequence q ? new dev.keel.operations.SafeDeleteSequence(q.sequence().name(), DeletionAction.DELETE)
                    : new SafeDeleteModel(((PendingTable) p).model(), DeletionAction.DELETE));
        }
        if (ops.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<PlannedMigration> plans = SafetyRewriter.rewrite(Scenario.APP, after, ops, SafetyOptions.DEFAULT);
        assertEquals(1, plans.size());
        return java.util.Optional.of(new MigrationSpec(new MigrationKey(Scenario.APP, "9999_delete_pending"), List.of(),
                plans.get(0).operations(), plans.get(0).atomic(), plans.get(0).postDeployment(), false, List.of(), "generated"));
    }
}
