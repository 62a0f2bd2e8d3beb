package dev.keel.safety;

import dev.keel.config.KeelConfig;
import dev.keel.diff.NonInteractiveQuestioner;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.make.MakeMigrations;
import dev.keel.make.MakeOptions;
import dev.keel.make.MakeResult;
import dev.keel.make.ScannedProject;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.RenameSequence;
import dev.keel.project.ProjectState;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.runner.apply.SimpleApplier;
import dev.keel.runner.support.Db;
import dev.keel.scan.EntityScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real table rename ({@code --allow-unsafe rename}) on PostgreSQL, with rows and links in place: the
 * entity's sequence, its join tables and its collection tables follow the table, so the new code's
 * first insert draws an id after the existing ones and finds every link under the new names; undone,
 * everything is back under the old names.
 */
class RenamedTableCompanionsDatabaseTest {
    @TempDir Path project;


    static final String TAG = """
            @Entity
            public class Tag {
                @Id
                @GeneratedValue(strategy = GenerationType.SEQUENCE)
                private Long id;

                @Column(nullable = false, length = 40)
                private String name;
            }
            """;

    /** The post entity: {@code annotations} above the class, named {@code name}. */
    static String post(String annotations, String name, String collectionTable, String joinTable) {
        return annotations + "\npublic class " + name + " {\n"
                + """
                    @Id
                    @GeneratedValue(strategy = GenerationType.SEQUENCE)
                    private Long id;

                    @Column(nullable = false, length = 200)
                    private String title;

                    @ManyToMany
                """ + joinTable + """
                    private Set<Tag> tags = new HashSet<>();

                    @ElementCollection
                """ + collectionTable + """
                    @Column(length = 40)
                    private Set<String> labels = new HashSet<>();

                    @ElementCollection
                    private Map<String, Integer> counters = new HashMap<>();
                }
                """;
    }

    static String reader(String target) {
        return """
                @Entity
                public class Reader {
                    @Id
                    @GeneratedValue(strategy = GenerationType.SEQUENCE)
                    private Long id;

                    @ManyToMany
                    private Set<%s> favourites = new HashSet<>();
                }
                """.formatted(target);
    }

    @Test
    void renamedEntityTakesItsSequenceJoinAndCollectionTables() throws Exception {
        EntityProject p = EntityProject.in(project);
        p.entities(Map.of("Tag", TAG, "BlogPost", post("@Entity", "BlogPost", "", ""), "Reader", reader("BlogPost")));
        p.make(MakeOptions.defaults());
        try (Db db = Db.fresh()) {
            var applier = new SimpleApplier(db.connection);
            ProjectState before = applier.apply(p.from(0), ProjectState.EMPTY);
            // rows and links written by the code before the rename, ids from the sequences as Hibernate draws them
            db.execute("INSERT INTO tag (id, name) SELECT nextval('tag_seq'), 'tag ' || i FROM generate_series(1, 3) AS i",
                    "INSERT INTO blog_post (id, title) SELECT nextval('blog_post_seq'), 'post ' || i FROM generate_series(1, 5) AS i",
                    "INSERT INTO blog_post_tags (blog_post_id, tags_id) SELECT p.id, t.id FROM blog_post p CROSS JOIN tag t",
                    "INSERT INTO blog_post_labels (blog_post_id, labels) SELECT id, 'label of ' || id FROM blog_post",
                    "INSERT INTO blog_post_counters (blog_post_id, counters_key, counters) SELECT id, 'views', id * 10 FROM blog_post",
                    "INSERT INTO reader (id) VALUES (nextval('reader_seq'))",
                    "INSERT INTO reader_favourites (reader_id, favourites_id) SELECT r.id, p.id FROM reader r CROSS JOIN blog_post p");
            String maxId = ShopDatabase.text(db, "SELECT max(id) FROM blog_post");

            p.entities(Map.of("Tag", TAG, "Article", post("@Entity\n@RenamedFrom(\"BlogPost\")", "Article", "", ""),
                    "Reader", reader("Article")));
            p.make(EntityProject.ALLOW_RENAME);
            List<MigrationSpec> rename = p.from(1);
            assertTrue(rename.get(0).operations().contains(new RenameSequence("blog_post_seq", "article_seq")),
                    "the sequence is renamed: " + rename.get(0).operations());
            ProjectState after = applier.apply(rename, before);
            ShopDatabase.assertHolds(db, after);

            // the new code's first insert: the next id is past every existing one
            long next = Long.parseLong(ShopDatabase.text(db, "SELECT nextval('article_seq')"));
            assertTrue(next > Long.parseLong(maxId), "nextval " + next + " after max(id) " + maxId);
            db.execute("INSERT INTO article (id, title) VALUES (" + next + ", 'written by the new code')");
            db.execute("INSERT INTO article_tags (article_id, tags_id) SELECT " + next + ", id FROM tag");
            assertEquals("15", ShopDatabase.text(db, "SELECT count(*) FROM article_tags a JOIN article p ON p.id = a.article_id"
                    + " WHERE p.title LIKE 'post %'"), "the links are under the new join table");
            assertEquals("5", ShopDatabase.text(db, "SELECT count(*) FROM article_labels WHERE labels = 'label of ' || article_id"));
            assertEquals("5", ShopDatabase.text(db, "SELECT count(*) FROM article_counters WHERE counters = article_id * 10"));
            assertEquals("5", ShopDatabase.text(db, "SELECT count(*) FROM reader_favourites f JOIN article p ON p.id = f.favourites_id"));
            assertEquals("0", ShopDatabase.text(db, "SELECT count(*) FROM pg_class WHERE relname LIKE 'blog_post%' AND relkind IN ('r', 'S')"),
                    "no table or sequence is left under the old names");
            // the code still running writes the old names: views keep them, over the renamed tables, with the old columns
            db.execute("UPDATE blog_post SET title = title || ' (edited by the old code)' WHERE id = " + maxId,
                    "INSERT INTO blog_post_labels (blog_post_id, labels) VALUES (" + maxId + ", 'old code')",
                    "DELETE FROM blog_post_labels WHERE labels = 'old code'");
            assertEquals("1", ShopDatabase.text(db, "SELECT count(*) FROM article WHERE title LIKE '%(edited by the old code)'"));
            assertEquals(List.of("blog_post", "blog_post_counters", "blog_post_labels", "blog_post_tags"),
                    after.pending().stream().map(d -> d.table()).sorted().toList(), "the old names wait for the delete phase");
            assertTrue(p.make(MakeOptions.defaults()).migrations().isEmpty(), "the entities and the migrations agree");

            db.execute("DELETE FROM article_tags WHERE article_id = " + next, "DELETE FROM article WHERE id = " + next);
            p.make(EntityProject.DELETE_PENDING);
            List<MigrationSpec> delete = p.from(1 + rename.size());
            ProjectState done = applier.apply(delete, after);
            assertEquals(List.of(), done.pending());
            ShopDatabase.assertHolds(db, done);
            assertEquals("0", ShopDatabase.text(db, "SELECT count(*) FROM pg_class WHERE relname LIKE 'blog_post%'"),
                    "after the delete phase nothing answers to the old names");
            applier.unapply(delete, after);
            applier.unapply(rename, before);
            ShopDatabase.assertHolds(db, before);
            assertEquals("15", ShopDatabase.text(db, "SELECT count(*) FROM blog_post_tags"), "undone: the links are back");
            assertTrue(Long.parseLong(ShopDatabase.text(db, "SELECT nextval('blog_post_seq')")) > next,
                    "undone: the sequence keeps its value");
        }
    }

    @Test
    void schemaQualifiedTableRenameTakesItsSequenceAndCollectionTable() throws Exception {
        EntityProject p = EntityProject.in(project);
        String collection = "    @CollectionTable(schema = \"blog\")\n";
        String join = "    @JoinTable(schema = \"blog\")\n";
        p.entities(Map.of("Tag", TAG, "Post", post("@Entity\n@Table(name = \"post\", schema = \"blog\")", "Post", collection, join)));
        p.make(MakeOptions.defaults());
        try (Db db = Db.fresh()) {
            var applier = new SimpleApplier(db.connection);
            ProjectState before = applier.apply(p.from(0), ProjectState.EMPTY);
            String sequence = before.sequences().stream().map(s -> s.name()).filter(n -> n.contains("post"))
                    .findFirst().orElseThrow();
            db.execute("INSERT INTO tag (id, name) VALUES (nextval('tag_seq'), 'a')",
                    "INSERT INTO blog.post (id, title) SELECT nextval('" + sequence + "'), 'post ' || i FROM generate_series(1, 4) AS i",
                    "INSERT INTO blog.post_tags (post_id, tags_id) SELECT p.id, t.id FROM blog.post p CROSS JOIN tag t",
                    "INSERT INTO blog.post_labels (post_id, labels) SELECT id, 'l' || id FROM blog.post");
            String maxId = ShopDatabase.text(db, "SELECT max(id) FROM blog.post");

            p.entities(Map.of("Tag", TAG, "Post", post("@Entity\n@Table(name = \"article\", schema = \"blog\")", "Post", collection, join)));
            p.make(EntityProject.ALLOW_RENAME);
            List<MigrationSpec> rename = p.from(1);
            ProjectState after = applier.apply(rename, before);
            ShopDatabase.assertHolds(db, after);
            assertEquals(List.of("blog.post", "blog.post_tags"), after.pending().stream().map(d -> d.table()).sorted().toList(),
                    "views keep the old names until the delete phase");
            String newSequence = after.sequences().stream().map(s -> s.name()).filter(n -> n.contains("article"))
                    .findFirst().orElseThrow(() -> new AssertionError("no sequence follows the table: " + after.sequences()));
            long next = Long.parseLong(ShopDatabase.text(db, "SELECT nextval('" + newSequence + "')"));
            assertTrue(next > Long.parseLong(maxId), "nextval " + next + " after max(id) " + maxId);
            db.execute("INSERT INTO blog.article (id, title) VALUES (" + next + ", 'new')");
            String joinTable = after.tables().stream().filter(t -> t.entity() == null && t.name().endsWith("_tags"))
                    .findFirst().orElseThrow().qualifiedName();
            assertEquals("blog.article_tags", joinTable);
            assertEquals("4", ShopDatabase.text(db, "SELECT count(*) FROM blog.article_tags"), "the links follow the table");
            assertEquals("4", ShopDatabase.text(db, "SELECT count(*) FROM blog.post_labels"),
                    "the collection table keeps its entity-named name and its rows");
            assertTrue(p.make(MakeOptions.defaults()).migrations().isEmpty(), "the entities and the migrations agree");
        }
    }
}
