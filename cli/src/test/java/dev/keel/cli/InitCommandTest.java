package dev.keel.cli;

import dev.keel.config.KeelConfig;
import dev.keel.project.ProjectState;
import dev.keel.runner.sql.OperationSql;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** keel init: keel.json from an existing project's entities, and --baseline against a live PostgreSQL. */
class InitCommandTest {
    @TempDir Path dir;

    KeelRun keel(String... args) {
        String[] all = Stream.concat(Stream.of("-C", dir.toString()), Stream.of(args)).toArray(String[]::new);
        return KeelRun.run(MigrationSource.standard(), Entities.standard(), all);
    }

    /** A sample as a project keel has never seen: no keel.json, no migrations, no lockfile. */
    private void existingProject(String sample) throws IOException {
        dev.keel.testing.SampleProjects.copy(sample, dir);
        Files.delete(dir.resolve(KeelConfig.FILE_NAME));
        Files.delete(dir.resolve("migrations_lockfile.txt"));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("M\\d{4}_.*\\.java")).toList()) {
                Files.delete(f);
            }
        }
    }

    @Test
    void aSpringBootProjectWithValidationGetsSnakeCaseAndBeanValidation() throws IOException {
        existingProject("blog");
        Files.writeString(dir.resolve("pom.xml"), """
                <project><dependencies>
                  <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-data-jpa</artifactId></dependency>
                  <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-validation</artifactId></dependency>
                </dependencies></project>
                """);
        KeelRun r = keel("init");
        assertEquals(0, r.exit(), r.err());
        assertEquals("""
                {
                  "sourceRoots" : [ "src/main/java" ],
                  "naming" : "snake_case",
                  "beanValidation" : true,
                  "apps" : [ {
                    "label" : "blog",
                    "package" : "com.example.blog",
                    "migrationsPackage" : "com.example.blog.migrations"
                  } ]
                }
                """, Files.readString(dir.resolve(KeelConfig.FILE_NAME)));
        assertTrue(r.out().contains("naming snake_case (a Spring Boot build, whose default is CamelCaseToUnderscoresNamingStrategy)"), r.out());
        assertTrue(r.out().contains("beanValidation true (the build uses spring-boot-starter-validation)"), r.out());
        // what init writes, makemigrations works with
        assertEquals(0, keel("makemigrations").exit());
        assertTrue(Files.exists(dir.resolve("src/main/java/com/example/blog/migrations/M0001_initial.java")));
    }

    @Test
    void aSpringDefaultSchemaIsPointedOutWithTheCurrentSchemaTheUrlNeeds() throws IOException {
        existingProject("blog");
        Files.createDirectories(dir.resolve("src/main/resources"));
        Files.writeString(dir.resolve("src/main/resources/application.properties"),
                "spring.jpa.properties.hibernate.default_schema=blog\n");
        KeelRun r = keel("init");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("(the Spring configuration sets hibernate.default_schema=blog: keel creates the tables"
                + " without a schema in the connection's current schema, so give database.url ?currentSchema=blog)"), r.out());
    }

    @Test
    void entitiesInSeveralPackagesMakeOneAppEachAndNoSpringMeansJpaNaming() throws IOException {
        existingProject("shop");
        Files.writeString(dir.resolve("build.gradle"), "dependencies { implementation 'org.hibernate.orm:hibernate-core:6.6.4.Final' }\n");
        KeelRun r = keel("init");
        assertEquals(0, r.exit(), r.err());
        KeelConfig config = KeelConfig.read(dir);
        assertEquals(java.util.List.of("catalog", "customers", "orders"), config.apps().stream().map(a -> a.label()).toList());
        assertEquals("com.acme.shop.orders.migrations", config.requireApp("orders").migrationsPackage());
        assertEquals(dev.keel.config.Naming.JPA, config.naming());
        assertFalse(config.beanValidation());
    }

    @Test
    void anExistingKeelJsonIsNeverOverwritten() throws IOException {
        dev.keel.testing.SampleProjects.copy("blog", dir);
        String before = Files.readString(dir.resolve(KeelConfig.FILE_NAME));
        KeelRun r = keel("init", "--naming", "jpa");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("keel.json exists already; keel init does not overwrite it."), r.err());
        assertEquals(before, Files.readString(dir.resolve(KeelConfig.FILE_NAME)));
    }

    @Test
    void noEntitiesIsAUsageError() throws IOException {
        Files.createDirectories(dir.resolve("src/main/java/x"));
        Files.writeString(dir.resolve("src/main/java/x/A.java"), "package x; class A {}");
        KeelRun r = keel("init");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no @Entity class under src/main/java"), r.err());
        assertFalse(Files.exists(dir.resolve(KeelConfig.FILE_NAME)));
    }

    /** The blog's schema as another tool built it: its own key and index names, its own history table. */
    private static void buildByAnotherTool(TestDatabase db, ProjectState entities) throws Exception {
        try (Connection c = db.connect(); var st = c.createStatement()) {
            for (String sql : OperationSql.createAll(entities)) {
                st.execute(sql);
            }
            st.execute("ALTER TABLE post RENAME CONSTRAINT fk_post_author TO post_author_id_fkey");
            st.execute("ALTER TABLE author RENAME CONSTRAINT uk_author_email TO author_email_key");
            st.execute("ALTER INDEX idx_post_created_at RENAME TO post_created_at_idx");
            st.execute("CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version text)");
        }
    }

    private static String url(TestDatabase db) {
        return db.url() + (db.url().contains("?") ? "&" : "?") + "user=" + db.user()
                + (db.password() == null || db.password().isEmpty() ? "" : "&password=" + db.password());
    }

    @Test
    void aBaselineTakesTheLiveNamesAndMatchesTheDatabase() throws Exception {
        dev.keel.testing.SampleProjects.copy("blog", dir);
        existingMigrationsRemoved();
        KeelConfig config = KeelConfig.read(dir);
        ProjectState entities = Entities.standard().scan(config, dir).state();
        try (TestDatabase db = TestPostgres.freshDatabase()) {
            buildByAnotherTool(db, entities);
            KeelRun r = keel("init", "--baseline", "--url", url(db));
            assertEquals(0, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("Using the existing keel.json."), r.out());
            assertTrue(r.out().contains("Wrote the baseline of blog: src/main/java/com/example/blog/migrations/M0001_initial.java"), r.out());
            assertTrue(r.out().contains("post: fk_post_author is post_author_id_fkey in the database"), r.out());
            assertTrue(r.out().contains("post: idx_post_created_at is post_created_at_idx in the database"), r.out());
            assertTrue(r.out().contains("The baseline matches the live database"), r.out());
            String baseline = Files.readString(dir.resolve("src/main/java/com/example/blog/migrations/M0001_initial.java"));
            assertTrue(baseline.contains("\"post_author_id_fkey\""), baseline);

            // keel takes over: the baseline is recorded without running, and nothing is left to apply
            KeelRun fake = keel("migrate", "--fake", "--url", url(db));
            assertEquals(0, fake.exit(), fake.out() + fake.err());
            KeelRun plan = keel("migrate", "--plan", "--url", url(db));
            assertTrue(plan.out().contains("no migrations to apply"), plan.out());
        }
    }

    @Test
    void aBaselineThatDiffersFromTheDatabaseListsEachDifference() throws Exception {
        dev.keel.testing.SampleProjects.copy("blog", dir);
        existingMigrationsRemoved();
        KeelConfig config = KeelConfig.read(dir);
        ProjectState entities = Entities.standard().scan(config, dir).state();
        try (TestDatabase db = TestPostgres.freshDatabase()) {
            buildByAnotherTool(db, entities);
            try (Connection c = db.connect(); var st = c.createStatement()) {
                st.execute("ALTER TABLE post ALTER COLUMN title TYPE varchar(100)");
                st.execute("CREATE TABLE legacy_audit (id bigint PRIMARY KEY)");
            }
            KeelRun r = keel("init", "--baseline", "--url", url(db));
            assertEquals(1, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("differ in 2 places"), r.out());
            assertTrue(r.out().contains("legacy_audit"), r.out());
            assertTrue(r.out().contains("title"), r.out());
        }
    }

    @Test
    void aBaselineNeedsADatabaseAndAProjectWithoutMigrations() throws Exception {
        dev.keel.testing.SampleProjects.copy("blog", dir);
        KeelRun r = keel("init", "--baseline", "--url", "jdbc:postgresql://localhost:1/x");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("the project has migrations already"), r.err());
        existingMigrationsRemoved();
        KeelRun none = keel("init", "--baseline");
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("none is configured"), none.err());
    }

    private void existingMigrationsRemoved() throws IOException {
        Files.deleteIfExists(dir.resolve("migrations_lockfile.txt"));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("M\\d{4}_.*\\.java")).toList()) {
                Files.delete(f);
            }
        }
    }

    /** Two packages whose entities point at each other (a customer's last invoice, an invoice's customer). */
    private void packagesInACycle() throws IOException {
        Path crm = Files.createDirectories(dir.resolve("src/main/java/com/acme/crm"));
        Path billing = Files.createDirectories(dir.resolve("src/main/java/com/acme/billing"));
        Files.writeString(crm.resolve("Customer.java"), """
                package com.acme.crm;

                import com.acme.billing.Invoice;
                import jakarta.persistence.*;

                @Entity
                public class Customer {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                    @Column(nullable = false) private String name;
                    @ManyToOne(fetch = FetchType.LAZY) private Invoice lastInvoice;
                }
                """);
        Files.writeString(billing.resolve("Invoice.java"), """
                package com.acme.billing;

                import com.acme.crm.Customer;
                import jakarta.persistence.*;

                @Entity
                public class Invoice {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                    @ManyToOne(optional = false) private Customer customer;
                }
                """);
    }

    @Test
    void packagesWhoseEntitiesPointAtEachOtherBecomeOneAppThatMigrates() throws IOException {
        packagesInACycle();
        KeelRun init = keel("init");
        assertEquals(0, init.exit(), init.err());
        KeelConfig config = KeelConfig.read(dir);
        assertEquals(java.util.List.of("acme"), config.apps().stream().map(a -> a.label()).toList());
        assertEquals("com.acme", config.requireApp("acme").packageName());
        assertTrue(init.out().contains("(apps billing, crm merged into app acme (package com.acme): their tables have foreign"
                + " keys to each other (billing to crm: invoice -> customer; crm to billing: customer -> invoice)"), init.out());
        KeelRun make = keel("makemigrations");
        assertEquals(0, make.exit(), make.err());
        assertTrue(Files.exists(dir.resolve("src/main/java/com/acme/migrations/M0001_initial.java")));
        KeelRun migrate = keel("migrate");
        assertEquals(0, migrate.exit(), migrate.err());
        assertEquals(0, keel("makemigrations", "--check").exit());
    }

    @Test
    void appsKeptApartDespiteTheCycleStillMigrate() throws IOException {
        packagesInACycle();
        Files.writeString(dir.resolve(KeelConfig.FILE_NAME), """
                {"naming": "snake_case", "apps": [
                  {"label": "billing", "package": "com.acme.billing"},
                  {"label": "crm", "package": "com.acme.crm"}]}""");
        KeelRun make = keel("makemigrations");
        assertEquals(0, make.exit(), make.err());
        assertTrue(make.out().contains("Migrations for 'billing':"), make.out());
        assertTrue(Files.exists(dir.resolve("src/main/java/com/acme/billing/migrations/M0001_initial.java")));
        assertTrue(Files.exists(dir.resolve("src/main/java/com/acme/crm/migrations/M0001_initial.java")));
        KeelRun migrate = keel("migrate");
        assertEquals(0, migrate.exit(), migrate.err());
        assertTrue(migrate.out().contains("Applying billing.0001_initial... OK"), migrate.out());
        assertTrue(migrate.out().indexOf("Applying crm.0001_initial") < migrate.out().indexOf("Applying billing.0002_"), migrate.out());
        assertEquals(0, keel("makemigrations", "--check").exit());
    }
}
