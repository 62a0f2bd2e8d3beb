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
        KeelRun planned = keel("makemigrations", "--dry-run");
        assertEquals(0, planned.exit(), planned.out() + planned.err());
        assertTrue(planned.out().contains("Keep column headline of post in step with column title"),
                "without the option a column rename is written as expand/contract: " + planned.out());

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
    void theExpandContractOfAColumnRenamePassesLintAndTheCheckThenTheContract() throws Exception {
        Files.writeString(post, Files.readString(post).replace("@Column(nullable = false)\n    private String title;",
                "@Column(name = \"headline\", nullable = false)\n    private String title;"));
        KeelRun written = keel("makemigrations");
        assertEquals(0, written.exit(), written.out() + written.err());
        KeelRun lint = keel("lint");
        assertEquals(0, lint.exit(), lint.out() + lint.err());
        KeelRun check = keel("makemigrations", "--check");
        assertEquals(0, check.exit(), check.out() + check.err());
        KeelRun contract = keel("makemigrations", "--delete-pending");
        assertEquals(0, contract.exit(), contract.out() + contract.err());
        assertTrue(contract.out().contains("Stop keeping column headline of post in step with its old column"), contract.out());
        KeelRun lintAgain = keel("lint");
        assertEquals(0, lintAgain.exit(), lintAgain.out() + lintAgain.err());
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
