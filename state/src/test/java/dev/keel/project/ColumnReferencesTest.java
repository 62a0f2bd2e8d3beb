package dev.keel.project;

import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.state.Constraint;
import dev.keel.state.Index;
import dev.keel.state.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks and expression indexes follow their columns, as PostgreSQL's do. */
class ColumnReferencesTest {
    static Table post() {
        return table("post")
                .field("id", column("id", "bigint")).primaryKey("id")
                .field("email", column("email", "text"))
                .field("createdAt", column("createdAt", "timestamp"))
                .constraint(check("post_email_check", "email <> '' AND length(email) < 100"))
                .constraint(check("post_id_check", "id > 0 AND 'email' <> ''"))
                .index(index("post_email_idx", "lower(email)"))
                .index(index("post_created_idx", "\"createdAt\" DESC").where("email IS NOT NULL"));
    }

    @Test
    void checksAndIndexesNamingAColumnUseIt() {
        Table t = post();
        assertTrue(t.findConstraint("post_email_check").orElseThrow().uses("email"));
        assertFalse(t.findConstraint("post_id_check").orElseThrow().uses("email"), "a string literal is no column");
        assertTrue(t.findIndex("post_email_idx").orElseThrow().uses("email"));
        assertTrue(t.findIndex("post_created_idx").orElseThrow().uses("email"), "the predicate counts");
        assertTrue(t.findIndex("post_created_idx").orElseThrow().uses("createdAt"));
        assertFalse(t.findIndex("post_created_idx").orElseThrow().uses("createdat"));
    }

    @Test
    void droppingAColumnDropsWhatUsesItAndTheReverseRestoresIt() {
        ProjectState before = StateTransitions.apply(createModel("post", post()), "blog", ProjectState.EMPTY);
        Operation remove = removeField("post", "email");
        Table after = StateTransitions.apply(remove, "blog", before).requireTable("blog", "post");
        assertEquals(List.of("post_id_check"), after.constraints().stream().map(Constraint::name).toList());
        assertEquals(List.of(), after.indexes());
        ProjectState back = StateTransitions.apply(remove, "blog", before);
        for (Operation op : StateTransitions.reverse(remove, "blog", before)) {
            back = StateTransitions.apply(op, "blog", back);
        }
        Table restored = back.requireTable("blog", "post");
        assertEquals(java.util.Set.of("post_id_check", "post_email_check"),
                restored.constraints().stream().map(Constraint::name).collect(java.util.stream.Collectors.toSet()));
        assertEquals(java.util.Set.of("post_email_idx", "post_created_idx"),
                restored.indexes().stream().map(Index::name).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void renamingAColumnRenamesItInExpressions() {
        Table t = post().replaceColumn("email", column("mail", "text").field("email"))
                .replaceColumn("createdAt", column("created_at", "timestamp").field("createdAt"));
        assertEquals("mail <> '' AND length(mail) < 100", t.checks().get(0).expression());
        assertEquals("id > 0 AND 'email' <> ''", t.checks().get(1).expression());
        assertEquals(List.of("lower(mail)"), t.findIndex("post_email_idx").orElseThrow().columns());
        assertEquals(List.of("created_at DESC"), t.findIndex("post_created_idx").orElseThrow().columns());
        assertEquals("mail IS NOT NULL", t.findIndex("post_created_idx").orElseThrow().where());
        Table quoted = t.replaceColumn("mail", column("Mail", "text").field("email"));
        assertEquals(List.of("lower(\"Mail\")"), quoted.findIndex("post_email_idx").orElseThrow().columns());
    }

    @Test
    void pendingColumnsFollowTheirTable() {
        ProjectState s = ProjectState.EMPTY;
        for (Operation op : List.of(createModel("post", table("post").field("id", column("id", "bigint"))
                        .field("old", column("old", "text").nullable())),
                safeRemoveField("post", "old", DeletionAction.MOVE_TO_PENDING),
                alterModelTable("post", "content.article"))) {
            s = StateTransitions.apply(op, "blog", s);
        }
        assertEquals("content.article", s.pending().get(0).table());
    }
}
