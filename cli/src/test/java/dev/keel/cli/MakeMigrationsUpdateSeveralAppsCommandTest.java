package dev.keel.cli;

import dev.keel.config.KeelConfig;
import dev.keel.diff.DiffHints;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.make.ScannedProject;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.project.ProjectState;
import dev.keel.runner.catalog.Catalog;
import dev.keel.runner.catalog.CatalogDiff;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static dev.keel.migration.Operations.column;
import static dev.keel.migration.Operations.foreignKey;
import static dev.keel.migration.Operations.index;
import static dev.keel.migration.Operations.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code makemigrations --update} on the shop sample (three apps, orders depending on the other two): each app's
 * changes go into its own latest migration, a new foreign key to another app's new table (in a schema of its own)
 * adds the dependency, and the result migrates a real PostgreSQL to the entities' schema.
 */
class MakeMigrationsUpdateSeveralAppsCommandTest {
    @TempDir Path dir;
    @TempDir Path fresh;
    ProjectState entities;

    KeelRun keel(Path project, String... args) {
        String[] all = Stream.concat(Stream.of("-C", project.toString()), Stream.of(args)).toArray(String[]::new);
        return KeelRun.run(MigrationSource.standard(), (c, d) -> new ScannedProject(entities, DiffHints.NONE), all);
    }

    static List<MigrationSpec> specs(Path project) {
        return ProjectMigrations.readSources(KeelConfig.read(project), project);
    }

    static Map<MigrationKey, MigrationSpec> byKey(Path project) {
        var map = new TreeMap<MigrationKey, MigrationSpec>();
        specs(project).forEach(s -> map.put(s.key(), s));
        return map;
    }

    @Test
    void eachAppsChangesGoIntoItsOwnLatestMigrationAndTheResultMigratesPostgres() throws Exception {
        dev.keel.testing.SampleProjects.copy("shop", dir);
        dev.keel.testing.SampleProjects.copy("shop", fresh);
        entities = MigrationGraph.of(specs(dir)).latestState()
                .addTable("customers", "address", table("address").schema("crm").entity("Address")
                        .field("id", column("id", "bigint"))
                        .field("street", column("street", "varchar(200)"))
                        .primaryKey("id"))
                .updateTable("catalog", "product", t -> t.field("weight", column("weight", "integer").nullable()));
        KeelRun first = keel(dir, "makemigrations");
        assertEquals(0, first.exit(), first.err() + first.out());
        assertTrue(Files.exists(dir.resolve("src/main/java/com/acme/shop/customers/migrations/M0002_address.java"))
                || first.out().contains("customers/migrations/M0002_"), first.out());

        entities = entities
                .updateTable("customers", "address", t -> t.field("city", column("city", "varchar(100)").nullable())
                        .index(index("ix_address_city", "city")))
                .updateTable("catalog", "product", t -> t.field("depth", column("depth", "integer").nullable()))
                .updateTable("orders", "purchaseorder", t -> t
                        .field("shippingAddress", column("shipping_address_id", "bigint").nullable())
                        .constraint(foreignKey("fk_purchase_order_address", "shipping_address_id").references("crm.address", "id")));
        KeelRun r = keel(dir, "makemigrations", "--update", "--json");
        assertEquals(0, r.exit(), r.err() + r.out());
        assertEquals(3, r.out().split("\"updated\" : true").length - 1, r.out());

        Map<MigrationKey, MigrationSpec> after = byKey(dir);
        assertEquals(5, after.size(), after.keySet().toString()); // 3 initial + customers.0002 + catalog.0002, no 0003
        MigrationSpec customers2 = after.values().stream().filter(s -> s.app().equals("customers") && s.name().startsWith("0002"))
                .findFirst().orElseThrow();
        MigrationSpec orders1 = after.get(new MigrationKey("orders", "0001_initial"));
        assertTrue(orders1.dependencies().contains(customers2.key()), orders1.dependencies().toString());
        assertEquals(1, customers2.operations().size(), customers2.operations().toString()); // address created whole
        assertEquals(0, keel(dir, "makemigrations", "--check").exit());

        // the same entities in one run on the untouched sample: the same schema, and the same customers migration
        KeelRun once = keel(fresh, "makemigrations");
        assertEquals(0, once.exit(), once.err() + once.out());
        assertEquals(MigrationGraph.of(specs(fresh)).latestState(), MigrationGraph.of(specs(dir)).latestState());
        MigrationSpec freshCustomers2 = byKey(fresh).values().stream()
                .filter(s -> s.app().equals("customers") && s.name().startsWith("0002")).findFirst().orElseThrow();
        assertEquals(freshCustomers2.operations(), customers2.operations());

        // and on PostgreSQL, the updated migrations build what the migrations of one run build
        try (TestDatabase updated = TestPostgres.freshDatabase(); TestDatabase once2 = TestPostgres.freshDatabase()) {
            KeelRun migrated = keel(dir, "migrate", "--url", SampleProject.url(updated));
            assertEquals(0, migrated.exit(), migrated.err() + migrated.out());
            KeelRun migratedOnce = keel(fresh, "migrate", "--url", SampleProject.url(once2));
            assertEquals(0, migratedOnce.exit(), migratedOnce.err() + migratedOnce.out());
            try (Connection a = updated.connect(); Connection b = once2.connect()) {
                assertEquals(List.of(), CatalogDiff.strict().diff(Catalog.read(b), Catalog.read(a)).differences());
                assertTrue(Catalog.read(a).toString().contains("fk_purchase_order_address"));
            }
        }
    }
}
