package dev.keel.cli;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.keel.cli.KeelRun.run;
import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The post-deployment phase from the command line: [D] in showmigrations, skipped and listed by migrate. */
class PostDeployCommandTest {
    static final String NL = System.lineSeparator();

    static MigrationSpec spec(String name, boolean post, List<String> deps, dev.keel.operations.Operation... ops) {
        return new MigrationSpec(new MigrationKey("blog", name), deps.stream().map(d -> new MigrationKey("blog", d)).toList(),
                List.of(ops), !post, post, deps.isEmpty(), List.of(), "migrations/" + name + ".java");
    }

    static final MigrationSource PROJECT = KeelRun.source(
            spec("0001_initial", false, List.of(), createModel("post", table("post")
                    .field("id", column("id", "bigint")).field("title", column("title", "text")).primaryKey("id"))),
            spec("0002_index_title", true, List.of("0001_initial"), addIndex("post", index("post_title_idx", "title"), true)),
            spec("0003_comment", false, List.of("0002_index_title"), runSql("COMMENT ON TABLE post IS 'x'", "")));

    @TempDir Path dir;

    @Test
    void deployPhaseSkipsAndListsThePostDeploymentMigrations() throws Exception {
        String c = KeelRun.project(dir).toString();
        try (TestDatabase db = TestPostgres.freshDatabase()) {
            String url = "--url=" + SampleProject.url(db);
            KeelRun deploy = run(PROJECT, "-C", c, "migrate", url);
            assertEquals(0, deploy.exit(), deploy.err());
            assertTrue(deploy.out().replaceAll("\\(\\d+ ms\\)", "(N ms)").endsWith(
                    "  Applying blog.0001_initial... OK (N ms)" + NL
                    + "Deferred to the post-deployment phase (run keel migrate --post-deploy after deploying):" + NL
                    + "  [D] blog.0002_index_title (post-deployment migration)" + NL
                    + "  [D] blog.0003_comment (depends on blog.0002_index_title, which is deferred)" + NL), deploy.out());

            KeelRun show = run(PROJECT, "-C", c, "showmigrations", "blog", url);
            assertEquals(String.join(NL, "blog", " [X] 0001_initial",
                    " [D] 0002_index_title  (post-deployment migration)",
                    " [D] 0003_comment  (depends on blog.0002_index_title, which is deferred)") + NL, show.out());

            KeelRun post = run(PROJECT, "-C", c, "migrate", "--post-deploy", url);
            assertEquals(0, post.exit(), post.err());
            assertTrue(post.out().contains("  Applying blog.0002_index_title... OK"), post.out());
            assertTrue(post.out().contains("  Applying blog.0003_comment... OK"), post.out());
            assertTrue(run(PROJECT, "-C", c, "showmigrations", "blog", url).out().contains(" [X] 0003_comment"));
        }
    }

    /** A deploy-time concurrent build on a table that grew: migrate leaves it for --post-deploy and every command says why. */
    @Test
    void aDeployTimeBuildOnALargeTableIsMovedAndEveryCommandSaysWhy() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("keel.json"), """
                {
                  "apps": [{"label": "blog", "package": "com.acme.blog"}],
                  "database": {"largeTableRows": 500}
                }
                """);
        String c = dir.toString();
        var project = KeelRun.source(
                spec("0001_initial", false, List.of(), createModel("post", table("post")
                        .field("id", column("id", "bigint")).field("title", column("title", "text")).primaryKey("id"))),
                new MigrationSpec(new MigrationKey("blog", "0002_index_title"), List.of(new MigrationKey("blog", "0001_initial")),
                        List.of(addIndex("post", index("post_title_idx", "title"), true)), false, false, false, List.of(),
                        "migrations/0002_index_title.java"));
        String why = "moved to the post-deployment phase: it builds an index on table public.post, N rows estimated,"
                + " at or above the large-table threshold of 500 rows (database.largeTableRows)";
        try (TestDatabase db = TestPostgres.freshDatabase()) {
            String url = "--url=" + SampleProject.url(db);
            assertEquals(0, run(project, "-C", c, "migrate", "blog", "0001", url).exit());
            try (var conn = db.connect(); var st = conn.createStatement()) {
                st.execute("INSERT INTO post SELECT g, 't' || g FROM generate_series(1, 1000) g");
                st.execute("ANALYZE post");
            }
            KeelRun plan = run(project, "-C", c, "migrate", "--plan", url);
            assertTrue(rows(plan.out()).contains("  [D] blog.0002_index_title (" + why + ")"), plan.out());
            KeelRun kept = run(project, "-C", c, "migrate", "--plan", "--large-table-rows", "5000", url);
            assertTrue(kept.out().contains("blog.0002_index_title") && !kept.out().contains("[D]"), kept.out());

            KeelRun deploy = run(project, "-C", c, "migrate", url);
            assertEquals(0, deploy.exit(), deploy.err());
            assertTrue(rows(deploy.out()).contains("  [D] blog.0002_index_title (" + why + ")"), deploy.out());
            KeelRun show = run(project, "-C", c, "showmigrations", "blog", url);
            assertEquals(String.join(NL, "blog", " [X] 0001_initial", " [D] 0002_index_title  (" + why + ")") + NL, rows(show.out()));
            KeelRun sql = run(project, "-C", c, "sqlmigrate", "blog", "0002");
            assertTrue(sql.out().contains("keel migrate leaves it for --post-deploy when a table it works on (post) holds"
                    + " 500 rows or more"), sql.out());

            KeelRun post = run(project, "-C", c, "migrate", "--post-deploy", url);
            assertEquals(0, post.exit(), post.err());
            assertTrue(post.out().contains("  Applying blog.0002_index_title... OK"), post.out());
        }
    }

    /** {@code text} with the estimate of the table's 1,000 rows (at least that, at most twice: see LargeTableBuildsTest) made N. */
    private static String rows(String text) {
        var m = java.util.regex.Pattern.compile("([\\d,]+) rows estimated").matcher(text);
        while (m.find()) {
            long n = Long.parseLong(m.group(1).replace(",", ""));
            assertTrue(n >= 1000 && n <= 2000, text);
        }
        return m.replaceAll("N rows estimated");
    }
}
