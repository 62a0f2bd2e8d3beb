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
import org.junit.jupiter.api.Test;
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
 * makemigrations, migrate and check-db on the {@code schemas} oracle project (entities, sequences, join and
 * collection tables in several schemas, foreign keys across them) on a real PostgreSQL: the initial migration
 * builds the scanned state, applying it creates the schemas it needs, check-db finds no drift, and a second
 * run finds nothing. (SchemaAgreementTest compares the same migration, kept in the sample, with Hibernate's
 * schema.)
 */
class SchemasMigrationsTest {
    @TempDir Path dir;

    private static final Path SAMPLE = Path.of("src/test/resources/oracle/schemas");

    private final EntitySource scanner = (c, d) -> {
        EntityScanner.Scan scan = EntityScanner.scanWithHints(d, c);
        return new ScannedProject(scan.state(), scan.hints());
    };

    private MakeResult make(KeelConfig config, MakeOptions options) {
        return new MakeMigrations(scanner, new NonInteractiveQuestioner()).run(config, dir, options);
    }

    /** The sample without its migrations and lockfile: a project before its first makemigrations. */
    private KeelConfig copyEntities() throws IOException {
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String relative = SAMPLE.relativize(p).toString();
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

    @Test
    void theInitialMigrationCreatesTheSchemasAndCheckDbIsClean() throws Exception {
        KeelConfig config = copyEntities();
        MakeResult first = make(config, MakeOptions.defaults());
        assertEquals(1, first.migrations().size(), first.migrations().toString());
        ProjectState migrated = MigrationGraph.of(ProjectMigrations.readSources(config, dir)).latestState();
        ProjectState scanned = EntityScanner.scan(dir, config);
        assertEquals(List.copyOf(scanned.tables()), List.copyOf(migrated.tables()), "the migration builds the scanned state");
        assertEquals(List.copyOf(scanned.sequences()), List.copyOf(migrated.sequences()));

        try (var db = TestPostgres.freshDatabase()) {
            var database = new Database(db.url(), db.user(), db.password(), null, "check the test server.");
            try (Migrator m = Migrator.connect(MigrationSet.read(config, dir), database, RunnerSettings.defaults(),
                    MigrateListener.silent())) {
                m.migrate(MigrateRequest.all().withPostDeploy());
                DriftCheck.Report report = DriftCheck.check(m);
                assertEquals(List.of(), report.differences());
                assertTrue(report.exact(), "check-db compared expressions as PostgreSQL prints them");
            }
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("""
                         select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                         where c.relkind = 'S' and n.nspname <> 'public' order by 1""")) {
                var sequences = new ArrayList<String>();
                while (rs.next()) {
                    sequences.add(rs.getString(1));
                }
                assertEquals(List.of("books.entry_ids", "calendar.meeting_ids", "crm.call_ids", "crm.contact_ids", "crm.lead_ids",
                        "crm_data.visit_ids", "support_desk.ticket_ids"), sequences);
            }
        }

        assertTrue(make(config, MakeOptions.defaults()).migrations().isEmpty(), "a second run finds nothing");
        assertEquals(List.of(), make(config, new MakeOptions(List.of(), true, false, false, false, null, false,
                SafetyOptions.DEFAULT)).problems());
    }
}
