package dev.keel.cli;

import dev.keel.config.KeelConfig;
import dev.keel.diff.DiffHints;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.load.SourceMigrationReader;
import dev.keel.make.EntitySource;
import dev.keel.make.ScannedProject;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.AddIndex;
import dev.keel.project.ProjectState;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.keel.migration.Operations.column;
import static dev.keel.migration.Operations.foreignKey;
import static dev.keel.migration.Operations.index;
import static dev.keel.migration.Operations.table;
import static dev.keel.migration.Operations.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code keel makemigrations --update}, {@code -n} and {@code --scriptable} on a copy of the blog sample,
 * entities given in code; the databases whose history --update reads are real PostgreSQL.
 */
class MakeMigrationsUpdateCommandTest {
    @TempDir Path dir;
    ProjectState entities;

    @BeforeEach
    void copySample() throws IOException {
        dev.keel.testing.SampleProjects.copy("blog", dir);
        entities = latest(dir);
    }

    static ProjectState latest(Path project) {
        return MigrationGraph.of(ProjectMigrations.readSources(KeelConfig.read(project), project)).latestState();
    }

    EntitySource source() {
        return (c, d) -> new ScannedProject(entities, DiffHints.NONE);
    }

    KeelRun keel(String... args) {
        return keelIn(dir, args);
    }

    KeelRun keelIn(Path project, String... args) {
        String[] all = Stream.concat(Stream.of("-C", project.toString()), Stream.of(args)).toArray(String[]::new);
        return KeelRun.run(MigrationSource.standard(), source(), all);
    }

    Path migrations() {
        return SampleProject.blogMigrations(dir);
    }

    String lockfile() throws IOException {
        return Files.readString(dir.resolve("migrations_lockfile.txt"));
    }

    void addSubtitle() {
        entities = entities.updateTable("blog", "Post", t -> t.field("subtitle", column("subtitle", "text").nullable()));
    }

    void addSummary() {
        entities = entities.updateTable("blog", "Post", t -> t.field("summary", column("summary", "text").nullable()));
    }

    @Test
    void updateFoldsTheChangesIntoTheLatestMigrationAndKeepsItsName() throws IOException {
        addSubtitle();
        assertEquals(0, keel("makemigrations").exit());
        Path latest = migrations().resolve("M0005_add_post_subtitle.java");
        assertTrue(Files.exists(latest));

        addSummary();
        KeelRun r = keel("makemigrations", "--update");
        assertEquals(0, r.exit(), r.err() + r.out());
        assertTrue(r.out().contains("M0005_add_post_subtitle.java  (updated)"), r.out());
        assertTrue(r.out().contains("- Add field subtitle to post"), r.out());
        assertTrue(r.out().contains("- Add field summary to post"), r.out());
        assertFalse(Files.exists(migrations().resolve("M0006_add_post_summary.java")));
        try (var files = Files.list(migrations())) {
            assertEquals(5, files.count());
        }
        MigrationSpec spec = new SourceMigrationReader().read(latest, "blog");
        assertEquals(2, spec.operations().size(), spec.toString());
        assertTrue(lockfile().contains("blog: 0005_add_post_subtitle"), lockfile());
        KeelRun check = keel("makemigrations", "--check");
        assertEquals(0, check.exit(), check.out());
    }

    @Test
    void updateWritesWhatOneRunWouldHaveWrittenForBothChanges() throws IOException {
        Path fresh = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-fresh"));
        dev.keel.testing.SampleProjects.copy("blog", fresh);
        entities = entities.addTable("blog", "Comment", table("comment").entity("Comment")
                .field("id", column("id", "bigint"))
                .field("body", column("body", "text"))
                .field("post", column("post_id", "bigint"))
                .primaryKey("id")
                .constraint(foreignKey("fk_comment_post", "post_id").references("post", "id")));
        assertEquals(0, keel("makemigrations").exit());
        // on a table that exists, an index is built concurrently and a unique constraint through an index; on the
        // table the latest migration creates (applied nowhere, so empty), they are part of its creation
        entities = entities.updateTable("blog", "Comment", t -> t
                .field("score", column("score", "integer").defaultSql("0"))
                .index(index("ix_comment_score", "score"))
                .constraint(unique("uk_comment_body", "body")));
        KeelRun r = keel("makemigrations", "--update");
        assertEquals(0, r.exit(), r.err() + r.out());
        assertTrue(r.out().contains("Folded: "), r.out());

        KeelRun once = keelIn(fresh, "makemigrations");
        assertEquals(0, once.exit(), once.err() + once.out());
        List<MigrationSpec> updated = newMigrations(dir);
        List<MigrationSpec> written = newMigrations(fresh);
        assertEquals(1, updated.size(), updated.toString());
        assertEquals(written.size(), updated.size(), written + "\n" + updated);
        assertEquals(written.get(0).operations(), updated.get(0).operations());
        assertEquals(written.get(0).atomic(), updated.get(0).atomic());
        assertTrue(updated.get(0).atomic());
        assertFalse(updated.get(0).operations().stream().anyMatch(op -> op instanceof AddIndex a && a.isConcurrent()));
        assertEquals(latest(fresh), latest(dir));
    }

    private static List<MigrationSpec> newMigrations(Path project) {
        var result = new ArrayList<MigrationSpec>();
        for (MigrationSpec s : ProjectMigrations.readSources(KeelConfig.read(project), project)) {
            if (dev.keel.migration.MigrationNames.number(s.name()) >= 5) {
                result.add(s);
            }
        }
        return result;
    }

    @Test
    void nameRenamesTheUpdatedMigrationAndTheLockfileFollows() throws IOException {
        addSubtitle();
        assertEquals(0, keel("makemigrations").exit());
        addSummary();
        KeelRun r = keel("makemigrations", "--update", "-n", "post_texts");
        assertEquals(0, r.exit(), r.err() + r.out());
        assertTrue(r.out().contains("M0005_post_texts.java  (updated, renamed from M0005_add_post_subtitle.java)"), r.out());
        assertFalse(Files.exists(migrations().resolve("M0005_add_post_subtitle.java")));
        String source = Files.readString(migrations().resolve("M0005_post_texts.java"));
        assertTrue(source.contains("class M0005_post_texts extends Migration"), source);
        assertTrue(lockfile().contains("blog: 0005_post_texts"), lockfile());
        assertEquals(0, keel("makemigrations", "--check").exit());
        KeelRun show = keel("sqlmigrate", "blog", "0005_post_texts");
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().contains("summary"), show.out());
    }

    @Test
    void shortNameOptionNamesANewMigration() {
        addSubtitle();
        KeelRun r = keel("makemigrations", "-n", "subtitle");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(migrations().resolve("M0005_subtitle.java")));
    }

    @Test
    void scriptablePrintsOnlyThePathsOnStandardOutput() throws IOException {
        addSubtitle();
        Path json = dir.resolve("keel.json");
        Files.writeString(json, Files.readString(json).replaceFirst("\\{", "{\n  \"largeTables\": [\"post\"],"));
        entities = entities.updateTable("blog", "Post", t -> t.index(index("ix_post_title", "title")));
        KeelRun r = keel("makemigrations", "--scriptable");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out()); // the deploy migration and the post-deployment index build
        for (String line : lines) {
            assertTrue(line.startsWith("src/main/java/com/example/blog/migrations/M000"), r.out());
            assertTrue(Files.isRegularFile(dir.resolve(line)), line + " in " + r.out());
        }
        assertTrue(r.err().contains("Migrations for 'blog':"), r.err());
        assertTrue(r.err().contains("- Add field subtitle to post"), r.err());
    }

    @Test
    void scriptableDryRunPrintsThePathsThatWouldBeWrittenAndTheSourcesOnStandardError() {
        addSubtitle();
        KeelRun r = keel("makemigrations", "--scriptable", "--dry-run");
        assertEquals(0, r.exit(), r.err());
        assertEquals("src/main/java/com/example/blog/migrations/M0005_add_post_subtitle.java\n", r.out());
        assertTrue(r.err().contains("class M0005_add_post_subtitle extends Migration"), r.err());
        assertFalse(Files.exists(migrations().resolve("M0005_add_post_subtitle.java")));
    }

    @Test
    void scriptableDoesNotGoWithJsonAndUpdateNotWithCheck() {
        assertEquals(2, keel("makemigrations", "--scriptable", "--json").exit());
        KeelRun r = keel("makemigrations", "--update", "--check");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("does not go with --check"), r.err());
    }

    @Test
    void jsonSaysWhichMigrationWasUpdated() {
        addSubtitle();
        assertEquals(0, keel("makemigrations").exit());
        addSummary();
        KeelRun r = keel("makemigrations", "--update", "--name", "texts", "--json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"updated\" : true"), r.out());
        assertTrue(r.out().contains("\"name\" : \"0005_texts\""), r.out());
        assertTrue(r.out().contains("\"previousFile\" : \"src/main/java/com/example/blog/migrations/M0005_add_post_subtitle.java\""),
                r.out());
    }

    @Test
    void updateRefusesAMigrationGitHasCommittedButNotOneOnlyStaged() throws Exception {
        git("init", "-q");
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "blog");
        addSubtitle();
        assertEquals(0, keel("makemigrations").exit());
        git("add", "-A");
        addSummary();
        KeelRun staged = keel("makemigrations", "--update");
        assertEquals(0, staged.exit(), staged.err());

        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "subtitle and summary");
        String before = Files.readString(migrations().resolve("M0005_add_post_subtitle.java"));
        entities = entities.updateTable("blog", "Post", t -> t.field("teaser", column("teaser", "text").nullable()));
        KeelRun r = keel("makemigrations", "--update");
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("M0005_add_post_subtitle.java: blog.0005_add_post_subtitle is committed (HEAD holds it,"
                + " last changed by "), r.err());
        assertTrue(r.err().contains("\"subtitle and summary\""), r.err());
        assertTrue(r.err().contains("To fix: run keel makemigrations without --update"), r.err());
        assertEquals(before, Files.readString(migrations().resolve("M0005_add_post_subtitle.java")));
    }

    @Test
    void updateRefusesTheSampleLatestWhenItIsCommittedEvenIfChangedInTheWorkTree() throws Exception {
        git("init", "-q");
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "blog");
        Path latest = migrations().resolve("M0004_fill_post_slug.java");
        Files.writeString(latest, Files.readString(latest).replace("Nothing to undo.", "Nothing to undo (edited)."));
        addSubtitle();
        KeelRun r = keel("makemigrations", "--update");
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("blog.0004_fill_post_slug is committed"), r.err());
    }

    @Test
    void updateRefusesAMigrationTheDatabaseHasApplied() throws IOException {
        TestDatabase db = TestPostgres.freshDatabase();
        useDatabase(SampleProject.url(db));
        addSubtitle();
        assertEquals(0, keel("makemigrations").exit());
        KeelRun migrated = keel("migrate");
        assertEquals(0, migrated.exit(), migrated.err());
        addSummary();
        KeelRun r = keel("makemigrations", "--update");
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("blog.0005_add_post_subtitle is applied to the database (" + db.url()), r.err());
        assertFalse(Files.exists(migrations().resolve("M0006_add_post_summary.java")));

        // unapplied there, it may be updated
        KeelRun back = keel("migrate", "blog", "0004");
        assertEquals(0, back.exit(), back.err());
        KeelRun again = keel("makemigrations", "--update");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("(updated)"), again.out());
    }

    @Test
    void updateRefusesWhenADatabaseCannotBeReadUnlessTheCheckIsSkipped() throws IOException {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        useDatabase("jdbc:postgresql://127.0.0.1:" + port + "/nowhere?user=keel");
        addSubtitle();
        assertEquals(0, keel("makemigrations").exit());
        addSummary();
        KeelRun r = keel("makemigrations", "--update");
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("keel could not read the history of the database (jdbc:postgresql://127.0.0.1:" + port),
                r.err());
        assertTrue(r.err().contains("--skip-database-check"), r.err());
        KeelRun skipped = keel("makemigrations", "--update", "--skip-database-check");
        assertEquals(0, skipped.exit(), skipped.err());
        assertTrue(skipped.out().contains("no database's history was read"), skipped.out());
    }

    @Test
    void updateWithoutChangesWritesNothingAndWithoutMigrationsRefuses() throws IOException {
        KeelRun r = keel("makemigrations", "--update");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("No changes detected."), r.out());
        KeelRun json = keel("makemigrations", "--skip-database-check");
        assertEquals(2, json.exit());
        assertTrue(json.err().contains("--skip-database-check goes with --update only"), json.err());
    }

    private void useDatabase(String url) throws IOException {
        Path json = dir.resolve("keel.json");
        Files.writeString(json, Files.readString(json).replaceFirst("\\{", "{\n  \"database\": {\"url\": \"" + url + "\"},"));
    }

    private void git(String... args) throws Exception {
        var command = new ArrayList<String>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void helpSaysWhatUpdateRefusesAndWhatScriptablePrints() {
        KeelRun r = keel("makemigrations", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("-n, --name=WORDS"), r.out());
        assertTrue(r.out().contains("--skip-database-check"), r.out());
        assertTrue(r.out().contains("git add $(keel makemigrations --scriptable)"), r.out());
        assertTrue(r.out().contains("Exit codes:"), r.out());
    }
}
