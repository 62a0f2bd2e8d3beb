package dev.keel.cli;

import dev.keel.config.DatabaseConfig;
import dev.keel.config.KeelConfig;
import dev.keel.config.TargetConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.routing.Router;
import dev.keel.runner.Database;
import dev.keel.runner.EmbeddedDatabase;
import dev.keel.runner.FanOut;
import dev.keel.runner.RunnerSettings;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --url}, {@code --database} and {@code --target} options, and the database a command works
 * on: {@code --url}, else the URL {@code keel.json} gives the database (or its target), else the
 * project's embedded PostgreSQL in {@code .keel/pg}.
 */
public final class DatabaseMixin {
    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "The database, instead of the url in keel.json: jdbc:postgresql://HOST:PORT/DB."
                    + " The user and password still come from keel.json (user, passwordEnv)"
                    + " unless the URL has them.")
    String url;

    @Option(names = "--database", paramLabel = "NAME",
            description = "The database of keel.json's \"databases\" to work on (default: default). Only the"
                    + " operations of the entities routed there (@Database) run; the others are recorded as not"
                    + " applicable.")
    String databaseName;

    @Option(names = "--large-table-rows", paramLabel = "ROWS",
            description = "From how many rows (as the catalog estimates them) a table is large, so that migrate leaves"
                    + " the migrations that build indexes or validate constraints on it for --post-deploy; 0 for only"
                    + " the tables keel.json lists in largeTables. Instead of keel.json's database.largeTableRows"
                    + " (default: 1000000).")
    Long largeTableRows;

    @Option(names = "--target", paramLabel = "TARGET",
            description = "For a database that lists \"targets\" (regions, tenants): the one target to work on.")
    String target;

    /** A database to work on, and the embedded server to stop afterwards if one was started. */
    static final class Opened implements AutoCloseable {
        final Database database;
        final boolean embedded;
        private final EmbeddedDatabase server;

        Opened(Database database, EmbeddedDatabase server) {
            this.database = database;
            this.embedded = server != null;
            this.server = server;
        }

        /** {@code the embedded PostgreSQL in .keel/pg}, or the URL with its password masked. */
        String describe() {
            return embedded ? "the embedded PostgreSQL in " + EmbeddedDatabase.FOLDER : database.displayUrl();
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }

    /** The name of the database to work on: {@code --database}, or {@code default}. */
    String databaseName(KeelConfig config) {
        return databaseName(config, databaseName);
    }

    /** {@link #databaseName(KeelConfig)} for the option's value {@code given} (null when not given). */
    static String databaseName(KeelConfig config, String given) {
        String name = given == null ? KeelConfig.DEFAULT_DATABASE : given;
        if (given == null && !config.hasDatabase(name)) {
            throw new KeelException(ErrorKind.USAGE, "keel.json names no database \"" + name + "\", so this command"
                    + " needs --database NAME. Databases: " + config.databaseNames()
                    + "\nTo fix: add --database with one of those names.");
        }
        config.requireDatabase(name);
        return name;
    }

    /** Whether {@code --database} was given. */
    boolean databaseGiven() {
        return databaseName != null;
    }

    /** The router of the project's databases. */
    static Router router(KeelConfig config) {
        return Router.of(config);
    }

    /** The configured database ({@code --url} or {@code keel.json}), if any. */
    Optional<Database> configured(KeelConfig config) {
        return configured(config, url, databaseName, target);
    }

    /**
     * {@link #configured(KeelConfig)} for the options' values {@code url}, {@code databaseName} and {@code target} (each
     * null when not given): also what {@link EarlyConnection} connects to before the command line is parsed.
     */
    static Optional<Database> configured(KeelConfig config, String url, String databaseName, String target) {
        String name = databaseName(config, databaseName);
        DatabaseConfig db = config.requireDatabase(name);
        if (!db.hasTargets()) {
            if (target != null) {
                throw new KeelException(ErrorKind.USAGE, "--target " + target + ": the database \"" + name
                        + "\" lists no targets in keel.json.\nTo fix: leave out --target, or list \"targets\" for it.");
            }
            return Database.configured(db, url, System.getenv(), key(config, name));
        }
        if (target == null) {
            throw new KeelException(ErrorKind.USAGE, "the database \"" + name + "\" lists " + db.targets().size()
                    + " targets in keel.json " + db.targets().stream().map(TargetConfig::name).toList()
                    + "; this command works on one.\nTo fix: name one with --target TARGET (keel migrate"
                    + " --all-targets migrates them all).");
        }
        TargetConfig t = db.targets().stream().filter(x -> x.name().equals(target)).findFirst()
                .orElseThrow(() -> new KeelException(ErrorKind.USAGE, "--target " + target + ": the database \"" + name
                        + "\" has no such target. Targets: " + db.targets().stream().map(TargetConfig::name).toList()
                        + "\nTo fix: use one of those names."));
        return Optional.of(database(name, t, url));
    }

    /** Where a database's settings are in keel.json: {@code database}, or {@code databases.NAME} with several. */
    private static String key(KeelConfig config, String name) {
        return config.severalDatabases() ? "databases." + name : "database";
    }

    /** How to connect to one target of the database {@code name} (its password from the environment). */
    private static Database database(String name, TargetConfig t, String urlOverride) {
        boolean override = urlOverride != null && !urlOverride.isBlank();
        String u = override ? urlOverride.trim() : t.url();
        String password = t.passwordEnv() == null ? null : System.getenv(t.passwordEnv());
        Database.Origin origin = Database.Origin.keelJson("databases." + name + ".targets[" + t.name() + "]");
        return new Database(u, t.user(), password, t.passwordEnv(), override ? origin.urlFromOption() : origin);
    }

    /**
     * Every target {@code migrate --all-targets} works on: with {@code --database}, that database's
     * targets (or the database itself when it lists none); otherwise those of every database.
     *
     * @throws KeelException of kind USAGE when a database has neither a url nor targets
     */
    List<FanOut.Target> allTargets(KeelConfig config) {
        if (url != null || target != null) {
            throw new KeelException(ErrorKind.USAGE, "--all-targets takes the targets from keel.json; it does not go"
                    + " with --url or --target.\nTo fix: leave those out, or leave out --all-targets.");
        }
        List<String> names = databaseName == null ? config.databaseNames() : List.of(databaseName(config));
        var result = new ArrayList<FanOut.Target>();
        for (String name : names) {
            DatabaseConfig db = config.requireDatabase(name);
            if (db.hasTargets()) {
                for (TargetConfig t : db.targets()) {
                    result.add(new FanOut.Target(name + "/" + t.name(), name, database(name, t, null)));
                }
            } else if (db.url() != null) {
                result.add(new FanOut.Target(name, name,
                        Database.configured(db, null, System.getenv(), key(config, name)).orElseThrow()));
            } else {
                throw new KeelException(ErrorKind.USAGE, "the database \"" + name + "\" has no url and no targets in"
                        + " keel.json, so --all-targets has nowhere to connect.\nTo fix: give it a url or targets, or"
                        + " pick the databases with --database.");
            }
        }
        return result;
    }

    /**
     * The configured database, or the embedded one, started (saying so on {@code notices}).
     *
     * @throws dev.keel.error.KeelException of kind DATABASE when the embedded server cannot start
     */
    Opened open(KeelConfig config, Path projectDir, PrintWriter notices) {
        Optional<Database> configured = configured(config);
        if (configured.isPresent()) {
            return new Opened(configured.get(), null);
        }
        notices.println(EmbeddedDatabase.NOTICE);
        notices.flush();
        EmbeddedDatabase server = EmbeddedDatabase.start(projectDir);
        try {
            return new Opened(server.database(databaseName(config)), server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** {@link #open}, the start of an embedded server timed as the phase {@code start embedded PostgreSQL}. */
    Opened open(KeelConfig config, Path projectDir, PrintWriter notices, Timings timings) {
        long start = System.nanoTime();
        Opened opened = open(config, projectDir, notices);
        if (opened.embedded) {
            timings.report("start embedded PostgreSQL", java.time.Duration.ofNanos(System.nanoTime() - start));
        }
        return opened;
    }

    /** The runner's settings from {@code keel.json}, for the database this command works on. */
    RunnerSettings settings(KeelConfig config) {
        return withOptions(RunnerSettings.of(config, databaseName(config)));
    }

    /** The runner's settings of each database of {@code keel.json}, with this command's options. */
    Map<String, RunnerSettings> allSettings(KeelConfig config) {
        var map = new java.util.HashMap<String, RunnerSettings>();
        config.databaseNames().forEach(n -> map.put(n, withOptions(RunnerSettings.of(config, n))));
        return map;
    }

    private RunnerSettings withOptions(RunnerSettings s) {
        if (largeTableRows == null) {
            return s;
        }
        if (largeTableRows < 0) {
            throw new dev.keel.error.KeelException(dev.keel.error.ErrorKind.USAGE, "--large-table-rows must be a number"
                    + " of rows, or 0 for only the tables keel.json lists in largeTables, not " + largeTableRows + ".");
        }
        return s.withLargeTables(s.largeTables().withRows(largeTableRows));
    }
}
