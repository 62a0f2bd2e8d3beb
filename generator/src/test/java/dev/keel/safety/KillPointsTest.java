package dev.keel.safety;

import dev.keel.config.KeelConfig;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.make.MakeOptions;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.Database;
import dev.keel.runner.DriftCheck;
import dev.keel.runner.JavaCode;
import dev.keel.runner.MigrateListener;
import dev.keel.runner.MigrateRequest;
import dev.keel.runner.MigrationSet;
import dev.keel.runner.Migrator;
import dev.keel.runner.RunnerSettings;
import dev.keel.runner.support.Db;
import dev.keel.runner.support.KillRelay;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * keel killed at every point of every kind of migration makemigrations writes, on PostgreSQL with rows in the
 * tables: for each golden safety scenario (and the DELETE phase of the two-phase removals, and the expand/contract
 * column rename), {@code migrate} then {@code migrate --post-deploy} runs through a {@link KillRelay} that kills keel
 * at its n-th request, for every n the whole run takes, three ways ({@code kill -9} before or after the request
 * leaves keel, {@code pg_terminate_backend} of its session as the request arrives). After each kill a plain rerun of
 * {@code migrate} and {@code migrate --post-deploy} must complete and leave the database exactly as a run that was
 * never killed: the same columns, constraints (validated alike), indexes (none INVALID), triggers, functions,
 * views, the same history rows (phase, steps, checksum), the same rows of data; and {@code check-db} finds it clean.
 */
class KillPointsTest {
    static final RunnerSettings SETTINGS = new RunnerSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), 3,
            Duration.ofMillis(50), Duration.ofMillis(50));
    /** Rows kept in each base table: enough for real scans, few enough for hundreds of runs. */
    static final int ROWS = 2000;

    @TempDir Path project;

    /**
     * One attack: {@code all} the migrations, of which the first {@code prepared} are applied before {@code seed}
     * fills the tables; the kills happen while the rest are applied.
     */
    record Case(String name, List<MigrationSpec> all, int prepared, List<String> seed) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<String> scenarios() {
        var names = new ArrayList<String>();
        for (Scenario s : Scenario.all()) {
            names.add(s.name());
        }
        return names;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyKillPointOfAScenarioIsFinishedByAPlainRerun(String name) throws Exception {
        Scenario scenario = Scenario.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        List<MigrationSpec> base = readProject(Scenario.BASE);
        var all = new ArrayList<>(base);
        all.addAll(scenario.expectedMigrations());
        attack(new Case(name, all, base.size(), shopRows()));
    }

    /** The DELETE phase of a two-phase removal, as {@code makemigrations --delete-pending} writes it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("twoPhase")
    void everyKillPointOfATwoPhaseRemovalIsFinishedByAPlainRerun(String name) throws Exception {
        Scenario scenario = Scenario.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        int base = readProject(Scenario.BASE).size();
        scenario.make(project, MakeOptions.defaults());
        scenario.make(project, EntityProject.DELETE_PENDING);
        List<MigrationSpec> all = readProject(project);
        assertTrue(all.size() > base + scenario.expectedMigrations().size(), "a DELETE phase was written: " + all);
        attack(new Case(name + " + delete", all, base, shopRows()));
    }

    static List<String> twoPhase() {
        return List.of("remove-column", "remove-table");
    }

    /** The expand/contract rename of a NOT NULL, indexed column: sync triggers, the copy, the switch, the contract. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("renames")
    void everyKillPointOfAnExpandContractRenameIsFinishedByAPlainRerun(String name) throws Exception {
        EntityProject p = EntityProject.in(project);
        p.entities(Map.of("Author", ColumnRenameDatabaseTest.BEFORE));
        p.make(MakeOptions.defaults());
        int prepared = p.from(0).size();
        p.entities(Map.of("Author", ColumnRenameDatabaseTest.AFTER));
        p.make(MakeOptions.defaults());
        if (name.endsWith("contract")) {
            p.make(EntityProject.DELETE_PENDING);
        }
        attack(new Case(name, p.from(0), prepared, List.of("INSERT INTO author (name, bio) SELECT 'author ' || g, 'bio '"
                + " || g FROM generate_series(1, " + ROWS + ") g")));
    }

    /** The expand/contract rename of an entity's table: the new table's view, the forked sequence, the contract. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tableRenames")
    void everyKillPointOfATableRenameIsFinishedByAPlainRerun(String name) throws Exception {
        EntityProject p = EntityProject.in(project);
        String tag = RenamedTableCompanionsDatabaseTest.TAG;
        p.entities(Map.of("Tag", tag, "BlogPost", RenamedTableCompanionsDatabaseTest.post("@Entity", "BlogPost", "", ""),
                "Reader", RenamedTableCompanionsDatabaseTest.reader("BlogPost")));
        p.make(MakeOptions.defaults());
        int prepared = p.from(0).size();
        p.entities(Map.of("Tag", tag, "Article", RenamedTableCompanionsDatabaseTest.post("@Entity\n@RenamedFrom(\"BlogPost\")",
                "Article", "", ""), "Reader", RenamedTableCompanionsDatabaseTest.reader("Article")));
        p.make(MakeOptions.defaults());
        if (name.endsWith("contract")) {
            p.make(EntityProject.DELETE_PENDING);
        }
        attack(new Case(name, p.from(0), prepared, List.of(
                "INSERT INTO tag (id, name) SELECT nextval('tag_seq'), 'tag ' || i FROM generate_series(1, 3) AS i",
                "INSERT INTO blog_post (id, title) SELECT g, 'post ' || g FROM generate_series(1, 49) AS g",
                "SELECT setval('blog_post_seq', 49)",
                "INSERT INTO blog_post_tags (blog_post_id, tags_id) SELECT p.id, t.id FROM blog_post p CROSS JOIN tag t")));
    }

    static List<String> tableRenames() {
        return List.of("rename-table expand", "rename-table expand and contract");
    }

    static List<String> renames() {
        return List.of("rename-column expand", "rename-column expand and contract");
    }

    /**
     * Two {@code keel migrate} at once: the second starts when the first is about to send its n-th request and waits for
     * it (keel's advisory lock); then the first is killed. The second goes on from where the first stopped and must
     * leave the database as an unkilled run.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void aSecondMigrateWaitingWhileTheFirstIsKilledFinishesTheWork(String name) throws Exception {
        Scenario scenario = Scenario.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        List<MigrationSpec> base = readProject(Scenario.BASE);
        var all = new ArrayList<>(base);
        all.addAll(scenario.expectedMigrations());
        Case c = new Case(name, all, base.size(), shopRows());
        MigrationSet set = MigrationSet.of(c.all(), JavaCode.none());
        String expected;
        int requests;
        try (Db db = prepared(c, set)) {
            try (KillRelay relay = new KillRelay(host(db), port(db), KillRelay.direct(db))) {
                runAll(set, relayed(relay, db));
                requests = relay.requests();
            }
            expected = snapshot(db);
        }
        var holes = new ArrayList<String>();
        int kills = 0;
        for (int n = 1; n <= requests; n++) {
            try (Db db = prepared(c, set);
                 KillRelay relay = new KillRelay(host(db), port(db), KillRelay.direct(db))) {
                var waiting = new java.util.concurrent.CountDownLatch(1);
                var second = new java.util.concurrent.CompletableFuture<Void>();
                MigrateListener listener = new MigrateListener() {
                    @Override
                    public void notice(String message) {
                        if (message.startsWith("Waiting for another keel migrate")) {
                            waiting.countDown();
                        }
                    }
                };
                relay.arm(n, KillRelay.Kill.AFTER_SENDING, () -> {
                    Thread t = new Thread(() -> {
                        try (Migrator m = Migrator.connect(set, direct(db), SETTINGS, listener)) {
                            m.migrate(MigrateRequest.all());
                            m.migrate(MigrateRequest.all().withPostDeploy());
                            second.complete(null);
                        } catch (Throwable e) {
                            second.completeExceptionally(e);
                        }
                    });
                    t.start();
                    // the first holds the advisory lock once it took it: the second waits; before that, the second
                    // takes it and does all the work while the first waits
                    try {
                        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
                        while (!waiting.await(20, java.util.concurrent.TimeUnit.MILLISECONDS) && !second.isDone()
                                && System.nanoTime() < deadline) {
                            Thread.onSpinWait();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                try {
                    runAll(set, relayed(relay, db));
                } catch (RuntimeException killed) {
                    // killed
                }
                if (relay.killed() == null) {
                    continue;
                }
                kills++;
                String where = c.name() + ", a second migrate waiting, the first killed at request " + n + " ("
                        + abbreviate(relay.killed()) + "): ";
                try {
                    second.get(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    holes.add(where + "the second migrate failed: " + e.getCause().getMessage());
                    continue;
                }
                String actual = snapshot(db);
                if (!actual.equals(expected)) {
                    holes.add(where + "the database differs from an unkilled run:\n" + difference(expected, actual));
                }
            }
        }
        System.out.println(c.name() + " (second migrate waiting): " + requests + " requests, " + kills + " kills");
        assertTrue(kills >= requests * 3 / 4, c.name() + ": only " + kills + " of " + requests + " attacks killed keel");
        assertEquals(List.of(), holes, c.name() + ": " + holes.size() + " kill points where the waiting migrate failed");
    }

    // ---------------------------------------------------------------------------------------------------------

    private void attack(Case c) throws Exception {
        MigrationSet set = MigrationSet.of(c.all(), JavaCode.none());
        String expected;
        int requests;
        try (Db db = prepared(c, set)) {
            try (KillRelay relay = new KillRelay(host(db), port(db), KillRelay.direct(db))) {
                runAll(set, relayed(relay, db));
                requests = relay.requests();
            }
            expected = snapshot(db);
            assertClean(db, set, "the run never killed");
        }
        var holes = new ArrayList<String>();
        int attacks = 0;
        int kills = 0;
        for (int n = 1; n <= requests; n++) {
            for (KillRelay.Kill kill : KillRelay.Kill.values()) {
                attacks++;
                Attack result = attackAt(c, set, n, kill, expected);
                kills += result.killed() ? 1 : 0;
                if (result.hole() != null) {
                    holes.add(result.hole());
                }
            }
        }
        System.out.println(c.name() + ": " + requests + " requests, " + kills + " of " + attacks + " attacks killed keel");
        // the run takes as many requests each time but for a few (a retry, a batch sent together): nearly all kill
        assertTrue(kills >= attacks * 3 / 4, c.name() + ": only " + kills + " of " + attacks + " attacks killed keel");
        assertEquals(List.of(), holes, c.name() + ": " + holes.size() + " of " + attacks + " kill points not finished by a"
                + " plain rerun");
    }

    /** Whether an attack killed keel, and what was wrong after the rerun (null when nothing was). */
    record Attack(boolean killed, String hole) {}

    /** Kills keel at request {@code n}, reruns, and says what is wrong afterwards. */
    private Attack attackAt(Case c, MigrationSet set, int n, KillRelay.Kill kill, String expected) throws Exception {
        try (Db db = prepared(c, set)) {
            String at;
            try (KillRelay relay = new KillRelay(host(db), port(db), KillRelay.direct(db))) {
                relay.arm(n, kill);
                try {
                    runAll(set, relayed(relay, db));
                } catch (RuntimeException expectedFailure) {
                    // killed: what keel says then is not checked here
                }
                at = relay.killed();
                if (at == null) {
                    return new Attack(false, null); // the run did not reach request n this time
                }
            }
            String where = c.name() + ", " + kill + " at request " + n + " (" + abbreviate(at) + "): ";
            return new Attack(true, afterRerun(db, set, where, expected));
        }
    }

    private static String afterRerun(Db db, MigrationSet set, String where, String expected) throws SQLException {
        try {
            runAll(set, direct(db));
        } catch (RuntimeException e) {
            return where + "the plain rerun failed: " + e.getMessage();
        }
        String actual = snapshot(db);
        if (!actual.equals(expected)) {
            return where + "the database differs from an unkilled run:\n" + difference(expected, actual);
        }
        try {
            assertClean(db, set, where);
        } catch (AssertionError e) {
            return e.getMessage();
        }
        return null;
    }

    private static String abbreviate(String request) {
        String s = request.replaceAll("\\s+", " ");
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }

    private static String difference(String expected, String actual) {
        var want = new java.util.LinkedHashSet<>(List.of(expected.split("\n")));
        var got = new java.util.LinkedHashSet<>(List.of(actual.split("\n")));
        var lines = new ArrayList<String>();
        for (String w : want) {
            if (!got.contains(w)) {
                lines.add("  missing: " + w);
            }
        }
        for (String g : got) {
            if (!want.contains(g)) {
                lines.add("  extra:   " + g);
            }
        }
        return String.join("\n", lines);
    }

    private static void runAll(MigrationSet set, Database database) {
        try (Migrator m = Migrator.connect(set, database, SETTINGS, MigrateListener.silent())) {
            m.migrate(MigrateRequest.all());
            m.migrate(MigrateRequest.all().withPostDeploy());
        }
    }

    private static void assertClean(Db db, MigrationSet set, String where) {
        try (Migrator m = Migrator.connect(set, direct(db), SETTINGS, MigrateListener.silent())) {
            DriftCheck.Report report = DriftCheck.check(m);
            assertTrue(report.clean(), where + "check-db finds drift: " + report.differences() + " " + report.problems());
        }
    }

    /** A fresh database with the case's first migrations applied and its rows in. */
    private static Db prepared(Case c, MigrationSet set) throws SQLException {
        Db db = Db.fresh();
        MigrationSpec last = c.all().get(c.prepared() - 1);
        try (Migrator m = Migrator.connect(set, direct(db), SETTINGS, MigrateListener.silent())) {
            m.migrate(new MigrateRequest(last.app(), last.name(), false, true));
        }
        db.execute(c.seed());
        return db;
    }

    private static List<String> shopRows() throws IOException {
        var rows = new ArrayList<String>();
        for (String s : ShopDatabase.statements(Files.readString(Scenario.BASE.resolve("populate.sql")))) {
            rows.add(s.replace("20000", String.valueOf(ROWS)));
        }
        return rows;
    }

    private static List<MigrationSpec> readProject(Path dir) {
        var graph = MigrationGraph.of(ProjectMigrations.readSources(KeelConfig.read(dir), dir));
        return graph.forwardsPlan(Set.of(), graph.leaves());
    }

    private static String host(Db db) {
        return URI.create(db.database.url().substring("jdbc:".length())).getHost();
    }

    private static int port(Db db) {
        return URI.create(db.database.url().substring("jdbc:".length())).getPort();
    }

    private static Database direct(Db db) {
        return new Database(db.database.url(), db.database.user(), db.database.password(), null, "start the test server");
    }

    private static Database relayed(KillRelay relay, Db db) {
        return new Database(relay.url(db.database.url()), db.database.user(), db.database.password(), null,
                "start the test server");
    }

    /** Everything of the schema and the history a run leaves, and a digest of each table's rows, one line each. */
    static String snapshot(Db db) throws SQLException {
        String schema = ShopDatabase.text(db, """
                SELECT string_agg(line, E'\\n' ORDER BY line) FROM (
                  SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                         || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
                         || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') AS line
                    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                   WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v', 'p') AND a.attnum > 0
                     AND NOT a.attisdropped
                  UNION ALL
                  SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                         || CASE WHEN convalidated THEN '' ELSE ' (not validated)' END
                    FROM pg_constraint WHERE connamespace = 'public'::regnamespace
                  UNION ALL
                  SELECT 'index ' || pg_get_indexdef(i.indexrelid) || CASE WHEN i.indisvalid THEN '' ELSE ' (INVALID)' END
                    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace = 'public'::regnamespace
                  UNION ALL
                  SELECT 'trigger ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
                  UNION ALL
                  SELECT 'function ' || p.oid::regprocedure || ' ' || md5(p.prosrc) FROM pg_proc p
                   WHERE p.pronamespace = 'public'::regnamespace
                  UNION ALL
                  SELECT 'relation ' || c.relname || ' ' || c.relkind || coalesce(' ' || pg_get_viewdef(c.oid), '')
                    FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v', 'S', 'p', 'm')
                  UNION ALL
                  SELECT 'sequence ' || schemaname || '.' || sequencename || ' start ' || start_value || ' by '
                         || increment_by || ' ' || data_type::text FROM pg_sequences WHERE schemaname = 'public'
                  UNION ALL
                  SELECT 'history ' || app || '.' || name || ' ' || phase || ' ' || steps_done || ' ' || checksum
                    FROM keel_migrations
                ) lines""");
        var tables = new TreeMap<String, String>();
        try (var st = db.connection.createStatement(); var r = st.executeQuery("""
                SELECT quote_ident(c.relname), string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
                  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
                 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname NOT LIKE 'keel\\_%'
                   AND a.attnum > 0 AND NOT a.attisdropped AND a.atttypid <> 'uuid'::regtype
                 GROUP BY c.relname""")) {
            while (r.next()) {
                tables.put(r.getString(1), r.getString(2));
            }
        }
        var out = new StringBuilder(schema == null ? "" : schema);
        for (var t : tables.entrySet()) {
            out.append("\nrows ").append(t.getKey()).append(' ').append(ShopDatabase.text(db, "SELECT count(*) || ' '"
                    + " || coalesce(md5(string_agg(r::text, ';' ORDER BY r::text)), '') FROM (SELECT " + t.getValue()
                    + " FROM " + t.getKey() + ") r"));
        }
        return out.toString();
    }
}
