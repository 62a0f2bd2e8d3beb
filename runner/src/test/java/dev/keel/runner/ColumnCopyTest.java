package dev.keel.runner;

import dev.keel.error.KeelException;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.runner.sql.OperationSql;
import dev.keel.runner.sql.Step;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static dev.keel.migration.Operations.addColumnSync;
import static dev.keel.migration.Operations.addField;
import static dev.keel.migration.Operations.column;
import static dev.keel.migration.Operations.copyColumn;
import static dev.keel.migration.Operations.createModel;
import static dev.keel.migration.Operations.safeRemoveField;
import static dev.keel.migration.Operations.table;
import static dev.keel.runner.Specs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code CopyColumn} beyond a table walked by its key: a table without a single-column primary key walked by pages
 * (interrupted and resumed), the {@code DO} block {@code sqlmigrate} prints run as it is, a type-changing sync
 * (integer to bigint, both directions), and names over PostgreSQL's 63 bytes.
 */
class ColumnCopyTest {
    static final int ROWS = 3000;

    /** A join-like table: composite key, a label renamed to title. */
    static final MigrationSpec TAGGING = spec("crm.0001_initial").ops(
            createModel("tagging", table("tagging").schema("crm")
                    .field("member", column("member_id", "bigint")).field("tag", column("tag_id", "bigint"))
                    .field("label", column("label", "text").nullable()).primaryKey("member_id", "tag_id")));
    static final MigrationSpec TAGGING_EXPAND = spec("crm.0002_rename_label").after("crm.0001_initial").ops(
            safeRemoveField("tagging", "label", DeletionAction.MOVE_TO_PENDING),
            addField("tagging", "title", column("title", "text").nullable()),
            addColumnSync("tagging", "label", "title", "label", "title"));
    static final MigrationSpec TAGGING_COPY = spec("crm.0003_copy_label").after("crm.0002_rename_label").nonAtomic()
            .postDeployment().ops(copyColumn("tagging", "title", "label"));

    private static MigrateRequest to(String target) {
        return new MigrateRequest("crm", target, false, true);
    }

    @Test
    void aTableWithoutASingleColumnKeyIsWalkedByPagesAndResumes() throws Exception {
        var out = new Recorder();
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, Specs.set(TAGGING, TAGGING_EXPAND, TAGGING_COPY), Specs.FAST, out)) {
            m.migrate(to("0002"));
            db.execute("INSERT INTO crm.tagging (member_id, tag_id, label) SELECT g / 10, g % 10, CASE WHEN g % 9 = 0"
                    + " THEN NULL ELSE 'l' || g END FROM generate_series(1, " + ROWS + ") g");
            assertEquals(ROWS - ROWS / 9, db.count("SELECT count(*) FROM crm.tagging WHERE title IS NOT NULL"),
                    "inserts of the old code are kept in step");
            db.execute("ALTER TABLE crm.tagging DISABLE TRIGGER USER", "UPDATE crm.tagging SET title = NULL",
                    "ALTER TABLE crm.tagging ENABLE TRIGGER USER");
            db.execute("CREATE FUNCTION crm.fail_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " IF NEW.member_id = 250 THEN RAISE EXCEPTION 'switched off at %', NEW.member_id; END IF;"
                    + " RETURN NEW; END $$", "CREATE TRIGGER fail_at BEFORE UPDATE ON crm.tagging FOR EACH ROW EXECUTE FUNCTION crm.fail_at()");
            var e = assertThrows(KeelException.class, () -> m.migrate(to("0003")));
            assertTrue(e.getMessage().contains("switched off at 250"), e.getMessage());
            long done = db.count("SELECT batches FROM keel_backfill WHERE migration = '0003_copy_label'");
            assertTrue(done >= 1, "the batches before the failing one stay committed: " + done);
            assertTrue(db.count("SELECT count(*) FROM crm.tagging WHERE title IS NOT NULL") > 0);
            db.execute("DROP TRIGGER fail_at ON crm.tagging");
            m.migrate(to("0003"));
            assertTrue(out.logs.stream().anyMatch(l -> l.contains("resuming after key")), out.logs.toString());
            assertEquals(0, db.count("SELECT count(*) FROM crm.tagging WHERE label IS DISTINCT FROM title"));
        }
    }

    @Test
    void theDoBlockSqlmigratePrintsCopiesTheSameRows() throws Exception {
        for (boolean keyed : List.of(true, false)) {
            MigrationSpec create = keyed
                    ? spec("crm.0001_initial").ops(createModel("tagging", table("tagging").schema("crm")
                    .field("id", column("id", "integer")).field("label", column("label", "text").nullable()).primaryKey("id")))
                    : TAGGING;
            try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, Specs.set(create, TAGGING_EXPAND), Specs.FAST, new Recorder())) {
                m.migrate(to("0002"));
                db.execute(keyed ? "INSERT INTO crm.tagging (id, label) SELECT g, 'l' || g FROM generate_series(1, 2500) g"
                        : "INSERT INTO crm.tagging (member_id, tag_id, label) SELECT g, 0, 'l' || g FROM generate_series(1, 2500) g");
                db.execute("ALTER TABLE crm.tagging DISABLE TRIGGER USER", "UPDATE crm.tagging SET title = NULL",
                        "ALTER TABLE crm.tagging ENABLE TRIGGER USER");
                ProjectState state = replay(create, TAGGING_EXPAND);
                List<Step> steps = OperationSql.forwards("crm", state, copyColumn("tagging", "title", "label"));
                String script = ((Step.Backfill) steps.get(0)).script();
                assertTrue(script.contains("COMMIT;"), script);
                db.execute(script);
                assertEquals(0, db.count("SELECT count(*) FROM crm.tagging WHERE label IS DISTINCT FROM title"), script);
            }
        }
    }

    /**
     * A table keyed by a type that has no min/max aggregate (uuid) or that orders as text (varchar) is walked in
     * batches as one keyed by a number, by the runner and by the DO block sqlmigrate prints (found by
     * RandomEvolutionTest: a column renamed on a table with a UUID key failed with "function min(uuid) does not
     * exist").
     */
    @Test
    void keysOfEveryOrderedTypeAreWalkedByTheRunnerAndTheDoBlock() throws Exception {
        for (String keyType : List.of("uuid", "varchar(36)", "bigint", "date")) {
            String value = switch (keyType) {
                case "uuid" -> "md5(g::text)::uuid";
                case "varchar(36)" -> "'k' || g";
                case "date" -> "DATE '2000-01-01' + g";
                default -> "g";
            };
            MigrationSpec create = spec("crm.0001_initial").ops(createModel("tagging", table("tagging").schema("crm")
                    .field("id", column("id", keyType)).field("label", column("label", "text").nullable()).primaryKey("id")));
            for (boolean script : List.of(false, true)) {
                try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, Specs.set(create, TAGGING_EXPAND, TAGGING_COPY), Specs.FAST,
                        new Recorder())) {
                    m.migrate(to("0002"));
                    db.execute("INSERT INTO crm.tagging (id, label) SELECT " + value + ", 'l' || g FROM generate_series(1, 2500) g");
                    db.execute("ALTER TABLE crm.tagging DISABLE TRIGGER USER", "UPDATE crm.tagging SET title = NULL",
                            "ALTER TABLE crm.tagging ENABLE TRIGGER USER");
                    if (script) {
                        List<Step> steps = OperationSql.forwards("crm", replay(create, TAGGING_EXPAND), copyColumn("tagging", "title", "label"));
                        db.execute(((Step.Backfill) steps.get(0)).script());
                    } else {
                        m.migrate(to("0003"));
                    }
                    assertEquals(0, db.count("SELECT count(*) FROM crm.tagging WHERE label IS DISTINCT FROM title"),
                            keyType + (script ? ", DO block" : ", runner"));
                }
            }
        }
    }

    /**
     * One migration copying the same-named column of two tables (a field renamed in a TABLE_PER_CLASS hierarchy)
     * copies both: each walk keeps its own progress (found by RandomEvolutionTest: the second table's copy was
     * taken for done, and the NOT NULL validation after it failed). Keyed and page-walked tables alike.
     */
    @Test
    void copiesOfTheSameColumnNameInTwoTablesOfOneMigrationEachRun() throws Exception {
        for (boolean keyed : List.of(true, false)) {
            var ops = new ArrayList<Operation>();
            var expand = new ArrayList<Operation>();
            var copies = new ArrayList<Operation>();
            for (String t : List.of("sub_a", "sub_b")) {
                var table = table(t).schema("crm").field("id", column("id", "bigint")).field("label", column("label", "text").nullable());
                ops.add(createModel(t, keyed ? table.primaryKey("id") : table));
                expand.add(safeRemoveField(t, "label", DeletionAction.MOVE_TO_PENDING));
                expand.add(addField(t, "title", column("title", "text").nullable()));
                expand.add(addColumnSync(t, "label", "title", "label", "title"));
                copies.add(copyColumn(t, "title", "label"));
            }
            MigrationSpec create = spec("crm.0001_initial").ops(ops.toArray(Operation[]::new));
            MigrationSpec rename = spec("crm.0002_rename_label").after("crm.0001_initial").ops(expand.toArray(Operation[]::new));
            MigrationSpec copy = spec("crm.0003_copy_label").after("crm.0002_rename_label").nonAtomic().postDeployment()
                    .ops(copies.toArray(Operation[]::new));
            try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, Specs.set(create, rename, copy), Specs.FAST, new Recorder())) {
                m.migrate(to("0002"));
                for (String t : List.of("sub_a", "sub_b")) {
                    db.execute("INSERT INTO crm." + t + " (id, label) SELECT g, 'l' || g FROM generate_series(1, 1500) g");
                    db.execute("ALTER TABLE crm." + t + " DISABLE TRIGGER USER", "UPDATE crm." + t + " SET title = NULL",
                            "ALTER TABLE crm." + t + " ENABLE TRIGGER USER");
                }
                m.migrate(to("0003"));
                for (String t : List.of("sub_a", "sub_b")) {
                    assertEquals(0, db.count("SELECT count(*) FROM crm." + t + " WHERE label IS DISTINCT FROM title"),
                            t + (keyed ? " (keyed)" : " (by pages)"));
                }
            }
        }
    }

    @Test
    void sqlmigratePrintsTheCopyAsADoBlockThatPsqlRuns() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(SqlMigratePsqlTest.psqlInstalled(), "psql is not installed");
        MigrationSet set = Specs.set(TAGGING, TAGGING_EXPAND, TAGGING_COPY);
        String printed = SqlMigrate.sql(set, RunnerSettings.defaults(), "crm", "0003", false);
        assertTrue(printed.contains("DO $keel$") && !printed.contains("BEGIN;"), printed);
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, set, Specs.FAST, new Recorder())) {
            m.migrate(to("0002"));
            db.execute("INSERT INTO crm.tagging (member_id, tag_id, label) SELECT g, 0, 'l' || g FROM generate_series(1, 2500) g");
            db.execute("ALTER TABLE crm.tagging DISABLE TRIGGER USER", "UPDATE crm.tagging SET title = NULL",
                    "ALTER TABLE crm.tagging ENABLE TRIGGER USER");
            SqlMigratePsqlTest.psql(db, printed);
            assertEquals(0, db.count("SELECT count(*) FROM crm.tagging WHERE label IS DISTINCT FROM title"), printed);
        }
    }

    @Test
    void aTypeChangingSyncConvertsBothWaysAndRefusesWhatDoesNotFit() throws Exception {
        MigrationSpec create = spec("shop.0001_initial").ops(createModel("line", table("line")
                .field("id", column("id", "bigint")).field("amount", column("amount", "integer").nullable()).primaryKey("id")));
        MigrationSpec expand = spec("shop.0002_widen").after("shop.0001_initial").ops(
                addField("line", "amountWide", column("amount_keel_new", "bigint").nullable()),
                addColumnSync("line", "amount", "amount_keel_new", "amount::bigint", "amount_keel_new::integer"));
        MigrationSpec copy = spec("shop.0003_copy").after("shop.0002_widen").nonAtomic()
                .ops(copyColumn("line", "amount_keel_new", "amount::bigint"));
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, Specs.set(create, expand, copy), Specs.FAST, new Recorder())) {
            m.migrate(new MigrateRequest("shop", "0001", false, true));
            db.execute("INSERT INTO line (id, amount) SELECT g, g * 3 FROM generate_series(1, 1500) g");
            m.migrate(new MigrateRequest("shop", "0002", false, true));
            db.execute("INSERT INTO line (id, amount) VALUES (5001, 7)", "INSERT INTO line (id, amount_keel_new) VALUES (5002, 8)",
                    "UPDATE line SET amount_keel_new = 99 WHERE id = 1", "UPDATE line SET amount = 42 WHERE id = 2");
            assertEquals(7, db.count("SELECT amount_keel_new FROM line WHERE id = 5001"));
            assertEquals(8, db.count("SELECT amount FROM line WHERE id = 5002"));
            assertEquals(99, db.count("SELECT amount FROM line WHERE id = 1"));
            assertEquals(42, db.count("SELECT amount_keel_new FROM line WHERE id = 2"));
            var e = assertThrows(SQLException.class, () -> db.execute("UPDATE line SET amount_keel_new = 10000000000 WHERE id = 3"));
            assertTrue(e.getMessage().contains("out of range"), e.getMessage());
            m.migrate(new MigrateRequest("shop", "0003", false, true));
            assertEquals(0, db.count("SELECT count(*) FROM line WHERE amount::bigint IS DISTINCT FROM amount_keel_new"));
        }
    }

    @Test
    void namesOverSixtyThreeBytesAreShortenedAndStillWork() throws Exception {
        String longTable = "member_profiles_with_a_rather_long_name_for_the_test_of_names";
        String longColumn = "preferred_display_name_of_the_member_in_lists_and_mails";
        MigrationSpec create = spec("crm.0001_initial").ops(createModel("profile", table(longTable)
                .field("id", column("id", "bigint")).field("nick", column("nick", "text").nullable()).primaryKey("id")));
        MigrationSpec expand = spec("crm.0002_rename").after("crm.0001_initial").ops(
                safeRemoveField("profile", "nick", DeletionAction.MOVE_TO_PENDING),
                addField("profile", "display", column(longColumn, "text").nullable()),
                addColumnSync("profile", "nick", longColumn, "nick", longColumn));
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, Specs.set(create, expand), Specs.FAST, new Recorder())) {
            m.migrate(to("0002"));
            db.execute("INSERT INTO " + longTable + " (id, nick) VALUES (1, 'a')");
            assertEquals("a", db.string("SELECT " + longColumn + " FROM " + longTable));
            assertEquals(1, db.count("SELECT count(*) FROM pg_proc WHERE length(proname) <= 63 AND proname LIKE 'keel_sync_member%'"));
            m.migrate(to("0001"));
            assertEquals(0, db.count("SELECT count(*) FROM pg_proc WHERE proname LIKE 'keel_sync%'"));
        }
    }

    private static ProjectState replay(MigrationSpec... specs) {
        ProjectState s = ProjectState.EMPTY;
        for (MigrationSpec spec : specs) {
            for (Operation op : spec.operations()) {
                s = StateTransitions.apply(op, spec.key().app(), s);
            }
        }
        return s;
    }
}
