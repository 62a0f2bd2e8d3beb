package dev.keel.cli;

import dev.keel.concurrent.Daemon;
import dev.keel.config.KeelConfig;
import dev.keel.make.EntitySource;
import dev.keel.make.PassedChecks;
import dev.keel.scan.HibernateTarget;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code keel makemigrations --check}'s configuration and the fingerprints its record is looked up by, started from
 * the arguments before picocli builds and parses the command line (a tenth of a second in a fresh JVM, on one
 * processor, while the other had nothing to do). The arguments are read here only as far as they go
 * ({@link #peek}): the project folder ({@code -C}), {@code --config} and {@code -v} before the command, then
 * {@code --check} and {@code -v} alone; anything else (an app, another option, {@code --libraries}, {@code @FILE},
 * help) starts nothing. The command takes what was started only when the parsed options name the same folder and
 * configuration file ({@link ProjectMixin#config}), and the check only fingerprints of that very configuration,
 * cache and entity source ({@link PassedChecks.Ahead}).
 */
final class EarlyCheck {
    /** What {@link #peek} read: the {@code -C} folders in order, and {@code --config}. */
    record Peeked(List<Path> directories, Path configFile) {}

    /**
     * What was started: the project folder, the configuration file named (null: keel.json), the configuration read from
     * it as {@link ProjectMixin#config} reads it, whose schema the entities map to, and the fingerprints taken ahead
     * (null when the cache holds no passed check).
     */
    record Started(Path projectDir, Path configFile, KeelConfig config, HibernateTarget.Decision hibernate,
                   PassedChecks.Ahead ahead) {}

    private final CompletableFuture<Started> started;

    private EarlyCheck(CompletableFuture<Started> started) {
        this.started = started;
    }

    /** The arguments of a plain {@code keel [-C DIR]... [--config FILE] [-v N] makemigrations --check [-v N]}, else empty. */
    static Optional<Peeked> peek(String[] args) {
        // no --libraries: they change the configuration the fingerprints are taken under
        Optional<LeadingOptions> leading = LeadingOptions.before("makemigrations", args, LeadingOptions.VALUED);
        if (leading.isEmpty()) {
            return Optional.empty();
        }
        int i = leading.get().next() - 1;
        boolean check = false;
        for (i++; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--check") && !check) {
                check = true;
            } else if (a.matches("-v\\d")) {
                continue;
            } else if ((a.equals("-v") || a.equals("--verbosity")) && i + 1 < args.length && args[i + 1].matches("\\d")) {
                i++;
            } else {
                return Optional.empty();
            }
        }
        return check ? Optional.of(new Peeked(leading.get().directories(), leading.get().configFile())) : Optional.empty();
    }

    /**
     * Starts reading the configuration and taking the fingerprints, on a thread of its own, when {@link #peek} reads
     * {@code args}; null otherwise. Whatever fails there starts nothing: the command reads and reports it itself.
     */
    static EarlyCheck start(String[] args, EntitySource entities) {
        Optional<Peeked> peeked = peek(args);
        if (peeked.isEmpty()) {
            return null;
        }
        Peeked p = peeked.get();
        var started = new CompletableFuture<Started>();
        Daemon.start("keel-check-ahead", () -> {
            try {
                Path dir = Keel.projectDir(p.directories());
                if (!Files.isDirectory(dir)) {
                    started.complete(null);
                    return;
                }
                KeelConfig read = ProjectMixin.readConfig(dir, p.configFile()).withLibraries(List.of());
                HibernateTarget.Decision hibernate = HibernateTarget.decide(dir, read);
                KeelConfig config = read.withHibernate(hibernate.version());
                started.complete(new Started(dir, p.configFile(), config, hibernate,
                        PassedChecks.ahead(Caches.of(dir, config), entities, config, dir)));
            } catch (RuntimeException | Error e) {
                started.complete(null);
            }
        });
        return new EarlyCheck(started);
    }

    /**
     * What was started, when it was started for {@code projectDir} and the configuration file {@code configFile} (null:
     * keel.json) without libraries; else empty. Waits for the configuration, not for the fingerprints.
     */
    Optional<Started> startedFor(Path projectDir, Path configFile, List<String> libraries) {
        Started s = started.join();
        if (s == null || !libraries.isEmpty() || !s.projectDir().equals(projectDir)
                || !java.util.Objects.equals(s.configFile(), configFile)) {
            return Optional.empty();
        }
        return Optional.of(s);
    }
}
