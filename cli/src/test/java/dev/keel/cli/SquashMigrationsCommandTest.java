package dev.keel.cli;

import dev.keel.diff.DiffHints;
import dev.keel.make.ScannedProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** keel squashmigrations on a copy of the blog sample. */
class SquashMigrationsCommandTest {
    @TempDir Path dir;

    KeelRun keel(String... args) {
        String[] all = Stream.concat(Stream.of("-C", dir.toString()), Stream.of(args)).toArray(String[]::new);
        return KeelRun.run(MigrationSource.standard(), (c, d) -> new ScannedProject(null, DiffHints.NONE), all);
    }

    @Test
    void writesTheSquashAndSaysWhatItFolded() {
        dev.keel.testing.SampleProjects.copy("blog", dir);
        KeelRun r = keel("squashmigrations", "blog", "0003");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Squashed 3 migrations of 'blog' into src/main/java/com/example/blog/migrations/"
                + "M0001_squashed_0003_idx_post_created_at.java:"), r.out());
        assertTrue(r.out().contains("9 operations folded into 7 (create+field change, create+index change)"), r.out());
        assertTrue(Files.exists(dir.resolve("src/main/java/com/example/blog/migrations/M0001_squashed_0003_idx_post_created_at.java")));
        KeelRun shown = keel("sqlmigrate", "blog", "0001_squashed");
        assertEquals(0, shown.exit(), shown.err());
        assertTrue(shown.out().contains("slug varchar(200)"), shown.out());
    }

    @Test
    void dryRunWritesNothingAndJsonIsForMachines() {
        dev.keel.testing.SampleProjects.copy("blog", dir);
        KeelRun r = keel("squashmigrations", "blog", "0002", "0004", "--dry-run", "--squashed-name", "slug", "--json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"name\" : \"0002_slug\""), r.out());
        assertTrue(r.out().contains("\"written\" : false"), r.out());
        assertFalse(Files.exists(dir.resolve("src/main/java/com/example/blog/migrations/M0002_slug.java")));
    }

    @Test
    void anUnknownMigrationIsAUsageError() {
        dev.keel.testing.SampleProjects.copy("blog", dir);
        KeelRun r = keel("squashmigrations", "blog", "0009");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no migration named or starting with \"0009\""), r.err());
    }
}
