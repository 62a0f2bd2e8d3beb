package dev.keel.cli;

import dev.keel.config.KeelConfig;
import dev.keel.graph.MigrationGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What every project command needs: the project folder ({@code keel -C DIR}), its {@code keel.json},
 * its migration graph, and the command's output streams and colours.
 * It adds no options of its own ({@code -C} belongs to {@code keel} itself, before the command).
 */
@Command
public final class ProjectMixin {
    @Spec(Spec.Target.MIXEE) CommandSpec command;

    private KeelConfig config;

    /** The project folder. */
    Path projectDir() {
        return keel().projectDir();
    }

    /** Whether the project has a configuration to read: {@code keel.json} in its folder, or {@code --config}. */
    boolean hasConfig() {
        return keel().configFile() != null || java.nio.file.Files.isRegularFile(projectDir().resolve(KeelConfig.FILE_NAME));
    }

    /** The project's {@code keel.json}, read once. */
    /** The keel.json {@code --config} names; null when not given (the project folder's). */
    Path configFile() {
        return keel().configFile();
    }

    KeelConfig config() {
        if (config == null) {
            Path file = keel().configFile();
            Path dir = projectDir();
            Optional<EarlyCheck.Started> early = keel().earlyCheck(dir, file, keel().libraries());
            if (early.isPresent()) { // read the same way while the arguments were parsed
                hibernate = early.get().hibernate();
                config = early.get().config();
                return config;
            }
            KeelConfig read = timings().time("read keel.json", () -> readConfig(dir, file)).withLibraries(keel().libraries());
            // whose schema the entities map to, Hibernate 6's or 7's: keel.json's "hibernate", else the build's
            hibernate = dev.keel.scan.HibernateTarget.decide(dir, read);
            config = read.withHibernate(hibernate.version());
        }
        return config;
    }

    private dev.keel.scan.HibernateTarget.Decision hibernate;

    /** Whose schema the entities map to and where that was found (keel.json, the class path, a build file, the default). */
    dev.keel.scan.HibernateTarget.Decision hibernate() {
        config();
        return hibernate;
    }

    /** The configuration of the project in {@code dir}: its {@code keel.json}, or {@code file} ({@code --config}) when given. */
    static KeelConfig readConfig(Path dir, Path file) {
        return file == null ? KeelConfig.read(dir) : readFile(dir.resolve(file));
    }

    private static KeelConfig readFile(Path file) {
        try {
            return KeelConfig.parse(java.nio.file.Files.readString(file), file.toString());
        } catch (java.io.IOException e) {
            throw new dev.keel.error.KeelException(dev.keel.error.ErrorKind.USAGE, file + ": cannot read it: "
                    + e.getMessage() + "\nTo fix: name an existing keel.json with --config.", e);
        }
    }

    /** The graph of the project's migrations. */
    MigrationGraph graph() {
        return MigrationGraph.of(migrationSpecs());
    }

    /** The project's migrations, read by the command line's migration source. */
    java.util.List<dev.keel.migration.MigrationSpec> migrationSpecs() {
        KeelConfig c = config();
        return timings().time("load migrations", () -> keel().migrationSource().read(c, projectDir()));
    }

    /** The level of {@code keel -v N}, 0 to 3 (1 by default). */
    int verbosity() {
        return keel().verbosity();
    }

    /** The phases' timings, printed at {@code -v 3}. */
    Timings timings() {
        return Timings.of(verbosity(), err());
    }

    /**
     * Where progress and notices go: standard output, or standard error when standard output carries JSON;
     * nowhere at {@code -v 0}.
     */
    PrintWriter notes(boolean json) {
        if (verbosity() == Verbosity.QUIET) {
            return new PrintWriter(java.io.Writer.nullWriter());
        }
        return json ? err() : out();
    }

    /** Where notes go that are not the command's result: standard error. */
    PrintWriter err() {
        return command.commandLine().getErr();
    }

    /** Where the entities' schema comes from. */
    dev.keel.make.EntitySource entitySource() {
        return keel().entitySource();
    }

    /** Where the command's results go. */
    PrintWriter out() {
        return command.commandLine().getOut();
    }

    /** Colours and styles, on only when standard output is a terminal (unless configured otherwise). */
    Ansi ansi() {
        return command.commandLine().getColorScheme().ansi();
    }

    /**
     * The connection {@code keel migrate} started before its arguments were parsed ({@link EarlyConnection}), now the
     * caller's to take or close; null when none, or when it was taken already.
     */
    ConnectionAhead takeEarlyConnection() {
        return keel().takeEarlyConnection();
    }

    /**
     * The fingerprints {@code makemigrations --check} started before its arguments were parsed ({@link EarlyCheck}),
     * when they were started under this command's configuration; null otherwise. The check itself makes sure they are
     * of what it checks ({@link dev.keel.make.PassedChecks.Ahead}).
     */
    dev.keel.make.PassedChecks.Ahead checksAhead() {
        config();
        return keel().earlyCheck(projectDir(), keel().configFile(), keel().libraries())
                .filter(s -> s.config() == config).map(EarlyCheck.Started::ahead).orElse(null);
    }

    private Keel keel() {
        return (Keel) command.root().userObject();
    }
}
