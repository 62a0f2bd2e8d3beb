package dev.keel.cli;

import dev.keel.concurrent.Daemon;
import dev.keel.config.KeelConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code keel migrate}'s connection, started from the arguments before picocli builds and parses the command line
 * (a tenth of a second of processor time in a fresh JVM, during which the connection's own start, the driver's and the
 * server's, now runs on a thread of its own). The arguments are read here only as far as the database goes ({@link
 * #peek}): the project folder ({@code -C}), {@code --config}, and migrate's {@code --url}, {@code --database} and
 * {@code --target}; anything this reading does not know for sure (another option, {@code @FILE}, {@code --}, help, a
 * value given twice) starts nothing. {@link MigrateCommand} takes the connection only when the database the parsed
 * options name connects exactly as this one ({@link dev.keel.runner.Database#connectsAs}), and closes it otherwise.
 */
final class EarlyConnection {
    private EarlyConnection() {}

    /** What {@link #peek} read: the {@code -C} folders in order, {@code --config}, and migrate's database options. */
    record Peeked(List<Path> directories, Path configFile, String url, String databaseName, String target, boolean plain) {}

    /** keel's own options before the command that take a value ({@code -C}, {@code --config}, ...). */
    private static final Set<String> KEEL_VALUED = Set.of("-C", "--config", "--libraries", "-v", "--verbosity"); // --libraries: no database option

    /** migrate's options that take a value and do not name the database ({@code -v} is keel's, inherited). */
    private static final Set<String> MIGRATE_VALUED = Set.of("--large-table-rows", "--classpath", "--parallel", "-v",
            "--verbosity");

    /** migrate's flags that run it against the one database {@link DatabaseMixin#configured} names. */
    private static final Set<String> MIGRATE_FLAGS = Set.of("--plan", "--fake", "--post-deploy", "--repair-checksum",
            "--sources", "--json", "--keep-going");

    /**
     * migrate's flags that leave it a plain run forwards of every app (with no APP or TARGET either): the run whose
     * start the session makes as soon as it is connected ({@link ConnectionAhead.Target#migrate}).
     */
    private static final Set<String> PLAIN_FLAGS = Set.of("--sources", "--json", "--keep-going");

    /**
     * The database options of a {@code keel ... migrate ...} command line, read without picocli; empty when the
     * arguments are not a migrate that connects to one database, or hold anything this reading is not sure of.
     */
    static Optional<Peeked> peek(String[] args) {
        Optional<LeadingOptions> leading = LeadingOptions.before("migrate", args, KEEL_VALUED);
        if (leading.isEmpty()) {
            return Optional.empty();
        }
        int i = leading.get().next() - 1;
        String url = null;
        String database = null;
        String target = null;
        boolean plain = true;
        for (i++; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-")) {
                if (a.startsWith("@")) {
                    return Optional.empty(); // an argument file
                }
                plain = false;
                continue; // APP, TARGET
            }
            String name = a.startsWith("--") && a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (MIGRATE_FLAGS.contains(a) || a.matches("-v\\d+")) {
                plain &= PLAIN_FLAGS.contains(a) || a.matches("-v\\d+");
                continue;
            }
            boolean names = name.equals("--url") || name.equals("--database") || name.equals("--target");
            if (!names && !MIGRATE_VALUED.contains(name)) {
                return Optional.empty(); // --check, --prune, --all-targets, help, --, what this reading does not know
            }
            String value = a.equals(name) ? (++i < args.length ? args[i] : null) : a.substring(name.length() + 1);
            if (value == null || value.startsWith("-")) {
                return Optional.empty();
            }
            switch (name) {
                case "--url" -> {
                    if (url != null) {
                        return Optional.empty();
                    }
                    url = value;
                }
                case "--database" -> {
                    if (database != null) {
                        return Optional.empty();
                    }
                    database = value;
                }
                case "--target" -> {
                    if (target != null) {
                        return Optional.empty();
                    }
                    target = value;
                }
                default -> { }
            }
        }
        return Optional.of(new Peeked(leading.get().directories(), leading.get().configFile(), url, database, target, plain));
    }

    /**
     * Starts connecting to the database {@code args} name, when {@link #peek} reads them and that database is one keel
     * connects to (not the embedded one); null otherwise. keel.json is read on the connection's thread; whatever fails
     * there starts nothing, and is reported where it was, once the command line is parsed.
     */
    static ConnectionAhead start(String[] args) {
        return peek(args).map(p -> ConnectionAhead.resolving(() -> {
            Daemon.start("keel-driver", dev.keel.runner.Database::prepareDriver); // while keel.json is read
            Path dir = Keel.projectDir(p.directories());
            if (!Files.isDirectory(dir)) {
                return null;
            }
            KeelConfig config = ProjectMixin.readConfig(dir, p.configFile());
            dev.keel.runner.Database database = DatabaseMixin.configured(config, p.url(), p.databaseName(), p.target())
                    .orElse(null);
            if (database == null || !p.plain()) {
                return database == null ? null : new ConnectionAhead.Target(database, false, null);
            }
            String databaseName = DatabaseMixin.databaseName(config, p.databaseName());
            // the kept first migration read while the connection opens; an unreadable kept file sends nothing ahead
            var first = new CompletableFuture<dev.keel.runner.FirstSent>();
            Daemon.start("keel-first-sent", () -> {
                try {
                    first.complete(FirstSentStore.read(FirstSentStore.cacheWith(dir, config), databaseName).orElse(null));
                } catch (RuntimeException | Error e) {
                    first.complete(null);
                }
            });
            return new ConnectionAhead.Target(database, true, first);
        })).orElse(null);
    }
}
