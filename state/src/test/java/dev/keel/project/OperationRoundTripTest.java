package dev.keel.project;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.operations.RunJava;
import dev.keel.operations.RunSql;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.keel.migration.Operations.*;
import static dev.keel.project.StateFixtures.APP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every operation, applied to the fixture state and then undone by its reverse, gives the fixture back. */
public class OperationRoundTripTest {
    private static final ProjectState BEFORE = fixture();

    /** One case per operation type (some types twice, for their variants); also what the cache's codec is tried on. */
    public static List<Operation> cases() {
        return List.of(
                createModel("Comment", table("comment").entity("Comment")
                        .field("id", column("id", "bigint"))
                        .field("post", column("post_id", "bigint"))
                        .primaryKey("id")
                        .constraint(foreignKey("fk_comment_post", "post_id").references("post", "id"))),
                deleteModel("post_tags"),
                renameModel("tag", "Label"),
                alterModelTable("tag", "archive.tag"),
                alterModelComment("post", "Posts of the blog"),
                addField("post", "slug", column("slug", "varchar(200)").nullable()),
                addField("post", "titleKey", column("title_key", "varchar(300)").nullable().generated("lower(title)")),
                removeField("tag", "name"),
                alterField("post", "title", column("title", "varchar(300)").nullable().defaultSql("''")),
                renameField("post", "title", "headline"),
                renameField("post", "title", "headline").renamingColumn("headline"),
                addIndex("post", index("idx_post_title", "title").unique()).concurrently(),
                removeIndex("post", "idx_post_created"),
                renameIndex("post", "idx_post_created", "idx_post_recent"),
                addConstraint("post", check("ck_post_title", "length(title) > 0")),
                removeConstraint("post", "ck_post_status"),
                validateConstraint("post", "ck_post_status"),
                addConstraintUsingIndex("note", unique("uk_note_body", "body"), "uk_note_body"),
                renameConstraint("tag", "uk_tag_name", "uk_tag_label"),
                renameConstraint("post", "post_pkey", "posts_pkey"),
                createSequence(sequence("tag_seq").incrementBy(50)),
                alterSequence(sequence("post_seq").startWith(1000).incrementBy(10)),
                deleteSequence("author_seq"),
                runSql("UPDATE post SET status = 'draft'", "UPDATE post SET status = 'published'"),
                runSql("ANALYZE post", RunSql.NOOP),
                runJava("fillSlugs", "clearSlugs"),
                separateDatabaseAndState(ops(runSql("ALTER TABLE post ADD COLUMN slug text", "ALTER TABLE post DROP COLUMN slug")),
                        ops(addField("post", "slug", column("slug", "text").nullable()))),
                safeRemoveField("post", "legacyFlag", DeletionAction.MOVE_TO_PENDING),
                safeRemoveField("tag", "oldCode", DeletionAction.DELETE),
                safeDeleteModel("note", DeletionAction.MOVE_TO_PENDING),
                safeDeleteModel("legacy", DeletionAction.DELETE),
                restorePendingField("tag", "oldCode"),
                restorePendingModel("legacy"),
                recreatePendingField("post", "post", column("gone", "text").nullable().field("gone")),
                recreatePendingModel("Ghost", table("ghost").field("id", column("id", "bigint")).primaryKey("id")),
                renameSequence("post_seq", "article_seq"),
                renameSequence("post_seq", "archive.post_seq"),
                forkSequence("post_seq", "article_seq", 1_000_000L),
                unforkSequence("old_seq", "post_seq", 2_500L),
                renameField("post_tags", "post_id", "article_id").renamingColumn("article_id"),
                safeDeleteSequence("post_seq", DeletionAction.MOVE_TO_PENDING),
                safeDeleteSequence("old_seq", DeletionAction.DELETE),
                restorePendingSequence("old_seq"),
                recreatePendingSequence(sequence("gone_seq").incrementBy(50)),
                createCompatibilityView("old_tag", "tag", names("id", "name")),
                dropCompatibilityView("old_post"),
                addColumnSync("post", "title", "status", "title", "status"),
                removeColumnSync("post", "author_id"),
                copyColumn("post", "status", "title"),
                switchColumn("post", "title", "status", "title_keel_old"));
    }

    /** The fixture with a pending sequence and a view that keeps an old name of {@code post}. */
    private static ProjectState fixture() {
        return StateFixtures.blog()
                .addPending(new dev.keel.state.PendingSequence(APP, sequence("old_seq").incrementBy(50)))
                .addPending(new dev.keel.state.PendingView(APP, "old_post", "post", List.of("id")))
                .addPending(new dev.keel.state.PendingSync(APP, "post", "post", "created_at", "author_id", "created_at", "author_id"));
    }

    @TestFactory
    Stream<DynamicTest> applyingTheReverseGivesTheStateBack() {
        return cases().stream().map(op -> DynamicTest.dynamicTest(op.describe(), () -> {
            ProjectState after = StateTransitions.apply(op, APP, BEFORE);
            List<Operation> reverse = StateTransitions.reverse(op, APP, BEFORE);
            ProjectState back = after;
            for (Operation r : reverse) {
                back = StateTransitions.apply(r, APP, back);
            }
            assertEquals(BEFORE, back, () -> op + " reversed by " + reverse);
            if (!(op instanceof RunSql) && !(op instanceof RunJava) && !(op instanceof dev.keel.operations.CopyColumn)) {
                assertNotEquals(BEFORE, after, () -> op + " should change the state");
            }
        }));
    }

    @Test
    void everyOperationTypeHasACase() {
        Set<String> covered = cases().stream().map(op -> op.getClass().getSimpleName()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> all = Arrays.stream(Operation.class.getPermittedSubclasses()).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(all, covered);
    }

    @Test
    void renamingThePrimaryKeyKeepsItsColumns() {
        ProjectState after = StateTransitions.apply(renameConstraint("post", "post_pkey", "posts_pkey"), APP, BEFORE);
        var pk = after.requireTable(APP, "post").primaryKey();
        assertEquals("posts_pkey", pk.name());
        assertEquals(BEFORE.requireTable(APP, "post").primaryKey().columns(), pk.columns());
        var e = assertThrows(KeelException.class,
                () -> StateTransitions.apply(renameConstraint("tag", "uk_tag_name", "tag_pkey"), APP, BEFORE));
        assertTrue(e.getMessage().contains("already has a constraint tag_pkey"), e.getMessage());
    }

    @Test
    void aGeneratedColumnsExpressionDropCannotBeUndone() {
        ProjectState generated = StateTransitions.apply(
                addField("post", "titleKey", column("title_key", "varchar(300)").nullable().generated("lower(title)")), APP, BEFORE);
        Operation dropExpression = alterField("post", "titleKey", column("title_key", "varchar(300)").nullable());
        assertEquals(null, StateTransitions.apply(dropExpression, APP, generated).requireTable(APP, "post")
                .findField("titleKey").orElseThrow().generated());
        var undo = assertThrows(KeelException.class, () -> StateTransitions.reverse(dropExpression, APP, generated));
        assertEquals(ErrorKind.IRREVERSIBLE, undo.kind());
        assertTrue(undo.getMessage().contains("DROP EXPRESSION") && undo.getMessage().contains("To fix:"), undo.getMessage());

        Operation newExpression = alterField("post", "titleKey", column("title_key", "varchar(300)").nullable().generated("upper(title)"));
        assertEquals(generated, StateTransitions.apply(StateTransitions.reverse(newExpression, APP, generated).get(0), APP,
                StateTransitions.apply(newExpression, APP, generated)));
    }

    @Test
    void irreversibleOperationsSaySo() {
        for (Operation op : List.of(runSql("DELETE FROM post"), runJava("purge"))) {
            assertTrue(!op.reversible());
            var e = assertThrows(KeelException.class, () -> StateTransitions.reverse(op, APP, BEFORE));
            assertEquals(ErrorKind.IRREVERSIBLE, e.kind());
            assertTrue(e.getMessage().contains("To fix:"), e.getMessage());
        }
    }

    @Test
    void anOperationOnAnUnknownModelNamesTheKnownOnes() {
        var e = assertThrows(KeelException.class,
                () -> StateTransitions.apply(addField("comment", "body", column("body", "text")), APP, BEFORE));
        assertEquals(ErrorKind.INVALID_OPERATION, e.kind());
        assertTrue(e.getMessage().contains("no model blog.comment"), e.getMessage());
        assertTrue(e.getMessage().contains("post"), e.getMessage());
        assertTrue(e.getMessage().contains("To fix:"), e.getMessage());
    }

    @Test
    void addingAFieldTwiceIsAnError() {
        var e = assertThrows(KeelException.class,
                () -> StateTransitions.apply(addField("post", "title", column("title2", "text")), APP, BEFORE));
        assertEquals(ErrorKind.INVALID_OPERATION, e.kind());
        assertTrue(e.getMessage().contains("already has a field title"), e.getMessage());
    }

    @Test
    void addingAColumnNameTwiceIsAnError() {
        var e = assertThrows(KeelException.class,
                () -> StateTransitions.apply(addField("post", "heading", column("title", "text")), APP, BEFORE));
        assertTrue(e.getMessage().contains("already has a column title"), e.getMessage());
    }

    @Test
    void aTableStillReferencedCannotBeDeleted() {
        var e = assertThrows(KeelException.class, () -> StateTransitions.apply(deleteModel("author"), APP, BEFORE));
        assertEquals(ErrorKind.INVALID_OPERATION, e.kind());
        assertTrue(e.getMessage().contains("blog.post"), e.getMessage());
    }

    @Test
    void aNotNullColumnWithoutDefaultCannotGoPending() {
        var e = assertThrows(KeelException.class,
                () -> StateTransitions.apply(safeRemoveField("post", "title", DeletionAction.MOVE_TO_PENDING), APP, BEFORE));
        assertTrue(e.getMessage().contains("NOT NULL without a database default"), e.getMessage());
    }

    @Test
    void aForeignKeyToAMissingTableIsAnError() {
        var e = assertThrows(KeelException.class, () -> StateTransitions.apply(addConstraint("post",
                foreignKey("fk_post_editor", "author_id").references("editor", "id")), APP, BEFORE));
        assertTrue(e.getMessage().contains("editor"), e.getMessage());
    }
}
