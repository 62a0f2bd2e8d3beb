package dev.keel.runner.sql;

import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.state.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link PhysicalTables#first} finds the table {@link PhysicalTables#of} would list first among those that match, with
 * what is pending in it, without building the others (a statement's locks look up one table per statement): the same
 * answer for model tables, pending tables, pending columns with their indexes, tables of other schemas, and none.
 */
class PhysicalTablesTest {
    private static final String APP = "shop";

    static Table model(String name, String schema) {
        var t = table(schema == null ? name : schema + "." + name).entity(name).field("id", column("id", "bigint"))
                .field("code", column("code", "varchar(40)").nullable()).primaryKey("id");
        return t;
    }

    /** Tables b, a, s.c, pending d, and pending column code of a (its index kept with it). */
    static ProjectState state() {
        var ops = new ArrayList<Operation>(List.of(
                createModel("b", model("b", null)), createModel("a", model("a", null)), createModel("c", model("c", "s")),
                createModel("d", model("d", null)),
                addIndex("a", index("a_code_idx", "code")),
                safeRemoveField("a", "code", DeletionAction.MOVE_TO_PENDING),
                safeDeleteModel("d", DeletionAction.MOVE_TO_PENDING)));
        ProjectState s = ProjectState.EMPTY;
        for (Operation op : ops) {
            s = StateTransitions.apply(op, APP, s);
        }
        return s;
    }

    static void same(ProjectState s, Predicate<Table> matches) {
        assertEquals(PhysicalTables.of(s).stream().filter(matches).findFirst(), PhysicalTables.first(s, matches));
    }

    @Test
    void theFirstMatchOfEveryPhysicalTable() {
        ProjectState s = state();
        assertTrue(s.pending().size() >= 2, "a pending table and a pending column: " + s.pending());
        for (String name : List.of("a", "b", "s.c", "d", "e", "public.a")) {
            same(s, t -> t.qualifiedName().equals(name));
        }
        same(s, t -> t.findIndex("a_code_idx").isPresent()); // kept with the pending column
        same(s, t -> t.findColumn("code").isPresent()); // the first of several, by qualified name
        same(s, t -> true);
        same(s, t -> false);
        assertTrue(PhysicalTables.first(s, t -> t.qualifiedName().equals("a")).orElseThrow().findColumn("code").isPresent(),
                "the pending column is in the table as the database holds it");
        same(ProjectState.EMPTY, t -> true);
    }
}
