package dev.keel.runner;

import dev.keel.config.KeelConfig;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code keel check-db} on a real PostgreSQL: a sample migrated by keel shows no drift (its enum checks,
 * defaults, foreign keys and indexes compared as PostgreSQL prints them); changes made by hand afterwards
 * are each listed; nothing the check does stays behind.
 */
class DriftCheckTest {
    private static final Path SHOP = Path.of("..", "src-samples", "shop");

    @Test
    void noDriftAfterMigrateThenEveryHandChangeIsListed() throws Exception {
        MigrationSet set = MigrationSet.read(KeelConfig.read(SHOP), SHOP);
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, set, RunnerSettings.defaults(), MigrateListener.silent())) {
            m.migrate(MigrateRequest.all().withPostDeploy());
            DriftCheck.Report clean = DriftCheck.check(m);
            assertTrue(clean.exact());
            assertEquals(List.of(), clean.differences());
            assertTrue(clean.applied() > 0);
            assertEquals(0, db.count("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'keel_check_%'"),
                    "the scratch schema is rolled back");

            String table = db.catalog().tables().keySet().stream().filter(t -> !t.contains(".")).sorted()
                    .filter(t -> {
                        try {
                            return db.catalog().table(t).orElseThrow().columns().size() > 1;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }).findFirst().orElseThrow();
            var def = db.catalog().table(table).orElseThrow();
            String column = def.columns().values().stream().filter(c -> c.notNull()
                    && (def.primaryKey() == null || !def.primaryKey().columns().contains(c.name())))
                    .map(dev.keel.runner.catalog.Catalog.ColumnDef::name).findFirst().orElseThrow();
            db.execute("ALTER TABLE " + table + " ADD COLUMN added_by_hand integer",
                    "ALTER TABLE " + table + " ALTER COLUMN " + column + " DROP NOT NULL",
                    "CREATE TABLE stray (id bigint PRIMARY KEY)",
                    "CREATE INDEX stray_idx ON " + table + " (added_by_hand)");
            List<String> drift = DriftCheck.check(m).differences();
            assertEquals(List.of(
                    "table " + table + ": column " + column + ": NOT NULL vs nullable",
                    "table " + table + ": column added_by_hand unexpected",
                    "table " + table + ": index stray_idx unexpected",
                    "table stray unexpected").stream().sorted().toList(), drift);
        }
    }

    @Test
    void missingTablesConstraintsAndChangedTypesAreListed() throws Exception {
        MigrationSet set = MigrationSet.read(KeelConfig.read(SHOP), SHOP);
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, set, RunnerSettings.defaults(), MigrateListener.silent())) {
            m.migrate(MigrateRequest.all().withPostDeploy());
            var catalog = db.catalog();
            var withFk = catalog.tables().values().stream().filter(t -> !t.foreignKeys().isEmpty()).findFirst().orElseThrow();
            String fk = withFk.foreignKeys().firstKey();
            var withCheck = catalog.tables().values().stream().filter(t -> !t.checks().isEmpty()).findFirst().orElseThrow();
            String check = withCheck.checks().firstKey();
            var leaf = catalog.tables().values().stream().filter(t -> catalog.tables().values().stream()
                    .noneMatch(o -> o.foreignKeys().values().stream().anyMatch(f -> f.targetTable().equals(t.name()))))
                    .filter(t -> !t.name().equals(withFk.name()) && !t.name().equals(withCheck.name()))
                    .findFirst().orElseThrow();
            db.execute("ALTER TABLE " + withFk.name() + " DROP CONSTRAINT " + fk,
                    "ALTER TABLE " + withCheck.name() + " DROP CONSTRAINT " + check,
                    "DROP TABLE " + leaf.name() + " CASCADE");
            List<String> drift = DriftCheck.check(m).differences();
            assertTrue(drift.contains("table " + withFk.name() + ": foreign key " + fk + " missing"), drift.toString());
            assertTrue(drift.contains("table " + withCheck.name() + ": check " + check + " missing"), drift.toString());
            assertTrue(drift.contains("table " + leaf.name() + " missing"), drift.toString());
            assertFalse(drift.isEmpty());
        }
    }
}
