package dev.keel.runner;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.DeletionAction;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static dev.keel.migration.Operations.addColumnSync;
import static dev.keel.migration.Operations.addField;
import static dev.keel.migration.Operations.column;
import static dev.keel.migration.Operations.copyColumn;
import static dev.keel.migration.Operations.createModel;
import static dev.keel.migration.Operations.removeColumnSync;
import static dev.keel.migration.Operations.safeRemoveField;
import static dev.keel.migration.Operations.table;
import static dev.keel.runner.Specs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A column kept in step with another while old and new code run ({@code AddColumnSync}), filled for the existing
 * rows by keel's batched, resumable copy ({@code CopyColumn}), and the contract ({@code RemoveColumnSync}), on
 * PostgreSQL: writes of the old code (the old column only) and of the new code (the new column only), inserts and
 * updates, NULLs, an interrupted copy resumed, and each step reversed. The table is schema-qualified and the new
 * column needs quotes, so the trigger's names and expressions are tested as written.
 */
class ColumnSyncTest {
    static final int ROWS = 2500;

    static final MigrationSpec CREATE = spec("crm.0001_initial").ops(
            createModel("member", table("member").schema("crm").field("id", column("id", "bigint")).primaryKey("id")
                    .field("nick", column("nick", "varchar(40)").nullable())));
    static final MigrationSpec EXPAND = spec("crm.0002_rename_nick").after("crm.0001_initial").ops(
            safeRemoveField("member", "nick", DeletionAction.MOVE_TO_PENDING),
            addField("member", "nickName", column("nickName", "varchar(40)").nullable()),
            addColumnSync("member", "nick", "nickName", "nick", "\"nickName\""));
    static final MigrationSpec COPY = spec("crm.0003_copy_nick").after("crm.0002_rename_nick").nonAtomic().postDeployment()
            .ops(copyColumn("member", "nickName", "nick"));
    static final MigrationSpec CONTRACT = spec("crm.0004_delete_nick").after("crm.0003_copy_nick").ops(
            removeColumnSync("member", "nickName"),
            safeRemoveField("member", "nick", DeletionAction.DELETE));

    private static Migrator migrator(Db db, MigrateListener listener, MigrationSpec... specs) {
        return Specs.migrator(db, Specs.set(specs), Specs.FAST, listener);
    }

    private static MigrateRequest to(String target) {
        return new MigrateRequest("crm", target, false, true);
    }

    private static long unequal(Db db) throws SQLException {
        return db.count("SELECT count(*) FROM crm.member WHERE nick IS DISTINCT FROM \"nickName\"");
    }

    private static long triggers(Db db) throws SQLException {
        return db.count("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'crm.member'::regclass AND NOT tgisinternal")
                + db.count("SELECT count(*) FROM pg_proc WHERE proname LIKE 'keel_sync%'");
    }

    @Test
    void oldAndNewCodeWritesStayInStepAndTheCopyFillsTheRestBothWays() throws Exception {
        var out = new Recorder();
        try (Db db = Db.fresh(); Migrator m = migrator(db, out, CREATE, EXPAND, COPY, CONTRACT)) {
            m.migrate(to("0001"));
            db.execute("INSERT INTO crm.member (id, nick) SELECT g, CASE WHEN g % 7 = 0 THEN NULL ELSE 'n' || g END"
                    + " FROM generate_series(1, " + ROWS + ") g");

            m.migrate(to("0002"));
            assertEquals(2, triggers(db), "the trigger and its function");
            // old code: writes only nick
            db.execute("INSERT INTO crm.member (id, nick) VALUES (10001, 'old-insert'), (10002, NULL)");
            db.execute("UPDATE crm.member SET nick = 'old-update' WHERE id = 1");
            db.execute("UPDATE crm.member SET nick = NULL WHERE id = 2");
            // new code: writes only nickName
            db.execute("INSERT INTO crm.member (id, \"nickName\") VALUES (20001, 'new-insert'), (20002, NULL), (20003, 'x')");
            db.execute("UPDATE crm.member SET \"nickName\" = 'new-update' WHERE id = 3");
            db.execute("UPDATE crm.member SET \"nickName\" = 'n4' WHERE id = 4"); // new code writes what the old column gives
            db.execute("UPDATE crm.member SET \"nickName\" = 'new-update' WHERE id = 20003");
            db.execute("UPDATE crm.member SET \"nickName\" = NULL WHERE id = 20003");
            // both written: the old column wins
            db.execute("UPDATE crm.member SET nick = 'both-old', \"nickName\" = 'both-new' WHERE id = 5");
            db.execute("INSERT INTO crm.member (id, nick, \"nickName\") VALUES (30001, 'both-old', 'both-new')");

            assertEquals("old-insert", db.string("SELECT \"nickName\" FROM crm.member WHERE id = 10001"));
            assertEquals("old-update", db.string("SELECT \"nickName\" FROM crm.member WHERE id = 1"));
            assertEquals(null, db.string("SELECT \"nickName\" FROM crm.member WHERE id = 2"));
            assertEquals("new-insert", db.string("SELECT nick FROM crm.member WHERE id = 20001"));
            assertEquals(null, db.string("SELECT nick FROM crm.member WHERE id = 20002"));
            assertEquals("new-update", db.string("SELECT nick FROM crm.member WHERE id = 3"));
            assertEquals("n4", db.string("SELECT nick FROM crm.member WHERE id = 4"));
            assertEquals(null, db.string("SELECT nick FROM crm.member WHERE id = 20003"), "the new code's NULL reaches the old column");
            assertEquals("both-old", db.string("SELECT \"nickName\" FROM crm.member WHERE id = 5"));
            assertEquals("both-old", db.string("SELECT \"nickName\" FROM crm.member WHERE id = 30001"));
            assertTrue(unequal(db) > ROWS / 2, "the rows not written since are not copied yet");

            // the copy, interrupted by a failing row, then resumed
            db.execute("CREATE TABLE fail_switch (on_key bigint)", "INSERT INTO fail_switch VALUES (2201)",
                    "CREATE FUNCTION fail_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                            + " IF EXISTS (SELECT 1 FROM fail_switch WHERE on_key = NEW.id) THEN"
                            + " RAISE EXCEPTION 'switched off at %', NEW.id; END IF; RETURN NEW; END $$",
                    "CREATE TRIGGER fail_at BEFORE UPDATE ON crm.member FOR EACH ROW EXECUTE FUNCTION fail_at()");
            var e = assertThrows(KeelException.class, () -> m.migrate(to("0003")));
            assertEquals(ErrorKind.DATABASE, e.kind());
            assertTrue(e.getMessage().contains("switched off at 2201"), e.getMessage());
            assertEquals(2, db.count("SELECT batches FROM keel_backfill WHERE migration = '0003_copy_nick'"));
            assertEquals(0, db.count("SELECT count(*) FROM crm.member WHERE id <= 2000 AND nick IS DISTINCT FROM \"nickName\""),
                    "two batches committed");
            assertTrue(db.count("SELECT count(*) FROM crm.member WHERE id > 2000 AND id <= 2500 AND \"nickName\" IS NULL"
                    + " AND nick IS NOT NULL") > 0, "the third rolled back");
            db.execute("DROP TRIGGER fail_at ON crm.member", "DROP FUNCTION fail_at()");
            m.migrate(to("0003"));
            assertTrue(out.logs.stream().anyMatch(l -> l.contains("resuming after key 2000")), out.logs.toString());
            assertEquals(0, unequal(db), "every row equal in both columns after the copy");

            // the writes go on after the copy, from both sides
            db.execute("UPDATE crm.member SET nick = 'late-old' WHERE id = 7", "UPDATE crm.member SET \"nickName\" = 'late-new' WHERE id = 8");
            assertEquals(0, unequal(db));

            // reverse: the copy does nothing, the expand drops the trigger and the new column and gives nick back
            m.migrate(to("0002"));
            assertEquals(0, unequal(db), "unapplying the copy leaves the rows");
            m.migrate(to("0001"));
            assertEquals(0, triggers(db), "trigger and function dropped");
            assertEquals(0, db.count("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'crm'"
                    + " AND column_name = 'nickName'"));
            assertEquals("late-new", db.string("SELECT nick FROM crm.member WHERE id = 8"), "the new code's writes stay in the old column");

            // forwards again, through the contract
            m.migrate(to("0003"));
            assertEquals(0, unequal(db));
            m.migrate(to("0004"));
            assertEquals(0, triggers(db), "the contract drops the trigger and its function");
            assertEquals(0, db.count("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'crm'"
                    + " AND column_name = 'nick'"), "and the old column");
            db.execute("INSERT INTO crm.member (id, \"nickName\") VALUES (40001, 'after')");

            // the contract reversed: the old column is back (empty) and kept in step again
            m.migrate(to("0003"));
            assertEquals(2, triggers(db));
            db.execute("INSERT INTO crm.member (id, nick) VALUES (40002, 'old-again')");
            assertEquals("old-again", db.string("SELECT \"nickName\" FROM crm.member WHERE id = 40002"));
            db.execute("UPDATE crm.member SET \"nickName\" = 'new-again' WHERE id = 40001");
            assertEquals("new-again", db.string("SELECT nick FROM crm.member WHERE id = 40001"));
        }
    }

    @Test
    void theCopyRefusesToRunInsideOneTransaction() throws Exception {
        MigrationSpec atomicCopy = spec("crm.0003_copy_nick").after("crm.0002_rename_nick")
                .ops(copyColumn("member", "nickName", "nick"));
        try (Db db = Db.fresh(); Migrator m = migrator(db, new Recorder(), CREATE, EXPAND, atomicCopy)) {
            var e = assertThrows(KeelException.class, () -> m.migrate(to("0003")));
            assertTrue(e.getMessage().contains("atomic(false)"), e.getMessage());
        }
    }
}
