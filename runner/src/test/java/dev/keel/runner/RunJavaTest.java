package dev.keel.runner;

import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code RunJava}: the project's migration sources are compiled in-process and the method gets a
 * context with the runner's connection (inside the migration's transaction, under the timeouts) and
 * the historical state.
 */
class RunJavaTest {
    @TempDir Path project;

    @BeforeEach
    void writeProject() throws IOException {
        Files.writeString(project.resolve("keel.json"), """
                {"apps": [{"label": "shop", "package": "com.acme.shop"}]}
                """);
        Path dir = Files.createDirectories(project.resolve("src/main/java/com/acme/shop/migrations"));
        Files.writeString(dir.resolve("M0001_initial.java"), """
                package com.acme.shop.migrations;

                import dev.keel.migration.Migration;

                import static dev.keel.migration.Operations.*;

                public final class M0001_initial extends Migration {
                    @Override
                    protected void define() {
                        initial();
                        operations(createModel("Item", table("item").entity("Item")
                                .field("id", column("id", "bigint"))
                                .field("name", column("name", "text"))
                                .primaryKey("id")));
                    }
                }
                """);
        Files.writeString(dir.resolve("M0002_seed_items.java"), """
                package com.acme.shop.migrations;

                import dev.keel.migration.Migration;
                import dev.keel.migration.MigrationContext;

                import static dev.keel.migration.Operations.*;

                public final class M0002_seed_items extends Migration {
                    @Override
                    protected void define() {
                        dependsOn("shop", "0001_initial");
                        operations(runJava("seed", "unseed"));
                    }

                    void seed(MigrationContext context) throws Exception {
                        String table = context.table("shop", "Item").name();
                        try (var st = context.connection().createStatement()) {
                            st.executeUpdate("INSERT INTO " + table + " VALUES (1, '" + context.migration() + "')");
                        }
                    }

                    void unseed(MigrationContext context) throws Exception {
                        try (var st = context.connection().createStatement()) {
                            st.executeUpdate("DELETE FROM item");
                        }
                    }
                }
                """);
    }

    private Migrator migrator(Db db) {
        return Specs.migrator(db, MigrationSet.read(KeelConfig.read(project), project), Specs.FAST, MigrateListener.silent());
    }

    @Test
    void theMethodRunsWithTheConnectionAndTheHistoricalStateForwardsAndBackwards() throws Exception {
        try (Db db = Db.fresh(); Migrator m = migrator(db)) {
            assertEquals(2, m.migrate(MigrateRequest.all()).done().size());
            assertEquals(1, db.count("SELECT count(*) FROM item WHERE name = 'shop.0002_seed_items'"));
            m.migrate(new MigrateRequest("shop", "0001", false, false));
            assertEquals(0, db.count("SELECT count(*) FROM item"));
            assertTrue(Files.isRegularFile(project.resolve(".keel/classes/com/acme/shop/migrations/M0002_seed_items.class")));
        }
    }

    @Test
    void theMethodRunsUnderTheLockTimeoutInsideTheTransaction() throws Exception {
        try (Db db = Db.fresh(); Migrator m = migrator(db)) {
            m.migrate(new MigrateRequest("shop", "0001", false, false));
            try (Connection other = db.database.connect()) {
                other.setAutoCommit(false);
                try (var st = other.createStatement()) {
                    st.execute("LOCK TABLE item IN ACCESS EXCLUSIVE MODE");
                }
                var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
                assertEquals(ErrorKind.DATABASE, e.kind());
                assertTrue(e.getMessage().contains("(Run Java seed()):\n    -- RunJava: seed()\n"
                        + "The statement could not take its lock within lock_timeout 200ms, 3 times"), e.getMessage());
                other.rollback();
            }
            assertEquals(1, db.count("SELECT count(*) FROM keel_migrations"));
        }
    }

    @Test
    void aMissingMethodIsReportedBeforeAnythingRuns() throws Exception {
        Path file = project.resolve("src/main/java/com/acme/shop/migrations/M0002_seed_items.java");
        Files.writeString(file, Files.readString(file).replace("void seed(", "void plant("));
        try (Db db = Db.fresh(); Migrator m = migrator(db)) {
            var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
            assertEquals(ErrorKind.UNREADABLE_SOURCE, e.kind());
            assertTrue(e.getMessage().contains("names the method seed() in runJava, but its class has no method"
                    + " seed(MigrationContext).\nTo fix: add  void seed(MigrationContext context)"), e.getMessage());
            assertEquals(0, db.count("SELECT count(*) FROM pg_tables WHERE tablename = 'item'"), "0001 did not run either");
        }
    }
}
