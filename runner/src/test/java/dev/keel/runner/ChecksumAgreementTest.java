package dev.keel.runner;

import dev.keel.config.KeelConfig;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.testing.MigrationJars;
import dev.keel.testing.SampleProjects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checksum of what a migration does: the same from the sources as from compiled classes (a folder, a
 * jar, a Spring Boot jar), unchanged by comments and formatting, changed by any change of behaviour.
 */
class ChecksumAgreementTest {
    /** A data migration with Java code, added to the blog sample. */
    static final String FILL_EXCERPTS = """
            package com.example.blog.migrations;

            import dev.keel.migration.Migration;
            import dev.keel.migration.MigrationContext;

            import static dev.keel.migration.Operations.*;

            /** Gives every post an excerpt: the start of its title. */
            public final class M0005_fill_excerpts extends Migration {
                private static final int LENGTH = 40;

                @Override
                protected void define() {
                    dependsOn("blog", "0004_fill_post_slug");
                    operations(
                            addField("post", "excerpt", column("excerpt", "varchar(80)").nullable()),
                            runJava("fill", "clear"));
                }

                void fill(MigrationContext ctx) throws Exception {
                    String post = ctx.table("post").name();
                    try (var st = ctx.connection().createStatement()) {
                        // one statement: the table is small
                        int n = st.executeUpdate("UPDATE " + post + " SET excerpt = left(title, " + LENGTH + ")");
                        ctx.log(n + " excerpts");
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
    KeelConfig config;

    @BeforeEach
    void project() throws IOException {
        project = SampleProjects.copy("blog", Files.createDirectories(dir.resolve("blog")));
        migrations = project.resolve("src/main/java/com/example/blog/migrations");
        Files.writeString(migrations.resolve("M0005_fill_excerpts.java"), FILL_EXCERPTS);
        config = KeelConfig.read(project);
    }

    private static Map<MigrationKey, String> checksums(MigrationSet set) {
        var out = new TreeMap<MigrationKey, String>();
        set.specs().keySet().forEach(k -> out.put(k, set.checksum(k)));
        return out;
    }

    private Map<MigrationKey, String> fromSources() {
        return checksums(MigrationSet.read(config, project));
    }

    private void edit(String file, String from, String to) throws IOException {
        Path f = migrations.resolve(file);
        String text = Files.readString(f);
        assertTrue(text.contains(from), from);
        Files.writeString(f, text.replace(from, to));
    }

    @Test
    void sourcesFolderJarAndSpringBootJarGiveTheSameDefinitionsAndChecksums() throws IOException {
        MigrationSet sources = MigrationSet.read(config, project);
        Map<MigrationKey, String> expected = checksums(sources);
        assertEquals(5, expected.size());
        expected.values().forEach(c -> assertTrue(c.matches("v2:[0-9a-f]{64}"), c));
        assertEquals(5, expected.values().stream().distinct().count());

        Path classes = MigrationJars.compile(project, dir.resolve("classes"));
        Path jar = MigrationJars.jar(project, dir.resolve("blog.jar"), "");
        Path boot = MigrationJars.jar(project, dir.resolve("blog-boot.jar"), "BOOT-INF/classes/");
        for (Path classPath : List.of(classes, jar, boot)) {
            MigrationSet loaded = MigrationSet.load(config, List.of(classPath));
            assertTrue(loaded.fromClasses());
            assertEquals(expected, checksums(loaded), classPath.toString());
            for (MigrationSpec s : sources.specs().values()) {
                assertTrue(s.sameDefinition(loaded.spec(s.key()).orElseThrow()), s.key().toString());
            }
        }
    }

    @Test
    void commentsAndFormattingDoNotCountAnywhereInTheFile() throws IOException {
        Map<MigrationKey, String> before = fromSources();
        edit("M0002_add_post_slug.java", "/** Adds the nullable {@code slug} of a post; 0004 fills it for existing posts. */",
                "/**\n * Adds the optional slug of a post (0004 fills it).\n */");
        edit("M0002_add_post_slug.java", "        operations(\n                addField(", "        operations(addField(");
        edit("M0005_fill_excerpts.java", "// one statement: the table is small", "/* the table is small,\n           so one statement */");
        edit("M0005_fill_excerpts.java", "int n = st.executeUpdate(", "int updated   =   st.executeUpdate(\n                ");
        edit("M0005_fill_excerpts.java", "ctx.log(n + \" excerpts\");", "ctx.log(updated + \" excerpts\");  // how many");
        assertEquals(before, fromSources());
    }

    @Test
    void aChangedValueChangesOnlyThatMigrationsChecksum() throws IOException {
        Map<MigrationKey, String> before = fromSources();
        edit("M0002_add_post_slug.java", "varchar(200)", "varchar(100)");
        Map<MigrationKey, String> after = fromSources();
        MigrationKey second = new MigrationKey("blog", "0002_add_post_slug");
        assertNotEquals(before.get(second), after.get(second));
        after.remove(second);
        before.remove(second);
        assertEquals(before, after);
    }

    @Test
    void aChangeOfTheJavaCodeChangesTheChecksum() throws IOException {
        MigrationKey fifth = new MigrationKey("blog", "0005_fill_excerpts");
        String before = fromSources().get(fifth);
        edit("M0005_fill_excerpts.java", "SET excerpt = left(title, ", "SET excerpt = right(title, ");
        String body = fromSources().get(fifth);
        assertNotEquals(before, body, "a string in the forward method");
        edit("M0005_fill_excerpts.java", "LENGTH = 40", "LENGTH = 60");
        String constant = fromSources().get(fifth);
        assertNotEquals(body, constant, "a constant the method uses");
        edit("M0005_fill_excerpts.java", "SET excerpt = NULL", "SET excerpt = ''");
        assertNotEquals(constant, fromSources().get(fifth), "the reverse method");
    }

    @Test
    void unchangedMigrationFilesAreNotCompiledAgainForTheirChecksums() throws IOException {
        MigrationKey fifth = new MigrationKey("blog", "0005_fill_excerpts");
        Path classes = project.resolve(".keel/classes");
        String first = fromSources().get(fifth);
        assertTrue(Files.isDirectory(classes), "compiled the first time");
        deleteTree(classes);

        assertEquals(first, fromSources().get(fifth));
        assertTrue(Files.notExists(classes), "the code text came from the cache");

        edit("M0002_add_post_slug.java", "/** Adds", "/** Adds, reviewed,");
        assertEquals(first, fromSources().get(fifth));
        assertTrue(Files.isDirectory(classes), "a file of the folder changed: compiled again");

        Files.writeString(project.resolve(".keel/cache/runjava-code.json"), "{not json");
        deleteTree(classes);
        assertEquals(first, fromSources().get(fifth), "a broken cache is only slower");
        assertTrue(Files.isDirectory(classes));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
