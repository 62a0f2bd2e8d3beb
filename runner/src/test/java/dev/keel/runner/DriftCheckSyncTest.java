package dev.keel.runner;

import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code keel check-db} and the triggers of expand and contract: while the applied migrations keep {@code nickName}
 * in step with {@code nick} (ColumnSyncTest's migrations, a schema-qualified table and a quoted column), its trigger
 * dropped, disabled or its function gone is drift, and so is a {@code keel_sync_} trigger left after the contract.
 */
class DriftCheckSyncTest {
    private static MigrateRequest to(String target) {
        return new MigrateRequest("crm", target, false, true);
    }

    @Test
    void aMissingDisabledOrLeftOverSyncTriggerIsDrift() throws Exception {
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, Specs.set(ColumnSyncTest.CREATE, ColumnSyncTest.EXPAND,
                ColumnSyncTest.COPY, ColumnSyncTest.CONTRACT), Specs.FAST, MigrateListener.silent())) {
            m.migrate(to("0002"));
            assertEquals(List.of(), DriftCheck.check(m).differences(), "the sync as the migrations made it");

            db.execute("ALTER TABLE crm.member DISABLE TRIGGER \"keel_sync_nickName\"");
            assertEquals(List.of("table crm.member: trigger keel_sync_nickName disabled (it keeps nickName in step with nick)"),
                    DriftCheck.check(m).differences());

            db.execute("DROP TRIGGER \"keel_sync_nickName\" ON crm.member");
            assertEquals(List.of("table crm.member: trigger keel_sync_nickName missing (it keeps nickName in step with nick;"
                    + " the old code's writes now leave nickName empty)"), DriftCheck.check(m).differences());

            db.execute("DROP FUNCTION crm.\"keel_sync_member_nickName\"()");
            assertEquals(2, DriftCheck.check(m).differences().size(), DriftCheck.check(m).differences().toString());
            assertEquals("table crm.member: function crm.keel_sync_member_nickName of trigger keel_sync_nickName missing",
                    DriftCheck.check(m).differences().get(0));

            m.migrate(to("0001")); // unapplied: the sync is gone from the state and from the database
            m.migrate(MigrateRequest.all().withPostDeploy());
            assertEquals(List.of(), DriftCheck.check(m).differences(), "after the contract");
            db.execute("CREATE FUNCTION crm.keel_sync_stray() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
                    "CREATE TRIGGER keel_sync_stray BEFORE INSERT ON crm.member FOR EACH ROW EXECUTE FUNCTION crm.keel_sync_stray()");
            assertEquals(List.of("table crm.member: trigger keel_sync_stray unexpected (no applied migration keeps a column"
                    + " of it in step)"), DriftCheck.check(m).differences());
        }
    }
}
