package dev.keel.runner.internal;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationKey;
import dev.keel.runner.MigrateListener;
import dev.keel.runner.MigrateListener.Action;
import dev.keel.runner.RunnerSettings;
import dev.keel.runner.sql.Step;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
        return run(script, checksum, resumeFrom, 1);
    }

    /**
     * {@link #run(Script, String, int)}, an atomic migration from try {@code firstAttempt} (after a lock timeout
     * stopped it among migrations sent together, {@link #runTogether}, which counts as the first).
     */
    public Duration run(Script script, String checksum, int resumeFrom, int firstAttempt) {
        MigrationKey key = script.migration().key();
        Action action = script.backwards() ? Action.UNAPPLY : Action.APPLY;
        listener.started(key, action);
        long start = System.nanoTime();
        if (script.atomic()) {
            runAtomic(script, checksum, start, firstAttempt);
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

    /** The statement timeout {@link #send} sets for {@code script}: none for a post-deployment migration. */
    public Duration statementTimeoutOf(Script script) {
        return statementTimeout(script);
    }

    /** The lock timeout every migration runs under. */
    public Duration lockTimeout() {
        return settings.lockTimeout();
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

    private void runAtomic(Script script, String checksum, long start, int firstAttempt) {
        int count = script.steps().size();
        for (int attempt = firstAttempt; ; attempt++) {
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

    /** The most migrations {@link #runTogether} sends in one round trip. */
    public static final int MOST_TOGETHER = 64;
    /** About the most characters of SQL {@link #runTogether} sends in one round trip (a migration is never split). */
    public static final int MOST_TOGETHER_CHARS = 256 * 1024;
    /**
     * The most statements {@link #runTogether} sends in one round trip when it sends more than one migration
     * ({@code BEGIN}, the record and {@code COMMIT} count): pgjdbc sends a {@code Sync} of its own before the 256th
     * statement of a sequence (so that the server's answers cannot fill the socket while it still sends), and
     * PostgreSQL's skipping of what follows a failure ends at a {@code Sync}; below it, one {@code Sync} covers every
     * migration sent, so that nothing after a failure runs whatever the driver does next. One migration alone may have
     * more: what follows such a {@code Sync} runs in its aborted transaction, and fails.
     */
    public static final int MOST_TOGETHER_STATEMENTS = 200;

    /**
     * Whether {@code script} may be sent together with other migrations ({@link #runTogether}): it applies an atomic
     * migration, and each of its steps is one of keel's own statements that needs no answer before what follows it
     * ({@link JdbcSink#needsNoAnswer}: no Java code, backfill, guard or cleanup), all under the migration's statement
     * timeout. What it runs is then known before anything is sent.
     */
    public boolean together(Script script) {
        if (script.backwards() || !script.atomic()) {
            return false;
        }
        // in an atomic migration a step runs without the statement timeout only while every step before it does too
        // (untimed): so every step runs under the migration's timeout exactly when the first one does. Asked once,
        // not once per step (each time reading the first step's text again: 20-30 ms of a start's critical path for
        // the first migration of a project of 200 tables)
        if (!script.steps().isEmpty() && !Objects.equals(statementTimeout(script, 0), statementTimeout(script))) {
            return false;
        }
        for (ScriptStep step : script.steps()) {
            if (!JdbcSink.needsNoAnswer(step)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code next} runs under the same timeouts as {@code first}, so that both may be sent together. */
    public boolean sameTimeouts(Script first, Script next) {
        return Objects.equals(statementTimeout(first), statementTimeout(next));
    }

    /** The statements {@link #runTogether} sends for {@code script}. */
    public static int statements(Script script) {
        int n = 3; // BEGIN, the record, COMMIT
        for (ScriptStep step : script.steps()) {
            n += 1 + step.locks().size();
        }
        return n;
    }

    /** The characters of SQL {@link #runTogether} sends for {@code script}. */
    public static int size(Script script) {
        int n = 200; // BEGIN, the record, COMMIT
        for (ScriptStep step : script.steps()) {
            n += step.text().length();
            for (Lock lock : step.locks()) {
                n += lock.sql().length();
            }
        }
        return n;
    }

    /**
     * What became of migrations sent together: the time each of those applied and recorded took, in order (the
     * server's count, from its {@code BEGIN} to its record); and whether the next one stopped at a lock timeout
     * worth trying again ({@link #run(Script, String, int, int)} from the second try).
     */
    public record Together(List<Duration> took, boolean retryNext) {}

    /** After the connection was lost: what keel can find out from a new connection. */
    @FunctionalInterface
    public interface Recheck {
        /**
         * Of {@code keys}, those recorded as applied in keel_migrations (committed for good), with the milliseconds
         * recorded; null when keel cannot connect again.
         */
        Rechecked recorded(List<MigrationKey> keys);
    }

    /**
     * What {@link Recheck} found: the migrations recorded, and whether the lost session had ended when keel read them
     * (then those not recorded were rolled back for good; else the session may still commit them).
     */
    public record Rechecked(Map<MigrationKey, Long> recorded, boolean ended) {}

    /** A statement of migrations sent together: of script {@code script}, its {@code BEGIN} (step -1), a step, or its record and {@code COMMIT} (step = steps). */
    private record Part(int script, int step, boolean besides) {}

    /**
     * Migrations sent together and what the server answered, not yet reported to the listener ({@link #settle}): the
     * statements sent (in order, each with the part of a migration it belongs to), and the answer, or the failure that
     * stopped the sending before the server could answer ({@code setupFailure}: setting the timeouts, the driver).
     * {@link #held} when the last migration's {@code COMMIT} is not sent yet ({@link #send} with {@code holdLast}).
     */
    public static final class Sent {
        private final List<Script> scripts;
        private final List<String> texts;
        private final List<Part> parts;
        private final PendingStatements.Answer answer;
        private final Exception setupFailure;
        private final boolean held;

        private Sent(List<Script> scripts, List<String> texts, List<Part> parts, PendingStatements.Answer answer,
                     Exception setupFailure, boolean held) {
            this.scripts = List.copyOf(scripts);
            this.texts = List.copyOf(texts);
            this.parts = List.copyOf(parts);
            this.answer = answer;
            this.setupFailure = setupFailure;
            this.held = held;
        }

        /** Whether every statement sent completed and the last migration's transaction is open, waiting for its {@code COMMIT}. */
        public boolean held() {
            return held && setupFailure == null && answer.failure() == null;
        }

        /** The migrations sent. */
        public List<Script> scripts() {
            return scripts;
        }
    }

    /**
     * Applies {@code scripts} (each {@link #together}, all under the same timeouts) in one round trip: for each, in
     * order, {@code BEGIN}, its statements, its record in keel_migrations and {@code COMMIT}, as one message sequence
     * on {@code connection} (in autocommit). PostgreSQL commits each migration with its record at its {@code COMMIT};
     * when a statement fails it skips the rest of the sequence, so the migration that failed is rolled back whole and
     * those after it are not run; those before it stay applied and recorded. The listener hears of each migration
     * applied when the answer is back. A failure is reported as when the migration runs alone: the migration, the step,
     * its SQL and PostgreSQL's message; a lock timeout returns with {@link Together#retryNext} (after the backoff) when
     * retries are allowed. When the connection is lost, {@code recheck} says which of those not confirmed were
     * committed all the same.
     *
     * @throws KeelException of kind DATABASE, as {@link #run} does
     */
    public Together runTogether(Connection connection, List<Script> scripts, List<String> checksums, Recheck recheck) {
        return settle(connection, send(connection, scripts, checksums, false), recheck);
    }

    /**
     * The sending half of {@link #runTogether}: sets the timeouts of the first of {@code scripts} and sends them, each
     * with its record and {@code COMMIT}, but with {@code holdLast} the last one without its {@code COMMIT}: its
     * transaction stays open until {@link #commitWith} sends it (or a {@code ROLLBACK} ends it). Tells the listener
     * nothing and throws nothing: {@link #settle} reports what the answer says.
     */
    public Sent send(Connection connection, List<Script> scripts, List<String> checksums, boolean holdLast) {
        Script first = scripts.get(0);
        var texts = new ArrayList<String>();
        var parts = new ArrayList<Part>();
        add(scripts, checksums, texts, parts, holdLast);
        try {
            sink.timeouts(settings.lockTimeout(), statementTimeout(first));
        } catch (Exception e) {
            return new Sent(scripts, texts, parts, null, e, holdLast);
        }
        try {
            return new Sent(scripts, texts, parts, PendingStatements.sendTogether(connection, texts, true), null, holdLast);
        } catch (SQLException e) {
            return new Sent(scripts, texts, parts, null, e, holdLast);
        }
    }

    /**
     * What {@link #send} sends for {@code script} alone with {@code holdLast}: {@code BEGIN}, its statements (each
     * after the locks taken before it), its record with {@code checksum}; no {@code COMMIT}.
     */
    public List<String> heldTexts(Script script, String checksum) {
        var texts = new ArrayList<String>();
        add(List.of(script), List.of(checksum), texts, new ArrayList<>(), true);
        return texts;
    }

    /**
     * Sends {@code texts} ({@link #heldTexts} of a migration not known yet: {@code Migrator.Session#sendAhead}'s) in one round
     * trip, its transaction left open; what comes back is for {@link #adopt} once the migration is known. Throws nothing.
     */
    public static Sent sendHeld(Connection connection, List<String> texts) {
        try {
            return new Sent(List.of(), texts, List.of(), PendingStatements.sendTogether(connection, texts, true), null, true);
        } catch (SQLException e) {
            return new Sent(List.of(), texts, List.of(), null, e, true);
        }
    }

    /**
     * {@code ahead} ({@link #sendHeld}) as {@link #send} would have sent {@code script} alone, holding its transaction:
     * null when the texts sent are not exactly {@link #heldTexts} of {@code script} with {@code checksum}.
     */
    public Sent adopt(Sent ahead, Script script, String checksum) {
        var texts = new ArrayList<String>();
        var parts = new ArrayList<Part>();
        add(List.of(script), List.of(checksum), texts, parts, true);
        if (!texts.equals(ahead.texts)) {
            return null;
        }
        return new Sent(List.of(script), texts, parts, ahead.answer, ahead.setupFailure, true);
    }

    /** {@link #add} of every one of {@code scripts}; with {@code holdLast}, without the last one's {@code COMMIT}. */
    private static void add(List<Script> scripts, List<String> checksums, List<String> texts, List<Part> parts,
                            boolean holdLast) {
        add(scripts, checksums, 0, texts, parts);
        if (holdLast) {
            texts.remove(texts.size() - 1);
            parts.remove(parts.size() - 1);
        }
    }

    /**
     * The statements of {@code scripts} from {@code from} on, each in its transaction with its record (the checksum of
     * {@code scripts.get(m)} is {@code checksums.get(m - from)}), and their parts.
     */
    private static void add(List<Script> scripts, List<String> checksums, int from, List<String> texts, List<Part> parts) {
        for (int m = from; m < scripts.size(); m++) {
            Script s = scripts.get(m);
            texts.add("BEGIN");
            parts.add(new Part(m, -1, false));
            for (int i = 0; i < s.steps().size(); i++) {
                ScriptStep step = s.steps().get(i);
                for (Lock lock : step.locks()) {
                    texts.add(lock.sql());
                    parts.add(new Part(m, i, true));
                }
                texts.add(((Step.Sql) step.step()).text());
                parts.add(new Part(m, i, false));
            }
            texts.add(JdbcSchemaHistory.appliedTimedByServer(s.migration().key(), checksums.get(m - from)));
            parts.add(new Part(m, s.steps().size(), false));
            texts.add("COMMIT");
            parts.add(new Part(m, s.steps().size(), false));
        }
    }

    /**
     * Sends the {@code COMMIT} of the migration {@code held} holds (a {@link Sent#held}) and then {@code more} (each
     * {@link #together}, under the timeouts of the held one), in one round trip, and reports them all as
     * {@link #runTogether} would have reported the held migration and {@code more} sent together in one sequence: the
     * same statements in the same order, one {@code COMMIT} after the other.
     *
     * @throws KeelException of kind DATABASE, as {@link #run} does
     */
    public Together commitWith(Connection connection, Sent held, List<Script> more, List<String> checksums, Recheck recheck) {
        if (!held.held() || held.scripts.size() != 1) {
            throw new IllegalArgumentException("not one migration waiting for its COMMIT");
        }
        var scripts = new ArrayList<Script>(held.scripts);
        scripts.addAll(more);
        var texts = new ArrayList<String>(held.texts);
        var parts = new ArrayList<Part>(held.parts);
        int sentBefore = texts.size();
        texts.add("COMMIT");
        parts.add(new Part(0, held.scripts.get(0).steps().size(), false));
        var moreTexts = new ArrayList<String>();
        var moreParts = new ArrayList<Part>();
        add(scripts, checksums, 1, moreTexts, moreParts); // checksums.get(0) is more's first, scripts' second
        texts.addAll(moreTexts);
        parts.addAll(moreParts);
        PendingStatements.Answer answer;
        try {
            answer = PendingStatements.sendTogether(connection, texts.subList(sentBefore, texts.size()), true);
        } catch (SQLException e) {
            return settle(connection, new Sent(scripts, texts, parts, null, e, false), recheck);
        }
        var values = new ArrayList<String>(held.answer.values());
        values.addAll(answer.values());
        return settle(connection, new Sent(scripts, texts, parts, new PendingStatements.Answer(sentBefore
                + answer.completed(), answer.failure(), answer.lost(), values), null, false), recheck);
    }

    /**
     * The reporting half of {@link #runTogether}: tells the listener of each migration of {@code sent} that was
     * committed, and throws the failure, if any, as {@link #runTogether} does. A {@link Sent#held} migration is not
     * committed yet: nothing is reported of it.
     *
     * @throws KeelException of kind DATABASE, as {@link #run} does
     */
    public Together settle(Connection connection, Sent sent, Recheck recheck) {
        List<Script> scripts = sent.scripts;
        Script first = scripts.get(0);
        if (sent.setupFailure != null) {
            if (sent.held) {
                rollback(connection); // the transaction the BEGIN sent may be open
            }
            throw Failures.failed(first, 0, sent.setupFailure, 1, settings, statementTimeout(first), 0);
        }
        PendingStatements.Answer answer = sent.answer;
        List<String> texts = sent.texts;
        var took = new ArrayList<Duration>();
        // a migration is applied once its COMMIT completed; each record completed returned the server's milliseconds
        for (int t = 0; t < answer.completed(); t++) {
            Part p = sent.parts.get(t);
            if (p.step() == scripts.get(p.script()).steps().size() && texts.get(t).equals("COMMIT")) {
                took.add(Duration.ofMillis(Long.parseLong(answer.values().get(p.script()))));
            }
        }
        if (answer.failure() == null) {
            applied(scripts, took, 0);
            return new Together(took, false);
        }
        if (answer.lost()) {
            return lost(scripts, took, answer.failure(), recheck);
        }
        rollback(connection); // the failed migration's transaction, which the failure left open (aborted)
        applied(scripts, took, 0);
        int at = answer.completed();
        Part p = sent.parts.get(at);
        Script failed = scripts.get(p.script());
        int index = Math.max(p.step(), 0);
        SQLException e = p.besides() ? new JdbcSink.FailedStatement(texts.get(at), answer.failure()) : answer.failure();
        if (Failures.isLockTimeout(e) && settings.lockRetries() >= 1) {
            backoff(failed, index, 1, e);
            return new Together(took, true);
        }
        MigrationKey key = failed.migration().key();
        listener.started(key, Action.APPLY);
        statements(failed, index);
        throw Failures.failed(failed, index, e, 1, settings, statementTimeout(failed, index), 0);
    }

    /** Ends the transaction a failure or a held migration left open on {@code connection}, if any. */
    public static void rollback(Connection connection) {
        try (var st = connection.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException e) {
            // the connection may be gone; the failure is the one to report
        }
    }

    /** Tells the listener of {@code scripts} from {@code from} on that took {@code took} (one each, in order). */
    private void applied(List<Script> scripts, List<Duration> took, int from) {
        for (int m = from; m < took.size(); m++) {
            MigrationKey key = scripts.get(m).migration().key();
            listener.started(key, Action.APPLY);
            statements(scripts.get(m), scripts.get(m).steps().size() - 1);
            listener.finished(key, Action.APPLY, took.get(m));
        }
    }

    /** Tells the listener of the statements of {@code script}'s steps up to {@code last}. */
    private void statements(Script script, int last) {
        for (int i = 0; i <= last && i < script.steps().size(); i++) {
            ScriptStep step = script.steps().get(i);
            for (Lock lock : step.locks()) {
                listener.statement(script.migration().key(), lock.sql());
            }
            listener.statement(script.migration().key(), ((Step.Sql) step.step()).text());
        }
    }

    /**
     * The connection was lost with {@code took.size()} of {@code scripts} known to be applied: asks {@code recheck}
     * about the others, reports those it found recorded as applied, and fails with the first of the others.
     */
    private Together lost(List<Script> scripts, List<Duration> took, SQLException failure, Recheck recheck) {
        var unconfirmed = new ArrayList<MigrationKey>();
        for (int m = took.size(); m < scripts.size(); m++) {
            unconfirmed.add(scripts.get(m).migration().key());
        }
        Rechecked rechecked = recheck == null ? null : recheck.recorded(unconfirmed);
        var known = new ArrayList<>(took);
        if (rechecked != null) {
            Map<MigrationKey, Long> recorded = rechecked.recorded();
            while (known.size() < scripts.size() && recorded.containsKey(scripts.get(known.size()).migration().key())) {
                known.add(Duration.ofMillis(recorded.get(scripts.get(known.size()).migration().key())));
            }
        }
        applied(scripts, known, 0);
        if (known.size() == scripts.size()) {
            return new Together(known, false); // every COMMIT went through; the next statement finds the connection gone
        }
        Script next = scripts.get(known.size());
        listener.started(next.migration().key(), Action.APPLY);
        throw Failures.lostTogether(next, failure, scripts.subList(known.size() + 1, scripts.size()).stream()
                .map(s -> s.migration().key()).toList(), rechecked != null && rechecked.ended());
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
                    KeelException failure = Failures.failed(script, done, e, attempt, settings, statementTimeout(script, done), done);
                    String left = step.cleanup() == null || Failures.isConnectionLost(e) ? null
                            : sink.cleanUp(script.migration(), step);
                    throw left == null ? failure : Failures.withNote(failure, left);
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
                : step != null && Failures.isConcurrentBuild(step, failure)
                ? "Lock timeout (" + Failures.human(settings.lockTimeout()) + ")" + where + "; the concurrent build waits"
                + " for a session writing " + (tables.isEmpty() ? "the table" : String.join(", ", tables)) + " or for a"
                + " transaction older than it."
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
