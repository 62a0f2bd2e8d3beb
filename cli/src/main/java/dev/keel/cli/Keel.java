package dev.keel.cli;

import dev.keel.error.ErrorKind;
import dev.keel.make.EntitySource;
import dev.keel.error.KeelException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The {@code keel} command: global options, and one subcommand per task. */
@Command(name = "keel", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, versionProvider = VersionProvider.class,
        description = "Writes and runs zero-downtime migrations for JPA entities on PostgreSQL.",
        footer = {"", "Exit codes: 0 ok, 1 a check or lint found something, 2 usage, 3 input needed,"
                + " 4 graph conflict or inconsistent history, 5 database error, 6 a program keel runs is not installed."})
public final class Keel implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "-C", paramLabel = "DIR",
            description = {"Run as if keel was started in DIR instead of the current folder. DIR is the project"
                    + " folder, where keel.json is. Given more than once, each DIR is taken relative to the one"
                    + " before, as git -C does."})
    private List<Path> directories = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = {"Read the configuration from FILE instead of keel.json in the project folder (the Maven"
                    + " plugin passes its own configuration this way). Paths in it stay relative to the project folder."})
    private Path configFile;

    private final MigrationSource migrationSource;
    private final EntitySource entitySource;

    Keel(MigrationSource migrationSource, EntitySource entitySource) {
        this.migrationSource = migrationSource;
        this.entitySource = entitySource;
    }

    /** Runs keel with the command-line arguments and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine(MigrationSource.standard(), Entities.standard(), commandNamed(args)).execute(args));
    }

    /** keel's subcommands, in the order the usage lists them. */
    static final List<Class<?>> COMMANDS = List.of(MakeMigrationsCommand.class, MigrateCommand.class,
            SqlMigrateCommand.class, ShowMigrationsCommand.class, DiagramCommand.class, LintCommand.class, RenumberCommand.class,
            SquashMigrationsCommand.class, OptimizeMigrationCommand.class, InitCommand.class, HookCommand.class, CheckDbCommand.class);

    /**
     * The subcommand {@code args} run, or null when they name none of keel's (usage, --version, a typo). Only
     * {@code -C DIR} and {@code --config FILE} may come before it; any other option before it gives null.
     */
    static String commandNamed(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-C") || a.equals("--config")) {
                i++;
            } else if (!a.startsWith("--config=") && !(a.startsWith("-C") && !a.startsWith("--"))) {
                String name = a;
                return COMMANDS.stream().map(Keel::name).anyMatch(name::equals) ? name : null;
            }
        }
        return null;
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /**
     * The keel command line, ready to {@link CommandLine#execute}: errors are printed without a stack
     * trace and mapped to exit codes.
     *
     * @param migrationSource where the commands read the project's migrations from
     */
    public static CommandLine commandLine(MigrationSource migrationSource) {
        return commandLine(migrationSource, Entities.standard());
    }

    /**
     * The keel command line with both seams given: where migrations and where the entities' schema come from.
     */
    public static CommandLine commandLine(MigrationSource migrationSource, EntitySource entitySource) {
        return commandLine(migrationSource, entitySource, null);
    }

    /**
     * The keel command line with only the subcommand {@code only} (every one when null). {@link #main} gives the
     * one the arguments run: picocli reads each registered command's annotations by reflection when the command
     * line is built, a tenth of a second for all of keel's, which every run of a short command would pay.
     */
    static CommandLine commandLine(MigrationSource migrationSource, EntitySource entitySource, String only) {
        var commandLine = new CommandLine(new Keel(migrationSource, entitySource));
        for (Class<?> command : COMMANDS) {
            if (only == null || only.equals(name(command))) {
                commandLine.addSubcommand(command);
            }
        }
        return commandLine.setExecutionExceptionHandler(new ErrorHandler())
                .setParameterExceptionHandler(new UsageErrorHandler());
    }

    /** {@code keel} alone: the usage, on stderr, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ErrorKind.USAGE.exitCode();
    }

    /** The project folder: the current folder, moved by each {@code -C DIR} in turn. */
    Path projectDir() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d : directories) {
            dir = dir.resolve(d);
        }
        dir = dir.normalize();
        if (!Files.isDirectory(dir)) {
            throw new KeelException(ErrorKind.USAGE, dir + ": no such folder (from -C "
                    + String.join(" -C ", directories.stream().map(Path::toString).toList()) + ").\n"
                    + "To fix: give -C the project folder, the one that holds keel.json.");
        }
        return dir;
    }

    /** The configuration file {@code --config} names, or null for the project's {@code keel.json}. */
    Path configFile() {
        return configFile;
    }

    MigrationSource migrationSource() {
        return migrationSource;
    }

    EntitySource entitySource() {
        return entitySource;
    }
}
