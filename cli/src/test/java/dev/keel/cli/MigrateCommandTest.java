package dev.keel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static dev.keel.cli.KeelRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code keel migrate} and {@code keel showmigrations} on the blog sample, against a test database given with --url. */
class MigrateCommandTest {
    static final String NL = System.lineSeparator();

    @TempDir Path dir;
    TestDatabase db;
    String c;
    String url;

    @BeforeEach
    void project() throws Exception {
        c = SampleProject.copy("blog", dir).toString();
        db = TestPostgres.freshDatabase();
        url = SampleProject.url(db);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        db.close();
    }

    private KeelRun keel(String... args) {
        var all = new java.util.ArrayList<>(List.of("-C", c));
        all.addAll(List.of(args));
        if (!List.of(args).contains("sqlmigrate")) {
            all.add("--url=" + url);
        }
        return run(MigrationSource.standard(), all.toArray(String[]::new));
    }

    /** The output with durations replaced by {@code N}. */
    private static String timeless(String out) {
        return out.replaceAll("\\(\\d+ ms\\)", "(N ms)");
    }

    private long count(String sql) throws Exception {
        try (Connection conn = db.connect(); var st = conn.createStatement(); var r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void migratesShowsAndGoesBack() throws Exception {
        KeelRun plan = keel("migrate", "--plan");
        assertEquals(0, plan.exit(), plan.err());
        assertTrue(plan.out().startsWith("Planned operations:" + NL + "blog.0001_initial" + NL
                + "    Create sequence author_seq" + NL), plan.out());
        assertTrue(plan.out().contains("blog.0003_idx_post_created_at (not atomic)" + NL), plan.out());
        assertEquals(0, count("SELECT count(*) FROM pg_tables WHERE tablename IN ('post', 'keel_migrations')"));

        KeelRun migrate = keel("migrate");
        assertEquals(0, migrate.exit(), migrate.err());
        assertEquals("Migrating " + db.url() + "?user=" + db.user() + ":" + NL
                + "  Applying blog.0001_initial... OK (N ms)" + NL
                + "  Applying blog.0002_add_post_slug... OK (N ms)" + NL
                + "  Applying blog.0003_idx_post_created_at... OK (N ms)" + NL
                + "  Applying blog.0004_fill_post_slug... OK (N ms)" + NL, timeless(migrate.out()));
        assertEquals("", migrate.err());

        KeelRun again = keel("migrate");
        assertTrue(again.out().endsWith("  No migrations to apply." + NL), again.out());

        KeelRun show = keel("showmigrations");
        assertEquals(0, show.exit(), show.err());
        assertEquals(String.join(NL, "blog", " [X] 0001_initial", " [X] 0002_add_post_slug", " [X] 0003_idx_post_created_at",
                " [X] 0004_fill_post_slug") + NL, show.out());

        KeelRun back = keel("migrate", "blog", "0002");
        assertEquals(0, back.exit(), back.err());
        assertTrue(timeless(back.out()).endsWith("  Unapplying blog.0004_fill_post_slug... OK (N ms)" + NL
                + "  Unapplying blog.0003_idx_post_created_at... OK (N ms)" + NL), back.out());
        assertEquals(String.join(NL, "[X]  blog.0001_initial", "[X]  blog.0002_add_post_slug", "[ ]  blog.0003_idx_post_created_at",
                "[ ]  blog.0004_fill_post_slug") + NL, keel("showmigrations", "--plan").out());

        KeelRun fake = keel("migrate", "blog", "zero", "--fake");
        assertEquals(0, fake.exit(), fake.err());
        assertTrue(fake.out().contains("  Faking unapply of blog.0002_add_post_slug... FAKED" + NL), fake.out());
        assertEquals(1, count("SELECT count(*) FROM pg_tables WHERE tablename = 'post'"), "--fake ran nothing");
        assertEquals(0, count("SELECT count(*) FROM keel_migrations"));
    }

    /**
     * Migrations sent together, the second failing: the first is printed as applied and stays applied, the second is
     * printed as started and named in the error with its step, its SQL and PostgreSQL's message; nothing after it runs.
     */
    @Test
    void aFailureAmongMigrationsSentTogetherPrintsThoseAppliedBeforeIt() throws Exception {
        try (Connection conn = db.connect(); var st = conn.createStatement()) {
            st.execute("CREATE FUNCTION no_slug() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " IF current_query() LIKE '%slug%' THEN RAISE EXCEPTION 'no slug here'; END IF; END $$");
            st.execute("CREATE EVENT TRIGGER no_slug ON ddl_command_start WHEN TAG IN ('ALTER TABLE')"
                    + " EXECUTE FUNCTION no_slug()");
        }
        KeelRun migrate = keel("migrate");
        assertEquals(5, migrate.exit(), migrate.err());
        assertEquals("Migrating " + db.url() + "?user=" + db.user() + ":" + NL
                + "  Applying blog.0001_initial... OK (N ms)" + NL
                + "  Applying blog.0002_add_post_slug...", timeless(migrate.out()));
        assertTrue(migrate.err().contains("migration blog.0002_add_post_slug (" ) && migrate.err().contains("applying failed at"
                + " step 1 of 1 (Add field slug to post):" + NL + "    ALTER TABLE post ADD COLUMN slug varchar(200)" + NL
                + "PostgreSQL: ERROR: no slug here"), migrate.err());
        assertEquals(1, count("SELECT count(*) FROM keel_migrations"));
        assertEquals(1, count("SELECT count(*) FROM keel_migrations WHERE name = '0001_initial'"));
        assertEquals(0, count("SELECT count(*) FROM information_schema.columns WHERE column_name = 'slug'"));
    }

    @Test
    void jsonReportsWhatRan() throws Exception {
        KeelRun r = keel("migrate", "blog", "0002", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals(2, report.get("done").size());
        assertEquals("blog", report.get("done").get(1).get("key").get("app").asText());
        assertEquals("0002_add_post_slug", report.get("done").get(1).get("key").get("name").asText());
        assertEquals("APPLY", report.get("done").get(1).get("action").asText());
        assertFalse(report.get("embedded").asBoolean());

        JsonNode shown = new ObjectMapper().readTree(keel("showmigrations", "--json").out());
        JsonNode blog = shown.get("apps").get(0).get("migrations");
        assertEquals("applied", blog.get(1).get("status").asText());
        assertTrue(blog.get(1).get("applied").asBoolean());
        assertEquals("not_applied", blog.get(2).get("status").asText());
    }

    @Test
    void anEditedAppliedMigrationIsExit4UntilRepaired() throws Exception {
        assertEquals(0, keel("migrate").exit());
        Path file = SampleProject.blogMigrations(dir).resolve("M0002_add_post_slug.java");
        Files.writeString(file, Files.readString(file).replace("varchar(200)", "varchar(100)"));

        KeelRun show = keel("showmigrations");
        assertEquals(4, show.exit());
        assertTrue(show.out().contains(" [X] 0002_add_post_slug  (changed since it was applied)" + NL), show.out());
        assertTrue(show.err().startsWith("error: " + file.toAbsolutePath().normalize()) || show.err().startsWith("error: " + file),
                show.err());

        KeelRun refused = keel("migrate");
        assertEquals(4, refused.exit());
        assertTrue(refused.err().contains("keel migrate --repair-checksum blog 0002_add_post_slug"), refused.err());
        assertTrue(refused.err().contains("error: keel migrate does not go on while the applied migrations and their files"
                + " disagree (1 problem above)."), refused.err());

        KeelRun repair = keel("migrate", "--repair-checksum", "blog", "0002");
        assertEquals(0, repair.exit(), repair.err());
        assertTrue(repair.out().contains("Recorded the current checksum of blog.0002_add_post_slug"), repair.out());
        assertEquals(0, keel("migrate").exit());
        assertEquals(0, keel("showmigrations").exit());
    }

    /**
     * keel connects while it reads the migrations; when reading them fails, the failure is the migrations' (as before)
     * and the connection opened meanwhile is closed, not left open behind the error.
     */
    @Test
    void migrationsThatCannotBeReadLeaveNoConnectionOpen() throws Exception {
        Path broken = SampleProject.blogMigrations(dir).resolve("M0005_broken.java");
        Files.writeString(broken, "package com.example.blog.migrations;\n\npublic final class M0005_broken extends"
                + " dev.keel.migration.Migration {\n    @Override\n    protected void define() {\n        dependsOn(\"blog\","
                + " \"0004_fill_post_slug\");\n        operations(addField(\"post\", \"x\", column(\"x\", \"text\")"
                + ".nullable(), ;\n    }\n}\n");
        KeelRun r = keel("migrate");
        assertTrue(r.exit() != 0, r.out());
        assertTrue(r.err().contains("M0005_broken.java"), r.err());
        assertFalse(r.err().contains("cannot connect"), r.err());
        long deadline = System.nanoTime() + 2_000_000_000L; // not until the driver closes a lost connection at a collection
        long sessions;
        do {
            Thread.sleep(50);
            sessions = count("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'keel migrate'"
                    + " AND datname = current_database()");
        } while (sessions > 0 && System.nanoTime() < deadline);
        assertEquals(0, sessions, "the connection opened while the migrations were read is closed");
        assertEquals(0, count("SELECT count(*) FROM pg_tables WHERE tablename = 'keel_migrations'"));
    }

    @Test
    void aDatabaseThatRefusesIsExit5WithTheUrlMasked() throws Exception {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String refusing = "jdbc:postgresql://127.0.0.1:" + port + "/blog?user=app&password=hunter2";
        KeelRun r = run(MigrationSource.standard(), "-C", c, "migrate", "--url", refusing);
        assertEquals(5, r.exit());
        assertTrue(r.err().startsWith("error: cannot connect to the database at jdbc:postgresql://127.0.0.1:" + port
                + "/blog?user=app&password=*** as app: 127.0.0.1:" + port + " refuses connections"), r.err());
        assertTrue(r.err().contains("To fix: start PostgreSQL on 127.0.0.1:" + port + ", or correct the host and port in --url."),
                r.err());
        assertFalse(r.err().contains("hunter2") || r.out().contains("hunter2"));

        KeelRun show = run(MigrationSource.standard(), "-C", c, "showmigrations", "--url", refusing);
        assertEquals(5, show.exit());
        assertTrue(show.out().contains(" [?] 0001_initial" + NL), show.out());
        assertFalse(show.err().contains("hunter2"), show.err());
    }

    @Test
    void unknownAppOrTargetIsAUsageError() {
        KeelRun app = keel("migrate", "shop");
        assertEquals(2, app.exit());
        assertTrue(app.err().startsWith("error: no app \"shop\" in keel.json."), app.err());
        KeelRun target = keel("migrate", "blog", "0009");
        assertEquals(2, target.exit());
        assertTrue(target.err().contains("no migration named or starting with \"0009\""), target.err());
        KeelRun repair = keel("migrate", "--repair-checksum");
        assertEquals(2, repair.exit());
    }
}
