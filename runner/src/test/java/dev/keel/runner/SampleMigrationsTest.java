package dev.keel.runner;

import dev.keel.config.KeelConfig;
import dev.keel.graph.MigrationGraph;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.project.ProjectState;
import dev.keel.runner.catalog.Catalog;
import dev.keel.runner.catalog.CatalogDiff;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every sample project under {@code src-samples/} (each folder with a {@code keel.json} and
 * migrations), on a real PostgreSQL: migrated one migration at a time to the latest, back one at a
 * time to zero (an empty schema), then forwards in one go; after every step the catalog is compared
 * with the state the graph replays for what is applied.
 */
class SampleMigrationsTest {
    private static final Path SAMPLES = Path.of("..", "src-samples");

    @TestFactory
    Stream<DynamicTest> everySampleMigratesForwardsBackToZeroAndForwardsAgain() throws IOException {
        List<Path> projects;
        try (Stream<Path> dirs = Files.list(SAMPLES)) {
            projects = dirs.filter(d -> Files.isRegularFile(d.resolve(KeelConfig.FILE_NAME))).sorted().toList();
        }
        assertFalse(projects.isEmpty(), "no sample project under " + SAMPLES.toAbsolutePath());
        return projects.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> roundTrip(p)));
    }

    private static void roundTrip(Path project) throws SQLException {
        MigrationSet set = MigrationSet.read(KeelConfig.read(project), project);
        if (set.specs().isEmpty()) {
            return;
        }
        MigrationGraph graph = set.graph(Set.of());
        List<MigrationSpec> order = graph.migrations();
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, set, RunnerSettings.defaults(), MigrateListener.silent())) {
            var applied = new ArrayList<MigrationKey>();
            for (MigrationSpec spec : order) {
                m.migrate(new MigrateRequest(spec.app(), spec.name(), false, true));
                applied.add(spec.key());
                assertCatalog(db, graph.stateAt(applied), "after applying " + spec.key());
            }
            assertTrue(m.status().migrations().stream().allMatch(s -> s.mark() == MigrationStatus.Mark.APPLIED));

            List<MigrationSpec> reversed = new ArrayList<>(order);
            Collections.reverse(reversed);
            for (MigrationSpec spec : reversed) {
                String before = graph.dependencies(spec.key()).stream().filter(d -> d.app().equals(spec.app()))
                        .map(MigrationKey::name).reduce((a, b) -> b).orElse("zero");
                m.migrate(new MigrateRequest(spec.app(), before, false, true));
                applied.remove(spec.key());
                assertCatalog(db, graph.stateAt(applied), "after unapplying " + spec.key());
            }
            assertEquals(0, db.count("SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog',"
                    + " 'information_schema') AND tablename NOT IN ('keel_migrations', 'keel_backfill')"), "user tables left at zero");
            assertEquals(0, db.count("SELECT count(*) FROM keel_migrations"));

            MigrateResult again = m.migrate(MigrateRequest.all().withPostDeploy());
            assertEquals(order.size(), again.done().size());
            assertCatalog(db, graph.latestState(), "after migrating forwards again");
        }
    }

    /**
     * The live catalog must equal the replayed state. The state is built on a scratch database first
     * ({@link Catalog#roundTrip}), so check expressions compare as PostgreSQL prints them.
     */
    private static void assertCatalog(Db db, ProjectState expected, String when) throws SQLException {
        Catalog wanted;
        try (var scratch = dev.keel.runner.testing.TestPostgres.freshDatabase(); var c = scratch.connect()) {
            wanted = Catalog.roundTrip(expected, c);
        }
        assertEquals(List.of(), CatalogDiff.strict().diff(wanted, db.catalog()).differences(), when);
    }
}
