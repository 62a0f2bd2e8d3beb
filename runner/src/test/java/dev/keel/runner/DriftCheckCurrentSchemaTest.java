package dev.keel.runner;

import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code keel check-db} on a database whose unqualified names mean another schema than {@code public}: the URL's
 * {@code currentSchema} (as an application whose Hibernate sets {@code hibernate.default_schema} connects). keel's
 * migrations then build their unqualified tables, sequences, views and triggers there, and the catalog read names
 * that schema's objects without it, so a migrated project shows no drift and a hand change is still listed; a table
 * left in {@code public} is one of another schema.
 */
class DriftCheckCurrentSchemaTest {

    private static MigrationSet project() {
        return Specs.set(Specs.spec("shop.0001_initial").ops(
                createSequence(sequence("item_seq")),
                createModel("item", table("item")
                        .field("id", column("id", "bigint"))
                        .field("name", column("name", "varchar(40)"))
                        .field("parent", column("parent_id", "bigint").nullable())
                        .primaryKey("id")
                        .constraint(foreignKey("item_parent_fk", "parent_id").references("item", "id")))));
    }

    @Test
    void theCurrentSchemaIsTheDefaultOneOfTheCatalog() throws Exception {
        try (Db db = Db.fresh()) {
            db.execute("CREATE SCHEMA app", "CREATE TABLE public.legacy (id int)");
            String url = db.database.url() + (db.database.url().contains("?") ? "&" : "?") + "currentSchema=app";
            var database = new Database(url, db.database.user(), db.database.password(), null, "start the test server");
            try (Migrator m = Migrator.connect(project(), database, Specs.FAST, MigrateListener.silent())) {
                m.migrate(MigrateRequest.all());
                assertEquals(1, db.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'app' AND tablename = 'item'"));
                assertEquals(List.of("table public.legacy unexpected"), DriftCheck.check(m).differences());

                db.execute("DROP TABLE public.legacy", "ALTER TABLE app.item ALTER COLUMN name TYPE varchar(80)");
                assertEquals(List.of("table item: column name: type varchar(40) vs varchar(80)"), DriftCheck.check(m).differences());
            }
        }
    }
}
