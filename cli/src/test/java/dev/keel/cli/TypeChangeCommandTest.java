package dev.keel.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A column type change PostgreSQL cannot do in place, from the command line: written as expand and contract
 * without a flag, accepted by keel lint and --check, shown by sqlmigrate, finished by --delete-pending; a
 * conversion keel cannot derive stops with exit 3 naming --using, and --using writes it.
 */
class TypeChangeCommandTest {
    @TempDir Path dir;
    Path post;
    Path migrations;

    @BeforeEach
    void copySample() {
        dev.keel.testing.SampleProjects.copy("blog", dir);
        post = dir.resolve("src/main/java/com/example/blog/Post.java");
        migrations = dir.resolve("src/main/java/com/example/blog/migrations");
    }

    KeelRun keel(String... args) {
        return KeelRun.run(MigrationSource.standard(), Stream.concat(Stream.of("-C", dir.toString()), Stream.of(args))
                .toArray(String[]::new));
    }

    String migration(String prefix) throws Exception {
        try (Stream<Path> files = Files.list(migrations)) {
            return Files.readString(files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow());
        }
    }

    @Test
    void aVarcharShrinkIsWrittenAsExpandAndContractThatLintAccepts() throws Exception {
        Files.writeString(post, Files.readString(post).replace("@Column(length = 200)\n    private String slug;",
                "@Column(length = 80)\n    private String slug;"));
        KeelRun written = keel("makemigrations");
        assertEquals(0, written.exit(), written.out() + written.err());
        assertTrue(written.out().contains("--delete-pending drops the old column"), written.out() + written.err());
        assertTrue(migration("M0005").contains("addColumnSync(\"post\", \"slug\", \"slug_keel_new\", \"slug\", \"slug_keel_new\")"),
                migration("M0005"));
        KeelRun lint = keel("lint");
        assertEquals(0, lint.exit(), lint.out() + lint.err());
        KeelRun check = keel("makemigrations", "--check");
        assertEquals(0, check.exit(), check.out() + check.err());
        assertTrue(migration("M0007").contains("switchColumn(\"post\", \"slug\", \"slugKeelTwin\", \"slug_keel_old\")"), migration("M0007"));
        KeelRun sql = keel("sqlmigrate", "blog", "0007");
        assertEquals(0, sql.exit(), sql.out() + sql.err());
        assertTrue(sql.out().contains("RENAME COLUMN \"slug\" TO \"slug_keel_old\"") || sql.out().contains("RENAME COLUMN slug TO slug_keel_old"),
                sql.out());

        KeelRun contract = keel("makemigrations", "--delete-pending");
        assertEquals(0, contract.exit(), contract.out() + contract.err());
        assertTrue(migration("M0008").contains("removeColumnSync(\"post\", \"slug_keel_old\")"), migration("M0008"));
        assertEquals(0, keel("lint").exit());
    }

    @Test
    void aConversionKeelCannotDeriveAsksForUsing() throws Exception {
        Files.writeString(post, Files.readString(post).replace("@Column(length = 200)\n    private String slug;",
                "@Column(columnDefinition = \"jsonb\")\n    private String slug;"));
        KeelRun refused = keel("makemigrations", "--no-input");
        assertEquals(3, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.err().contains("--using \"blog.post.slug=slug::jsonb\""), refused.err());

        KeelRun bad = keel("makemigrations", "--using", "slug=to_jsonb(slug)");
        assertEquals(2, bad.exit(), bad.out() + bad.err());
        assertTrue(bad.err().contains("--using takes app.Model.field=expression"), bad.err());

        KeelRun written = keel("makemigrations", "--using", "blog.Post.slug=to_jsonb(slug)");
        assertEquals(0, written.exit(), written.out() + written.err());
        assertTrue(migration("M0006").contains("copyColumn(\"post\", \"slug_keel_new\", \"to_jsonb(slug)\")"), migration("M0006"));
        assertEquals(0, keel("lint").exit(), keel("lint").out());
    }

    @Test
    void aNotNullIndexedColumnsSequencePassesEveryLintRule() throws Exception {
        Files.writeString(post, Files.readString(post).replace("@Table(indexes = @Index(name = \"idx_post_created_at\", columnList = \"created_at\"))",
                "@Table(indexes = {@Index(name = \"idx_post_created_at\", columnList = \"created_at\"), @Index(name = \"idx_post_title\", columnList = \"title\")})"));
        assertEquals(0, keel("makemigrations").exit());
        Files.writeString(post, Files.readString(post).replace("@Column(nullable = false)\n    private String title;",
                "@Column(nullable = false, length = 120)\n    private String title;"));
        KeelRun written = keel("makemigrations");
        assertEquals(0, written.exit(), written.out() + written.err());
        KeelRun lint = keel("lint");
        assertEquals(0, lint.exit(), lint.out() + lint.err());
        assertEquals(0, keel("makemigrations", "--delete-pending").exit());
        KeelRun lintAfter = keel("lint");
        assertEquals(0, lintAfter.exit(), lintAfter.out() + lintAfter.err());
        KeelRun check = keel("makemigrations", "--check");
        assertEquals(0, check.exit(), check.out() + check.err());
    }

    @Test
    void keelMigrateRunsTheSequenceAndUnappliesIt() throws Exception {
        Files.writeString(post, Files.readString(post).replace("@Column(nullable = false)\n    private String title;",
                "@Column(nullable = false, length = 120)\n    private String title;"));
        assertEquals(0, keel("makemigrations").exit());
        try (var db = dev.keel.runner.testing.TestPostgres.freshDatabase(); var c = db.connect(); var st = c.createStatement()) {
            String url = "--url=" + SampleProject.url(db);
            KeelRun deploy = keel("migrate", "blog", "0004", url);
            assertEquals(0, deploy.exit(), deploy.out() + deploy.err());
            st.execute("INSERT INTO author (id, name, email) VALUES (1, 'Ann', 'ann@example.org')");
            st.execute("INSERT INTO post (id, title, published, created_at, author_id) SELECT g, 'title ' || g, true, now(), 1"
                    + " FROM generate_series(1, 300) g");
            KeelRun expand = keel("migrate", url);
            assertEquals(0, expand.exit(), expand.out() + expand.err());
            st.execute("INSERT INTO post (id, title, published, created_at, author_id) VALUES (1001, 'old code', true, now(), 1)");
            KeelRun post = keel("migrate", "--post-deploy", url);
            assertEquals(0, post.exit(), post.out() + post.err());
            try (var r = st.executeQuery("SELECT character_maximum_length FROM information_schema.columns"
                    + " WHERE table_name = 'post' AND column_name = 'title'")) {
                r.next();
                assertEquals(120, r.getInt(1));
            }
            st.execute("INSERT INTO post (id, title, published, created_at, author_id) VALUES (1002, 'new code', true, now(), 1)");
            try (var r = st.executeQuery("SELECT count(*) FROM post WHERE title_keel_old IS DISTINCT FROM title")) {
                r.next();
                assertEquals(0, r.getInt(1), "the old column follows the new one");
            }
            KeelRun back = keel("migrate", "blog", "0004", url);
            assertEquals(0, back.exit(), back.out() + back.err());
            try (var r = st.executeQuery("SELECT character_maximum_length, (SELECT count(*) FROM post WHERE title IS NULL)"
                    + " FROM information_schema.columns WHERE table_name = 'post' AND column_name = 'title'")) {
                r.next();
                assertEquals(255, r.getInt(1));
                assertEquals(0, r.getInt(2), "every title back in the old column");
            }
        }
    }
}
