package dev.keel.cli;

import dev.keel.config.KeelConfig;
import dev.keel.runner.Database;
import dev.keel.runner.EmbeddedDatabase;
import dev.keel.runner.MigrationSet;
import dev.keel.runner.RunnerSettings;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code --url} option, and the database a command works on: {@code --url}, else
 * {@code database.url} of {@code keel.json}, else the project's embedded PostgreSQL in {@code .keel/pg}.
 */
public final class DatabaseMixin {
    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "The database, instead of database.url in keel.json: jdbc:postgresql://HOST:PORT/DB."
                    + " The user and password still come from keel.json (database.user, database.passwordEnv)"
                    + " unless the URL has them.")
    String url;

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

    /** The configured database ({@code --url} or {@code keel.json}), if any. */
    Optional<Database> configured(KeelConfig config) {
        return Database.configured(config.database(), url, System.getenv());
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
        return new Opened(server.database(), server);
    }

    /** The runner's settings from {@code keel.json}. */
    static RunnerSettings settings(KeelConfig config) {
        return RunnerSettings.of(config.database());
    }

    /** The project's migrations as the runner needs them. */
    static MigrationSet migrations(ProjectMixin project) {
        return MigrationSet.of(project.migrationSpecs(), project.config(), project.projectDir());
    }
}
