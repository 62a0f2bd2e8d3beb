package dev.keel.cli;

import dev.keel.diff.DiffHints;
import dev.keel.make.ScannedProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** keel sqlmigrate --changed-since: the review report of a branch's new migrations, in a real git repository. */
class ReviewReportCommandTest {
    @TempDir Path dir;
    Path migrations;

    @BeforeEach
    void sampleInGit() throws Exception {
        dev.keel.testing.SampleProjects.copy("blog", dir);
        migrations = dir.resolve("src/main/java/com/example/blog/migrations");
        git("init", "-q");
        git("add", ".");
        git("commit", "-q", "-m", "base");
        git("tag", "base");
    }

    void git(String... args) throws Exception {
        var cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.email=t@example.com",
                "-c", "user.name=t"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    KeelRun keel(String... args) {
        String[] all = Stream.concat(Stream.of("-C", dir.toString()), Stream.of(args)).toArray(String[]::new);
        return KeelRun.run(MigrationSource.standard(), (c, d) -> new ScannedProject(null, DiffHints.NONE), all);
    }

    static final String SUMMARY = """
            package com.example.blog.migrations;

            import dev.keel.migration.Migration;

            import static dev.keel.migration.Operations.*;

            public final class M0005_add_post_summary extends Migration {
                @Override
                protected void define() {
                    dependsOn("blog", "0004_fill_post_slug");
                    operations(
                            addField("post", "summary", column("summary", "varchar(300)").nullable()));
                }
            }
            """;

    static final String UNSAFE_INDEX = """
            package com.example.blog.migrations;

            import dev.keel.migration.Migration;

            import static dev.keel.migration.Operations.*;

            public final class M0006_idx_post_summary extends Migration {
                @Override
                protected void define() {
                    dependsOn("blog", "0005_add_post_summary");
                    operations(
                            addIndex("post", index("idx_post_summary", "summary")));
                }
            }
            """;

    @Test
    void markdownListsEachNewMigrationWithItsOperationsSqlPhaseAndFindings() throws Exception {
        Files.writeString(migrations.resolve("M0005_add_post_summary.java"), SUMMARY);
        git("add", ".");
        git("commit", "-q", "-m", "summary");
        // the second one is not even committed yet: the report covers the work tree
        Files.writeString(migrations.resolve("M0006_idx_post_summary.java"), UNSAFE_INDEX);

        KeelRun r = keel("sqlmigrate", "--changed-since", "base", "--format", "markdown");
        assertEquals(0, r.exit(), r.err());
        String md = r.out();
        assertTrue(md.startsWith("## keel: 2 new migrations since base\n"), md);
        assertTrue(md.contains("| `blog.0005_add_post_summary` | deploy | 1 | clean |"), md);
        assertTrue(md.contains("| `blog.0006_idx_post_summary` | deploy | 1 | 1 finding |"), md);
        assertTrue(md.contains("### `blog.0005_add_post_summary`\n\n`src/main/java/com/example/blog/migrations/"
                + "M0005_add_post_summary.java` · deploy · atomic (one transaction)"), md);
        assertTrue(md.contains("- Add field summary to post"), md);
        assertTrue(md.contains("```sql\n-- Atomic: one transaction"), md);
        assertFalse(md.contains(dir.toString()), "paths are relative to the project");
        assertTrue(md.contains("ALTER TABLE post ADD COLUMN summary varchar(300);"), md);
        assertTrue(md.contains("CREATE INDEX idx_post_summary ON post"), md);
        assertTrue(md.contains("- **index-without-concurrently** (line 12)"), md);
        assertFalse(md.contains("0001_initial"), "only migrations added since base are reported");
    }

    static final String DROP_AND_WIDEN = """
            package com.example.blog.migrations;

            import dev.keel.migration.Migration;

            import static dev.keel.migration.Operations.*;

            public final class M0006_drop_published_widen_title extends Migration {
                @Override
                protected void define() {
                    dependsOn("blog", "0005_add_post_summary");
                    operations(
                            removeField("post", "published"),
                            alterField("post", "title", column("title", "varchar(300)")));
                }
            }
            """;

    /** The Mermaid block of a Markdown report, or null. */
    static String mermaidBlock(String md) {
        int start = md.indexOf("```mermaid\n");
        return start < 0 ? null : md.substring(start + "```mermaid\n".length(), md.indexOf("```\n", start + 3));
    }

    @Test
    void markdownDrawsTheTablesTheNewMigrationsChangeWithTheirColumnsMarked() throws Exception {
        Files.writeString(migrations.resolve("M0005_add_post_summary.java"), SUMMARY);
        Files.writeString(migrations.resolve("M0006_drop_published_widen_title.java"), DROP_AND_WIDEN);

        KeelRun r = keel("sqlmigrate", "--changed-since", "base", "--format", "markdown");
        assertEquals(0, r.exit(), r.err());
        String md = r.out();
        assertTrue(md.contains("keel lint: "), md);
        assertTrue(md.indexOf("```mermaid") > md.indexOf("keel lint: ") && md.indexOf("```mermaid") < md.indexOf("### `"),
                "the diagram comes after the summary, before the migrations: " + md);
        String block = mermaidBlock(md);
        // post changed; author is the table it references; post_tags and tag did not change and post does not reference them
        assertEquals(Files.readString(Path.of("src/test/resources/diagrams/review-blog.mmd")), block);
        var parsed = dev.keel.diagram.MermaidOracle.parse(java.util.Map.of("review", block), dir).get("review");
        assertFalse(parsed.has("error"), parsed.toString());
        assertEquals(2, parsed.get("entities").size(), parsed.toString());

        KeelRun text = keel("sqlmigrate", "--changed-since", "base");
        assertFalse(text.out().contains("erDiagram"), "the text report has no Mermaid: " + text.out());
    }

    /** The README shows this report, diagram included, as keel prints it (with main for the revision). */
    @Test
    void theReadmeShowsTheBlogReportAsKeelPrintsIt() throws Exception {
        Files.writeString(migrations.resolve("M0005_add_post_summary.java"), SUMMARY);
        Files.writeString(migrations.resolve("M0006_idx_post_summary.java"), UNSAFE_INDEX);
        KeelRun r = keel("sqlmigrate", "--changed-since", "base", "--format", "markdown");
        assertEquals(0, r.exit(), r.err());
        String readme = Files.readString(Path.of("..", "README.md"));
        String shown = "$ keel sqlmigrate --changed-since main --format markdown\n"
                + r.out().replace("since base", "since main") + "````\n";
        assertTrue(readme.contains(shown), "README's review report differs from keel's:\n" + shown);
        assertTrue(readme.contains("drawn as:\n\n```mermaid\n" + mermaidBlock(r.out()) + "```\n"), "README draws the diagram");
    }

    /** A squash changes no table: the schema before the branch is the one the migrations it replaces build. */
    @Test
    void aSquashTheBranchAddsDrawsNoDiagram() throws Exception {
        KeelRun squash = keel("squashmigrations", "blog", "0004");
        assertEquals(0, squash.exit(), squash.err());
        Files.writeString(migrations.resolve("M0005_add_post_summary.java"), SUMMARY);
        KeelRun r = keel("sqlmigrate", "--changed-since", "base", "--format", "markdown");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("blog.0001_squashed_0004"), r.out());
        String block = mermaidBlock(r.out());
        assertTrue(block != null && block.contains("varchar(300) summary \"nullable; added\""), r.out());
        assertFalse(block.contains("\"added\"") || block.contains("; added\"\n        varchar(255) title"),
                "only the summary is new: " + block);
        assertFalse(block.contains("post_tags"), "the squash changes no table: " + block);
    }

    @Test
    void aMigrationThatChangesNoTableDrawsNoDiagram() throws Exception {
        Files.writeString(migrations.resolve("M0005_add_post_summary.java"), SUMMARY.replace(
                "addField(\"post\", \"summary\", column(\"summary\", \"varchar(300)\").nullable())",
                "runSql(\"SELECT 1\", \"SELECT 1\")"));
        KeelRun r = keel("sqlmigrate", "--changed-since", "base", "--format", "markdown");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains("```mermaid"), r.out());
    }

    @Test
    void textIsTheDefaultAndNothingNewSaysSo() throws Exception {
        KeelRun none = keel("sqlmigrate", "--changed-since", "base");
        assertEquals(0, none.exit(), none.err());
        assertEquals("keel: no new migrations since base\n", none.out());

        Files.writeString(migrations.resolve("M0005_add_post_summary.java"), SUMMARY);
        KeelRun r = keel("sqlmigrate", "--changed-since", "base");
        assertTrue(r.out().contains("== blog.0005_add_post_summary  (deploy, atomic (one transaction))"), r.out());
        assertTrue(r.out().contains("Lint: clean"), r.out());
    }

    @Test
    void anUnknownRevisionIsAUsageErrorNamingGit() {
        KeelRun r = keel("sqlmigrate", "--changed-since", "no-such-rev");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("git diff --name-only --relative --diff-filter=A no-such-rev"), r.err());
    }

    @Test
    void appAndReportTogetherIsAUsageError() {
        KeelRun r = keel("sqlmigrate", "blog", "0002", "--changed-since", "base");
        assertEquals(2, r.exit());
        KeelRun format = keel("sqlmigrate", "blog", "0002", "--format", "markdown");
        assertEquals(2, format.exit());
        assertTrue(format.err().contains("--format chooses the form of the --changed-since report"), format.err());
    }
}
