package dev.keel.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** keel lint through the command line, on a copy of the blog sample. */
class LintCommandTest {
    @TempDir Path dir;
    Path migrations;

    @BeforeEach
    void copySample() throws IOException {
        Path sample = Path.of("..", "src-samples", "blog");
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path p : files.toList()) {
                Path to = dir.resolve(sample.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        migrations = dir.resolve("src/main/java/com/example/blog/migrations");
    }

    KeelRun keel(String... args) {
        String[] all = Stream.concat(Stream.of("-C", dir.toString()), Stream.of(args)).toArray(String[]::new);
        return KeelRun.run(MigrationSource.standard(), all);
    }

    void write(String name, String operations) throws IOException {
        Files.writeString(migrations.resolve("M0005_" + name + ".java"), """
                package com.example.blog.migrations;

                import dev.keel.migration.Migration;

                import static dev.keel.migration.Operations.*;

                public final class M0005_%s extends Migration {
                    @Override
                    protected void define() {
                        dependsOn("blog", "0004_fill_post_slug");
                        operations(
                                %s);
                    }
                }
                """.formatted(name, operations));
    }

    @Test
    void theSampleIsCleanAndExits0() {
        KeelRun r = keel("lint");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("keel lint: 4 migrations checked, no findings.", r.out().strip());
    }

    @Test
    void aFindingNamesFileLineRuleWhyAndFixAndExits1() throws IOException {
        write("drop_title", "removeField(\"post\", \"title\")");
        KeelRun r = keel("lint");
        assertEquals(1, r.exit(), r.out() + r.err());
        String file = Path.of("src/main/java/com/example/blog/migrations/M0005_drop_title.java").toString();
        assertTrue(r.out().startsWith("error[drop-column]: field title is dropped at once from existing table post\n"
                + "  --> " + file + ":12\n   = why: the code still running"), r.out());
        assertTrue(r.out().contains("   = fix: remove the field in two phases"), r.out());
        assertTrue(r.out().contains("// keel:allow drop-column: <reason>"), r.out());
        assertTrue(r.out().strip().endsWith("keel lint: 1 finding in 1 of 5 migrations."), r.out());
    }

    @Test
    void onePathAndJson() throws IOException {
        write("drop_title", "removeField(\"post\", \"title\")");
        KeelRun r = keel("lint", "--json", "src/main/java/com/example/blog/migrations/M0005_drop_title.java");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("\"migrations\" : 1"), r.out());
        assertTrue(r.out().contains("\"rule\" : \"drop-column\""), r.out());
        assertTrue(r.out().contains("\"line\" : 12"), r.out());
        assertTrue(r.out().contains("\"why\" : \"the code still running"), r.out());
        assertTrue(r.out().contains("\"allow\" : \"if it is safe here, say why on the operation's line: // keel:allow drop-column: <reason>\""),
                r.out());
    }

    @Test
    void anAllowWithAReasonPassesAndIsListedInJson() throws IOException {
        write("drop_title", "// keel:allow drop-column: no release ever read title\n                removeField(\"post\", \"title\")");
        KeelRun r = keel("lint", "--json");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("\"reason\" : \"no release ever read title\""), r.out());
    }

    @Test
    void aMissingPathIsAUsageError() {
        KeelRun r = keel("lint", "nowhere.java");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("nowhere.java: no such file or folder."), r.err());
    }

    @Test
    void flywaySqlFilesAreLintedWithoutAKeelJson(@TempDir Path flyway) throws IOException {
        Path folder = Files.createDirectories(flyway.resolve("db/migration"));
        Files.writeString(folder.resolve("V1__init.sql"), "CREATE TABLE account (id bigint PRIMARY KEY, email text);\n"
                + "CREATE INDEX account_email ON account (email);\n");
        Files.writeString(folder.resolve("V2__email.sql"), "-- the login needs it\n"
                + "ALTER TABLE account ALTER COLUMN email SET NOT NULL;\n");
        KeelRun r = KeelRun.run(MigrationSource.standard(), "-C", flyway.toString(), "lint", "db/migration");
        assertEquals(1, r.exit(), r.out() + r.err());
        String file = Path.of("db/migration/V2__email.sql").toString();
        assertTrue(r.out().startsWith("error[set-not-null]: "), r.out());
        assertTrue(r.out().contains("  --> " + file + ":2\n"), r.out());
        assertTrue(r.out().contains("-- keel:allow set-not-null: <reason>"), r.out());
        assertTrue(r.out().strip().endsWith("keel lint: 1 finding in 1 of 2 migrations."), r.out());
        KeelRun json = KeelRun.run(MigrationSource.standard(), "-C", flyway.toString(), "lint", "--json", "db/migration");
        assertTrue(json.out().contains("\"line\" : 2,") && json.out().contains("\"why\" : \"SET NOT NULL scans every row")
                && json.out().contains("\"allow\" : \"if it is safe here, say why on the line above the statement:"
                + " -- keel:allow set-not-null: <reason>\""), json.out());
        KeelRun none = KeelRun.run(MigrationSource.standard(), "-C", flyway.toString(), "lint");
        assertEquals(2, none.exit(), none.out() + none.err());
    }

    @Test
    void rulesAreListed() {
        KeelRun r = keel("lint", "--rules");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("set-not-null\n    why: SET NOT NULL scans every row"), r.out());
    }
}
