package dev.keel.safety;

import dev.keel.make.MakeOptions;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.ForkSequence;
import dev.keel.project.ProjectState;
import dev.keel.runner.apply.SimpleApplier;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A table rename written by default (no {@code --allow-unsafe}), expand and contract, on PostgreSQL with the
 * old and the new code writing between the steps: after the expand the old code writes the old names (the
 * entity table, its join and collection tables, through views; its ids from the old sequence, capped) and the
 * new code the new ones (ids from the forked sequence), with no duplicate id and every row visible to both;
 * exhausting the old sequence's headroom fails loudly; undone, the old code goes on past every id either drew;
 * after the contract only the new names are left, and the contract is undone too.
 */
class TableRenameExpandDatabaseTest {
    @TempDir Path project;

    /** A block of 50 ids as Hibernate's pooled optimizer uses it: the value {@code nextval} returns and the 49 below it. */
    static long insertBlock(Db db, String table, String sequence, String title) throws SQLException {
        long hi = Long.parseLong(ShopDatabase.text(db, "SELECT nextval('" + sequence + "')"));
        db.execute("INSERT INTO " + table + " (id, title) SELECT g, '" + title + "' FROM generate_series(" + (hi - 49) + ", " + hi + ") AS g");
        return hi;
    }

    static long count(Db db, String query) throws SQLException {
        return Long.parseLong(ShopDatabase.text(db, query));
    }

    @Test
    void renamedEntityExpandsThenContractsWithOldAndNewCodeWriting() throws Exception {
        EntityProject p = EntityProject.in(project);
        String tag = RenamedTableCompanionsDatabaseTest.TAG;
        p.entities(Map.of("Tag", tag, "BlogPost", RenamedTableCompanionsDatabaseTest.post("@Entity", "BlogPost", "", ""),
                "Reader", RenamedTableCompanionsDatabaseTest.reader("BlogPost")));
        p.make(MakeOptions.defaults());
        try (Db db = Db.fresh()) {
            var applier = new SimpleApplier(db.connection);
            ProjectState before = applier.apply(p.from(0), ProjectState.EMPTY);
            db.execute("INSERT INTO tag (id, name) SELECT nextval('tag_seq'), 'tag ' || i FROM generate_series(1, 3) AS i");
            insertBlock(db, "blog_post", "blog_post_seq", "before");
            db.execute("INSERT INTO blog_post_tags (blog_post_id, tags_id) SELECT p.id, t.id FROM blog_post p CROSS JOIN tag t",
                    "INSERT INTO blog_post_labels (blog_post_id, labels) SELECT id, 'label of ' || id FROM blog_post");

            // expand: written without --allow-unsafe
            p.entities(Map.of("Tag", tag, "Article", RenamedTableCompanionsDatabaseTest.post("@Entity\n@RenamedFrom(\"BlogPost\")", "Article", "", ""),
                    "Reader", RenamedTableCompanionsDatabaseTest.reader("Article")));
            p.make(MakeOptions.defaults());
            List<MigrationSpec> expand = p.from(1);
            assertTrue(expand.get(0).operations().stream().anyMatch(o -> o instanceof ForkSequence f
                    && f.oldName().equals("blog_post_seq") && f.newName().equals("article_seq")), "the sequence is forked: " + expand);
            ProjectState expanded = applier.apply(expand, before);
            ShopDatabase.assertHolds(db, expanded);

            // between the steps: the old code writes the old names, the new code the new ones, blocks of ids interleaved
            long oldHi = 0;
            long newHi = 0;
            for (int round = 0; round < 3; round++) {
                oldHi = insertBlock(db, "blog_post", "blog_post_seq", "old code");
                newHi = insertBlock(db, "article", "article_seq", "new code");
            }
            assertTrue(newHi - 49 > oldHi, "the new code's ids (from " + (newHi - 49) + ") are above the old code's (to " + oldHi + ")");
            db.execute("INSERT INTO blog_post_tags (blog_post_id, tags_id) SELECT " + oldHi + ", id FROM tag",
                    "INSERT INTO article_tags (article_id, tags_id) SELECT " + newHi + ", id FROM tag",
                    "INSERT INTO blog_post_labels (blog_post_id, labels) VALUES (" + oldHi + ", 'old code')",
                    "INSERT INTO blog_post_counters (blog_post_id, counters_key, counters) VALUES (" + oldHi + ", 'views', 1)",
                    "UPDATE blog_post SET title = 'edited by the old code' WHERE id = " + newHi,
                    "UPDATE article SET title = 'edited by the new code' WHERE id = " + oldHi);
            assertEquals(350, count(db, "SELECT count(*) FROM article"), "one table: 50 rows before, 150 from each code");
            assertEquals(count(db, "SELECT count(*) FROM article"), count(db, "SELECT count(*) FROM blog_post"), "both names show every row");
            assertEquals(count(db, "SELECT count(DISTINCT id) FROM article"), count(db, "SELECT count(*) FROM article"));
            assertEquals(156, count(db, "SELECT count(*) FROM article_tags"), "the links of both codes are in one join table");
            assertEquals(6, count(db, "SELECT count(*) FROM blog_post_tags WHERE blog_post_id IN (" + oldHi + ", " + newHi + ")"));
            assertEquals("edited by the old code", ShopDatabase.text(db, "SELECT title FROM article WHERE id = " + newHi));
            assertEquals("edited by the new code", ShopDatabase.text(db, "SELECT title FROM blog_post WHERE id = " + oldHi));

            // the old code's headroom is finite: drawing past it fails loudly instead of reusing an id
            db.execute("SELECT setval('blog_post_seq', (SELECT max_value FROM pg_sequences WHERE sequencename = 'blog_post_seq'))");
            var exhausted = assertThrows(SQLException.class, () -> ShopDatabase.text(db, "SELECT nextval('blog_post_seq')"));
            assertTrue(exhausted.getMessage().contains("reached maximum value"), exhausted.getMessage());
            assertTrue(count(db, "SELECT last_value FROM blog_post_seq") < newHi - 49, "the cap is below the new code's ids");

            // reversed: the old names are the tables again, and the old code goes on past every id either drew
            applier.unapply(expand, before);
            ShopDatabase.assertHolds(db, before);
            long maxId = count(db, "SELECT max(id) FROM blog_post");
            assertEquals(newHi, maxId);
            long afterUndo = insertBlock(db, "blog_post", "blog_post_seq", "old code after the undo");
            assertTrue(afterUndo - 49 > maxId, "undone: the old sequence draws past the new code's ids");
            assertEquals(0, count(db, "SELECT count(*) FROM pg_class WHERE relname LIKE 'article%'"), "undone: nothing under the new names");
            assertEquals(156, count(db, "SELECT count(*) FROM blog_post_tags"));

            // expand again, then the contract: the views and the old sequence go
            ProjectState again = applier.apply(expand, before);
            long newAfterRedo = insertBlock(db, "article", "article_seq", "new code after the redo");
            assertTrue(newAfterRedo - 49 > afterUndo, "the fork starts above every id, also after an undo");
            p.make(EntityProject.DELETE_PENDING);
            List<MigrationSpec> contract = p.from(1 + expand.size());
            ProjectState contracted = applier.apply(contract, again);
            assertEquals(List.of(), contracted.pending());
            ShopDatabase.assertHolds(db, contracted);
            assertEquals(0, count(db, "SELECT count(*) FROM pg_class WHERE relname LIKE 'blog_post%'"),
                    "after the contract nothing answers to the old names");
            insertBlock(db, "article", "article_seq", "new code after the contract");
            applier.unapply(contract, again);
            ShopDatabase.assertHolds(db, again);
            assertEquals(count(db, "SELECT count(*) FROM article"), count(db, "SELECT count(*) FROM blog_post"),
                    "the contract undone: the old names are back");
        }
    }

    @Test
    void schemaQualifiedRenameForksTheSchemaSequence() throws Exception {
        EntityProject p = EntityProject.in(project);
        String tag = RenamedTableCompanionsDatabaseTest.TAG;
        String collection = "    @CollectionTable(schema = \"blog\")\n";
        String join = "    @JoinTable(schema = \"blog\")\n";
        p.entities(Map.of("Tag", tag, "Post", RenamedTableCompanionsDatabaseTest.post(
                "@Entity\n@Table(name = \"post\", schema = \"blog\")\n@SequenceGenerator(name = \"post_ids\", sequenceName = \"blog.post_seq\")",
                "Post", collection, join).replace("GenerationType.SEQUENCE)", "GenerationType.SEQUENCE, generator = \"post_ids\")")));
        p.make(MakeOptions.defaults());
        try (Db db = Db.fresh()) {
            var applier = new SimpleApplier(db.connection);
            ProjectState before = applier.apply(p.from(0), ProjectState.EMPTY);
            String oldSequence = before.sequences().stream().map(s -> s.name()).filter(n -> n.contains("post")).findFirst().orElseThrow();
            insertBlock(db, "blog.post", oldSequence, "before");

            p.entities(Map.of("Tag", tag, "Post", RenamedTableCompanionsDatabaseTest.post(
                    "@Entity\n@Table(name = \"article\", schema = \"blog\")\n@SequenceGenerator(name = \"post_ids\", sequenceName = \"blog.article_seq\")",
                    "Post", collection, join).replace("GenerationType.SEQUENCE)", "GenerationType.SEQUENCE, generator = \"post_ids\")")));
            p.make(MakeOptions.defaults());
            List<MigrationSpec> expand = p.from(1);
            ProjectState expanded = applier.apply(expand, before);
            ShopDatabase.assertHolds(db, expanded);
            String newSequence = expanded.sequences().stream().map(s -> s.name()).filter(n -> n.contains("article")).findFirst()
                    .orElseThrow(() -> new AssertionError("no sequence follows the table: " + expanded.sequences() + " " + expand));
            long oldHi = insertBlock(db, "blog.post", oldSequence, "old code");
            long newHi = insertBlock(db, "blog.article", newSequence, "new code");
            assertTrue(newHi - 49 > oldHi, newHi + " vs " + oldHi);
            assertEquals(150, count(db, "SELECT count(*) FROM blog.post"));
            applier.unapply(expand, before);
            ShopDatabase.assertHolds(db, before);
            assertTrue(insertBlock(db, "blog.post", oldSequence, "undone") - 49 > newHi);
        }
    }
}
