package dev.keel.safety;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.Operation;
import dev.keel.project.ProjectState;
import dev.keel.rewrite.PlannedMigration;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.rewrite.SafetyRewriter;
import dev.keel.runner.apply.SimpleApplier;
import dev.keel.runner.sql.OperationSql;
import dev.keel.runner.support.Db;
import dev.keel.state.Table;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Safe forms on PostgreSQL where names are hard: a table name of 60 bytes, a column named with a keyword,
 * a check name of 63 bytes. keel's names must fit PostgreSQL's 63 bytes exactly as keel computes them
 * (PostgreSQL would otherwise cut them silently, and the state would disagree with the database), and
 * its SQL must quote what needs quoting.
 */
class SafeFormsDatabaseTest {
    static final String TABLE = "t".repeat(60);
    static final String CHECK = "c".repeat(63);

    static List<MigrationSpec> specs(List<PlannedMigration> plans) {
        var specs = new ArrayList<MigrationSpec>();
        for (int i = 0; i < plans.size(); i++) {
            PlannedMigration p = plans.get(i);
            specs.add(new MigrationSpec(new MigrationKey("shop", "%04d_step".formatted(i + 2)), List.of(), p.operations(),
                    p.atomic(), p.postDeployment(), false, List.of(), "test"));
        }
        return specs;
    }

    @Test
    void longNamesAndKeywordColumnsThroughTheNotNullSequenceAndTheCheckSwap() throws SQLException {
        Table t = table(TABLE).entity("Long").field("id", column("id", "bigint"))
                .field("order", column("order", "integer").nullable())
                .field("status", column("status", "text").nullable())
                .primaryKey("id").constraint(check(CHECK, "status <> 'x'"));
        ProjectState before = ProjectState.EMPTY.addTable("shop", "Long", t);
        List<Operation> plain = List.of(alterField("long", "order", column("order", "integer")),
                removeConstraint("long", CHECK), addConstraint("long", check(CHECK, "status <> 'y'")));
        List<MigrationSpec> migrations = specs(SafetyRewriter.rewrite("shop", before, plain, SafetyOptions.DEFAULT));
        try (Db db = Db.fresh()) {
            db.execute(OperationSql.createAll(before));
            db.execute("INSERT INTO " + TABLE + " (id, \"order\", status) SELECT i, i, 'a' FROM generate_series(1, 1000) i");
            ProjectState after = new SimpleApplier(db.connection).apply(migrations, before);
            ShopDatabase.assertHolds(db, after);
            new SimpleApplier(db.connection).unapply(migrations, before);
            ShopDatabase.assertHolds(db, before);
            assertEquals("1000", ShopDatabase.text(db, "SELECT count(\"order\") FROM " + TABLE));
        }
    }
}
