package dev.keel.rewrite;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.operations.Operation;
import dev.keel.operations.RunSql;
import dev.keel.operations.DeletionAction;
import dev.keel.state.ProjectState;
import dev.keel.state.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafetyRewriterTest {
    static final Table AUTHOR = table("author").entity("Author")
            .field("id", column("id", "bigint")).primaryKey("id");
    static final Table POST = table("post").entity("Post")
            .field("id", column("id", "bigint"))
            .field("title", column("title", "varchar(100)"))
            .field("subtitle", column("subtitle", "varchar(100)").nullable())
            .field("status", column("status", "varchar(20)").nullable())
            .field("author", column("author_id", "bigint").nullable())
            .field("legacyFlag", column("legacy_flag", "boolean"))
            .primaryKey("id")
            .constraint(foreignKey("fk_post_author", "author_id").references("author", "id"))
            .constraint(check("post_status_check", "status IN ('DRAFT', 'LIVE')"))
            .index(index("ix_post_legacy", "legacy_flag"));

    static final ProjectState BEFORE = ProjectState.EMPTY.addTable("blog", "Author", AUTHOR).addTable("blog", "Post", POST);

    static List<PlannedMigration> rewrite(Operation... ops) {
        return SafetyRewriter.rewrite("blog", BEFORE, List.of(ops), SafetyOptions.DEFAULT);
    }

    static List<Operation> only(List<PlannedMigration> plans) {
        assertEquals(1, plans.size(), plans.toString());
        return plans.get(0).operations();
    }

    /** Every safe plan must reach the state the plain operations reach, and its reverse must come back. */
    static void assertSameEndAndReversible(List<Operation> plain, List<PlannedMigration> plans) {
        ProjectState expected = BEFORE;
        for (Operation op : plain) {
            expected = op.applyTo("blog", expected);
        }
        ProjectState state = BEFORE;
        var states = new java.util.ArrayList<ProjectState>();
        var all = plans.stream().flatMap(p -> p.operations().stream()).toList();
        for (Operation op : all) {
            states.add(state);
            state = op.applyTo("blog", state);
        }
        assertEquals(dev.keel.diff.SchemaComparison.differences(expected, state), List.of());
        for (int i = all.size() - 1; i >= 0; i--) {
            if (!all.get(i).reversible()) {
                return;
            }
            for (Operation r : all.get(i).reverse("blog", states.get(i))) {
                state = r.applyTo("blog", state);
            }
        }
        assertEquals(List.of(), dev.keel.diff.SchemaComparison.differences(BEFORE, state),
                "the reverse of the safe plan restores the schema (constraints may come back in another order)");
    }

    @Test
    void columnRemovalIsTwoPhase() {
        var plans = rewrite(removeField("post", "legacyFlag"));
        assertEquals(List.of(
                removeIndex("post", "ix_post_legacy", true),
                alterField("post", "legacyFlag", column("legacy_flag", "boolean").nullable()),
                safeRemoveField("post", "legacyFlag", DeletionAction.MOVE_TO_PENDING)), only(plans));
        assertFalse(plans.get(0).atomic(), "a concurrent index drop cannot run in a transaction");
        ProjectState after = BEFORE;
        for (Operation op : only(plans)) {
            after = op.applyTo("blog", after);
        }
        assertEquals(1, after.pending().size(), "the column stays in the database, pending");
    }

    @Test
    void tableRemovalIsTwoPhase() {
        var plans = rewrite(removeConstraint("post", "fk_post_author"), deleteModel("author"));
        assertEquals(List.of(removeConstraint("post", "fk_post_author"),
                safeDeleteModel("author", DeletionAction.MOVE_TO_PENDING)), only(plans));
    }

    @Test
    void indexOnExistingTableIsConcurrentAndNonAtomic() {
        var plans = rewrite(addIndex("post", index("ix_post_title", "title")));
        assertEquals(List.of(addIndex("post", index("ix_post_title", "title"), true)), only(plans));
        assertFalse(plans.get(0).atomic());
        assertFalse(plans.get(0).postDeployment());
    }

    @Test
    void indexOnLargeTableRunsAfterDeployment() {
        var plans = SafetyRewriter.rewrite("blog", BEFORE, List.of(addField("post", "slug", column("slug", "text").nullable()),
                addIndex("post", index("ix_post_title", "title"))), new SafetyOptions(Set.of(), Set.of("post")));
        assertEquals(2, plans.size());
        assertTrue(plans.get(0).atomic());
        assertTrue(plans.get(1).postDeployment());
        assertEquals(List.of(addIndex("post", index("ix_post_title", "title"), true)), plans.get(1).operations());
    }

    @Test
    void indexOnNewTableStaysPlain() {
        Table tag = table("tag").entity("Tag").field("id", column("id", "bigint")).primaryKey("id");
        var plans = rewrite(createModel("Tag", tag), addIndex("tag", index("ix_tag_id", "id")));
        assertTrue(plans.get(0).atomic());
        assertEquals(List.of(createModel("Tag", tag), addIndex("tag", index("ix_tag_id", "id"))), only(plans));
    }

    @Test
    void aRenamedModelKeepsItsExistingTable() {
        var plans = rewrite(renameModel("Post", "Article"), addIndex("article", index("ix_article_title", "title")));
        assertEquals(List.of(renameModel("Post", "Article"), addIndex("article", index("ix_article_title", "title"), true)),
                only(plans));
        var e = assertThrows(KeelException.class, () -> rewrite(renameModel("Post", "Article"), alterModelTable("article", "article")));
        assertTrue(e.problems().get(0).contains("renaming table post to article"), e.problems().get(0));
    }

    @Test
    void aNewModelRenamedInTheSameMigrationIsStillNew() {
        Table tag = table("tag").entity("Tag").field("id", column("id", "bigint")).primaryKey("id");
        var plans = rewrite(createModel("Tag", tag), renameModel("Tag", "Label"), addIndex("label", index("ix_label_id", "id")));
        assertEquals(addIndex("label", index("ix_label_id", "id")), only(plans).get(2));
    }

    @Test
    void uniqueConstraintGoesThroughAConcurrentIndex() {
        var unique = unique("uk_post_title", "title").deferrable();
        var plans = rewrite(addConstraint("post", unique));
        assertEquals(List.of(addIndex("post", index("uk_post_title", "title").unique(), true),
                addConstraintUsingIndex("post", unique, "uk_post_title")), only(plans));
        assertSameEndAndReversible(List.of(addConstraint("post", unique)), plans);
    }

    @Test
    void foreignKeyAndCheckAreAddedNotValidThenValidated() {
        var fk = foreignKey("fk_post_author2", "author_id").references("author", "id");
        var plans = rewrite(addConstraint("post", fk));
        assertEquals(List.of(addConstraint("post", fk.notValid()), validateConstraint("post", "fk_post_author2")), only(plans));
        assertFalse(plans.get(0).atomic(), "validation runs in its own transaction");
        assertSameEndAndReversible(List.of(addConstraint("post", fk)), plans);
    }

    @Test
    void setNotNullGoesThroughAValidatedCheck() {
        var plain = List.<Operation>of(alterField("post", "subtitle", column("subtitle", "varchar(100)")));
        var plans = rewrite(plain.get(0));
        var ops = only(plans);
        assertEquals(4, ops.size(), ops.toString());
        assertEquals(addConstraint("post", check("post_subtitle_not_null", "subtitle IS NOT NULL").notValid()), ops.get(0));
        assertEquals(validateConstraint("post", "post_subtitle_not_null"), ops.get(1));
        assertEquals(plain.get(0), ops.get(2));
        assertEquals(removeConstraint("post", "post_subtitle_not_null"), ops.get(3));
        assertSameEndAndReversible(plain, plans);
    }

    @Test
    void replacedCheckIsSwappedWithoutAScanUnderLock() {
        var wider = check("post_status_check", "status IN ('DRAFT', 'LIVE', 'ARCHIVED')");
        var plain = List.<Operation>of(removeConstraint("post", "post_status_check"), addConstraint("post", wider));
        var ops = only(rewrite(plain.toArray(Operation[]::new)));
        assertEquals(List.of(addConstraint("post", wider.withName("post_status_check_new").notValid()),
                validateConstraint("post", "post_status_check_new"),
                removeConstraint("post", "post_status_check"),
                renameConstraint("post", "post_status_check_new", "post_status_check")), ops);
        assertSameEndAndReversible(plain, rewrite(plain.toArray(Operation[]::new)));
    }

    @Test
    void replacedForeignKeyIsSwappedSoRowsStayChecked() {
        var cascading = foreignKey("fk_post_author", "author_id").references("author", "id").onDelete("CASCADE");
        var plain = List.<Operation>of(removeConstraint("post", "fk_post_author"), addConstraint("post", cascading));
        var plans = rewrite(plain.toArray(Operation[]::new));
        assertEquals(List.of(addConstraint("post", cascading.withName("fk_post_author_new").notValid()),
                validateConstraint("post", "fk_post_author_new"),
                removeConstraint("post", "fk_post_author"),
                renameConstraint("post", "fk_post_author_new", "fk_post_author")), only(plans));
        assertFalse(plans.get(0).atomic(), "the validation runs in its own transaction");
        assertSameEndAndReversible(plain, plans);
    }

    @Test
    void safeWideningsPassAndOtherTypeChangesAreRefused() {
        assertEquals(1, only(rewrite(alterField("post", "title", column("title", "varchar(200)")))).size());
        assertEquals(1, only(rewrite(alterField("post", "title", column("title", "text")))).size());
        var e = assertThrows(KeelException.class, () -> rewrite(alterField("post", "title", column("title", "varchar(50)"))));
        assertEquals(ErrorKind.INPUT_NEEDED, e.kind());
        assertTrue(e.getMessage().contains("expand and contract"), e.getMessage());
        var allowed = SafetyRewriter.rewrite("blog", BEFORE, List.of(alterField("post", "title", column("title", "varchar(50)"))),
                new SafetyOptions(Set.of(SafetyOptions.TYPE_CHANGE), Set.of()));
        assertEquals(1, only(allowed).size());
    }

    @Test
    void realRenamesAreRefusedStateOnlyRenamesPass() {
        assertEquals(1, only(rewrite(renameField("post", "title", "headline"))).size());
        var e = assertThrows(KeelException.class, () -> rewrite(renameField("post", "title", "headline", "headline"),
                alterModelTable("author", "writers")));
        assertEquals(2, e.problems().size(), "every refusal is listed");
        assertTrue(e.problems().get(0).contains("@Column(name = \"title\")"), e.problems().get(0));
        assertTrue(e.problems().get(1).contains("@Table(name = \"author\")"), e.problems().get(1));
    }

    @Test
    void volatileDefaultIsExpandedAndBackfilledAfterDeployment() {
        var plans = rewrite(addField("post", "token", column("token", "uuid").defaultSql("gen_random_uuid()")));
        assertEquals(2, plans.size());
        assertEquals(List.of(addField("post", "token", column("token", "uuid").nullable()),
                alterField("post", "token", column("token", "uuid").nullable().defaultSql("gen_random_uuid()"))),
                plans.get(0).operations());
        assertTrue(plans.get(1).postDeployment());
        assertInstanceOf(RunSql.class, plans.get(1).operations().get(0));
        assertTrue(((RunSql) plans.get(1).operations().get(0)).sql().contains("UPDATE post SET token = gen_random_uuid()"));
        assertFalse(plans.get(1).atomic(), "the backfill commits between batches");
    }

    @Test
    void nonVolatileDefaultStaysOneAddColumn() {
        var add = addField("post", "active", column("active", "boolean").defaultSql("true"));
        assertEquals(List.of(add), only(rewrite(add)));
        assertTrue(rewrite(add).get(0).atomic());
    }

    @Test
    void identifiersFitIn63Bytes() {
        String longName = "a_really_long_table_name_that_goes_on_and_on_and_on_x_column_name_that_is_long";
        String made = Identifiers.make(longName, "not_null");
        assertTrue(made.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 63, made);
        assertTrue(made.endsWith("_not_null"), made);
        assertEquals(made, Identifiers.make(longName, "not_null"), "deterministic");
        assertFalse(made.equals(Identifiers.make(longName + "2", "not_null")), "distinct inputs stay distinct");
        assertEquals("post_title_not_null", Identifiers.make("post_title", "not_null"));
    }
}
