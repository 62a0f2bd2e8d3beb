package dev.keel.runner;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.routing.Router;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * {@code keel migrate --all-targets}: the same migrations applied to many databases (regions, tenants),
 * a bounded number at a time. After the first failure no new target starts (unless {@code keepGoing});
 * targets already running finish. Each target's own history table says where it stopped, so running
 * it again goes on where each target stopped.
 */
public final class FanOut {
    /**
     * One database to migrate.
     *
     * @param name     the target's display name ({@code region/eu-west}); never a URL
     * @param database the name of the database of {@code keel.json} it is a copy of (for routing)
     * @param connect  how to connect to it
     */
    public record Target(String name, String database, Database connect) {
        public Target {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(connect, "connect");
        }
    }

    /** How a target ended. */
    public enum Outcome { MIGRATED, FAILED, NOT_STARTED }

    /**
     * What happened on one target.
     *
     * @param applied the migrations applied (or unapplied) there, in order
     * @param error   the failure's message (credentials masked), or null
     * @param exitCode the exit code of the failure, or 0
     */
    public record TargetResult(String target, String database, Outcome outcome, List<String> applied, String error,
                               int exitCode, long millis) {
        public TargetResult {
            applied = List.copyOf(applied);
        }
    }

    /** Hears about each target as it goes; called from the worker threads. */
    public interface Progress {
        /** A target starts. */
        default void started(Target target) {}

        /** The listener that reports the migrations of {@code target} as they run. */
        default MigrateListener listener(Target target) {
            return MigrateListener.silent();
        }

        /** A target ended. */
        default void finished(TargetResult result) {}
    }

    private FanOut() {}

    /**
     * Runs {@code request} on every target, at most {@code parallel} at a time, and returns each
     * target's result in the order of {@code targets}.
     */
    public static List<TargetResult> migrate(MigrationSet set, Router router, Function<String, RunnerSettings> settings,
                                             List<Target> targets, MigrateRequest request, int parallel,
                                             boolean keepGoing, Progress progress) {
        if (parallel < 1) {
            throw new KeelException(ErrorKind.USAGE, "--parallel must be 1 or more, not " + parallel
                    + ".\nTo fix: give how many targets may migrate at once, such as --parallel 4.");
        }
        var stop = new AtomicBoolean(false);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, targets.size())), r -> {
            Thread t = new Thread(r, "keel-fan-out");
            t.setDaemon(true);
            return t;
        });
        try {
            var futures = new ArrayList<Future<TargetResult>>();
            for (Target target : targets) {
                futures.add(pool.submit(() -> {
                    if (stop.get()) {
                        TargetResult r = new TargetResult(target.name(), target.database(), Outcome.NOT_STARTED, List.of(),
                                null, 0, 0);
                        progress.finished(r);
                        return r;
                    }
                    progress.started(target);
                    TargetResult r = one(set, router, settings.apply(target.database()), target, request,
                            progress.listener(target));
                    if (r.outcome() == Outcome.FAILED && !keepGoing) {
                        stop.set(true);
                    }
                    progress.finished(r);
                    return r;
                }));
            }
            var results = new ArrayList<TargetResult>();
            for (Future<TargetResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KeelException(ErrorKind.DATABASE, "interrupted while migrating the targets.\n"
                            + "To fix: run keel migrate --all-targets again; each target goes on where it stopped.", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("keel bug: a target's run failed outside its own handling", e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static TargetResult one(MigrationSet set, Router router, RunnerSettings settings, Target target,
                                    MigrateRequest request, MigrateListener listener) {
        long start = System.nanoTime();
        var applied = new ArrayList<String>();
        MigrateListener recording = new MigrateListener() {
            @Override public void notice(String message) { listener.notice(message); }
            @Override public void started(dev.keel.migration.MigrationKey key, Action action) { listener.started(key, action); }
            @Override public void finished(dev.keel.migration.MigrationKey key, Action action, Duration took) {
                synchronized (applied) {
                    applied.add(key.toString());
                }
                listener.finished(key, action, took);
            }
        };
        try (Migrator m = Migrator.connect(set, target.connect(), settings, recording, router, target.database())) {
            m.migrate(request);
            return new TargetResult(target.name(), target.database(), Outcome.MIGRATED, applied, null, 0, millis(start));
        } catch (KeelException e) {
            String message = target.connect().mask(String.join("\n", e.problems()));
            return new TargetResult(target.name(), target.database(), Outcome.FAILED, applied, message,
                    e.kind().exitCode(), millis(start));
        } catch (RuntimeException e) {
            String message = target.connect().mask(String.valueOf(e.getMessage()));
            return new TargetResult(target.name(), target.database(), Outcome.FAILED, applied, message,
                    ErrorKind.DATABASE.exitCode(), millis(start));
        }
    }

    private static long millis(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
