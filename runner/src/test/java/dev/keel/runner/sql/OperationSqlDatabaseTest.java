package dev.keel.runner.sql;

import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.runner.catalog.Catalog;
import dev.keel.runner.catalog.CatalogDiff;
import dev.keel.runner.support.Db;
import dev.keel.state.Identity;
import dev.keel.state.Table;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each operation's SQL on a real PostgreSQL: the database built for the state before, the operation
 * run forwards, the catalog compared with the state after (directly, and built from scratch); then
 * backwards, compared with the state before.
 */
class OperationSqlDatabaseTest {
    private static final String APP = "blog";

    static ProjectState state(Operation... ops) {
        ProjectState s = ProjectState.EMPTY;
        for (Operation op : ops) {
            s = StateTransitions.apply(op, APP, s);
        }
        return s;
    }

    static Table author() {
        return table("author").entity("Author")
                .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                .field("name", column("name", "varchar(100)"))
                .primaryKey("id");
    }

    static Table post() {
        return table("post").entity("Post")
                .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                .field("title", column("title", "varchar(255)"))
                .field("body", column("body", "text").nullable())
                .field("views", column("views", "integer").defaultSql("0"))
                .primaryKey("id");
    }

    static ProjectState withPost() {
        return state(createModel("post", post()));
    }

    private static ProjectState roundTrip(ProjectState before, Operation op) throws SQLException {
        return roundTrip(before, op, CatalogDiff.strict(), CatalogDiff.strict());
    }

    private static ProjectState roundTrip(ProjectState before, Operation op, CatalogDiff forwards, CatalogDiff backwards)
            throws SQLException {
        try (Db db = Db.fresh()) {
            db.execute(OperationSql.createAll(before));
            db.assertHolds(before);
            ProjectState after = StateTransitions.apply(op, APP, before);
            db.run(OperationSql.forwards(APP, before, op));
            db.assertHolds(after, forwards);
            db.run(OperationSql.backwards(APP, before, op));
            db.assertHolds(before, backwards);
            return after;
        }
    }

    // ---- models ----------------------------------------------------------------------------

    @Test
    void createModelWithEveryColumnFeature() throws SQLException {
        Table t = table("Event").entity("Event").comment("what happened, when")
                .field("id", column("id", "bigint").identity(Identity.ALWAYS))
                .field("seq", column("seq", "integer").identity(Identity.BY_DEFAULT))
                .field("status", column("status", "varchar(20)").defaultSql("'draft'").comment("draft or final"))
                .field("order", column("order", "integer").nullable())
                .field("createdAt", column("createdAt", "timestamp with time zone").defaultSql("now()"))
                .field("price", column("price", "numeric(10,2)").defaultSql("-1"))
                .field("tags", column("tags", "text[]").nullable())
                .field("code", column("code", "char(3)").nullable())
                .field("ratio", column("ratio", "double precision").nullable())
                .primaryKey("id")
                .constraint(check("event_price_check", "price >= -1"))
                .constraint(unique("event_code_key", "code").deferrable())
                .constraint(unique("event_seq_key", "seq", "status").initiallyDeferred())
                .index(index("event_tags_idx", "tags").using("gin"))
                .index(index("event_created_idx", "createdAt DESC", "lower(status)").where("\"order\" IS NOT NULL"));
        ProjectState after = roundTrip(ProjectState.EMPTY, createModel("event", t));
        var catalog = Catalog.fromState(after).table("Event").orElseThrow();
        assertEquals(Identity.ALWAYS, catalog.columns().get("id").identity());
    }

    @Test
    void createModelWithForeignKeysSelfReferenceAndNoConstraint() throws SQLException {
        Table comment = table("comment").entity("Comment")
                .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                .field("post", column("post_id", "bigint"))
                .field("parent", column("parent_id", "bigint").nullable())
                .field("author", column("author_id", "bigint").nullable())
                .primaryKey("id")
                .constraint(foreignKey("comment_post_fk", "post_id").references("post", "id").onDelete("cascade"))
                .constraint(foreignKey("comment_parent_fk", "parent_id").references("comment", "id").onDelete("SET NULL"))
                .constraint(foreignKey("comment_author_fk", "author_id").references("post", "id").noConstraint());
        ProjectState after = roundTrip(withPost(), createModel("comment", comment));
        var fks = Catalog.fromState(after).table("comment").orElseThrow().foreignKeys();
        assertEquals(List.of("comment_parent_fk", "comment_post_fk"), List.copyOf(fks.keySet()));
    }

    @Test
    void createModelInAnotherSchema() throws SQLException {
        roundTrip(ProjectState.EMPTY, createModel("audit", table("event").schema("audit")
                .field("id", column("id", "bigint")).primaryKey("id").index(index("event_id_idx", "id"))));
    }

    @Test
    void deletesModel() throws SQLException {
        roundTrip(state(createModel("author", author()), createModel("post", post().comment("posts")
                .index(index("post_title_idx", "title")))), deleteModel("post"));
    }

    @Test
    void renameModelRunsNoSql() throws SQLException {
        assertEquals(List.of(), OperationSql.forwards(APP, withPost(), renameModel("post", "Article")));
        roundTrip(withPost(), renameModel("post", "Article"));
    }

    @Test
    void alterModelTableRenamesAndMovesSchema() throws SQLException {
        ProjectState before = state(createModel("author", author()), createModel("post", post()
                .field("author", column("author_id", "bigint").nullable())
                .constraint(foreignKey("post_author_fk", "author_id").references("author", "id"))));
        roundTrip(before, alterModelTable("author", "writer"));
        roundTrip(before, alterModelTable("author", "people.author"));
        roundTrip(before, alterModelTable("post", "content.article"));
    }

    @Test
    void altersModelComment() throws SQLException {
        roundTrip(withPost(), alterModelComment("post", "blog posts"));
    }

    // ---- fields ----------------------------------------------------------------------------

    @Test
    void addsField() throws SQLException {
        roundTrip(withPost(), addField("post", "status", column("status", "varchar(10)").defaultSql("'draft'").comment("state")));
        roundTrip(withPost(), addField("post", "rank", column("rank", "bigint").identity(Identity.BY_DEFAULT)));
    }

    @Test
    void alterFieldTypeNullabilityDefaultAndComment() throws SQLException {
        roundTrip(withPost(), alterField("post", "title", column("title", "text").nullable().defaultSql("'untitled'")));
        roundTrip(withPost(), alterField("post", "views", column("views", "bigint").defaultSql("1").comment("page views")));
        roundTrip(withPost(), alterField("post", "body", column("body", "varchar(4000)")));
    }

    @Test
    void alterFieldIdentity() throws SQLException {
        roundTrip(withPost(), alterField("post", "id", column("id", "bigint").identity(Identity.ALWAYS)));
        roundTrip(withPost(), alterField("post", "id", column("id", "bigint")));
        roundTrip(withPost(), alterField("post", "views", column("views", "integer").identity(Identity.BY_DEFAULT)));
    }

    @Test
    void alterFieldRenamesTheColumn() throws SQLException {
        ProjectState before = state(createModel("post", post().index(index("post_title_idx", "title"))));
        roundTrip(before, alterField("post", "title", column("headline", "varchar(300)")));
    }

    @Test
    void renamesField() throws SQLException {
        assertEquals(List.of(), OperationSql.forwards(APP, withPost(), renameField("post", "title", "heading")));
        roundTrip(withPost(), renameField("post", "title", "heading"));
        roundTrip(withPost(), renameField("post", "title", "heading").renamingColumn("heading"));
    }

    @Test
    void removesField() throws SQLException {
        ProjectState before = state(createModel("post", post()
                .index(index("post_views_idx", "views"))
                .constraint(check("post_views_check", "views >= 0"))));
        roundTrip(before, removeField("post", "views"));
    }

    // ---- indexes and constraints -----------------------------------------------------------

    @Test
    void indexes() throws SQLException {
        roundTrip(withPost(), addIndex("post", index("post_title_idx", "title", "views DESC NULLS LAST").unique()));
        roundTrip(withPost(), addIndex("post", index("post_body_idx", "body").where("body IS NOT NULL")));
        roundTrip(withPost(), addIndex("post", index("post_search_idx", "to_tsvector('english', body)").using("gin")));
        roundTrip(withPost(), addIndex("post", index("post_views_idx", "views")).concurrently());
        ProjectState indexed = state(createModel("post", post().index(index("post_title_idx", "title"))));
        roundTrip(indexed, removeIndex("post", "post_title_idx").concurrently());
        roundTrip(indexed, renameIndex("post", "post_title_idx", "post_headline_idx"));
    }

    @Test
    void constraints() throws SQLException {
        roundTrip(withPost(), addConstraint("post", unique("post_title_key", "title").deferrable()));
        roundTrip(withPost(), addConstraint("post", check("post_views_check", "views >= 0")));
        ProjectState constrained = state(createModel("post", post().constraint(unique("post_title_key", "title"))));
        roundTrip(constrained, removeConstraint("post", "post_title_key"));
        roundTrip(constrained, renameConstraint("post", "post_title_key", "post_headline_key"));
    }

    @Test
    void uniqueConstraintFromAConcurrentlyBuiltIndex() throws SQLException {
        ProjectState indexed = roundTrip(withPost(), addIndex("post", index("post_title_key", "title").unique()).concurrently());
        roundTrip(indexed, addConstraintUsingIndex("post", unique("post_title_key", "title").deferrable(), "post_title_key"));
    }

    @Test
    void foreignKeyAndCheckNotValidThenValidate() throws SQLException {
        ProjectState before = state(createModel("author", author()),
                createModel("post", post().field("author", column("author_id", "bigint").nullable())));
        ProjectState added = roundTrip(before, addConstraint("post",
                foreignKey("post_author_fk", "author_id").references("author", "id").onDelete("RESTRICT").notValid()));
        added = roundTrip(added, addConstraint("post", check("post_title_check", "title <> ''").notValid()));
        var fk = Catalog.fromState(added).table("post").orElseThrow().foreignKeys().get("post_author_fk");
        assertEquals(false, fk.validated());

        CatalogDiff cannotUnvalidate = CatalogDiff.strict()
                .allowing("table post: foreign key post_author_fk: validated false vs true", "validation cannot be undone")
                .allowing("table post: check post_title_check: validated false vs true", "validation cannot be undone");
        ProjectState validated = roundTrip(added, validateConstraint("post", "post_author_fk"), CatalogDiff.strict(), cannotUnvalidate);
        roundTrip(validated, validateConstraint("post", "post_title_check"), CatalogDiff.strict(), cannotUnvalidate);
        try (Db db = Db.fresh()) {
            db.execute(OperationSql.createAll(added));
            db.run(OperationSql.forwards(APP, added, validateConstraint("post", "post_author_fk")));
            db.run(OperationSql.backwards(APP, added, validateConstraint("post", "post_author_fk")));
            var result = cannotUnvalidate.diff(Catalog.fromState(added), db.catalog());
            assertEquals(List.of("table post: foreign key post_author_fk: validated false vs true (allowed: validation cannot be undone)"),
                    result.allowed());
        }
    }

    @Test
    void removingAForeignKeyWithoutConstraintRunsNoSql() throws SQLException {
        ProjectState before = state(createModel("author", author()), createModel("post", post()
                .field("author", column("author_id", "bigint").nullable())
                .constraint(foreignKey("post_author_fk", "author_id").references("author", "id").noConstraint())));
        assertEquals(List.of(), OperationSql.forwards(APP, before, removeConstraint("post", "post_author_fk")));
        roundTrip(before, removeConstraint("post", "post_author_fk"));
    }

    // ---- sequences -------------------------------------------------------------------------

    @Test
    void sequences() throws SQLException {
        roundTrip(ProjectState.EMPTY, createSequence(sequence("post_seq").startWith(100).incrementBy(50)));
        roundTrip(ProjectState.EMPTY, createSequence(sequence("ids.global_seq")));
        ProjectState withSequence = state(createSequence(sequence("post_seq").incrementBy(50)));
        roundTrip(withSequence, alterSequence(sequence("post_seq").startWith(7).incrementBy(10)));
        roundTrip(withSequence, deleteSequence("post_seq"));
        roundTrip(withSequence, createModel("post", post()
                .field("ref", column("ref", "bigint").defaultSql("nextval('post_seq')"))));
    }

    @Test
    void renamedSequenceKeepsItsValue() throws SQLException {
        ProjectState withSequence = state(createSequence(sequence("post_seq").incrementBy(50)));
        roundTrip(withSequence, renameSequence("post_seq", "article_seq"));
        roundTrip(withSequence, renameSequence("post_seq", "archive.article_seq"));
        try (Db db = Db.fresh()) {
            db.execute(OperationSql.createAll(withSequence));
            db.execute("SELECT nextval('post_seq')", "SELECT nextval('post_seq')");
            db.run(OperationSql.forwards(APP, withSequence, renameSequence("post_seq", "article_seq")));
            try (var st = db.connection.createStatement(); var r = st.executeQuery("SELECT nextval('article_seq')")) {
                r.next();
                assertEquals(101, r.getLong(1), "the renamed sequence goes on from where it was");
            }
        }
    }

    @Test
    void forkedSequenceKeepsTheOldOneCappedAndStartsTheNewOneAboveIt() throws SQLException {
        ProjectState withSequence = state(createSequence(sequence("post_seq").incrementBy(50)));
        roundTrip(withSequence, forkSequence("post_seq", "article_seq", 1000));
        roundTrip(withSequence, forkSequence("post_seq", "archive.article_seq", 1000));
        try (Db db = Db.fresh()) {
            db.execute(OperationSql.createAll(withSequence));
            db.execute("SELECT nextval('post_seq')", "SELECT nextval('post_seq')");
            db.run(OperationSql.forwards(APP, withSequence, forkSequence("post_seq", "article_seq", 1000)));
            assertEquals(1051, db.count("SELECT max_value FROM pg_sequences WHERE sequencename = 'post_seq'"),
                    "the old sequence is capped at its value (51) plus the headroom");
            assertEquals(101, db.count("SELECT nextval('post_seq')"), "the old code goes on drawing below the cap");
            assertEquals(1151, db.count("SELECT nextval('article_seq')"), "the new sequence starts two increments above the cap");
            assertEquals(1, db.count("SELECT start_value FROM pg_sequences WHERE sequencename = 'article_seq'"),
                    "its start is the old one's, as the state says");
            ProjectState forked = StateTransitions.apply(forkSequence("post_seq", "article_seq", 1000), APP, withSequence);
            db.run(OperationSql.forwards(APP, forked, StateTransitions.reverse(forkSequence("post_seq", "article_seq", 1000), APP, withSequence).get(0)));
            assertEquals(1201, db.count("SELECT nextval('post_seq')"), "undone: the old sequence goes on past the new one's values");
            assertEquals(0, db.count("SELECT count(*) FROM pg_sequences WHERE sequencename = 'article_seq'"));
        }
    }

    @Test
    void pendingSequenceStaysUntilItsDeletePhase() throws SQLException {
        ProjectState withSequence = state(createSequence(sequence("post_seq").incrementBy(50)));
        ProjectState pending = roundTrip(withSequence, safeDeleteSequence("post_seq", DeletionAction.MOVE_TO_PENDING));
        assertEquals(List.of(), OperationSql.forwards(APP, withSequence, safeDeleteSequence("post_seq", DeletionAction.MOVE_TO_PENDING)),
                "moving to pending runs no SQL: the old code still draws ids");
        roundTrip(pending, safeDeleteSequence("post_seq", DeletionAction.DELETE));
    }

    @Test
    void compatibilityViewKeepsTheOldNameWritable() throws SQLException {
        ProjectState renamed = state(createModel("post", post()), alterModelTable("post", "article"));
        Operation view = createCompatibilityView("post", "article", names("id", "headline", "body", "views"));
        roundTrip(renamed, view);
        try (Db db = Db.fresh()) {
            db.execute(OperationSql.createAll(renamed));
            db.run(OperationSql.forwards(APP, renamed, view));
            db.execute("INSERT INTO post (headline) VALUES ('written by the old code')",
                    "UPDATE post SET body = 'edited' WHERE headline = 'written by the old code'");
            try (var st = db.connection.createStatement();
                 var r = st.executeQuery("SELECT id, body, views FROM article WHERE title = 'written by the old code'")) {
                assertTrue(r.next(), "the old code's insert went to the renamed table");
                assertEquals(1, r.getLong(1), "with the table's identity");
                assertEquals("edited", r.getString(2));
                assertEquals(0, r.getInt(3), "and its defaults");
            }
        }
    }

    @Test
    void switchColumnSwapsTheColumnsWithTheirIndexesAndBack() throws SQLException {
        ProjectState expanded = state(createModel("post", post()),
                addField("post", "viewsKeelTwin", column("views_keel_new", "bigint").nullable()),
                addIndex("post", index("post_views_keel_new_idx", "views_keel_new")));
        Operation op = switchColumn("post", "views", "viewsKeelTwin", "views_keel_old");
        ProjectState after = roundTrip(expanded, op);
        Table t = after.requireTable(APP, "post");
        assertEquals("bigint", t.findField("views").orElseThrow().type());
        assertEquals("views", t.findField("views").orElseThrow().name(), "the field keeps its column name");
        assertEquals("views_keel_old", t.findField("viewsKeelTwin").orElseThrow().name());
        assertEquals("integer", t.findField("viewsKeelTwin").orElseThrow().type());
        assertEquals(List.of("views"), t.findIndex("post_views_keel_new_idx").orElseThrow().columns(), "the index follows its column");
        assertEquals(List.of(switchColumn("post", "views", "viewsKeelTwin", "views_keel_new")),
                StateTransitions.reverse(op, APP, expanded));
        try (Db db = Db.fresh()) {
            db.execute(OperationSql.createAll(expanded));
            db.execute("INSERT INTO post (title, views, views_keel_new) VALUES ('a', 7, 3000000000)");
            db.run(OperationSql.forwards(APP, expanded, op));
            try (var st = db.connection.createStatement(); var r = st.executeQuery("SELECT views, views_keel_old FROM post")) {
                assertTrue(r.next());
                assertEquals(3000000000L, r.getLong(1), "the code's column name now holds the new column's values");
                assertEquals(7, r.getInt(2));
            }
        }
    }

    // ---- code ------------------------------------------------------------------------------

    @Test
    void runSqlWithReverse() throws SQLException {
        var op = runSql("CREATE INDEX post_lower_title ON post (lower(title)); CREATE TABLE scratch (id int)",
                "DROP TABLE scratch; DROP INDEX post_lower_title");
        var expectExtra = CatalogDiff.strict()
                .allowing("table post: index post_lower_title unexpected", "RunSql changes no state")
                .allowing("table scratch unexpected", "RunSql changes no state");
        roundTrip(withPost(), op, expectExtra, CatalogDiff.strict());
        try (Db db = Db.fresh()) {
            db.execute(OperationSql.createAll(withPost()));
            db.run(OperationSql.forwards(APP, withPost(), op));
            var result = expectExtra.diff(Catalog.fromState(withPost()), db.catalog());
            assertEquals(2, result.allowed().size());
            assertTrue(result.isClean());
        }
    }

    @Test
    void separatesDatabaseAndState() throws SQLException {
        var op = separateDatabaseAndState(
                ops(addField("post", "slug", column("slug", "text").nullable()),
                        alterField("post", "slug", column("slug", "varchar(80)").nullable()),
                        addIndex("post", index("post_slug_idx", "slug"))),
                ops(addField("post", "slug", column("slug", "varchar(80)").nullable()),
                        addIndex("post", index("post_slug_idx", "slug"))));
        roundTrip(withPost(), op);
        var byHand = separateDatabaseAndState(
                ops(runSql("CREATE TABLE tag (id bigint PRIMARY KEY)", "DROP TABLE tag")),
                ops(createModel("tag", table("tag").field("id", column("id", "bigint")).primaryKey("id"))));
        roundTrip(withPost(), byHand);
    }

    // ---- safe removals ---------------------------------------------------------------------

    @Test
    void safeRemoveFieldBothPhases() throws SQLException {
        ProjectState before = withPost();
        ProjectState pending = roundTrip(before, safeRemoveField("post", "body", DeletionAction.MOVE_TO_PENDING));
        assertEquals(List.of(), OperationSql.forwards(APP, before, safeRemoveField("post", "body", DeletionAction.MOVE_TO_PENDING)));
        assertTrue(Catalog.fromState(pending).table("post").orElseThrow().columns().containsKey("body"));
        ProjectState deleted = roundTrip(pending, safeRemoveField("post", "body", DeletionAction.DELETE));
        assertTrue(Catalog.fromState(deleted).table("post").orElseThrow().columns().get("body") == null);
        ProjectState defaulted = roundTrip(before, safeRemoveField("post", "views", DeletionAction.MOVE_TO_PENDING));
        roundTrip(defaulted, safeRemoveField("post", "views", DeletionAction.DELETE));
    }

    @Test
    void pendingColumnFollowsItsTable() throws SQLException {
        ProjectState pending = state(createModel("post", post()), safeRemoveField("post", "body", DeletionAction.MOVE_TO_PENDING),
                alterModelTable("post", "article"));
        roundTrip(pending, safeRemoveField("post", "body", DeletionAction.DELETE));
    }

    @Test
    void safeDeleteModelBothPhases() throws SQLException {
        ProjectState before = state(createModel("author", author()), createModel("post", post()
                .index(index("post_title_idx", "title")).comment("posts")));
        ProjectState pending = roundTrip(before, safeDeleteModel("post", DeletionAction.MOVE_TO_PENDING));
        assertTrue(pending.table(APP, "post").isEmpty());
        assertTrue(Catalog.fromState(pending).table("post").isPresent());
        roundTrip(pending, safeDeleteModel("post", DeletionAction.DELETE));
    }
}
