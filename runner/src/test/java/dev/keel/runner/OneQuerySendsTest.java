package dev.keel.runner;

import dev.keel.error.KeelException;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Migrations sent together as one simple-protocol {@code Query} (PostgreSQL 13 and later), where that text cannot be
 * run as it is: a syntax error in one of them, which makes PostgreSQL refuse the whole text before running any of it,
 * and statements keel cannot prove to split where they end (a dollar quote), which go as before, in message sequences
 * within the driver's bound. Either way the run ends as it did: the migrations before the one that fails applied and
 * recorded, it named with its step, its SQL and PostgreSQL's message with the position in its statement, nothing of it
 * or after it applied.
 */
class OneQuerySendsTest {
    private static List<String> names(Db db) throws Exception {
        return MigrateRoundTripsTest.names(db);
    }

    /** The initial migration and {@code count} more, each one statement: {@code statement(i)} for migration {@code i}. */
    private static List<MigrationSpec> migrations(int count, java.util.function.IntFunction<String> statement) {
        var specs = new ArrayList<MigrationSpec>(List.of(MigrateRoundTripsTest.INITIAL));
        String previous = "shop.0001_initial";
        for (int i = 2; i <= count + 1; i++) {
            String name = String.format("shop.%04d_m%d", i, i);
            specs.add(Specs.spec(name).after(previous).ops(runSql(statement.apply(i), "SELECT 1")));
            previous = name;
        }
        return specs;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 5, 9})
    void aSyntaxErrorRefusedWithTheWholeTextStopsTheRunAtItsMigrationAsBefore(int failing) throws Exception {
        String bad = "ALTER TABLE item ADD COLUM c_" + failing + " integer";
        List<MigrationSpec> specs = migrations(8, i -> i == failing ? bad : "ALTER TABLE item ADD COLUMN c_" + i + " integer");
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, Specs.set(specs.toArray(MigrationSpec[]::new)), Specs.FAST,
                MigrateListener.silent())) {
            m.migrate(new MigrateRequest("shop", "0001_initial", false, false));
            var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
            String key = String.format("shop.%04d_m%d", failing, failing);
            assertTrue(e.getMessage().startsWith("migration " + key + " (test:" + key + "): applying failed at step 1 of 1"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("\n    " + bad + "\nPostgreSQL: ERROR: syntax error at or near \"integer\"\n"
                    + "  Position: " + (bad.indexOf("integer") + 1) + " (SQLSTATE 42601)\nNothing of " + key + " was applied"),
                    e.getMessage());
            var applied = new ArrayList<String>(List.of("0001_initial"));
            for (int i = 2; i < failing; i++) {
                applied.add(String.format("%04d_m%d", i, i));
            }
            assertEquals(applied, names(db), "those before it applied and recorded, nothing after");
            assertEquals(failing - 2, db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'item'"
                    + " AND column_name LIKE 'c\\_%'"));
        }
    }

    /**
     * 90 migrations of four statements each that cannot go as one {@code Query} (a dollar quote in each) go in sequences
     * of whole migrations, at most 200 statements each ({@code Executor.inSequences}): a failure in the 60th (in the
     * second sequence) is counted across the sequences, named, and stops the run there.
     */
    @Test
    void statementsThatMayNotSplitGoInSequencesWithinTheDriversBound() throws Exception {
        int failing = 61;
        List<MigrationSpec> specs = migrations(90, i -> i == failing ? "COMMENT ON TABLE no_such_table IS $$m" + i + "$$"
                : "COMMENT ON TABLE item IS $$m" + i + "$$");
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, Specs.set(specs.toArray(MigrationSpec[]::new)), Specs.FAST,
                MigrateListener.silent())) {
            m.migrate(new MigrateRequest("shop", "0001_initial", false, false));
            var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
            String key = String.format("shop.%04d_m%d", failing, failing);
            assertTrue(e.getMessage().startsWith("migration " + key + " (test:" + key + "): applying failed at step 1 of 1"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("relation \"no_such_table\" does not exist"), e.getMessage());
            assertEquals(failing - 1, names(db).size(), "the initial migration and those before the failing one");
            assertEquals("comment of m" + (failing - 1), "comment of " + db.string("SELECT obj_description('item'::regclass)"));
        }
    }
}
