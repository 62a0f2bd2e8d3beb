package dev.keel.cli;

import dev.keel.config.DatabaseConfig;
import dev.keel.config.KeelConfig;
import dev.keel.config.TargetConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationKey;
import dev.keel.runner.Database;
import dev.keel.runner.EmbeddedDatabase;
import dev.keel.runner.MigrateListener;
import dev.keel.runner.MigrationSet;
import dev.keel.runner.MigrationStatus;
import dev.keel.runner.Migrator;
import dev.keel.runner.RunnerSettings;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where migrations are applied, as far as keel can see: the history table of every database keel.json
 * configures (each target of one that lists targets), and, for a database without a URL, the embedded
 * PostgreSQL in {@code .keel/pg} when a previous command created it. A database that does not answer is
 * reported as not checked, never as "not applied".
 */
final class WhereApplied {
    /**
     * @param applied     for each migration asked about that a database records (applied, or left part-way by a
     *                    failed run), the databases that record it
     * @param unreachable the databases keel could not read, each with why
     * @param checked     the databases keel read
     */
    record Result(Map<MigrationKey, List<String>> applied, List<String> unreachable, List<String> checked) {}

    private WhereApplied() {}

    /** One database to ask: what to call it in messages, and how to connect (null: the embedded one). */
    private record Place(String name, String database, Database connect) {}

    static Result of(KeelConfig config, Path projectDir, MigrationSet set, Collection<MigrationKey> keys, PrintWriter notices) {
        var places = new ArrayList<Place>();
        for (String name : config.databaseNames()) {
            DatabaseConfig db = config.requireDatabase(name);
            String label = config.severalDatabases() ? "database " + name : "the database";
            if (db.hasTargets()) {
                for (TargetConfig t : db.targets()) {
                    String password = t.passwordEnv() == null ? null : System.getenv(t.passwordEnv());
                    places.add(new Place(label + " target " + t.name(), name, new Database(t.url(), t.user(), password,
                            t.passwordEnv(), Database.Origin.keelJson("databases." + name + ".targets[" + t.name() + "]"))));
                }
            } else if (db.url() != null) {
                Database d = Database.configured(db, null, System.getenv(),
                        config.severalDatabases() ? "databases." + name : "database").orElseThrow();
                places.add(new Place(label + " (" + d.displayUrl() + ")", name, d));
            } else if (EmbeddedDatabase.exists(projectDir)) {
                places.add(new Place(label + " (the embedded PostgreSQL in "
                        + EmbeddedDatabase.FOLDER + ")", name, null));
            }
        }
        var applied = new TreeMap<MigrationKey, List<String>>();
        var unreachable = new ArrayList<String>();
        var checked = new ArrayList<String>();
        EmbeddedDatabase embedded = null;
        try {
            for (Place p : places) {
                try {
                    Database database = p.connect();
                    if (database == null) {
                        if (embedded == null) {
                            notices.println("Reading the history of the embedded PostgreSQL in " + EmbeddedDatabase.FOLDER + "...");
                            notices.flush();
                            embedded = EmbeddedDatabase.start(projectDir);
                        }
                        database = embedded.database(p.database());
                    }
                    try (Migrator m = Migrator.connect(set, database, RunnerSettings.of(config.requireDatabase(p.database())),
                            MigrateListener.silent())) {
                        for (MigrationStatus s : m.status().migrations()) {
                            if (keys.contains(s.key()) && (s.mark() == MigrationStatus.Mark.APPLIED
                                    || s.mark() == MigrationStatus.Mark.PARTIAL)) {
                                applied.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(p.name()
                                        + (s.mark() == MigrationStatus.Mark.PARTIAL ? " (part-way)" : ""));
                            }
                        }
                    }
                    checked.add(p.name());
                } catch (KeelException e) {
                    if (e.kind() != ErrorKind.DATABASE) {
                        throw e;
                    }
                    unreachable.add(p.name() + ": " + e.getMessage().lines().findFirst().orElse(""));
                }
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
        return new Result(applied, unreachable, checked);
    }
}
