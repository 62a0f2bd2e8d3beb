package dev.keel.scan.oracle;

import dev.keel.config.KeelConfig;
import dev.keel.load.ProjectMigrations;
import dev.keel.migration.MigrationSpec;
import dev.keel.project.ProjectState;
import dev.keel.runner.Database;
import dev.keel.runner.MigrateListener;
import dev.keel.runner.MigrateRequest;
import dev.keel.runner.MigrationSet;
import dev.keel.runner.Migrator;
import dev.keel.runner.RunnerSettings;
import dev.keel.runner.catalog.Catalog;
import dev.keel.runner.catalog.CatalogDiff;
import dev.keel.runner.sql.OperationSql;
import dev.keel.runner.testing.TestPostgres;
import dev.keel.scan.EntityScanner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The oracle of brief §5 on a real PostgreSQL, for every sample: database B gets the schema Hibernate 6.6
 * creates for the compiled entities (a SessionFactory with {@code hbm2ddl.auto=create}); database A gets
 * keel's — the scanned state turned into SQL, and, for samples with migrations, the migrations applied.
 * The two catalogs (tables, columns, types, nullability, defaults, keys, foreign keys with targets and
 * actions, uniques, checks, indexes, sequences, comments) must not differ. Intended differences would be
 * listed in {@link #INTENDED}; today there are none (pending deletions, the other allowed kind, do not
 * occur in the samples).
 */
class SchemaAgreementTest {
    /** Differences allowed on purpose, each with its reason. None today. */
    static CatalogDiff intended() {
        return CatalogDiff.strict();
    }

    static final List<String> INTENDED = List.of();

    @TempDir Path work;

    @TestFactory
    Stream<DynamicTest> keelsSchemaEqualsHibernatesOnEverySample() {
        return Samples.all().stream().map(sample -> DynamicTest.dynamicTest(sample.getFileName().toString(), () -> {
            OracleHibernate.assumeCompared(sample);
            KeelConfig config = OracleHibernate.config(sample);
            Catalog hibernate;
            try (var db = TestPostgres.freshDatabase()) {
                HibernateOracle.createSchema(sample, config, work.resolve(sample.getFileName()), db.url(), db.user(), db.password());
                try (Connection c = db.connect()) {
                    hibernate = Catalog.read(c);
                }
            }
            ProjectState scanned = EntityScanner.scan(sample, config);
            Catalog fromScan;
            try (var db = TestPostgres.freshDatabase(); Connection c = db.connect(); Statement s = c.createStatement()) {
                for (String sql : OperationSql.createAll(scanned)) {
                    s.execute(sql);
                }
                fromScan = Catalog.read(c);
            }
            if (hibernate.tables().isEmpty() || !hibernate.tables().keySet().equals(fromScan.tables().keySet())) {
                throw new AssertionError("tables differ: Hibernate " + hibernate.tables().keySet() + ", keel " + fromScan.tables().keySet());
            }
            report(sample, "scanned state as SQL", intended().diff(fromScan, hibernate));
            assertEquals(List.of(), intended().diff(fromScan, hibernate).differences(), "scan vs Hibernate, " + sample);

            List<MigrationSpec> migrations = ProjectMigrations.readSources(config, sample);
            if (migrations.isEmpty()) {
                return;
            }
            Catalog fromMigrations;
            try (var db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
                // the runner, as keel migrate applies them: data migrations (RunJava) included
                var database = new Database(db.url(), db.user(), db.password(), null, "check the test server.");
                try (Migrator m = Migrator.connect(MigrationSet.read(config, sample), database, RunnerSettings.defaults(),
                        MigrateListener.silent())) {
                    m.migrate(MigrateRequest.all().withPostDeploy());
                }
                fromMigrations = Catalog.read(c);
            }
            report(sample, "migrations applied", intended().diff(fromMigrations, hibernate));
            assertEquals(List.of(), intended().diff(fromMigrations, hibernate).differences(), "migrations vs Hibernate, " + sample);
        }));
    }

    private static void report(Path sample, String what, CatalogDiff.Result result) {
        System.out.println("agreement " + sample.getFileName() + " (" + what + " vs Hibernate 6.6): "
                + result.differences().size() + " differences, " + result.allowed().size() + " intended"
                + (result.differences().isEmpty() ? "" : "\n  " + String.join("\n  ", result.differences())));
    }
}
