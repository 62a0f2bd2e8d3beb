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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Migration code cannot end the transaction of an atomic migration behind keel's back: commit(), rollback(),
 * setAutoCommit(true) and SQL COMMIT/ROLLBACK/BEGIN/END are refused before they reach the database, so
 * "nothing was applied" holds; a commit keel could not intercept (the driver's own connection) is found
 * after the code, and the failure then says keel cannot tell what stays instead of "rolled back".
 * Savepoints stay allowed; non-atomic code keeps its own transactions but may not close keel's
 * connection or leave a transaction open.
 */
class RunJavaTransactionTest {
    @TempDir Path project;

    @BeforeEach
    void writeProject() throws IOException {
        Files.writeString(project.resolve("keel.json"), """
                {"apps": [{"label": "shop", "package": "com.acme.shop"}]}
                """);
        Files.writeString(dir().resolve("M0001_initial.java"), """
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
    }

    private Path dir() throws IOException {
        return Files.createDirectories(project.resolve("src/main/java/com/acme/shop/migrations"));
    }

    /** Migration 0002 calling {@code fill(ctx)} with {@code body}; {@code define} adds to define() (atomic(false);). */
    private void fill(String define, String body) throws IOException {
        Files.writeString(dir().resolve("M0002_fill.java"), """
                package com.acme.shop.migrations;

                import dev.keel.migration.Migration;
                import dev.keel.migration.MigrationContext;
                import java.sql.Connection;

                import static dev.keel.migration.Operations.*;

                public final class M0002_fill extends Migration {
                    @Override
                    protected void define() {
                        dependsOn("shop", "0001_initial");
                        %s
                        operations(runSql("INSERT INTO item VALUES (0, 'before')", "DELETE FROM item WHERE id = 0"),
                                runJava("fill", "unfill"));
                    }

                    /** Inserts 200 items: ids 1 to 200. */
                    static void insert200(Connection c) throws Exception {
                        try (var st = c.createStatement()) {
                            st.executeUpdate("INSERT INTO item SELECT g, 'item ' || g FROM generate_series(1, 200) g");
                        }
                    }

                    void fill(MigrationContext ctx) throws Exception {
                        Connection c = ctx.connection();
                        %s
                    }

                    void unfill(MigrationContext ctx) throws Exception {
                        try (var st = ctx.connection().createStatement()) {
                            st.executeUpdate("DELETE FROM item WHERE id > 0");
                        }
                    }
                }
                """.formatted(define, body));
    }

    private Migrator migrator(Db db) {
        return Specs.migrator(db, MigrationSet.read(KeelConfig.read(project), project), Specs.FAST, MigrateListener.silent());
    }

    /** Migrates, expecting a failure; asserts that nothing of 0002 was applied and returns the message. */
    private String failsWithNothingApplied(Db db) throws Exception {
        try (Migrator m = migrator(db)) {
            var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
            assertEquals(0, db.count("SELECT count(*) FROM item"), e.getMessage());
            assertEquals(1, db.count("SELECT count(*) FROM keel_migrations"), e.getMessage());
            assertTrue(e.getMessage().contains("Nothing of shop.0002_fill was applied: it runs in one transaction, which"
                    + " was rolled back."), e.getMessage());
            return e.getMessage();
        }
    }

    @Test
    void aCommitThenAFailureIsRefusedBeforeTheCommitAndNothingIsApplied() throws Exception {
        fill("", """
                insert200(c);
                c.commit();
                throw new IllegalStateException("after the commit");""");
        try (Db db = Db.fresh()) {
            String message = failsWithNothingApplied(db);
            assertTrue(message.contains("applying failed at step 2 of 2 (Run Java fill()):\n    -- RunJava: fill()\n"
                    + "The code called commit() on the connection keel handed it, but shop.0002_fill is atomic: keel runs"
                    + " it in one transaction and commits that, with the migration's record in keel_migrations, when all"
                    + " its steps are done. keel refused it before it reached the database.\n"), message);
            assertTrue(message.contains("To fix: let keel commit: remove the commit() from the code. When the work must"
                    + " commit in parts, make the migration non-atomic (atomic(false); in define())"), message);

            // without the commit, keel commits the 200 rows with the migration, once
            fill("", "insert200(c);");
            try (Migrator m = migrator(db)) {
                m.migrate(MigrateRequest.all());
                m.migrate(MigrateRequest.all());
            }
            assertEquals(201, db.count("SELECT count(*) FROM item"));
        }
    }

    @Test
    void codeThatSwallowsTheRefusalStillFails() throws Exception {
        fill("", """
                insert200(c);
                try { c.rollback(); } catch (RuntimeException ignored) { }""");
        try (Db db = Db.fresh()) {
            assertTrue(failsWithNothingApplied(db).contains("The code called rollback() on the connection keel handed it"));
        }
    }

    @Test
    void sqlThatEndsTheTransactionIsRefusedInEveryForm() throws Exception {
        String[] forms = {
                "try (var st = c.createStatement()) { st.execute(\"COMMIT\"); }",
                "try (var st = c.createStatement()) { st.executeUpdate(\"UPDATE item SET name = 'x'; /* done */ commit;\"); }",
                "try (var st = c.prepareStatement(\"END\")) { st.execute(); }",
                "try (var st = c.createStatement()) { st.addBatch(\"ROLLBACK\"); st.executeBatch(); }",
                "try (var st = c.createStatement()) { st.getConnection().commit(); }",
                "try (var st = c.createStatement()) { st.execute(\"BEGIN; SELECT 1\"); }",
                "try (var st = c.createStatement()) { st.execute(\"SET TRANSACTION ISOLATION LEVEL SERIALIZABLE\"); }",
                "c.setAutoCommit(true);",
                "c.close();",
        };
        String[] said = {"ran the statement COMMIT", "ran the statement COMMIT", "ran the statement END",
                "ran the statement ROLLBACK", "called commit()", "ran the statement BEGIN", "ran the statement SET TRANSACTION",
                "called setAutoCommit(true)", "called close()"};
        try (Db db = Db.fresh()) {
            for (int i = 0; i < forms.length; i++) {
                fill("", "insert200(c);\n" + forms[i]);
                String message = failsWithNothingApplied(db);
                assertTrue(message.contains("The code " + said[i] + " on the connection keel handed it"), forms[i] + "\n" + message);
            }
        }
    }

    @Test
    void aCommitKeelCannotInterceptIsFoundAndTheMessageDoesNotClaimARollback() throws Exception {
        // the driver's own connection is not guarded: keel sees afterwards that its transaction is gone
        for (String after : new String[] {"throw new IllegalStateException(\"after the commit\");", ""}) {
            fill("", """
                    insert200(c);
                    c.unwrap(org.postgresql.core.BaseConnection.class).commit();
                    """ + after);
            try (Db db = Db.fresh(); Migrator m = migrator(db)) {
                var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
                String message = e.getMessage();
                assertEquals(ErrorKind.DATABASE, e.kind());
                assertTrue(message.contains("The code ended the transaction keel opened for shop.0002_fill (a commit or a"
                        + " rollback keel could not intercept"), message);
                assertTrue(message.contains("keel cannot tell what of shop.0002_fill stays: what ran before the transaction"
                        + " ended (the steps before step 2 too) was committed or rolled back by the code, not by keel"), message);
                assertFalse(message.contains("Nothing of"), message);
                assertFalse(message.contains("which was rolled back"), message);
                assertEquals(201, db.count("SELECT count(*) FROM item"), "the code's commit took step 1 with it");
                assertEquals(1, db.count("SELECT count(*) FROM keel_migrations"));
            }
        }
    }

    @Test
    void savepointsAndOrdinaryCodeWork() throws Exception {
        fill("", """
                var before = c.setSavepoint();
                insert200(c);
                c.rollback(before);
                insert200(c);
                var again = c.setSavepoint("again");
                try (var st = c.createStatement()) {
                    st.execute("UPDATE item SET name = 'undone'");
                    c.rollback(again);
                    st.execute("SAVEPOINT mine; DELETE FROM item; ROLLBACK TO SAVEPOINT mine; RELEASE SAVEPOINT mine");
                    st.execute("DO $$ BEGIN UPDATE item SET name = name || '!' WHERE id = 1; END $$");
                }
                c.releaseSavepoint(again);
                c.setAutoCommit(false);
                ctx.log("autocommit " + c.getAutoCommit());""");
        try (Db db = Db.fresh(); Migrator m = migrator(db)) {
            assertEquals(2, m.migrate(MigrateRequest.all()).done().size());
            assertEquals(201, db.count("SELECT count(*) FROM item"));
            assertEquals(1, db.count("SELECT count(*) FROM item WHERE name = 'item 1!'"));
            assertEquals(0, db.count("SELECT count(*) FROM item WHERE name = 'undone'"));
        }
    }

    @Test
    void aCaughtStatementErrorFailsItsOwnStepNotALaterOne() throws Exception {
        fill("", """
                try (var st = c.createStatement()) { st.execute("SELECT 1/0"); } catch (java.sql.SQLException ignored) { }""");
        try (Db db = Db.fresh()) {
            String message = failsWithNothingApplied(db);
            assertTrue(message.contains("at step 2 of 2 (Run Java fill())"), message);
            assertTrue(message.contains("(SQLSTATE 25P02)"), message);
        }
    }

    @Test
    void runSqlThatEndsTheTransactionIsRefusedInAnAtomicMigration() throws Exception {
        Files.writeString(dir().resolve("M0002_fill.java"), """
                package com.acme.shop.migrations;

                import dev.keel.migration.Migration;

                import static dev.keel.migration.Operations.*;

                public final class M0002_fill extends Migration {
                    @Override
                    protected void define() {
                        dependsOn("shop", "0001_initial");
                        operations(runSql("INSERT INTO item VALUES (0, 'before')", ""),
                                runSql("INSERT INTO item SELECT g, 'x' FROM generate_series(1, 200) g;\\nCOMMIT;\\nSELECT 1/0", ""));
                    }
                }
                """);
        try (Db db = Db.fresh()) {
            String message = failsWithNothingApplied(db);
            assertTrue(message.contains("The step runs the statement COMMIT, but shop.0002_fill is atomic"), message);
            assertTrue(message.contains("To fix: let keel commit: remove the COMMIT from the step's SQL."), message);
        }
    }

    @Test
    void nonAtomicCodeKeepsItsOwnTransactionsButNotKeelsConnection() throws Exception {
        fill("atomic(false);", """
                c.setAutoCommit(false);
                insert200(c);
                c.commit();
                c.setAutoCommit(true);""");
        try (Db db = Db.fresh()) {
            try (Migrator m = migrator(db)) {
                assertEquals(2, m.migrate(MigrateRequest.all()).done().size());
            }
            assertEquals(201, db.count("SELECT count(*) FROM item"));
        }
        fill("atomic(false);", """
                c.setAutoCommit(false);
                insert200(c);""");
        try (Db db = Db.fresh(); Migrator m = migrator(db)) {
            var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
            assertTrue(e.getMessage().contains("The code left a transaction open on the connection keel handed it"),
                    e.getMessage());
            assertEquals(1, db.count("SELECT count(*) FROM item"), "the uncommitted 200 were rolled back; step 1 stays");
            assertEquals(1, db.count("SELECT steps_done FROM keel_migrations WHERE name = '0002_fill'"));
        }
        fill("atomic(false);", """
                insert200(c);
                throw new IllegalStateException("half way");""");
        try (Db db = Db.fresh(); Migrator m = migrator(db)) {
            var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
            assertTrue(e.getMessage().contains("shop.0002_fill is not atomic: 1 of its 2 steps are applied and recorded"
                    + " in keel_migrations. Step 2 is Java code, which runs in autocommit: what it committed before it"
                    + " failed stays (keel cannot undo it)"), e.getMessage());
            assertFalse(e.getMessage().contains("rolled back"), e.getMessage());
            assertEquals(201, db.count("SELECT count(*) FROM item"));
        }
        fill("atomic(false);", "c.close();");
        try (Db db = Db.fresh(); Migrator m = migrator(db)) {
            var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
            assertTrue(e.getMessage().contains("The code called close() on the connection keel handed it, but the"
                    + " connection is keel's"), e.getMessage());
        }
    }
}
