package dev.keel.spring.boot;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.runner.Keel;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The auto-configuration in an application context of its own, on a fresh database of the embedded PostgreSQL. */
class KeelAutoConfigurationTest {
    private static final String SHELF = "dev.keel.spring.boot.shelf.migrations";
    private TestDatabase db;
    private ApplicationContextRunner runner;

    @BeforeEach
    void freshDatabase() {
        db = TestPostgres.freshDatabase();
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KeelAutoConfiguration.class))
                .withBean(DataSource.class, db::dataSource);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        db.close();
    }

    private List<String> applied() throws SQLException {
        var result = new ArrayList<String>();
        try (Connection c = db.connect(); var st = c.createStatement();
             var r = st.executeQuery("SELECT app || '.' || name FROM keel_migrations ORDER BY name")) {
            while (r.next()) {
                result.add(r.getString(1));
            }
        }
        return result;
    }

    private boolean indexExists(String name) throws SQLException {
        try (Connection c = db.connect(); var st = c.createStatement();
             var r = st.executeQuery("SELECT to_regclass('" + name + "') IS NOT NULL")) {
            r.next();
            return r.getBoolean(1);
        }
    }

    @Test
    void theDeployPhaseRunsAndThePostDeploymentMigrationWaits() throws SQLException {
        runner.withPropertyValues("keel.migrations-packages=" + SHELF).run(context -> {
            assertEquals(null, context.getStartupFailure());
            assertEquals(1, context.getBean(KeelMigrationInitializer.class).plan().deferred().size());
        });
        assertEquals(List.of("shelf.0001_initial"), applied());
        assertFalse(indexExists("idx_book_title"));
    }

    @Test
    void postDeployTrueRunsThePostDeploymentMigrationsToo() throws SQLException {
        runner.withPropertyValues("keel.apps.shelf=" + SHELF, "keel.post-deploy=true")
                .run(context -> assertEquals(null, context.getStartupFailure()));
        assertEquals(List.of("shelf.0001_initial", "shelf.0002_idx_book_title"), applied());
        assertTrue(indexExists("idx_book_title"));
    }

    @Test
    void withoutPackagesTheMigrationsAreFoundUnderTheApplicationsPackage() throws SQLException {
        runner.withUserConfiguration(dev.keel.spring.boot.shelf.ShelfApplication.class)
                .run(context -> assertEquals(Set.of("shelf"), context.getBean(Keel.class).migrations().specs().keySet()
                        .stream().map(k -> k.app()).collect(java.util.stream.Collectors.toSet())));
        assertEquals(List.of("shelf.0001_initial"), applied());
    }

    @Test
    void noMigrationsAnywhereIsKeelsUsageError() {
        runner.run(context -> {
            KeelException keel = keelCause(context.getStartupFailure());
            assertEquals(ErrorKind.USAGE, keel.kind());
            assertTrue(keel.getMessage().contains("keel found no migration classes"), keel.getMessage());
            assertTrue(keel.getMessage().contains("keel.migrations-packages="), keel.getMessage());
        });
    }

    @Test
    void propertiesReachTheRunner() {
        runner.withPropertyValues("keel.migrations-packages=" + SHELF, "keel.lock-timeout=750ms", "keel.statement-timeout=0",
                        "keel.large-table-rows=5000", "keel.large-tables=event,audit.log")
                .run(context -> {
                    KeelProperties p = context.getBean(KeelProperties.class);
                    assertEquals(Duration.ofMillis(750), p.getLockTimeout());
                    assertEquals(Duration.ZERO, p.getStatementTimeout());
                    assertEquals(5000, p.getLargeTableRows());
                    assertEquals(List.of("event", "audit.log"), p.getLargeTables());
                    assertFalse(p.isPostDeploy());
                });
    }

    @Test
    void enabledFalseOrNoDataSourceLeavesKeelOut() throws SQLException {
        runner.withPropertyValues("keel.enabled=false", "keel.migrations-packages=" + SHELF)
                .run(context -> assertFalse(context.containsBean("keelMigrationInitializer")));
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KeelAutoConfiguration.class))
                .withPropertyValues("keel.migrations-packages=" + SHELF)
                .run(context -> assertTrue(context.getBeansOfType(Keel.class).isEmpty()));
        try (Connection c = db.connect(); var st = c.createStatement();
             var r = st.executeQuery("SELECT to_regclass('keel_migrations') IS NULL")) {
            r.next();
            assertTrue(r.getBoolean(1), "nothing ran");
        }
    }

    @Test
    void aForkedHistoryStopsTheStartWithKeelsMessageBeforeAnythingRuns() throws SQLException {
        runner.withPropertyValues("keel.migrations-packages=dev.keel.spring.boot.forked.migrations").run(context -> {
            KeelException keel = keelCause(context.getStartupFailure());
            assertEquals(ErrorKind.GRAPH, keel.kind());
            assertTrue(keel.getMessage().contains("0002_add_loan_due_date"), keel.getMessage());
            assertTrue(keel.getMessage().contains("0002_add_loan_returned_at"), keel.getMessage());
            FailureAnalysis analysis = new KeelFailureAnalyzer().analyze(context.getStartupFailure());
            assertTrue(analysis.getDescription().contains("keel did not migrate the database (GRAPH"),
                    analysis.getDescription());
            assertTrue(analysis.getDescription().contains(keel.getMessage()));
        });
        try (Connection c = db.connect(); var st = c.createStatement();
             var r = st.executeQuery("SELECT to_regclass('loan') IS NULL")) {
            r.next();
            assertTrue(r.getBoolean(1), "not even 0001 ran");
        }
    }

    @Test
    void aMigrationRecordedButMissingFromTheClassesStopsTheStart() throws SQLException {
        runner.withPropertyValues("keel.migrations-packages=" + SHELF).run(context -> assertEquals(null, context.getStartupFailure()));
        try (Connection c = db.connect(); var st = c.createStatement()) {
            st.execute("INSERT INTO keel_migrations (app, name, checksum) VALUES ('shelf', '0003_add_book_isbn', 'v2:"
                    + "a".repeat(64) + "')");
        }
        runner.withPropertyValues("keel.migrations-packages=" + SHELF).run(context -> {
            KeelException keel = keelCause(context.getStartupFailure());
            assertEquals(ErrorKind.INCONSISTENT_HISTORY, keel.kind());
            assertTrue(keel.getMessage().contains("no class M0003_add_book_isbn of app shelf is on the class path"),
                    keel.getMessage());
        });
    }

    @Test
    @SuppressWarnings("deprecation")
    void springBootFindsTheDetectorTheFailureAnalyzerAndTheAutoConfiguration() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        assertTrue(SpringFactoriesLoader.loadFactoryNames(DatabaseInitializerDetector.class, loader)
                .contains(KeelDatabaseInitializerDetector.class.getName()));
        assertTrue(SpringFactoriesLoader.loadFactoryNames(org.springframework.boot.diagnostics.FailureAnalyzer.class, loader)
                .contains(KeelFailureAnalyzer.class.getName()));
        assertTrue(org.springframework.boot.context.annotation.ImportCandidates
                .load(org.springframework.boot.autoconfigure.AutoConfiguration.class, loader).getCandidates()
                .contains(KeelAutoConfiguration.class.getName()));
        // the IDE's completion: the metadata the configuration processor wrote into the jar
        try (var in = loader.getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            for (String property : List.of("keel.enabled", "keel.apps", "keel.migrations-packages", "keel.lock-timeout",
                    "keel.statement-timeout", "keel.large-table-rows", "keel.large-tables", "keel.post-deploy")) {
                assertTrue(json.contains("\"name\": \"" + property + "\""), property + " in " + json);
            }
        }
    }

    private static KeelException keelCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof KeelException k) {
                return k;
            }
        }
        return assertInstanceOf(KeelException.class, failure, "no KeelException in " + failure);
    }
}
