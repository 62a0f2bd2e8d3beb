package dev.keel.runner;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.Operation;
import dev.keel.runner.support.Db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Migrations built in code for the runner's tests, and the settings and database they run with. */
final class Specs {
    private Specs() {}

    /** Fast settings: short lock timeout, quick retries. */
    static final RunnerSettings FAST = new RunnerSettings(Duration.ofMillis(200), Duration.ofSeconds(5), 2,
            Duration.ofMillis(20), Duration.ofMillis(20));

    /** A migration {@code app.name}: atomic, deploy-time, depending on nothing until told. */
    static Builder spec(String dotted) {
        int dot = dotted.indexOf('.');
        return new Builder(new MigrationKey(dotted.substring(0, dot), dotted.substring(dot + 1)));
    }

    static final class Builder {
        private final MigrationKey key;
        private final List<MigrationKey> deps = new ArrayList<>();
        private boolean atomic = true;
        private boolean post;

        Builder(MigrationKey key) {
            this.key = key;
        }

        Builder after(String... dotted) {
            for (String d : dotted) {
                int dot = d.indexOf('.');
                deps.add(new MigrationKey(d.substring(0, dot), d.substring(dot + 1)));
            }
            return this;
        }

        Builder nonAtomic() {
            atomic = false;
            return this;
        }

        Builder postDeployment() {
            post = true;
            return this;
        }

        MigrationSpec ops(Operation... ops) {
            return new MigrationSpec(key, deps, Arrays.asList(ops), atomic, post, deps.isEmpty(), List.of(), "test:" + key);
        }
    }

    static MigrationSet set(MigrationSpec... specs) {
        return MigrationSet.of(List.of(specs), JavaCode.none());
    }

    static Database database(Db db) {
        return new Database(db.database.url(), db.database.user(), db.database.password(), null, "start the test server");
    }

    static Migrator migrator(Db db, MigrationSet set, RunnerSettings settings, MigrateListener listener) {
        return Migrator.connect(set, database(db), settings, listener);
    }
}
