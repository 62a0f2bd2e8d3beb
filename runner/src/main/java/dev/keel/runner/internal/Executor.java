package dev.keel.runner.internal;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationKey;
import dev.keel.runner.MigrateListener;
import dev.keel.runner.MigrateListener.Action;
import dev.keel.runner.RunnerSettings;
import dev.keel.runner.sql.Step;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Runs one migration's {@link Script} through a {@link SqlSink} and records it in a
 * {@link SchemaHistory}. An atomic migration runs in one transaction and is recorded in it; a lock
 * timeout retries the whole transaction. A non-atomic one runs step by step, each step recorded
 * when done, so a later run resumes after the last recorded step; a lock timeout retries the step (a step
 * with {@code LOCK TABLE} statements before it runs in a transaction of its own, with them). A busy table
 * that a {@code LOCK TABLE ... NOWAIT} found ({@link LockPlan}) is retried the same way.
 * Deploy-time migrations run under the statement timeout, post-deployment ones without it; concurrent index
 * builds and validations never run under it ({@link #untimed}), the lock timeout still applies to them.
 */
public final class Executor {
    /** Waits between retries; tests replace it to stay fast. */
    @FunctionalInterface
    public interface Sleeper {
        /** Waits {@code d}. */
        void sleep(Duration d) throws InterruptedException;
    }

    /** Why a deploy-time step runs without the statement timeout, as the printed SQL says. */
    private static final String UNTIMED = "an index build or validation blocks no writes: no statement timeout"
            + " (the lock timeout applies)";

    private final SqlSink sink;
    private final SchemaHistory history;
    private final RunnerSettings settings;
    private final MigrateListener listener;
    private final Sleeper sleeper;

    /** An executor that waits between retries by sleeping. */
    public Executor(SqlSink sink, SchemaHistory history, RunnerSettings settings, MigrateListener listener) {
        this(sink, history, settings, listener, d -> Thread.sleep(d.toMillis()));
    }

    /** An executor that waits between retries with {@code sleeper}. */
    public Executor(SqlSink sink, SchemaHistory history, RunnerSettings settings, MigrateListener listener, Sleeper sleeper) {
        this.sink = sink;
        this.history = history;
        this.settings = settings;
        this.listener = listener;
        this.sleeper = sleeper;
    }

    /**
     * Runs {@code script} (applying or unapplying, as it says), starting at step {@code resumeFrom}
     * (non-zero only for a non-atomic migration a previous run left part-way), and records it.
     *
     * @return how long it took
     * @throws KeelException of kind DATABASE saying where it failed, what is left applied, and what to do
     */
    public Duration run(Script script, String checksum, int resumeFrom) {
        MigrationKey key = script.migration().key();
        Action action = script.backwards() ? Action.UNAPPLY : Action.APPLY;
        listener.started(key, action);
        long start = System.nanoTime();
        if (script.atomic()) {
            runAtomic(script, checksum, start);
        } else {
            runStepByStep(script, checksum, resumeFrom, start);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        listener.finished(key, action, took);
        return took;
    }

    /** Records {@code key} as applied (or, backwards, as not applied) without running anything. */
    public void fake(MigrationKey key, String checksum, boolean backwards) {
        Action action = backwards ? Action.FAKE_UNAPPLY : Action.FAKE_APPLY;
        listener.started(key, action);
        try {
            if (backwards) {
                history.removed(key);
            } else {
                history.applied(key, checksum, 0);
            }
        } catch (SQLException e) {
            throw new KeelException(ErrorKind.DATABASE, "migration " + key + ": cannot record it in keel_migrations: "
                    + e.getMessage() + "\nTo fix: check the connection, then run the command again.", e);
        }
        listener.finished(key, action, Duration.ZERO);
    }

    private Duration statementTimeout(Script script) {
        return script.migration().postDeployment() ? null : settings.statementTimeout();
    }

    /**
     * Whether step {@code index} of {@code script} runs without the statement timeout: a concurrent index build
     * or a validation, which takes no lock that blocks writers, so that a long one costs only time, never an
     * outage (a timeout would fail the deploy and leave an invalid index behind). In a transaction only while
     * every step before it is one too: after another statement the transaction may hold a lock that blocks
     * writes, which the statement timeout keeps short.
     */
    static boolean untimed(Script script, int index) {
        int from = script.atomic() ? 0 : index;
        for (int i = from; i <= index; i++) {
            Step step = script.steps().get(i).step();
            boolean untimed = step instanceof Step.Backfill
                    || step instanceof Step.Sql sql && BuildStatements.untimed(sql.text());
            if (!untimed) {
                return false;
            }
        }
        return true;
    }

    /** The statement timeout step {@code index} runs under: none for a post-deployment migration, or for {@link #untimed} steps. */
    private Duration statementTimeout(Script script, int index) {
        return index < script.steps().size() && untimed(script, index) ? null : statementTimeout(script);
    }

    /**
     * Sets the session's timeouts for step {@code index} when they differ from {@code current} (what the session
     * has now), saying why when a deploy-time step runs without the statement timeout; returns what is set.
     */
    private Duration timeoutsFor(Script script, int index, Duration current) throws Exception {
        Duration timeout = statementTimeout(script, index);
        if (java.util.Objects.equals(timeout, current)) {
            return current;
        }
        sink.timeouts(settings.lockTimeout(), timeout, timeout == null ? UNTIMED : null);
        return timeout;
    }

    private void runAtomic(Script script, String checksum, long start) {
        int count = script.steps().size();
        for (int attempt = 1; ; attempt++) {
            int index = 0;
            try {
                Duration current = statementTimeout(script);
                sink.timeouts(settings.lockTimeout(), current);
                sink.begin();
                for (; index < count; index++) {
                    current = timeoutsFor(script, index, current);
                    sink.run(script.migration(), script.steps().get(index), index, count);
                }
                if (script.backwards()) {
                    history.removedCommitting(script.migration().key());
                } else {
                    // the record and the commit in one round trip; the sink's commit then finds nothing left to do
                    history.appliedCommitting(script.migration().key(), checksum,
                            Duration.ofNanos(System.nanoTime() - start).toMillis());
                }
                sink.commit();
                return;
            } catch (Exception caught) {
                sink.rollback();
                Exception e = caught;
                if (caught instanceof PendingStatements.StepFailure held) {
                    index = held.step(); // a statement sent with a later one: the step it belongs to
                    e = held.failure();
                }
                if (Failures.isLockTimeout(e) && attempt <= settings.lockRetries()) {
                    backoff(script, index, attempt, e);
                    continue;
                }
                throw Failures.failed(script, index, e, attempt, settings, statementTimeout(script, index), 0);
            }
        }
    }

    private void runStepByStep(Script script, String checksum, int resumeFrom, long start) {
        int count = script.steps().size();
        MigrationKey key = script.migration().key();
        int done = Math.min(resumeFrom, count);
        Duration current = statementTimeout(script, done);
        try {
            sink.timeouts(settings.lockTimeout(), current, current == null && statementTimeout(script) != null
                    ? UNTIMED : null);
            history.started(key, checksum, script.backwards() ? HistoryRow.Phase.UNAPPLYING : HistoryRow.Phase.APPLYING);
        } catch (Exception e) {
            throw Failures.failed(script, done, e, 1, settings, statementTimeout(script), done);
        }
        if (done > 0) {
            listener.notice("Resuming " + key + " at step " + (done + 1) + " of " + count
                    + ": a previous run stopped there.");
        }
        for (; done < count; done++) {
            for (int attempt = 1; ; attempt++) {
                ScriptStep step = script.steps().get(done);
                try {
                    current = timeoutsFor(script, done, current);
                    if (step.locks().isEmpty()) {
                        sink.run(script.migration(), step, done, count);
                    } else {
                        // its LOCK TABLE statements hold only within a transaction, its own
                        sink.begin();
                        sink.run(script.migration(), step, done, count);
                        sink.commit();
                    }
                    history.progressed(key, done + 1);
                    break;
                } catch (Exception caught) {
                    if (!step.locks().isEmpty()) {
                        sink.rollback();
                    }
                    Exception e = caught instanceof PendingStatements.StepFailure held ? held.failure() : caught;
                    if (Failures.isLockTimeout(e) && attempt <= settings.lockRetries()) {
                        backoff(script, done, attempt, e);
                        continue;
                    }
                    throw Failures.failed(script, done, e, attempt, settings, statementTimeout(script, done), done);
                }
            }
        }
        try {
            record(script, checksum, start);
        } catch (SQLException e) {
            throw Failures.history(script, e);
        }
    }

    private void record(Script script, String checksum, long start) throws SQLException {
        MigrationKey key = script.migration().key();
        if (script.backwards()) {
            history.removed(key);
        } else {
            history.applied(key, checksum, Duration.ofNanos(System.nanoTime() - start).toMillis());
        }
    }

    private void backoff(Script script, int index, int attempt, Exception failure) {
        Duration wait = settings.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        String where = " in " + script.migration().key() + " at step " + (index + 1) + " of " + script.steps().size();
        ScriptStep step = index < script.steps().size() ? script.steps().get(index) : null;
        Lock busy = step == null ? null : Failures.nowaitLock(step, failure);
        List<String> tables = step == null ? List.of() : Failures.waitedFor(step, failure);
        String what = busy != null
                ? "Table " + busy.lock().table() + " is busy" + where + ": another session holds a lock on it that conflicts with "
                + busy.lock().mode().sql() + ", and keel does not wait for it while holding a lock on "
                + String.join(", ", busy.holding()) + " that blocks its readers or writers."
                : "Lock timeout (" + Failures.human(settings.lockTimeout()) + ")" + where + "; another session holds a lock it needs"
                + (tables.isEmpty() ? "" : " (on " + String.join(", ", tables) + ")") + ".";
        listener.notice(what
                + " Trying " + (script.atomic() ? "the whole transaction" : "the step") + " again in "
                + Failures.human(wait) + " (retry " + attempt + " of " + settings.lockRetries() + ").");
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeelException(ErrorKind.DATABASE, "migration " + script.migration().key()
                    + ": interrupted while waiting to retry.\nTo fix: run keel migrate again.", e);
        }
    }
}
