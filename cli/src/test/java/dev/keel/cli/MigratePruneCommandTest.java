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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code keel migrate --prune} on a real PostgreSQL: the records of migrations a squash replaced whose files are
 * gone are listed, then removed, once the squash is recorded as applied; records of other missing migrations are
 * kept with why and what to do (exit 4); --plan removes nothing; --json; per app.
 */
class MigratePruneCommandTest {
    static final String NL = System.lineSeparator();

    static MigrationSpec spec(String key, List<String> deps, List<String> replaces, dev.keel.operations.Operation... ops) {
        return new MigrationSpec(KeelRun.key(key), deps.stream().map(KeelRun::key).toList(), List.of(ops), true, false,
                deps.isEmpty(), replaces.stream().map(KeelRun::key).toList(), "migrations/" + key + ".java");
    }

    static final MigrationSpec BLOG_1 = spec("blog.0001_initial", List.of(), List.of(), createModel("post", table("blog_post")
            .field("id", column("id", "bigint")).primaryKey("id")));
    static final MigrationSpec BLOG_2 = spec("blog.0002_title", List.of("blog.0001_initial"), List.of(),
            addField("post", "title", column("title", "text").nullable()));
    static final MigrationSpec SHOP_1 = spec("shop.0001_initial", List.of(), List.of(), createModel("item", table("shop_item")
            .field("id", column("id", "bigint")).primaryKey("id")));

    /** The squash of blog's two migrations, still listing them in replaces(...). */
    static MigrationSpec squash(boolean listsReplaced) {
        return spec("blog.0001_squashed_0002_title", List.of(),
                listsReplaced ? List.of("blog.0001_initial", "blog.0002_title") : List.of(),
                createModel("post", table("blog_post").field("id", column("id", "bigint"))
                        .field("title", column("title", "text").nullable()).primaryKey("id")));
    }

    /** Before the squash. */
    static final MigrationSource BEFORE = KeelRun.source(BLOG_1, BLOG_2, SHOP_1);
    /** After the squash, its replaced files deleted. */
    static final MigrationSource SQUASHED = KeelRun.source(squash(true), SHOP_1);
    /** After the squash's replaces(...) was removed too. */
    static final MigrationSource REPLACES_DROPPED = KeelRun.source(squash(false), SHOP_1);

    @TempDir Path dir;
    TestDatabase db;
    String url;

    @BeforeEach
    void project() throws Exception {
        KeelRun.project(dir);
        db = TestPostgres.freshDatabase();
        url = "--url=" + SampleProject.url(db);
    }

    @AfterEach
    void drop() throws Exception {
        db.close();
    }

    private KeelRun keel(MigrationSource source, String... args) {
        var all = new ArrayList<>(List.of("-C", dir.toString()));
        all.addAll(List.of(args));
        all.add(url);
        return KeelRun.run(source, all.toArray(String[]::new));
    }

    private List<String> history() throws Exception {
        var rows = new ArrayList<String>();
        try (Connection conn = db.connect(); var st = conn.createStatement();
             var r = st.executeQuery("SELECT app || '.' || name FROM keel_migrations ORDER BY 1")) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }

    @Test
    void prunesTheRecordsASquashReplacedOnceTheSquashIsRecorded() throws Exception {
        assertEquals(0, keel(BEFORE, "migrate").exit());

        KeelRun early = keel(SQUASHED, "migrate", "--prune");
        assertEquals(4, early.exit(), early.out() + early.err());
        assertTrue(early.err().contains("error: keel_migrations: kept the record of blog.0001_initial: no migration file"
                + " defines it; the squash blog.0001_squashed_0002_title replaces it but is not recorded as applied here,"),
                early.err());
        assertTrue(early.err().contains("To fix: run keel migrate (it records the squash once every migration it"
                + " replaces is applied), then prune again."), early.err());
        assertEquals(List.of("blog.0001_initial", "blog.0002_title", "shop.0001_initial"), history());

        KeelRun migrate = keel(SQUASHED, "migrate");
        assertEquals(0, migrate.exit(), migrate.err());
        assertTrue(migrate.out().contains("Recorded squash blog.0001_squashed_0002_title as applied"), migrate.out());

        KeelRun dry = keel(SQUASHED, "migrate", "--prune", "--plan");
        assertEquals(0, dry.exit(), dry.err());
        assertTrue(dry.out().endsWith(" (--plan: none removed):" + NL
                + "  blog.0001_initial (replaced by blog.0001_squashed_0002_title, applied)" + NL
                + "  blog.0002_title (replaced by blog.0001_squashed_0002_title, applied)" + NL), dry.out());
        assertEquals(4, history().size(), "--plan removes nothing");

        KeelRun blockedBefore = keel(REPLACES_DROPPED, "migrate", "--check");
        assertEquals(4, blockedBefore.exit(), "without replaces(...) the unpruned records are missing migrations");

        KeelRun prune = keel(SQUASHED, "migrate", "--prune");
        assertEquals(0, prune.exit(), prune.err());
        assertTrue(prune.out().startsWith("Pruning keel_migrations on "), prune.out());
        assertTrue(prune.out().endsWith(":" + NL
                + "  Pruned blog.0001_initial (replaced by blog.0001_squashed_0002_title, applied)" + NL
                + "  Pruned blog.0002_title (replaced by blog.0001_squashed_0002_title, applied)" + NL
                + "Once every database is pruned, the squash may drop replaces(...)." + NL), prune.out());
        assertEquals(List.of("blog.0001_squashed_0002_title", "shop.0001_initial"), history());

        KeelRun again = keel(SQUASHED, "migrate", "--prune");
        assertEquals(0, again.exit());
        assertTrue(again.out().contains("No records to prune on ") && again.out().contains(
                ": every migration recorded in keel_migrations has its file."), again.out());
        KeelRun stillListed = keel(SQUASHED, "migrate");
        assertEquals(0, stillListed.exit(), "the squash as it is still matches its record: " + stillListed.err());
        KeelRun after = keel(REPLACES_DROPPED, "migrate", "--check");
        assertEquals(0, after.exit(), after.out() + after.err());
    }

    @Test
    void keepsTheRecordOfAMissingMigrationNoSquashReplaces() throws Exception {
        assertEquals(0, keel(BEFORE, "migrate").exit());
        assertEquals(0, keel(SQUASHED, "migrate").exit());
        MigrationSource shopGone = KeelRun.source(squash(true));

        KeelRun r = keel(shopGone, "migrate", "--prune");
        assertEquals(4, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("  Pruned blog.0001_initial"), "the replaced records go: " + r.out());
        assertTrue(r.err().contains("error: keel_migrations: kept the record of shop.0001_initial: no migration file"
                + " defines it, and no squash of the project replaces it, so its record is the only trace of changes keel"
                + " cannot see any more." + NL.replace("\r", "").substring(0, 1) + "To fix: restore M0001_initial.java from"
                + " version control"), r.err());
        assertTrue(r.err().contains("DELETE FROM keel_migrations WHERE app = 'shop' AND name = '0001_initial';"), r.err());
        assertEquals(List.of("blog.0001_squashed_0002_title", "shop.0001_initial"), history());
    }

    @Test
    void prunesOneAppOnly() throws Exception {
        assertEquals(0, keel(BEFORE, "migrate").exit());
        assertEquals(0, keel(SQUASHED, "migrate").exit());
        MigrationSource shopGone = KeelRun.source(squash(true));
        KeelRun shop = keel(shopGone, "migrate", "--prune", "shop");
        assertEquals(4, shop.exit());
        assertEquals(4, history().size(), "nothing of blog pruned with APP shop");
        KeelRun blog = keel(shopGone, "migrate", "--prune", "blog");
        assertEquals(0, blog.exit(), blog.err());
        assertEquals(List.of("blog.0001_squashed_0002_title", "shop.0001_initial"), history());
    }

    @Test
    void jsonListsPrunedAndRefused() throws Exception {
        assertEquals(0, keel(BEFORE, "migrate").exit());
        assertEquals(0, keel(SQUASHED, "migrate").exit());
        KeelRun r = keel(KeelRun.source(squash(true)), "migrate", "--prune", "--plan", "--json");
        assertEquals(4, r.exit());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.get("dryRun").asBoolean());
        assertEquals(2, json.get("pruned").size());
        assertEquals("blog.0001_squashed_0002_title", json.get("pruned").get(0).get("squash").asText());
        assertEquals("shop", json.get("refused").get(0).get("app").asText());
        assertTrue(json.get("refused").get(0).get("reason").asText().contains("no squash of the project replaces it"));
        assertEquals(4, history().size());
    }

    @Test
    void pruneTakesAtMostAnApp() {
        assertEquals(2, keel(SQUASHED, "migrate", "--prune", "blog", "0001").exit());
        assertEquals(2, keel(SQUASHED, "migrate", "--prune", "--post-deploy").exit());
        assertEquals(2, keel(SQUASHED, "migrate", "--prune", "--fake").exit());
    }
}
