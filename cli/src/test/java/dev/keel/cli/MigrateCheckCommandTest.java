package dev.keel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code keel migrate --check}, the deploy gate, on a real PostgreSQL: exit 1 while keel migrate has anything to
 * run (only deploy-time migrations count, post-deployment ones too with --post-deploy), 0 once up to date, 4 for
 * a history that disagrees with the files; nothing applied, no keel_migrations created; per app and target;
 * text, --json and -v 0.
 */
class MigrateCheckCommandTest {
    static final String NL = System.lineSeparator();

    static MigrationSpec spec(String app, String name, boolean post, List<String> deps, dev.keel.operations.Operation... ops) {
        return new MigrationSpec(new MigrationKey(app, name), deps.stream().map(KeelRun::key).toList(), List.of(ops),
                !post, post, deps.isEmpty(), List.of(), "migrations/" + name + ".java");
    }

    static final MigrationSource PROJECT = KeelRun.source(
            spec("blog", "0001_initial", false, List.of(), createModel("post", table("post")
                    .field("id", column("id", "bigint")).field("title", column("title", "text")).primaryKey("id"))),
            spec("blog", "0002_index_title", true, List.of("blog.0001_initial"),
                    addIndex("post", index("post_title_idx", "title"), true)),
            spec("blog", "0003_comment", false, List.of("blog.0002_index_title"), runSql("COMMENT ON TABLE post IS 'x'", "")),
            spec("shop", "0001_initial", false, List.of(), createModel("item", table("shop_item")
                    .field("id", column("id", "bigint")).primaryKey("id"))));

    @TempDir Path dir;
    TestDatabase db;
    String c;
    String url;

    @BeforeEach
    void project() throws Exception {
        c = KeelRun.project(dir).toString();
        db = TestPostgres.freshDatabase();
        url = "--url=" + SampleProject.url(db);
    }

    @AfterEach
    void drop() throws Exception {
        db.close();
    }

    private KeelRun keel(MigrationSource source, String... args) {
        var all = new ArrayList<>(List.of("-C", c));
        all.addAll(List.of(args));
        all.add(url);
        return KeelRun.run(source, all.toArray(String[]::new));
    }

    private KeelRun keel(String... args) {
        return keel(PROJECT, args);
    }

    private boolean historyExists() throws Exception {
        try (Connection conn = db.connect(); var st = conn.createStatement();
             var r = st.executeQuery("SELECT to_regclass('keel_migrations') IS NOT NULL")) {
            r.next();
            return r.getBoolean(1);
        }
    }

    @Test
    void failsWhileDeployTimeMigrationsAreUnappliedAndAppliesNothing() throws Exception {
        KeelRun fresh = keel("migrate", "--check");
        assertEquals(1, fresh.exit(), fresh.out() + fresh.err());
        String first = fresh.out().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("Not up to date: jdbc:postgresql://") && first.endsWith(
                ": 2 migrations not applied (keel migrate applies them):"), first);
        assertEquals(String.join(NL,
                "  [ ] blog.0001_initial",
                "  [ ] shop.0001_initial",
                "Not counted: 2 migrations left for the post-deployment phase (keel migrate --post-deploy --check counts them):",
                "  [D] blog.0002_index_title (post-deployment migration)",
                "  [D] blog.0003_comment (depends on blog.0002_index_title, which is deferred)") + NL,
                fresh.out().substring(first.length() + NL.length()));
        assertFalse(historyExists(), "--check creates no keel_migrations");

        assertEquals(0, keel("migrate").exit());
        KeelRun deployed = keel("migrate", "--check");
        assertEquals(0, deployed.exit(), deployed.out() + deployed.err());
        assertTrue(deployed.out().contains("Up to date: ") && deployed.out().contains(" has every deploy-time migration applied."),
                deployed.out());
        assertTrue(deployed.out().contains("  [D] blog.0002_index_title (post-deployment migration)"), deployed.out());

        KeelRun post = keel("migrate", "--check", "--post-deploy");
        assertEquals(1, post.exit(), post.out());
        assertTrue(post.out().contains("2 migrations not applied (keel migrate --post-deploy applies them):" + NL
                + "  [ ] blog.0002_index_title (post-deployment)" + NL + "  [ ] blog.0003_comment" + NL), post.out());
        assertEquals(0, count("SELECT count(*) FROM pg_indexes WHERE indexname = 'post_title_idx'"), "--check built nothing");

        assertEquals(0, keel("migrate", "--post-deploy").exit());
        KeelRun all = keel("migrate", "--post-deploy", "--check");
        assertEquals(0, all.exit(), all.out());
        assertTrue(all.out().contains(" has every migration applied."), all.out());
    }

    @Test
    void checksOneAppOrATargetAndSaysWhatWouldBeUnapplied() {
        assertEquals(0, keel("migrate", "blog").exit());
        KeelRun blog = keel("migrate", "--check", "blog");
        assertEquals(0, blog.exit(), blog.out() + blog.err());
        assertTrue(blog.out().contains(" has every deploy-time migration of blog applied."), blog.out());
        KeelRun shop = keel("migrate", "--check", "shop");
        assertEquals(1, shop.exit(), shop.out());
        assertTrue(shop.out().contains(": 1 migration of shop not applied (keel migrate shop applies them):" + NL
                + "  [ ] shop.0001_initial" + NL), shop.out());

        assertEquals(0, keel("migrate", "shop").exit());
        KeelRun back = keel("migrate", "--check", "shop", "zero");
        assertEquals(1, back.exit(), back.out());
        assertTrue(back.out().contains(": keel migrate shop zero would unapply 1 migration:" + NL + "  [X] shop.0001_initial"),
                back.out());
        assertEquals(0, keel("migrate", "--check", "blog", "0001").exit(), "blog is at 0001");
    }

    @Test
    void jsonListsTheUnappliedAndTheDeferred() throws Exception {
        KeelRun r = keel("migrate", "--check", "--json");
        assertEquals(1, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertFalse(json.get("upToDate").asBoolean());
        assertFalse(json.get("postDeploy").asBoolean());
        assertEquals(List.of("blog.0001_initial", "shop.0001_initial"), keys(json.get("unapplied")));
        assertEquals(List.of("blog.0002_index_title", "blog.0003_comment"), keys(json.get("deferred")));

        assertEquals(0, keel("migrate", "--post-deploy").exit());
        JsonNode done = new ObjectMapper().readTree(keel("migrate", "--check", "--json", "--post-deploy").out());
        assertTrue(done.get("upToDate").asBoolean());
        assertEquals(0, done.get("unapplied").size());
    }

    @Test
    void quietCheckPrintsNothingAndStillFails() {
        KeelRun r = keel("-v", "0", "migrate", "--check");
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertEquals("", r.err());
    }

    @Test
    void aHistoryThatDisagreesWithTheFilesFailsTheGateWithExit4() throws Exception {
        assertEquals(0, keel("migrate", "shop").exit());
        MigrationSource shopGone = KeelRun.source(spec("blog", "0001_initial", false, List.of(), createModel("post",
                table("post").field("id", column("id", "bigint")).primaryKey("id"))));
        KeelRun r = keel(shopGone, "migrate", "--check");
        assertEquals(4, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("migration shop.0001_initial is recorded as applied"), r.err());
    }

    @Test
    void checkDoesNotGoWithOptionsThatRunSomething() {
        for (String other : List.of("--fake", "--plan", "--prune", "--all-targets")) {
            KeelRun r = keel("migrate", "--check", other);
            assertEquals(2, r.exit(), other + ": " + r.err());
        }
    }

    private long count(String sql) throws Exception {
        try (Connection conn = db.connect(); var st = conn.createStatement(); var r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static List<String> keys(JsonNode array) {
        var keys = new ArrayList<String>();
        array.forEach(n -> keys.add(n.get("key").get("app").asText() + "." + n.get("key").get("name").asText()));
        return keys;
    }
}
