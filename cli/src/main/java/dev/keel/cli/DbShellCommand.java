package dev.keel.cli;

import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code keel dbshell}: psql on the database keel migrates. */
@Command(name = "dbshell", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs PostgreSQL's psql on the database keel migrate works on, as keel connects to it: the URL,"
                + " user and password of keel.json (database.url, database.user, the variable database.passwordEnv"
                + " names), or of --url, --database and --target.",
                "With no database.url, keel starts the embedded PostgreSQL in .keel/pg for the session and stops it"
                        + " when psql exits.",
                "The password goes to psql in the PGPASSWORD environment variable, never on its command line (where"
                        + " ps would show it); the host, port, database and user go in PGHOST, PGPORT, PGDATABASE and"
                        + " PGUSER, and the URL's sslmode, sslrootcert, sslcert, sslkey, connectTimeout, currentSchema"
                        + " and options in libpq's variables, so psql arguments after -- may still override them.",
                "psql is looked up on the PATH, then in /usr/lib/postgresql/VERSION/bin; --psql names another."},
        footer = {"", "Examples:",
                "  keel dbshell",
                "  keel dbshell --database control -- -c 'select count(*) from keel_migrations'",
                "  keel dbshell -- -f fix.sql -v ON_ERROR_STOP=1",
                "", "Exit code: psql's (0 ok, 1 psql failed, 2 the connection failed, 3 a script error with"
                + " ON_ERROR_STOP); keel's own (2 usage, 5 database, 6 no psql) when psql could not start."})
final class DbShellCommand implements Callable<Integer> {
    /** The name psql's session has in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "keel dbshell";

    /** The libpq variables keel sets or clears, so that none left in the environment points psql elsewhere. */
    static final List<String> CONNECTION_VARIABLES = List.of("PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER",
            "PGPASSWORD", "PGSERVICE", "PGSSLMODE", "PGSSLROOTCERT", "PGSSLCERT", "PGSSLKEY", "PGCONNECT_TIMEOUT",
            "PGOPTIONS", "PGAPPNAME");

    @Mixin ProjectMixin project;
    @Mixin DatabaseMixin db;

    @Option(names = "--psql", paramLabel = "PROGRAM",
            description = "The psql program to run: a path, or a name looked up on the PATH (default: psql).")
    String psql;

    @Parameters(paramLabel = "PSQL_ARGS", arity = "0..*",
            description = "Arguments for psql, after --: keel dbshell -- -c 'select 1'.")
    List<String> psqlArgs = new ArrayList<>();

    @Override
    public Integer call() {
        KeelConfig config = project.config();
        Path program = Psql.find(psql, System.getenv("PATH"), Psql.DEBIAN_VERSIONS);
        try (DatabaseMixin.Opened opened = db.open(config, project.projectDir(), project.notes(true), project.timings())) {
            Map<String, String> env = opened.database.libpqEnvironment(APPLICATION_NAME);
            var command = new ArrayList<String>();
            command.add(program.toString());
            command.addAll(psqlArgs);
            var builder = new ProcessBuilder(command).inheritIO();
            CONNECTION_VARIABLES.forEach(builder.environment()::remove);
            builder.environment().putAll(env);
            if (project.verbosity() >= Verbosity.SQL) {
                project.err().println("Running " + String.join(" ", command) + " on " + opened.describe() + " as "
                        + env.getOrDefault("PGUSER", "your login name") + ".");
                project.err().flush();
            }
            project.out().flush();
            return project.timings().time("psql", () -> run(builder, program));
        }
    }

    private static int run(ProcessBuilder builder, Path program) {
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new KeelException(ErrorKind.USAGE, program + " could not start: " + e.getMessage()
                    + "\nTo fix: check that it is psql and may run here, or give another with --psql.", e);
        }
        // Ctrl-C is psql's (it cancels the running query): keel must not stop with it, as Django's dbshell does not
        sun.misc.SignalHandler previous = ignoreInterrupts();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new KeelException(ErrorKind.DATABASE, "interrupted while psql ran; it was stopped.\nTo fix: run"
                    + " keel dbshell again.", e);
        } finally {
            if (previous != null) {
                sun.misc.Signal.handle(new sun.misc.Signal("INT"), previous);
            }
        }
    }

    /** Ignores SIGINT in keel while psql runs; the handler to put back, or null where there is no SIGINT. */
    private static sun.misc.SignalHandler ignoreInterrupts() {
        try {
            return sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
