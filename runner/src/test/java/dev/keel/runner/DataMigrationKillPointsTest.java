package dev.keel.runner;

import dev.keel.config.KeelConfig;
import dev.keel.runner.support.Db;
import dev.keel.runner.support.KillRelay;
import dev.keel.runner.support.NewsProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batched {@code RunJava} walk (post-deployment, non-atomic) and the migration after it, with keel killed at every
 * request of the run, three ways ({@link KillRelay.Kill}). The walk is made to add 1 to every row it passes, whatever
 * the row holds, so that a batch done twice or skipped shows: after each kill a plain rerun of {@code migrate
 * --post-deploy} must leave every row written exactly once, the history applied and no progress left behind.
 */
class DataMigrationKillPointsTest {
    static final int ROWS = 2500;
    static final RunnerSettings SETTINGS = new RunnerSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), 3,
            Duration.ofMillis(50), Duration.ofMillis(50));

    @TempDir Path project;

    private MigrationSet set() {
        return MigrationSet.read(KeelConfig.read(project), project);
    }

    private static Database direct(Db db) {
        return Specs.database(db);
    }

    private Db prepared(MigrationSet set) throws Exception {
        Db db = Db.fresh();
        try (Migrator m = Migrator.connect(set, direct(db), SETTINGS, MigrateListener.silent())) {
            m.migrate(new MigrateRequest("news", "0001", false, true));
        }
        db.execute("INSERT INTO post (id, title) SELECT g, 'Title ' || g FROM generate_series(1, " + ROWS + ") g");
        return db;
    }

    private static void runAll(MigrationSet set, Database database) {
        try (Migrator m = Migrator.connect(set, database, SETTINGS, MigrateListener.silent())) {
            m.migrate(MigrateRequest.all().withPostDeploy());
        }
    }

    /** What must hold after the whole run: null when it does, else what is wrong. */
    private static String wrong(Db db) throws Exception {
        var problems = new ArrayList<String>();
        long once = db.count("SELECT count(*) FROM story WHERE touched = 1 AND slug = lower(headline)");
        if (once != ROWS) {
            problems.add((ROWS - once) + " rows not written exactly once (" + db.string("SELECT string_agg(touched || ': '"
                    + " || n, ', ') FROM (SELECT touched, count(*) n FROM story GROUP BY touched ORDER BY touched) t") + ")");
        }
        long copied = db.count("SELECT count(*) FROM story WHERE headline_copy = headline");
        if (copied != ROWS) {
            problems.add("0003's copy reached " + copied + " rows");
        }
        String history = db.string("SELECT string_agg(name || ' ' || phase || ' ' || steps_done, ', ' ORDER BY name)"
                + " FROM keel_migrations");
        if (!history.equals("0001_initial applied 0, 0002_fill_slugs applied 0, 0003_rename_post applied 0")) {
            problems.add("history: " + history);
        }
        long progress = db.count("SELECT count(*) FROM keel_backfill");
        if (progress != 0) {
            problems.add(progress + " progress rows left in keel_backfill");
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    @Test
    void everyKillPointOfABatchedWalkIsFinishedByAPlainRerunWritingEachRowOnce() throws Exception {
        NewsProject.write(project);
        NewsProject.edit(project, "M0002_fill_slugs", "\n                .where(post.column(\"slug\") + \" IS NULL\")", "");
        NewsProject.edit(project, "M0002_fill_slugs", "size(1000)", "size(300)");
        MigrationSet set = set();
        int requests;
        try (Db db = prepared(set)) {
            URI uri = URI.create(db.database.url().substring("jdbc:".length()));
            try (KillRelay relay = new KillRelay(uri.getHost(), uri.getPort(), KillRelay.direct(db))) {
                runAll(set, new Database(relay.url(db.database.url()), db.database.user(), db.database.password(), null,
                        "start the test server"));
                requests = relay.requests();
            }
            assertEquals(null, wrong(db), "the run never killed");
        }
        var holes = new ArrayList<String>();
        int kills = 0;
        int attacks = 0;
        for (int n = 1; n <= requests; n++) {
            for (KillRelay.Kill kill : KillRelay.Kill.values()) {
                attacks++;
                try (Db db = prepared(set)) {
                    URI uri = URI.create(db.database.url().substring("jdbc:".length()));
                    String at;
                    try (KillRelay relay = new KillRelay(uri.getHost(), uri.getPort(), KillRelay.direct(db))) {
                        relay.arm(n, kill);
                        try {
                            runAll(set, new Database(relay.url(db.database.url()), db.database.user(),
                                    db.database.password(), null, "start the test server"));
                        } catch (RuntimeException killed) {
                            // killed
                        }
                        at = relay.killed();
                    }
                    if (at == null) {
                        continue;
                    }
                    kills++;
                    String where = kill + " at request " + n + " (" + at.replaceAll("\\s+", " ") + "): ";
                    try {
                        runAll(set, direct(db));
                    } catch (RuntimeException e) {
                        holes.add(where + "the plain rerun failed: " + e.getMessage());
                        continue;
                    }
                    String wrong = wrong(db);
                    if (wrong != null) {
                        holes.add(where + wrong);
                    }
                }
            }
        }
        System.out.println("batched walk: " + requests + " requests, " + kills + " of " + attacks + " attacks killed keel");
        assertTrue(kills >= attacks * 3 / 4, "only " + kills + " of " + attacks + " attacks killed keel");
        assertEquals(List.of(), holes, holes.size() + " of " + attacks + " kill points not finished by a plain rerun");
    }
}
