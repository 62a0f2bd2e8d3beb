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
 * What the user asked for with --allow-unsafe passes the next gate: keel writes the allow comment that
 * keel lint reads, with the option as the reason, so the hook and CI pass with no hand edit.
 */
class AllowUnsafeCommandTest {
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

    @Test
    void aRenameWrittenOnRequestPassesLintAndTheCheck() throws Exception {
        Files.writeString(post, Files.readString(post).replace("@Column(nullable = false)\n    private String title;",
                "@Column(name = \"headline\", nullable = false)\n    private String title;"));
        KeelRun refused = keel("makemigrations");
        assertEquals(3, refused.exit(), refused.out() + refused.err());

        KeelRun written = keel("makemigrations", "--allow-unsafe", "rename");
        assertEquals(0, written.exit(), written.out() + written.err());
        String source = Files.readString(migrations.resolve("M0005_alter_post_title.java"));
        assertTrue(source.contains("// keel:allow rename-column: written by keel makemigrations --allow-unsafe rename"
                + " (column title of existing table post is renamed to headline)"), source);

        KeelRun lint = keel("lint");
        assertEquals(0, lint.exit(), lint.out() + lint.err());
        KeelRun check = keel("makemigrations", "--check");
        assertEquals(0, check.exit(), check.out() + check.err());
    }

    @Test
    void aTypeChangeWrittenOnRequestPassesLint() throws Exception {
        Files.writeString(post, Files.readString(post).replace("@Column(length = 200)\n    private String slug;",
                "@Column(length = 80)\n    private String slug;"));
        KeelRun written = keel("makemigrations", "--allow-unsafe", "type-change");
        assertEquals(0, written.exit(), written.out() + written.err());
        KeelRun lint = keel("lint");
        assertEquals(0, lint.exit(), lint.out() + lint.err());
        try (Stream<Path> files = Files.list(migrations)) {
            String source = Files.readString(files.filter(f -> f.getFileName().toString().startsWith("M0005")).findFirst().orElseThrow());
            assertTrue(source.contains("// keel:allow column-type-change: written by keel makemigrations --allow-unsafe type-change"),
                    source);
        }
    }
}
