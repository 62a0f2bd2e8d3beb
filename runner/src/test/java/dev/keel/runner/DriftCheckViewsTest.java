package dev.keel.runner;

import dev.keel.migration.MigrationSpec;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.keel.migration.Operations.alterModelTable;
import static dev.keel.migration.Operations.column;
import static dev.keel.migration.Operations.createCompatibilityView;
import static dev.keel.migration.Operations.createModel;
import static dev.keel.migration.Operations.dropCompatibilityView;
import static dev.keel.migration.Operations.table;
import static dev.keel.runner.Specs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code keel check-db} and a table renamed with a view under its old name: while the applied migrations hold the
 * view, the view dropped or made with other columns is drift; after the contract, and for the application's own views,
 * nothing is expected.
 */
class DriftCheckViewsTest {
    static final MigrationSpec CREATE = spec("shop.0001_initial").ops(
            createModel("note", table("note").field("id", column("id", "bigint")).primaryKey("id")
                    .field("title", column("title", "text").nullable())));
    static final MigrationSpec RENAME = spec("shop.0002_rename_note").after("shop.0001_initial").ops(
            alterModelTable("note", "memo"),
            createCompatibilityView("note", "memo", List.of("id", "title")));
    static final MigrationSpec CONTRACT = spec("shop.0003_drop_note").after("shop.0002_rename_note").ops(
            dropCompatibilityView("note"));

    @Test
    void aMissingOrChangedCompatibilityViewIsDrift() throws Exception {
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, Specs.set(CREATE, RENAME, CONTRACT), Specs.FAST,
                MigrateListener.silent())) {
            m.migrate(new MigrateRequest("shop", "0002", false, true));
            assertEquals(List.of(), DriftCheck.check(m).differences(), "the view as the migrations made it");

            db.execute("DROP VIEW note", "CREATE VIEW note AS SELECT id FROM memo");
            assertEquals(List.of("view note: columns id, title vs id"), DriftCheck.check(m).differences());

            db.execute("DROP VIEW note");
            assertEquals(List.of("view note missing (it keeps the old name of table memo for the code still running)"),
                    DriftCheck.check(m).differences());

            db.execute("CREATE VIEW note AS SELECT id, title FROM memo", "CREATE VIEW the_apps_own AS SELECT 1 AS one");
            assertEquals(List.of(), DriftCheck.check(m).differences(), "the view made again; the application's views are its own");
            m.migrate(MigrateRequest.all().withPostDeploy());
            assertEquals(List.of(), DriftCheck.check(m).differences(), "after the contract");
        }
    }
}
