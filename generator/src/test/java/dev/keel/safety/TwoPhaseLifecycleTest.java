package dev.keel.safety;

import dev.keel.config.KeelConfig;
import dev.keel.diff.DiffHints;
import dev.keel.diff.NonInteractiveQuestioner;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.make.MakeMigrations;
import dev.keel.make.MakeOptions;
import dev.keel.make.MakeResult;
import dev.keel.make.ScannedProject;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.SafeDeleteModel;
import dev.keel.operations.SafeRemoveField;
import dev.keel.project.ProjectState;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.runner.apply.SimpleApplier;
import dev.keel.runner.support.Db;
import dev.keel.state.PendingColumn;
import dev.keel.state.PendingTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole life of a two-phase removal on PostgreSQL: makemigrations moves the field (or model) to
 * pending; applied, the column (or table) and its rows stay in the database while the state lacks
 * them, and inserts that omit them succeed; {@code makemigrations --delete-pending} then writes the
 * DELETE phase, which drops them; unapplied, they come back.
 */
class TwoPhaseLifecycleTest {
    @TempDir Path project;

    static final MakeOptions DELETE_PENDING = new MakeOptions(List.of(), false, false, false, false, null, true,
            SafetyOptions.DEFAULT);

    MakeResult make(ProjectState entities, MakeOptions options) {
        return new MakeMigrations((c, d) -> new ScannedProject(entities, DiffHints.NONE), new NonInteractiveQuestioner())
                .run(KeelConfig.read(project), project, options);
    }

    MigrationGraph graph() {
        return MigrationGraph.of(ProjectMigrations.readSources(KeelConfig.read(project), project));
    }

    /** The migrations of the graph after the first {@code applied}, in order. */
    List<MigrationSpec> from(int applied) {
        var all = graph().forwardsPlan(java.util.Set.of(), graph().leaves());
        return all.subList(applied, all.size());
    }

    @Test
    void removedFieldLivesOnAsPendingThenIsDropped() throws SQLException {
        Scenario.copy(Scenario.BASE, project);
        ProjectState base = Scenario.baseState();
        UnaryOperator<ProjectState> withoutField = s -> s.updateTable("shop", "customer", t -> t.withoutColumn("legacy_code"));
        ProjectState entities = withoutField.apply(base);
        make(entities, MakeOptions.defaults());
        List<MigrationSpec> phaseOne = from(1);

        try (Db db = ShopDatabase.populated(base)) {
            ProjectState pending = new SimpleApplier(db.connection).apply(phaseOne, base);
            assertTrue(pending.requireTable("shop", "customer").findField("legacyCode").isEmpty(), "the state lacks the field");
            assertInstanceOf(PendingColumn.class, pending.pending().get(0));
            ShopDatabase.assertHolds(db, pending);
            assertEquals("20000", ShopDatabase.text(db, "SELECT count(legacy_code) FROM customer"), "the column keeps its data");
            db.execute("INSERT INTO customer (id, email) VALUES (30001, 'new@example.com')");

            MakeResult second = make(entities, DELETE_PENDING);
            assertEquals(1, second.migrations().size());
            MigrationSpec delete = second.migrations().get(0).spec();
            assertEquals(List.of(new SafeRemoveField("customer", "legacyCode", DeletionAction.DELETE)), delete.operations());
            ProjectState done = new SimpleApplier(db.connection).apply(List.of(delete), pending);
            assertTrue(done.pending().isEmpty());
            ShopDatabase.assertHolds(db, done);
            assertEquals("0", ShopDatabase.text(db, "SELECT count(*) FROM information_schema.columns"
                    + " WHERE table_name = 'customer' AND column_name = 'legacy_code'"), "the column is dropped");

            new SimpleApplier(db.connection).unapply(List.of(delete), pending);
            ShopDatabase.assertHolds(db, pending);
        }
    }

    @Test
    void deletedModelLivesOnAsPendingThenIsDropped() throws SQLException {
        Scenario.copy(Scenario.BASE, project);
        ProjectState base = Scenario.baseState();
        ProjectState entities = base.removeTable("shop", "wishlist");
        make(entities, MakeOptions.defaults());
        List<MigrationSpec> phaseOne = from(1);

        try (Db db = ShopDatabase.populated(base)) {
            ProjectState pending = new SimpleApplier(db.connection).apply(phaseOne, base);
            assertTrue(pending.table("shop", "wishlist").isEmpty(), "the state lacks the model");
            assertInstanceOf(PendingTable.class, pending.pending().get(0));
            ShopDatabase.assertHolds(db, pending);
            assertEquals("20000", ShopDatabase.text(db, "SELECT count(*) FROM wishlist"), "the table keeps its rows");
            db.execute("INSERT INTO wishlist (id, customer_id, product) VALUES (30001, 1, 'written by the old code')");

            MakeResult second = make(entities, DELETE_PENDING);
            MigrationSpec delete = second.migrations().get(0).spec();
            assertEquals(List.of(new SafeDeleteModel("wishlist", DeletionAction.DELETE)), delete.operations());
            ProjectState done = new SimpleApplier(db.connection).apply(List.of(delete), pending);
            ShopDatabase.assertHolds(db, done);
            assertEquals("0", ShopDatabase.text(db, "SELECT count(*) FROM pg_class WHERE relname = 'wishlist'"), "the table is dropped");

            new SimpleApplier(db.connection).unapply(List.of(delete), pending);
            ShopDatabase.assertHolds(db, pending);
            assertEquals("0", ShopDatabase.text(db, "SELECT count(*) FROM wishlist"),
                    "the reverse recreates the table, empty: the rows of a dropped table are gone");
        }
    }
}
