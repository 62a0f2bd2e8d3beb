package dev.keel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static dev.keel.cli.KeelRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's several-databases walkthrough, end to end on real databases: entities routed with
 * {@code @Database}, makemigrations, {@code migrate --database}, showmigrations and sqlmigrate saying what
 * is not applicable, {@code migrate --all-targets} over five region databases with one that fails,
 * and {@code check-db} before and after a change by hand.
 */
class SeveralDatabasesCommandTest {
    static final String NL = System.lineSeparator();
    static final String SECRET = "region-secret-pw";

    @TempDir Path dir;
    final List<TestDatabase> dbs = new ArrayList<>();

    @BeforeEach
    void project() throws Exception {
        for (int i = 0; i < 6; i++) {
            dbs.add(TestPostgres.freshDatabase());
        }
        StringBuilder targets = new StringBuilder();
        for (int i = 2; i < 6; i++) {
            targets.append("{\"name\": \"r").append(i - 1).append("\", \"url\": \"").append(SampleProject.url(dbs.get(i)))
                    .append("&password=").append(SECRET).append("\"},\n");
        }
        String missing = SampleProject.url(dbs.get(5)).replace(dbs.get(5).name(), "keel_no_such_database");
        targets.append("{\"name\": \"r5\", \"url\": \"").append(missing).append("\"}");
        Files.writeString(dir.resolve("keel.json"), """
                {"sourceRoots": ["src"], "apps": [{"label": "app", "package": "app"}],
                 "databases": {
                   "default": {"url": "%s"},
                   "control": {"url": "%s"},
                   "region": {"targets": [%s]}
                 }}""".formatted(SampleProject.url(dbs.get(0)), SampleProject.url(dbs.get(1)), targets));
        write("Post", "@Entity public class Post { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; String title; }");
        write("Organization", "@Entity @Database(\"control\") public class Organization { @Id Long id; String name; }");
        write("Event", "@Entity @Database(\"region\") public class Event { @Id Long id; String kind; }");
    }

    private void write(String name, String body) throws Exception {
        Path p = dir.resolve("src/app/" + name + ".java");
        Files.createDirectories(p.getParent());
        Files.writeString(p, "package app;\n\nimport jakarta.persistence.*;\nimport dev.keel.annotations.Database;\n\n" + body);
    }

    @AfterEach
    void drop() throws Exception {
        for (TestDatabase db : dbs) {
            db.close();
        }
    }

    private KeelRun keel(String... args) {
        var all = new ArrayList<>(List.of("-C", dir.toString()));
        all.addAll(List.of(args));
        return run(MigrationSource.standard(), all.toArray(String[]::new));
    }

    private static long count(TestDatabase db, String sql) throws Exception {
        try (Connection conn = db.connect(); var st = conn.createStatement(); var r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long table(TestDatabase db, String name) throws Exception {
        return count(db, "SELECT count(*) FROM pg_tables WHERE tablename = '" + name + "'");
    }

    @Test
    void routedMigrateFanOutAndDrift() throws Exception {
        KeelRun make = keel("makemigrations");
        assertEquals(0, make.exit(), make.err() + make.out());
        String migration = Files.readString(dir.resolve("src/app/migrations/M0001_initial.java"));
        assertTrue(migration.contains(".database(\"control\")") && migration.contains(".database(\"region\")"), migration);

        KeelRun plan = keel("migrate", "--database", "control", "--plan");
        assertEquals(0, plan.exit(), plan.err());
        assertTrue(plan.out().contains("    Create model Organization (table organization)" + NL), plan.out());
        assertTrue(plan.out().contains("    Not applicable here: Create model Post (table post) (database default)" + NL), plan.out());

        KeelRun control = keel("migrate", "--database", "control");
        assertEquals(0, control.exit(), control.err());
        assertTrue(control.out().contains("(database control):" + NL + "  Applying app.0001_initial... OK"), control.out());
        KeelRun app = keel("migrate");
        assertEquals(0, app.exit(), app.err());
        assertEquals(1, table(dbs.get(0), "post"));
        assertEquals(0, table(dbs.get(0), "organization"));
        assertEquals(1, table(dbs.get(1), "organization"));
        assertEquals(0, table(dbs.get(1), "post"));

        KeelRun show = keel("showmigrations", "--database", "default");
        assertEquals(0, show.exit(), show.err());
        assertEquals("app" + NL + " [X] 0001_initial  (2 of 3 operations not applicable here: they run in control, region)"
                + NL, show.out());
        KeelRun sql = keel("sqlmigrate", "app", "0001", "--database", "control");
        assertEquals(0, sql.exit(), sql.err());
        assertTrue(sql.out().contains("-- Not applicable to database control, skipped here: Create model Post (table post)"
                + " (database default)"), sql.out());
        assertTrue(sql.out().contains("CREATE TABLE organization"), sql.out());
        assertFalse(sql.out().contains("CREATE TABLE post"), sql.out());

        KeelRun oneTarget = keel("migrate", "--database", "region");
        assertEquals(2, oneTarget.exit());
        assertTrue(oneTarget.err().contains("lists 5 targets in keel.json [r1, r2, r3, r4, r5]"), oneTarget.err());

        KeelRun fan = keel("migrate", "--all-targets", "--database", "region", "--parallel", "1");
        assertEquals(5, fan.exit(), fan.out() + fan.err());
        assertTrue(fan.out().contains("  [region/r1] Applying app.0001_initial... OK"), fan.out());
        assertTrue(fan.out().contains("  [region/r4] done: 1 applied" + NL), fan.out());
        assertTrue(fan.out().contains("  [region/r5] FAILED: cannot connect to the database"), fan.out());
        assertTrue(fan.out().contains("4 migrated, 1 failed, 0 not started."), fan.out());
        assertFalse((fan.out() + fan.err()).contains(SECRET), "no password in the output");
        for (int i = 2; i < 6; i++) {
            assertEquals(1, table(dbs.get(i), "event"));
            assertEquals(0, table(dbs.get(i), "post"));
        }

        KeelRun quiet = keel("-v", "0", "migrate", "--all-targets", "--database", "region");
        assertEquals(5, quiet.exit());
        assertEquals("", quiet.out(), "-v 0: no progress, no table");
        assertTrue(quiet.err().startsWith("error: [region/r5] cannot connect to the database"), "but the failure: " + quiet.err());
        assertFalse(quiet.err().contains(SECRET));

        KeelRun again = keel("migrate", "--all-targets", "--database", "region", "--keep-going", "--json");
        assertEquals(5, again.exit());
        JsonNode report = new ObjectMapper().readTree(again.out());
        assertEquals(5, report.get("targets").asInt());
        assertEquals(4, report.get("migrated").asInt());
        assertEquals("region/r1", report.get("results").get(0).get("target").asText());
        assertEquals(0, report.get("results").get(0).get("applied").size(), "r1 goes on where it stopped: nothing left");
        assertEquals("FAILED", report.get("results").get(4).get("outcome").asText());
        assertFalse(again.out().contains(SECRET));

        KeelRun clean = keel("check-db", "--database", "control");
        assertEquals(0, clean.exit(), clean.out() + clean.err());
        assertTrue(clean.out().startsWith("No drift: database control at "), clean.out());
        try (Connection conn = dbs.get(1).connect(); var st = conn.createStatement()) {
            st.execute("ALTER TABLE organization ADD COLUMN note text");
            st.execute("ALTER TABLE organization ALTER COLUMN name TYPE varchar(100)");
        }
        KeelRun drift = keel("check-db", "--database", "control");
        assertEquals(1, drift.exit(), drift.out() + drift.err());
        assertTrue(drift.out().contains("  table organization: column name: type varchar(255) vs varchar(100)" + NL), drift.out());
        assertTrue(drift.out().contains("  table organization: column note unexpected" + NL), drift.out());
        JsonNode json = new ObjectMapper().readTree(keel("check-db", "--database", "control", "--json").out());
        assertFalse(json.get("clean").asBoolean());
        assertEquals(2, json.get("differences").size());
        KeelRun target = keel("check-db", "--database", "region", "--target", "r2");
        assertEquals(0, target.exit(), target.out() + target.err());
    }
}
