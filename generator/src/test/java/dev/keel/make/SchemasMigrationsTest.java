package dev.keel.make;

import dev.keel.config.KeelConfig;
import dev.keel.diff.NonInteractiveQuestioner;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.project.ProjectState;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.runner.Database;
import dev.keel.runner.DriftCheck;
import dev.keel.runner.MigrateListener;
import dev.keel.runner.MigrateRequest;
import dev.keel.runner.MigrationSet;
import dev.keel.runner.Migrator;
import dev.keel.runner.RunnerSettings;
import dev.keel.runner.testing.TestPostgres;
import dev.keel.scan.EntityScanner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * makemigrations, migrate and check-db on the {@code schemas} and {@code schemas-jpa} oracle projects (entities,
 * sequences, join and collection tables in several schemas, foreign keys across them; quoted and mixed-case schema
 * names) on a real PostgreSQL: the initial migration builds the scanned state, applying it creates the schemas it
 * needs and puts every table and sequence in its schema, check-db finds no drift, and a second run finds nothing. (SchemaAgreementTest compares the same migration, kept in the sample, with Hibernate's
 * schema.)
 */
class SchemasMigrationsTest {
    @TempDir Path dir;

    private final EntitySource scanner = (c, d) -> {
        EntityScanner.Scan scan = EntityScanner.scanWithHints(d, c);
        return new ScannedProject(scan.state(), scan.hints());
    };

    private MakeResult make(KeelConfig config, MakeOptions options) {
        return new MakeMigrations(scanner, new NonInteractiveQuestioner()).run(config, dir, options);
    }

    /** The sample without its migrations and lockfile: a project before its first makemigrations. */
    private KeelConfig copyEntities(Path sample) throws IOException {
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String relative = sample.relativize(p).toString();
                if (relative.contains("/migrations/") || relative.equals("migrations_lockfile.txt")) {
                    continue;
                }
                Path to = dir.resolve(relative);
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
            }
        }
        return KeelConfig.read(dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"schemas", "schemas-jpa"})
    void theInitialMigrationCreatesTheSchemasAndCheckDbIsClean(String sample) throws Exception {
        KeelConfig config = copyEntities(Path.of("src/test/resources/oracle", sample));
        MakeResult first = make(config, MakeOptions.defaults());
        assertEquals(1, first.migrations().size(), first.migrations().toString());
        ProjectState migrated = MigrationGraph.of(ProjectMigrations.readSources(config, dir)).latestState();
        ProjectState scanned = EntityScanner.scan(dir, config);
        assertEquals(List.copyOf(scanned.tables()), List.copyOf(migrated.tables()), "the migration builds the scanned state");
        assertEquals(List.copyOf(scanned.sequences()), List.copyOf(migrated.sequences()));
        assertTrue(scanned.tables().stream().anyMatch(t -> t.schema() != null), "the sample uses schemas");

        try (var db = TestPostgres.freshDatabase()) {
            var database = new Database(db.url(), db.user(), db.password(), null, "check the test server.");
            try (Migrator m = Migrator.connect(MigrationSet.read(config, dir), database, RunnerSettings.defaults(),
                    MigrateListener.silent())) {
                m.migrate(MigrateRequest.all().withPostDeploy());
                DriftCheck.Report report = DriftCheck.check(m);
                assertEquals(List.of(), report.differences());
                assertTrue(report.exact(), "check-db compared expressions as PostgreSQL prints them");
            }
            var expected = new ArrayList<String>();
            scanned.tables().forEach(t -> expected.add("r " + (t.schema() == null ? "public" : t.schema()) + "." + t.name()));
            scanned.sequences().forEach(q -> expected.add("S " + (q.name().contains(".") ? q.name() : "public." + q.name())));
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("""
                         select c.relkind || ' ' || n.nspname || '.' || c.relname from pg_class c
                         join pg_namespace n on n.oid = c.relnamespace
                         where c.relkind in ('r', 'S') and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
                         and c.relname not like 'keel\\_%' and not exists (select 1 from pg_depend d where d.objid = c.oid
                         and d.deptype in ('a', 'i') and d.classid = 'pg_class'::regclass)""")) {
                var found = new ArrayList<String>();
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
                assertEquals(expected.stream().sorted().toList(), found.stream().sorted().toList(),
                        "every table and sequence in its schema");
            }
        }

        assertTrue(make(config, MakeOptions.defaults()).migrations().isEmpty(), "a second run finds nothing");
        assertEquals(List.of(), make(config, new MakeOptions(List.of(), true, false, false, false, null, false,
                SafetyOptions.DEFAULT)).problems());
    }
}
