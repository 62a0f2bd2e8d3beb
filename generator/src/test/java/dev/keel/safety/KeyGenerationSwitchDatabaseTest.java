package dev.keel.safety;

import dev.keel.config.KeelConfig;
import dev.keel.diff.DiffHints;
import dev.keel.diff.NonInteractiveQuestioner;
import dev.keel.make.MakeMigrations;
import dev.keel.make.MakeOptions;
import dev.keel.make.NewMigration;
import dev.keel.make.ScannedProject;
import dev.keel.migration.MigrationSpec;
import dev.keel.project.ProjectState;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.runner.apply.SimpleApplier;
import dev.keel.runner.support.Db;
import dev.keel.state.Identity;
import dev.keel.state.Sequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static dev.keel.migration.Operations.column;
import static dev.keel.migration.Operations.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A key switching from an identity to a sequence the application takes blocks of (Hibernate's {@code SEQUENCE}
 * strategy, pooled by 50), and back, on a table with 1000 rows, while the code of before the change and the code of
 * after it both insert between the migrations: no insert fails, no key repeats. Before keel's rewrite
 * ({@code key-generation-switch}) the new sequence and the new identity started at 1 (duplicate keys with the rows
 * already there) and {@code DROP IDENTITY} at deploy time failed every insert of the old code.
 */
class KeyGenerationSwitchDatabaseTest {
    static final int BLOCK = 50;

    @TempDir Path project;

    static ProjectState byIdentity() {
        return Scenario.baseState().addTable("shop", "ticket", table("ticket").entity("Ticket")
                .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                .field("title", column("title", "varchar(80)").nullable())
                .primaryKey("id"));
    }

    static ProjectState bySequence() {
        return byIdentity().updateTable("shop", "ticket", t -> t.replaceColumn("id", column("id", "bigint").field("id")))
                .addSequence(new Sequence("ticket_seq", 1, BLOCK, null));
    }

    List<MigrationSpec> make(ProjectState target, boolean deletePending) {
        var options = new MakeOptions(List.of(), false, false, false, false, null, deletePending, SafetyOptions.DEFAULT);
        return new MakeMigrations((c, d) -> new ScannedProject(target, DiffHints.NONE), new NonInteractiveQuestioner())
                .run(KeelConfig.read(project), project, options).migrations().stream().map(NewMigration::spec).toList();
    }

    /** The code that leaves the key to the database (IDENTITY): inserts without a key. */
    static void databaseKeys(Db db, int rows) throws SQLException {
        for (int i = 0; i < rows; i++) {
            db.execute("INSERT INTO ticket (title) VALUES ('by the database')");
        }
    }

    /** The code that takes keys from ticket_seq, 50 at a time (Hibernate's pooled optimizer: the block below the value). */
    static void blockKeys(Db db) throws SQLException {
        long hi = db.count("SELECT nextval('ticket_seq')");
        for (long id = hi - BLOCK + 1; id <= hi; id++) {
            db.execute("INSERT INTO ticket (id, title) VALUES (" + id + ", 'by a block')");
        }
    }

    @Test
    void identityToSequenceAndBackWhileBothCodesInsert() throws SQLException {
        Scenario.copy(Scenario.BASE, project);
        List<MigrationSpec> create = make(byIdentity(), false);
        List<MigrationSpec> toSequence = make(bySequence(), false);
        assertEquals(1, toSequence.size(), "one deploy-time migration: " + toSequence);
        try (Db db = ShopDatabase.populated(Scenario.baseState())) {
            var applier = new SimpleApplier(db.connection);
            ProjectState state = applier.apply(create, Scenario.baseState());
            databaseKeys(db, 1000);

            state = applier.apply(toSequence, state);
            ShopDatabase.assertHolds(db, state);
            for (int round = 0; round < 10; round++) {
                databaseKeys(db, 7); // the old code, still running during the deploy
                blockKeys(db);       // the new code
            }
            assertEquals(1000 + 70 + 10 * BLOCK, db.count("SELECT count(*) FROM ticket"));
            assertEquals(0, db.count("SELECT count(*) FROM ticket WHERE title = 'by a block' AND id <= 1000"),
                    "the blocks are above the rows of before");

            // and back: the identity again, the sequence in two phases
            List<MigrationSpec> toIdentity = make(byIdentity(), false);
            assertTrue(toIdentity.stream().anyMatch(MigrationSpec::postDeployment), "the identity comes after deployment: " + toIdentity);
            for (MigrationSpec m : toIdentity) {
                state = applier.apply(List.of(m), state);
                ShopDatabase.assertHolds(db, state);
                if (!m.postDeployment()) {
                    for (int round = 0; round < 10; round++) {
                        blockKeys(db);       // the old code (SEQUENCE), still running during the deploy
                        databaseKeys(db, 7); // the new code (IDENTITY)
                    }
                }
            }
            databaseKeys(db, 200); // the identity, once no old code runs
            assertEquals(1000 + 2 * (70 + 10 * BLOCK) + 200, db.count("SELECT count(*) FROM ticket"));
            assertEquals("YES", db.string("SELECT is_identity FROM information_schema.columns WHERE table_name = 'ticket'"
                    + " AND column_name = 'id'"));
            state = applier.apply(make(byIdentity(), true), state);
            ShopDatabase.assertHolds(db, state);
            assertEquals(List.of(), make(byIdentity(), true), "nothing left to do");
        }
    }
}
