package dev.keel.project;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.operations.RecreatePendingField;
import dev.keel.state.PendingColumn;
import dev.keel.state.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A column moved to pending keeps, in the state as in the database, the indexes and constraints that use it (moving
 * it runs no SQL), until its deletion drops them with it: what a column renamed online relies on.
 */
class PendingColumnCompanionsTest {
    static final String APP = "shop";

    /** {@code author} (schema {@code crm}) with an email that is unique per tenant, indexed, checked, and a mentor key. */
    static ProjectState authors() {
        return apply(ProjectState.EMPTY,
                createModel("Author", table("author").schema("crm").entity("Author")
                        .field("id", column("id", "bigint"))
                        .field("tenant", column("tenant_id", "bigint"))
                        .field("email", column("email", "varchar(255)"))
                        .field("mentor", column("mentor_id", "bigint").nullable())
                        .primaryKey("id")
                        .constraint(unique("uk_author_tenant_email", "tenant_id", "email"))
                        .constraint(check("ck_author_email", "email LIKE '%@%'"))
                        .constraint(foreignKey("fk_author_mentor", "mentor_id").references("crm.author", "id"))
                        .index(index("idx_author_email", "lower(email)"))),
                createModel("Shelf", table("shelf").entity("Shelf").field("id", column("id", "bigint")).primaryKey("id")));
    }

    static ProjectState apply(ProjectState state, Operation... ops) {
        for (Operation op : ops) {
            state = StateTransitions.apply(op, APP, state);
        }
        return state;
    }

    static PendingColumn pending(ProjectState state, String column) {
        return state.pending().stream().filter(p -> p instanceof PendingColumn pc && pc.column().name().equals(column))
                .map(PendingColumn.class::cast).findFirst().orElseThrow();
    }

    static KeelException refused(ProjectState state, Operation op) {
        var e = assertThrows(KeelException.class, () -> StateTransitions.apply(op, APP, state));
        assertEquals(ErrorKind.INVALID_OPERATION, e.kind());
        return e;
    }

    @Test
    void movingAFieldToPendingTakesItsIndexesAndConstraintsAndRestoringItBringsThemBack() {
        ProjectState before = apply(authors(), alterField("author", "email", column("email", "varchar(255)").nullable()));
        ProjectState moved = apply(before, safeRemoveField("author", "email", DeletionAction.MOVE_TO_PENDING));

        Table author = moved.requireTable(APP, "author");
        assertEquals(List.of("fk_author_mentor"), author.constraints().stream().map(c -> c.name()).toList());
        assertEquals(List.of(), author.indexes());
        PendingColumn email = pending(moved, "email");
        assertEquals(List.of("idx_author_email"), email.indexes().stream().map(i -> i.name()).toList());
        assertEquals(List.of("uk_author_tenant_email", "ck_author_email"), email.constraints().stream().map(c -> c.name()).toList());

        ProjectState restored = apply(moved, restorePendingField("author", "email"));
        assertEquals(before.requireTable(APP, "author").indexes(), restored.requireTable(APP, "author").indexes());
        assertEquals(before.requireTable(APP, "author").constraints().stream().map(c -> c.name()).sorted().toList(),
                restored.requireTable(APP, "author").constraints().stream().map(c -> c.name()).sorted().toList());
        assertEquals(List.of(), restored.pending());
    }

    @Test
    void deletingThePendingColumnDropsThemAndItsReverseRecreatesThem() {
        ProjectState moved = apply(authors(), alterField("author", "email", column("email", "varchar(255)").nullable()),
                safeRemoveField("author", "email", DeletionAction.MOVE_TO_PENDING));
        var delete = safeRemoveField("author", "email", DeletionAction.DELETE);
        ProjectState deleted = apply(moved, delete);
        assertEquals(List.of(), deleted.pending());

        List<Operation> reverse = StateTransitions.reverse(delete, APP, moved);
        RecreatePendingField recreate = (RecreatePendingField) reverse.get(0);
        assertEquals(pending(moved, "email").indexes(), recreate.indexes());
        assertEquals(pending(moved, "email").constraints(), recreate.constraints());
        assertEquals(moved, apply(deleted, reverse.toArray(Operation[]::new)));
    }

    @Test
    void theirNamesStayTakenUntilTheColumnIsDeleted() {
        ProjectState moved = apply(authors(), alterField("author", "email", column("email", "varchar(255)").nullable()),
                safeRemoveField("author", "email", DeletionAction.MOVE_TO_PENDING),
                addField("author", "mail", column("mail", "varchar(255)").nullable()));
        assertTrue(refused(moved, addIndex("author", index("idx_author_email", "mail"), true)).getMessage().contains("--delete-pending"));
        refused(moved, addConstraint("author", unique("uk_author_tenant_email", "tenant_id", "mail")));
        refused(moved, renameConstraint("author", "fk_author_mentor", "ck_author_email"));
        ProjectState deleted = apply(moved, safeRemoveField("author", "email", DeletionAction.DELETE));
        apply(deleted, addIndex("author", index("idx_author_email", "mail"), true));
    }

    @Test
    void aColumnTheyAlsoUseCannotBeRenamedAndDroppingItDropsThem() {
        ProjectState moved = apply(authors(), alterField("author", "email", column("email", "varchar(255)").nullable()),
                safeRemoveField("author", "email", DeletionAction.MOVE_TO_PENDING));
        var e = refused(moved, alterField("author", "tenant", column("tenant", "bigint")));
        assertTrue(e.getMessage().contains("uk_author_tenant_email") || e.getMessage().contains("pending column email"), e.getMessage());
        assertTrue(e.getMessage().contains("--delete-pending"), e.getMessage());
        refused(moved, renameField("author", "tenant", "team", "team_id"));

        ProjectState dropped = apply(moved, removeField("author", "tenant"));
        assertEquals(List.of("ck_author_email"), pending(dropped, "email").constraints().stream().map(c -> c.name()).toList(),
                "the composite unique constraint went with tenant_id, as PostgreSQL drops it");
    }

    @Test
    void theirForeignKeysCountAsReferencesAndFollowARenamedTarget() {
        ProjectState moved = apply(authors(),
                addField("shelf", "owner", column("owner_id", "bigint").nullable()),
                addConstraint("shelf", foreignKey("fk_shelf_owner", "owner_id").references("crm.author", "id")),
                safeRemoveField("shelf", "owner", DeletionAction.MOVE_TO_PENDING));
        assertTrue(refused(moved, safeDeleteModel("author", DeletionAction.MOVE_TO_PENDING)).getMessage().contains("owner_id"));

        ProjectState renamed = apply(moved, alterModelTable("author", "crm.writer"));
        assertEquals("crm.writer", ((dev.keel.state.ForeignKey) pending(renamed, "owner_id").constraints().get(0)).targetTable());
    }

    @Test
    void aNotNullColumnWithoutDefaultGoesToPendingOnlyWhenASyncFillsIt() {
        ProjectState withMail = apply(authors(), addField("author", "mail", column("mail", "varchar(255)").nullable()));
        var e = refused(withMail, safeRemoveField("author", "email", DeletionAction.MOVE_TO_PENDING));
        assertTrue(e.getMessage().contains("NOT NULL"), e.getMessage());

        ProjectState moved = apply(withMail, addColumnSync("author", "email", "mail", "email", "mail"),
                safeRemoveField("author", "email", DeletionAction.MOVE_TO_PENDING));
        assertTrue(pending(moved, "email").column().notNull());
    }

    @Test
    void aSnapshotKeepsThemAndAPendingColumnWithoutThemIsWrittenAsBefore() throws Exception {
        ProjectState moved = apply(authors(), alterField("author", "email", column("email", "varchar(255)").nullable()),
                safeRemoveField("author", "email", DeletionAction.MOVE_TO_PENDING),
                addField("shelf", "label", column("label", "text").nullable()),
                safeRemoveField("shelf", "label", DeletionAction.MOVE_TO_PENDING));
        assertEquals(moved, StateSnapshot.fromJson(StateSnapshot.toJson(moved)));
        var mapper = StateSnapshot.mapper();
        String email = mapper.writeValueAsString(pending(moved, "email"));
        assertTrue(email.contains("\"indexes\"") && email.contains("\"constraints\""), email);
        String label = mapper.writeValueAsString(pending(moved, "label"));
        assertFalse(label.contains("\"indexes\"") || label.contains("\"constraints\""), label);
    }
}
