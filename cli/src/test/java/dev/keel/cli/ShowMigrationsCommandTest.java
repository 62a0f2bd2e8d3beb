package dev.keel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Help.Ansi;

import java.nio.file.Path;

import static dev.keel.cli.KeelRun.run;
import static dev.keel.cli.KeelRun.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code keel showmigrations}: per app, --plan, --json. */
class ShowMigrationsCommandTest {
    static final MigrationSource PROJECT = KeelRun.source(
            spec("shop.0001_initial", "blog.0002_add_slug"),
            spec("blog.0001_initial"),
            spec("blog.0002_add_slug", "blog.0001_initial"),
            spec("blog.0003_add_tag", "blog.0002_add_slug"));
    static final String NL = System.lineSeparator();

    @TempDir Path dir;
    String c;

    @BeforeEach
    void project() throws Exception {
        c = KeelRun.project(dir).toString();
    }

    private static String lines(String... lines) {
        return String.join(NL, lines) + NL;
    }

    @Test
    void listsEveryAppOfKeelJsonWithItsMigrations() {
        KeelRun r = run(PROJECT, "-C", c, "showmigrations");
        assertEquals(0, r.exit(), r.err());
        assertEquals(lines("blog", " [ ] 0001_initial", " [ ] 0002_add_slug", " [ ] 0003_add_tag",
                "shop", " [ ] 0001_initial", "users", " (no migrations)"), r.out());
        assertEquals(lines("No database configured, and the embedded PostgreSQL (.keel/pg) does not exist yet: nothing is"
                + " applied. keel migrate creates it; set database.url in keel.json for a real server."), r.err());
    }

    @Test
    void listsOnlyTheNamedApps() {
        KeelRun r = run(PROJECT, "-C", c, "showmigrations", "users", "shop");
        assertEquals(0, r.exit(), r.err());
        assertEquals(lines("shop", " [ ] 0001_initial", "users", " (no migrations)"), r.out());
    }

    @Test
    void unknownAppIsAUsageErrorListingTheApps() {
        KeelRun r = run(PROJECT, "-C", c, "showmigrations", "shpo");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: no app \"shpo\" in keel.json. Apps: [blog, shop, users]"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void planListsEveryMigrationInApplyOrder() {
        KeelRun r = run(PROJECT, "-C", c, "showmigrations", "--plan");
        assertEquals(0, r.exit(), r.err());
        assertEquals(lines("[ ]  blog.0001_initial", "[ ]  blog.0002_add_slug", "[ ]  blog.0003_add_tag",
                "[ ]  shop.0001_initial"), r.out());
    }

    @Test
    void planOfOneAppIncludesWhatItNeedsFromOtherApps() {
        KeelRun r = run(PROJECT, "-C", c, "showmigrations", "-p", "shop");
        assertEquals(0, r.exit(), r.err());
        assertEquals(lines("[ ]  blog.0001_initial", "[ ]  blog.0002_add_slug", "[ ]  shop.0001_initial"), r.out());

        KeelRun none = run(PROJECT, "-C", c, "showmigrations", "--plan", "users");
        assertEquals(lines("(no migrations)"), none.out());
    }

    @Test
    void jsonListsAppsAndMigrations() throws Exception {
        KeelRun r = run(PROJECT, "-C", c, "showmigrations", "--json", "blog", "users");
        assertEquals(0, r.exit(), r.err());
        JsonNode apps = new ObjectMapper().readTree(r.out()).get("apps");
        assertEquals(2, apps.size());
        assertEquals("blog", apps.get(0).get("app").asText());
        assertEquals("0002_add_slug", apps.get(0).get("migrations").get(1).get("name").asText());
        assertTrue(apps.get(0).get("migrations").get(1).has("applied"));
        assertEquals(0, apps.get(1).get("migrations").size());
    }

    @Test
    void jsonPlan() throws Exception {
        KeelRun r = run(PROJECT, "-C", c, "showmigrations", "--plan", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode plan = new ObjectMapper().readTree(r.out()).get("plan");
        assertEquals(4, plan.size());
        assertEquals("shop", plan.get(3).get("app").asText());
        assertEquals("0001_initial", plan.get(3).get("name").asText());
        assertEquals(false, plan.get(3).get("applied").asBoolean());
        assertEquals(false, plan.get(3).get("postDeployment").asBoolean());
    }

    @Test
    void coloursOnlyWhenAsked() {
        KeelRun plain = run(PROJECT, "-C", c, "showmigrations", "users");
        assertTrue(!plain.out().contains("\u001B["), plain.out());
        KeelRun coloured = run(PROJECT, Ansi.ON, "-C", c, "showmigrations", "users");
        assertTrue(coloured.out().contains("\u001B[1musers"), coloured.out());
    }
}
