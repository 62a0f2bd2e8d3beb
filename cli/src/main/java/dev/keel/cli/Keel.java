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
import java.util.Optional;
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

    @Option(names = "--libraries", paramLabel = "PATHS",
            description = {"Also read types and constants the source roots do not declare from these jars and class"
                    + " folders (separated by the platform's path separator, as a Java class path; relative to the project"
                    + " folder; globs and @FILE as in keel.json; may be given more than once), after those of \"libraries\""
                    + " in keel.json. The Maven plugin passes the project's compile class path this way."})
    private List<String> libraries = new ArrayList<>();

    private int verbosity = Verbosity.NORMAL;

    @Option(names = {"-v", "--verbosity"}, paramLabel = "N", scope = CommandLine.ScopeType.INHERIT,
            description = {"How much to print, before or after the command: 0 errors and results only (no progress,"
                    + " no notices), 1 the default, 2 also each SQL statement as it runs, 3 also how long each phase"
                    + " took (reading keel.json, loading migrations, starting the embedded PostgreSQL, connecting, planning,"
                    + " executing), on standard error."})
    void verbosity(int level) {
        if (level < Verbosity.QUIET || level > Verbosity.TIMINGS) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-v/--verbosity takes 0, 1, 2 or 3, not "
                    + level + ".\nTo fix: -v 0 for errors only, 1 the default, 2 with SQL, 3 with timings.");
        }
        verbosity = level;
    }

    /** The level of {@code -v}: 0 to 3. */
    int verbosity() {
        return verbosity;
    }

    private final MigrationSource migrationSource;
    private final EntitySource entitySource;

    Keel(MigrationSource migrationSource, EntitySource entitySource) {
        this.migrationSource = migrationSource;
        this.entitySource = entitySource;
    }

    /** Runs keel with the command-line arguments and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(forArguments(args, MigrationSource.standard(), Entities.standard()).execute(args));
    }

    /**
     * The command line {@link #main} runs {@code args} with: only the subcommand they name, and for {@code migrate} the
     * connection already started from them ({@link EarlyConnection}), while picocli builds and parses the command line.
     */
    static CommandLine forArguments(String[] args, MigrationSource migrationSource, EntitySource entitySource) {
        String only = versionOnly(args) ? NO_SUBCOMMAND : commandNamed(args);
        ConnectionAhead early = "migrate".equals(only) ? EarlyConnection.start(args) : null;
        if (early != null && ConnectionAhead.yieldsProcessors(Runtime.getRuntime().availableProcessors())) {
            early.awaitFirstSend(FIRST_SEND_WAIT);
        }
        EarlyCheck check = "makemigrations".equals(only) ? EarlyCheck.start(args, entitySource) : null;
        CommandLine commandLine = commandLine(migrationSource, entitySource, only);
        ((Keel) commandLine.getCommand()).early = early;
        ((Keel) commandLine.getCommand()).earlyCheck = check;
        return commandLine;
    }

    /**
     * How long {@link #forArguments} lets migrate's first migration go ahead alone at most: on 2 processors with the
     * server on the same machine it is sent 230-270 ms after keel's start. Against a distant server (tens of
     * milliseconds a round trip: a dozen of them before the send) the wait ends here, and what the main thread has not
     * done by then may finish after the server has run that first migration (of at least
     * {@code EarlyStart.MIN_STATEMENTS}, 50, statements): that run is at most this much slower.
     */
    static final java.time.Duration FIRST_SEND_WAIT = java.time.Duration.ofMillis(400);

    /** {@code makemigrations --check}'s configuration and fingerprints, started before the arguments were parsed ({@link EarlyCheck}); null when none. */
    private EarlyCheck earlyCheck;

    /**
     * What {@link EarlyCheck} started, when it was for {@code projectDir}, {@code configFile} and {@code libraries}
     * (the parsed options); empty otherwise.
     */
    Optional<EarlyCheck.Started> earlyCheck(Path projectDir, Path configFile, List<String> libraries) {
        return earlyCheck == null ? Optional.empty() : earlyCheck.startedFor(projectDir, configFile, libraries);
    }

    /** {@code migrate}'s connection, opened from the arguments before they were parsed ({@link EarlyConnection}); null when none. */
    private ConnectionAhead early;

    /** {@link #early}, now the caller's to take or close; null when none (or already taken). */
    ConnectionAhead takeEarlyConnection() {
        ConnectionAhead e = early;
        early = null;
        return e;
    }

    /** For {@link #commandLine(MigrationSource, EntitySource, String)}: no subcommand at all. */
    static final String NO_SUBCOMMAND = "";

    /** keel's subcommands, in the order the usage lists them. */
    static final List<Class<?>> COMMANDS = List.of(MakeMigrationsCommand.class, MigrateCommand.class,
            SqlMigrateCommand.class, ShowMigrationsCommand.class, DiagramCommand.class, LintCommand.class, RenumberCommand.class,
            SquashMigrationsCommand.class, OptimizeMigrationCommand.class, InitCommand.class, HookCommand.class, CheckDbCommand.class,
            DbShellCommand.class);

    /**
     * The name of each of {@link #COMMANDS}, in the same order: what its {@code @Command} says (SubcommandSelectionTest
     * checks that they agree). Read from here, not from the annotations: reading thirteen classes' annotations by
     * reflection is about 20 ms of a fresh JVM, before the work started ahead of picocli ({@link EarlyConnection},
     * {@link EarlyCheck}) could start.
     */
    static final List<String> COMMAND_NAMES = List.of("makemigrations", "migrate", "sqlmigrate", "showmigrations",
            "diagram", "lint", "renumber", "squashmigrations", "optimizemigration", "init", "hook", "check-db", "dbshell");

    /**
     * The subcommand {@code args} run, or null when they name none of keel's (usage, --version, a typo). Only
     * {@code -C DIR}, {@code --config FILE}, {@code --libraries PATHS} and {@code -v N} may come before it; any other
     * option before it gives null.
     */
    static String commandNamed(String[] args) {
        int i = afterProjectOptions(args);
        if (i >= args.length) {
            return null;
        }
        String name = args[i];
        return COMMAND_NAMES.contains(name) ? name : null;
    }

    /**
     * Whether {@code args} only ask for keel's version ({@code -V} or {@code --version}, after {@code -C DIR},
     * {@code --config FILE} and {@code -v N} if any): then no subcommand is needed, and none is built.
     */
    static boolean versionOnly(String[] args) {
        int i = afterProjectOptions(args);
        return i == args.length - 1 && (args[i].equals("-V") || args[i].equals("--version"));
    }

    /** The index of the first argument after the options of keel itself ({@code -C}, {@code --config}, {@code -v}). */
    private static int afterProjectOptions(String[] args) {
        int i = 0;
        while (i < args.length) {
            String a = args[i];
            if (a.equals("-C") || a.equals("--config") || a.equals("-v") || a.equals("--verbosity") || a.equals("--libraries")) {
                i += 2;
            } else if (a.startsWith("--config=") || a.startsWith("--verbosity=") || a.startsWith("--libraries=") || a.matches("-v\\d+")
                    || a.startsWith("-C") && !a.startsWith("--")) {
                i++;
            } else {
                return i;
            }
        }
        return args.length;
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
     * The keel command line with only the subcommand {@code only} (every one when null, none when
     * {@link #NO_SUBCOMMAND}). {@link #main} gives the
     * one the arguments run: picocli reads each registered command's annotations by reflection when the command
     * line is built, a tenth of a second for all of keel's, which every run of a short command would pay.
     */
    static CommandLine commandLine(MigrationSource migrationSource, EntitySource entitySource, String only) {
        var commandLine = new CommandLine(new Keel(migrationSource, entitySource));
        if (only == null) {
            COMMANDS.forEach(commandLine::addSubcommand);
        } else if (COMMAND_NAMES.contains(only)) {
            commandLine.addSubcommand(COMMANDS.get(COMMAND_NAMES.indexOf(only))); // the other commands' annotations are not read
        }
        Keel keel = commandLine.getCommand();
        return commandLine.setExecutionStrategy(parseResult -> {
                    long start = System.nanoTime();
                    try {
                        return new CommandLine.RunLast().execute(parseResult);
                    } finally {
                        Timings.of(keel.verbosity(), parseResult.commandSpec().commandLine().getErr())
                                .report("total", java.time.Duration.ofNanos(System.nanoTime() - start));
                    }
                })
                .setExecutionExceptionHandler(new ErrorHandler())
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
        Path dir = projectDir(directories);
        if (!Files.isDirectory(dir)) {
            throw new KeelException(ErrorKind.USAGE, dir + ": no such folder (from -C "
                    + String.join(" -C ", directories.stream().map(Path::toString).toList()) + ").\n"
                    + "To fix: give -C the project folder, the one that holds keel.json.");
        }
        return dir;
    }

    /** The folder {@code -C DIR} options name, each relative to the one before, from the current folder; not checked. */
    static Path projectDir(List<Path> directories) {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d : directories) {
            dir = dir.resolve(d);
        }
        return dir.normalize();
    }

    /** The jars and folders {@code --libraries} names, in order. */
    List<String> libraries() {
        var all = new ArrayList<String>();
        for (String option : libraries) {
            for (String entry : option.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator))) {
                if (!entry.isBlank()) {
                    all.add(entry);
                }
            }
        }
        return all;
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
