package dev.keel.cli;

import dev.keel.runner.catalog.Catalog;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import dev.keel.testing.MigrationJars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.keel.cli.KeelRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner's commands on compiled migrations ({@code --classpath}, {@code migrations.classpath}) and the
 * checksum of what a migration does: a jar and the sources give the same history and schema; an edit of
 * a comment no longer stops {@code migrate}; a changed column or a changed line of Java code does (exit 4).
 */
class ClasspathMigrateCommandTest {
    static final String NL = System.lineSeparator();

    /** The blog sample's data migration with Java code, added to it. */
    static final String FILL_EXCERPTS = """
            package com.example.blog.migrations;

            import dev.keel.migration.Migration;
            import dev.keel.migration.MigrationContext;

            import static dev.keel.migration.Operations.*;

            /** Gives every post an excerpt: the start of its title. */
            public final class M0005_fill_excerpts extends Migration {
                @Override
                protected void define() {
                    dependsOn("blog", "0004_fill_post_slug");
                    operations(
                            addField("post", "excerpt", column("excerpt", "varchar(80)").nullable()),
                            runJava("fill", "clear"));
                }

                void fill(MigrationContext ctx) throws Exception {
                    try (var st = ctx.connection().createStatement()) {
                        // one statement: the blog is small
                        st.executeUpdate("UPDATE post SET excerpt = left(title, 40)");
                    }
                }

                void clear(MigrationContext ctx) throws Exception {
                    try (var st = ctx.connection().createStatement()) {
                        st.executeUpdate("UPDATE post SET excerpt = NULL");
                    }
                }
            }
            """;

    @TempDir Path dir;
    Path project;
    Path migrations;
    TestDatabase db;
    final List<TestDatabase> more = new ArrayList<>();

    @BeforeEach
    void project() throws Exception {
        project = SampleProject.copy("blog", Files.createDirectories(dir.resolve("blog")));
        migrations = SampleProject.blogMigrations(project);
        Files.writeString(migrations.resolve("M0005_fill_excerpts.java"), FILL_EXCERPTS);
        db = TestPostgres.freshDatabase();
    }

    @AfterEach
    void drop() throws Exception {
        db.close();
        for (TestDatabase d : more) {
            d.close();
        }
    }

    private KeelRun keel(TestDatabase database, String... args) {
        var all = new ArrayList<>(List.of("-C", project.toString()));
        all.addAll(List.of(args));
        if (database != null) {
            all.add("--url=" + SampleProject.url(database));
        }
        return run(MigrationSource.standard(), all.toArray(String[]::new));
    }

    private Path jar(String name) throws Exception {
        return MigrationJars.jar(project, dir.resolve(name), "");
    }

    private void edit(String file, String from, String to) throws Exception {
        Path f = migrations.resolve(file);
        String text = Files.readString(f);
        assertTrue(text.contains(from), from);
        Files.writeString(f, text.replace(from, to));
    }

    private static List<String> history(TestDatabase database) throws Exception {
        var rows = new ArrayList<String>();
        try (Connection c = database.connect(); var st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT app, name, checksum FROM keel_migrations ORDER BY app, name")) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3));
            }
        }
        return rows;
    }

    private static Catalog catalog(TestDatabase database) throws Exception {
        try (Connection c = database.connect()) {
            return Catalog.read(c);
        }
    }

    @Test
    void aJarWithoutTheSourcesGivesTheHistoryAndSchemaTheSourcesGive() throws Exception {
        Path jar = jar("blog-app.jar");
        TestDatabase fromSources = TestPostgres.freshDatabase();
        more.add(fromSources);
        KeelRun sources = keel(fromSources, "migrate", "--post-deploy");
        assertEquals(0, sources.exit(), sources.err());
        String sqlFromSources = keel(null, "sqlmigrate", "blog", "0003").out();
        // production: keel.json and the application's jar, no sources
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        KeelRun plan = keel(db, "migrate", "--plan", "--classpath", jar.toString());
        assertEquals(0, plan.exit(), plan.err());
        assertTrue(plan.out().contains("blog.0005_fill_excerpts" + NL + "    Add field excerpt to post" + NL
                + "    Run Java fill()" + NL), plan.out());
        KeelRun migrate = keel(db, "migrate", "--post-deploy", "--classpath", jar.toString());
        assertEquals(0, migrate.exit(), migrate.err());
        assertTrue(migrate.out().contains("  Applying blog.0005_fill_excerpts... OK"), migrate.out());

        assertEquals(history(fromSources), history(db));
        assertEquals(5, history(db).size());
        assertTrue(history(db).stream().allMatch(r -> r.matches("blog \\S+ v2:[0-9a-f]{64}")), history(db).toString());
        assertEquals(catalog(fromSources), catalog(db));

        KeelRun show = keel(db, "showmigrations", "--classpath", jar.toString());
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().contains(" [X] 0005_fill_excerpts" + NL), show.out());
        KeelRun checkDb = keel(db, "check-db", "--classpath", jar.toString());
        assertEquals(0, checkDb.exit(), checkDb.out() + checkDb.err());
        KeelRun sql = keel(null, "sqlmigrate", "blog", "0003", "--classpath", jar.toString());
        assertEquals(0, sql.exit(), sql.err());
        assertEquals(sqlFromSources.substring(sqlFromSources.indexOf('\n')), sql.out().substring(sql.out().indexOf('\n')));
        assertTrue(sql.out().startsWith("-- blog.0003_idx_post_created_at, forwards (apply): class"
                + " com.example.blog.migrations.M0003_idx_post_created_at"), sql.out());

        KeelRun noSources = keel(db, "showmigrations");
        assertEquals(4, noSources.exit(), "from the (gone) sources every applied migration is missing: " + noSources.out());
    }

    @Test
    void keelJsonMayNameTheClassPath() throws Exception {
        jar("blog-app.jar");
        Path keelJson = project.resolve("keel.json");
        Files.writeString(keelJson, Files.readString(keelJson).replaceFirst("\\{", "{\n  \"migrations\": {\"classpath\": [\"../blog-app.jar\"]},"));
        Files.delete(migrations.resolve("M0005_fill_excerpts.java"));
        KeelRun migrate = keel(db, "migrate");
        assertEquals(0, migrate.exit(), migrate.err());
        assertTrue(migrate.out().contains("  Applying blog.0005_fill_excerpts... OK"), "from the jar, not the sources: " + migrate.out());
        KeelRun fromSources = keel(db, "showmigrations", "--sources");
        assertEquals(4, fromSources.exit());
        assertTrue(fromSources.out().contains(" [!] 0005_fill_excerpts"), fromSources.out());
        KeelRun both = keel(db, "showmigrations", "--sources", "--classpath", "x.jar");
        assertEquals(2, both.exit());
        KeelRun wrong = keel(db, "migrate", "--classpath", "no-such.jar");
        assertEquals(2, wrong.exit());
        assertTrue(wrong.err().contains("no-such.jar: not a folder of classes nor a readable jar"), wrong.err());
    }

    @Test
    void aCommentEditNoLongerStopsMigrateButAChangedColumnDoes() throws Exception {
        assertEquals(0, keel(db, "migrate").exit());
        List<String> applied = history(db);
        edit("M0002_add_post_slug.java", "/** Adds the nullable {@code slug} of a post; 0004 fills it for existing posts. */",
                "/**\n * Adds the optional slug of a post.\n * 0004 fills it for the posts there are.\n */");
        edit("M0004_fill_post_slug.java", "    @Override", "    // reviewed: safe on a live table\n    @Override");
        KeelRun comment = keel(db, "migrate");
        assertEquals(0, comment.exit(), comment.err());
        assertEquals(0, keel(db, "showmigrations").exit());
        assertEquals(applied, history(db));

        edit("M0002_add_post_slug.java", "varchar(200)", "varchar(100)");
        KeelRun changed = keel(db, "migrate");
        assertEquals(4, changed.exit(), changed.out() + changed.err());
        assertTrue(changed.err().contains("migration blog.0002_add_post_slug was applied on "), changed.err());
        assertTrue(changed.err().contains("and what it does has changed since (checksum then "), changed.err());
        KeelRun fromJar = keel(db, "migrate", "--classpath", jar("changed.jar").toString());
        assertEquals(4, fromJar.exit(), fromJar.err());
        assertTrue(fromJar.err().startsWith("error: class com.example.blog.migrations.M0002_add_post_slug: migration"
                + " blog.0002_add_post_slug was applied on "), fromJar.err());
        assertTrue(fromJar.err().contains("applied migrations and their classes disagree (1 problem above)."), fromJar.err());
    }

    @Test
    void aChangeOfRunJavaCodeStopsMigrateAndACommentInItDoesNot() throws Exception {
        assertEquals(0, keel(db, "migrate").exit());
        edit("M0005_fill_excerpts.java", "// one statement: the blog is small", "/* one statement:\n           the blog is small */");
        edit("M0005_fill_excerpts.java", "    void clear(", "    // undoes fill()\n    void clear(");
        KeelRun comment = keel(db, "migrate");
        assertEquals(0, comment.exit(), comment.err());
        assertEquals(0, keel(db, "migrate", "--classpath", jar("commented.jar").toString()).exit());

        edit("M0005_fill_excerpts.java", "left(title, 40)", "left(title, 60)");
        KeelRun body = keel(db, "migrate");
        assertEquals(4, body.exit(), body.err());
        assertTrue(body.err().contains("migration blog.0005_fill_excerpts was applied on "), body.err());
        assertEquals(4, keel(db, "migrate", "--classpath", jar("body.jar").toString()).exit());
        assertFalse(keel(db, "showmigrations").out().contains("0002_add_post_slug  (changed"));
    }
}
