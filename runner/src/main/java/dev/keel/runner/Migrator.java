package dev.keel.runner;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.graph.MigrationGraph;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.project.ProjectState;
import dev.keel.routing.Router;
import dev.keel.runner.internal.AdvisoryLock;
import dev.keel.runner.internal.Checksums;
import dev.keel.runner.internal.EarlyStart;
import dev.keel.runner.internal.Executor;
import dev.keel.runner.internal.HistoryCheck;
import dev.keel.runner.internal.HistoryRow;
import dev.keel.runner.internal.JdbcSchemaHistory;
import dev.keel.runner.internal.JdbcSink;
import dev.keel.runner.internal.LargeTableMoves;
import dev.keel.runner.internal.PendingStatements;
import dev.keel.runner.internal.Planner;
import dev.keel.runner.internal.Prune;
import dev.keel.runner.internal.Replacements;
import dev.keel.runner.internal.Routing;
import dev.keel.runner.internal.SchemaHistory;
import dev.keel.runner.internal.Script;
import dev.keel.runner.internal.Scripts;
import dev.keel.runner.internal.SendAhead;
import dev.keel.runner.internal.SessionWatch;
import dev.keel.runner.internal.Statuses;
import dev.keel.runner.internal.TableSizes;
import dev.keel.runner.sql.Step;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The runner: applies and unapplies a project's migrations on one database, records them in
 * {@code keel_migrations}, and reports their status. One connection per migrator; concurrent
 * {@link #migrate} runs on one database wait for each other (an advisory lock).
 *
 * <pre>{@code
 * try (Migrator m = Migrator.connect(MigrationSet.read(config, dir), database, settings, listener)) {
 *     MigrateResult r = m.migrate(MigrateRequest.all());
 * }
 * }</pre>
 */
public final class Migrator implements AutoCloseable {
    /** The name keel's sessions have in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "keel migrate";

    private final MigrationSet set;
    private final Database database;
    private final RunnerSettings settings;
    private final MigrateListener listener;
    private final Connection connection;
    private final SchemaHistory history;
    /** The statements run and not sent yet, which {@link #history} sends before its own. */
    private final PendingStatements pending;
    private final Routing routing;
    /** What {@link SessionWatch} set on the connection, to set again after a migration's RESET ALL. */
    private final List<String> watched;
    /** The states and scripts the last plan built, for running that same plan ({@link #scripts}); null when none. */
    private Built built;

    /**
     * The state each migration of {@code planned} met and the script of each deploy-time one: what
     * {@link #verifiedPlan} builds to find the migrations that move to the post-deployment phase, kept so that
     * {@link #execute} of the same plan does not build them again (they depend only on the plan, the states and
     * this migrator's routing, none of which changes in between).
     */
    private record Built(Planner.Result planned, List<ProjectState> befores, Map<MigrationKey, Script> scripts) {}

    /** The sink and executor of the {@link #migrate} under way (null between runs), made when it first needs them. */
    private Run run;
    /** The first migration of the plan under way, sent while the rest is planned ({@link EarlyStart}); null when none. */
    private EarlyStart early;
    /**
     * What the session did before this migrator had it ({@link Session#sendAhead}), for the first {@link #migrate}: the
     * lock, the history, the session set up, a migration sent; null when nothing, or once taken or let go ({@link #dropAhead}).
     */
    private SendAhead.Ahead ahead;
    /** During a {@link #migrate}: the migration the session sent ahead, until {@link #startEarly} adopts it or it is rolled back. */
    private EarlyStart aheadSend;
    /** During a {@link #migrate}: the sink that set the session up ahead, until the run's own sink takes the session over. */
    private JdbcSink aheadSink;
    /** The first migration of the run under way as it was sent early, and of the last run that succeeded ({@link #firstSent}). */
    private FirstSent sendingFirst;
    /** Whether {@link #early} is the migration the session sent ahead ({@link Session#sendAhead}). */
    private boolean earlyAhead;
    private FirstSent lastFirstSent;

    /** What runs a plan's migrations on {@link #connection}; {@code flushesDeferred} once {@link JdbcSink#deferFlushes} ran. */
    private static final class Run {
        final JdbcSink sink;
        final Executor executor;
        boolean flushesDeferred;

        Run(JdbcSink sink, Executor executor) {
            this.sink = sink;
            this.executor = executor;
        }
    }

    private Migrator(MigrationSet set, Database database, RunnerSettings settings, MigrateListener listener,
                     Routing routing, Session opened) {
        this.set = set;
        this.routing = routing;
        this.database = database;
        this.settings = settings;
        this.listener = listener;
        Session session = opened != null ? opened : open(database);
        this.connection = session.connection;
        this.watched = session.watched;
        this.ahead = session.ahead;
        session.ahead = null;
        this.pending = new PendingStatements(connection);
        this.history = new JdbcSchemaHistory(connection, pending);
    }

    /**
     * A connection to a database, named {@link #APPLICATION_NAME}, whose session keel has prepared ({@link SessionWatch}:
     * the server ends keel's statement when keel goes away): what {@link #open} gives, for {@link #connect(MigrationSet,
     * Database, Session, RunnerSettings, MigrateListener, Router, String)}, which owns it from then on. A session
     * opened on a thread of its own while the migrations are read (the command line does) costs the run no time of its
     * own: the connection's start and the session's settings, several round trips, overlap with the reading.
     */
    public static final class Session implements AutoCloseable {
        private final Connection connection;
        /** What {@link SessionWatch} set on the connection, to set again after a migration's RESET ALL. */
        private final List<String> watched;
        /** What {@link #sendAhead} did; null when nothing. */
        private SendAhead.Ahead ahead;

        private Session(Connection connection, List<String> watched) {
            this.connection = connection;
            this.watched = watched;
        }

        /**
         * Starts the {@link #migrate} that will run on this session now, on the thread that opened it, before the
         * migrations are read: takes keel's advisory lock when no other session holds it, reads the history, and when
         * the history is {@code first}'s (a former run's {@link Migrator#firstSent}; null: none), sends that
         * migration's statements, its transaction held open. The run commits it only when its plan's first migration
         * is exactly what was sent, under the same timeouts; otherwise, and when the migrator does anything else
         * first, it is rolled back. Throws nothing: what fails here is done again by the run, which reports it.
         */
        public void sendAhead(FirstSent first) {
            if (ahead != null) {
                return;
            }
            try {
                ahead = SendAhead.start(connection, watched, first);
            } catch (SQLException | RuntimeException e) {
                ahead = null; // the run takes the lock and reads the history itself
            }
        }

        /** Closes the connection (a session opened and not used). */
        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing to keep from a connection that is closing
            }
        }
    }

    /**
     * Connects to {@code database} and prepares keel's session there ({@link SessionWatch}).
     *
     * @throws KeelException of kind DATABASE when the database refuses the connection or the session's settings, naming
     *                       its URL (password masked) and what to do; the connection is then closed
     */
    public static Session open(Database database) {
        Connection connection = database.connect(APPLICATION_NAME);
        return new Session(connection, watch(connection, database));
    }

    /**
     * Connects to {@code database}.
     *
     * @throws KeelException of kind DATABASE when the database refuses the connection, naming its URL
     *                       (password masked) and what to do
     */
    public static Migrator connect(MigrationSet set, Database database, RunnerSettings settings, MigrateListener listener) {
        return new Migrator(set, database, settings, listener, Routing.everything(), null);
    }

    /**
     * Connects to {@code database}, which is the database {@code databaseName} of a project whose
     * databases {@code router} knows: only the operations routed there run; the others are recorded as
     * not applicable (the migration is recorded as applied all the same).
     *
     * @throws KeelException of kind DATABASE when the database refuses the connection
     */
    public static Migrator connect(MigrationSet set, Database database, RunnerSettings settings, MigrateListener listener,
                                   Router router, String databaseName) {
        return new Migrator(set, database, settings, listener, new Routing(router, databaseName), null);
    }

    /**
     * {@link #connect(MigrationSet, Database, RunnerSettings, MigrateListener, Router, String)} on {@code opened}, a
     * session of {@code database} that {@link #open} opened (while the migrations were read, say); the migrator owns it
     * from now on.
     */
    public static Migrator connect(MigrationSet set, Database database, Session opened, RunnerSettings settings,
                                   MigrateListener listener, Router router, String databaseName) {
        return new Migrator(set, database, settings, listener, new Routing(router, databaseName), opened);
    }

    /** The name of the database this migrator works on ({@code default} in a project with one database). */
    public String databaseName() {
        return routing.database();
    }

    /**
     * The state the applied migrations build, with only the tables and sequences routed to this
     * migrator's database: what the live database should hold ({@code keel check-db}).
     */
    public ProjectState appliedState() {
        dropAhead();
        return masked(() -> {
            Map<MigrationKey, HistoryRow> rows = sql(history::rows);
            Set<MigrationKey> applied = Planner.applied(rows);
            MigrationGraph graph = set.graph(applied);
            return graph.stateAt(graph.appliedNodes(applied)).inDatabase(routing.database());
        });
    }

    /**
     * The state every migration of the project builds, applied here or not, with only the tables and
     * sequences routed to this migrator's database.
     */
    public ProjectState latestState() {
        dropAhead();
        return masked(() -> {
            Set<MigrationKey> applied = Planner.applied(sql(history::rows));
            return set.graph(applied).latestState().inDatabase(routing.database());
        });
    }

    /** The connection this migrator holds (for reading the live catalog). */
    public Connection connection() {
        dropAhead();
        return connection;
    }

    /** The status of every migration on this database: applied, not applied, deferred, part-way, missing. */
    public StatusReport status() {
        dropAhead();
        return masked(() -> {
            Map<MigrationKey, HistoryRow> rows = sql(history::rows);
            return Statuses.of(set, rows, pendingMoves(rows));
        });
    }

    /** The status of every migration on a database where nothing is applied yet. No connection. */
    public static StatusReport statusOfEmptyDatabase(MigrationSet set) {
        return Statuses.of(set, Map.of());
    }

    /**
     * What {@link #migrate} would do for {@code request}, without running or recording anything.
     *
     * @throws KeelException of kind INCONSISTENT_HISTORY when applied migrations changed or are missing
     */
    public Plan plan(MigrateRequest request) {
        dropAhead();
        return masked(() -> {
            Map<MigrationKey, HistoryRow> rows = timed("read history", () -> sql(history::rows));
            return timed("plan", () -> routedView(verifiedPlan(rows, request, false)));
        });
    }

    /**
     * Applies (or unapplies, or with {@code fake} records) what {@code request} asks for, one
     * migration at a time, each recorded when done. Concurrent runs on one database wait for each other.
     *
     * @throws KeelException of kind INCONSISTENT_HISTORY (applied migrations changed, missing or out of
     *                       order), IRREVERSIBLE, USAGE (unknown target), or DATABASE (a statement failed,
     *                       saying what stays applied and what to do)
     */
    public MigrateResult migrate(MigrateRequest request) {
        set.decodeAhead(); // while the lock is taken and the history read
        SendAhead.Ahead a = ahead;
        ahead = null;
        aheadSend = a == null ? null : a.early();
        aheadSink = a == null ? null : a.sink();
        sendingFirst = null;
        earlyAhead = false;
        return masked(() -> {
            try (AdvisoryLock lock = a != null && a.lock() != null ? a.lock() : lock()) {
                try {
                    Map<MigrationKey, HistoryRow> rows;
                    if (Replacements.none(set)) {
                        // nothing to reconcile before the history is read: keel's tables made and the history read together
                        rows = a != null && a.rows() != null ? a.rows() : timed("read history", () -> sql(history::createAndRead));
                    } else {
                        dropAheadSend();
                        sql(() -> {
                            history.create();
                            return null;
                        });
                        reconcileSquashes();
                        rows = timed("read history", () -> sql(history::rows));
                    }
                    Planner.Result planned;
                    try {
                        // the first migration may start while the rest is planned, when no recorded checksum is upgraded first
                        planned = timed("plan", () -> verifiedPlan(rows, request,
                                !request.fake() && checksumUpgrades(rows).isEmpty()));
                    } catch (RuntimeException e) {
                        dropAheadSend();
                        abandonEarly();
                        throw e;
                    }
                    upgradeChecksums(rows);
                    MigrateResult result = timed("execute", () -> execute(planned, request.fake()));
                    reconcileSquashes();
                    lastFirstSent = sendingFirst;
                    return result;
                } finally {
                    settleAhead(); // before the lock is let go
                }
            }
        });
    }

    /**
     * What a {@link #migrate} leaves of the session's work ahead of it: the migration sent, when neither taken nor
     * rolled back yet, rolled back; the session's set-up, when no run's sink took it over, undone (commits wait for the
     * disk again).
     */
    private void settleAhead() {
        dropAheadSend();
        if (aheadSink != null) {
            aheadSink.flush();
            aheadSink = null;
        }
    }

    /**
     * The first migration of the last {@link #migrate} that succeeded, as it was sent while the rest was planned;
     * empty when none was (it did not qualify: {@link EarlyStart}). Kept by the caller, it is what a later run onto a
     * database in the same state may send as soon as it is connected ({@link Session#sendAhead}).
     */
    public java.util.Optional<FirstSent> firstSent() {
        return java.util.Optional.ofNullable(lastFirstSent);
    }

    /**
     * Rolls back the migration the session sent ahead of this run's plan ({@link Session#sendAhead}) when it was not
     * taken as the plan's first, once the server answered: before anything else uses the connection.
     */
    private void dropAheadSend() {
        if (aheadSend != null) {
            aheadSend.abandon(connection);
            aheadSend = null;
        }
    }

    /**
     * Lets go of what the session did ahead of a {@link #migrate} ({@link Session#sendAhead}) when this migrator is
     * used for anything else first: rolls back the migration sent, makes commits wait for the disk again, and lets go
     * of the lock.
     */
    private void dropAhead() {
        SendAhead.Ahead a = ahead;
        ahead = null;
        if (a == null) {
            return;
        }
        if (a.early() != null) {
            a.early().abandon(connection);
        }
        if (a.sink() != null) {
            a.sink().flush();
        }
        if (a.lock() != null) {
            a.lock().close();
        }
    }

    /**
     * Records the current checksum of the applied migration {@code app} {@code name} (a unique prefix
     * is enough), after a change to its file was reviewed.
     *
     * @throws KeelException of kind USAGE when it is not a migration, INCONSISTENT_HISTORY when it is not applied
     * @return the migration whose checksum was updated
     */
    public MigrationKey repairChecksum(String app, String name) {
        dropAhead();
        return masked(() -> {
            try (AdvisoryLock lock = lock()) {
                Map<MigrationKey, HistoryRow> rows = sql(history::rows);
                MigrationGraph graph = set.graph(Planner.applied(rows));
                var target = graph.resolve(app, name);
                if (target.isZero()) {
                    throw new KeelException(ErrorKind.USAGE, "--repair-checksum needs a migration, not " + name
                            + ".\nTo fix: name the migration whose file changed.");
                }
                MigrationKey key = target.key();
                HistoryRow row = rows.get(key);
                if (row == null) {
                    throw new KeelException(ErrorKind.INCONSISTENT_HISTORY, "migration " + key + " is not applied, so it"
                            + " has no recorded checksum to repair.\nTo fix: nothing to do; keel migrate applies it"
                            + " with its current checksum.");
                }
                String now = set.checksum(key);
                sql(() -> {
                    history.checksum(key, now);
                    return null;
                });
                return key;
            }
        });
    }

    /**
     * Removes from {@code keel_migrations} the records of migrations whose files are gone and that a squash
     * of the project replaces, the squash itself being recorded as applied (Django's {@code migrate --prune});
     * with {@code dryRun}, only says which. The records of other missing migrations are refused, each with why.
     *
     * @param app only this app's records, or null for every app
     */
    public PruneResult prune(String app, boolean dryRun) {
        dropAhead();
        return masked(() -> {
            try (AdvisoryLock lock = lock()) {
                Map<MigrationKey, HistoryRow> rows = timed("read history", () -> sql(history::rows));
                PruneResult result = Prune.of(set, rows, app);
                if (!dryRun) {
                    timed("execute", () -> sql(() -> {
                        connection.setAutoCommit(false);
                        try {
                            for (PruneResult.Pruned p : result.pruned()) {
                                history.removed(p.key());
                            }
                            // the squash's checksum without replaces(...), which may then go from its file
                            for (MigrationKey squash : new TreeSet<>(result.pruned().stream().map(PruneResult.Pruned::squash).toList())) {
                                history.checksum(squash, set.checksumWithoutReplaces(squash));
                            }
                            connection.commit();
                        } catch (SQLException | RuntimeException e) {
                            connection.rollback();
                            throw e;
                        } finally {
                            connection.setAutoCommit(true);
                        }
                        return null;
                    }));
                }
                return result;
            }
        });
    }

    /** Closes the connection (which also lets go of the advisory lock). */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing to keep from a connection that is closing
        }
    }

    // ---- steps -------------------------------------------------------------------------------

    /**
     * Makes the session end keel's statement when keel goes away ({@link SessionWatch}): a killed keel
     * leaves no statement running, no row locks and no advisory lock behind.
     */
    private static List<String> watch(Connection connection, Database database) {
        try {
            return SessionWatch.apply(connection);
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the failure below is the one to report
            }
            throw new KeelException(ErrorKind.DATABASE, "cannot prepare keel's session on " + database.displayUrl()
                    + ": " + database.mask(String.valueOf(e.getMessage())) + "\nTo fix: check the connection, then run"
                    + " the command again.", e);
        }
    }

    private AdvisoryLock lock() {
        try {
            return AdvisoryLock.acquire(connection, listener, settings.lockPoll());
        } catch (SQLException e) {
            throw new KeelException(ErrorKind.DATABASE, "cannot take keel's advisory lock on " + database.displayUrl()
                    + ": " + e.getMessage() + "\nTo fix: check the connection and that the user may call"
                    + " pg_try_advisory_lock.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeelException(ErrorKind.DATABASE, "interrupted while waiting for another keel migrate.\n"
                    + "To fix: run keel migrate again.", e);
        }
    }

    /** Records the squashes whose replaced migrations were all applied one by one (Django's check_replacements). */
    private void reconcileSquashes() {
        List<MigrationKey> recorded = sql(() -> Replacements.reconcile(history, set));
        for (MigrationKey k : recorded) {
            listener.notice("Recorded squash " + k + " as applied: every migration it replaces is applied.");
        }
    }

    /**
     * The plan for {@code request}, every refusal decided: the history check, the graph, the plan, the script of every
     * deploy-time migration, and the migrations that move to the post-deployment phase ({@link #moves}). With
     * {@code startEarly}, the plan's first migration is sent as soon as its script is built when it qualifies
     * ({@link #startEarly}), while the others are planned; its COMMIT waits for {@link #execute}.
     */
    private Planner.Result verifiedPlan(Map<MigrationKey, HistoryRow> rows, MigrateRequest request, boolean startEarly) {
        List<String> problems = HistoryCheck.problems(set, rows);
        if (!problems.isEmpty()) {
            var all = new ArrayList<>(problems);
            all.add("keel migrate does not go on while the applied migrations and their "
                    + (set.fromClasses() ? "classes" : "files") + " disagree ("
                    + problems.size() + (problems.size() == 1 ? " problem" : " problems") + " above).");
            throw new KeelException(ErrorKind.INCONSISTENT_HISTORY, all);
        }
        Set<MigrationKey> applied = Planner.applied(rows);
        MigrationGraph graph = set.graph(applied);
        graph.checkConsistent(applied);
        Planner.Result planned = Planner.plan(graph, rows, request);
        if (request.postDeploy() || planned.plan().backwards() || planned.plan().migrations().isEmpty()) {
            dropAheadSend();
            return planned;
        }
        List<MigrationSpec> plan = planned.plan().migrations();
        ProjectState start = graph.stateAt(graph.appliedNodes(planned.applied()));
        if (startEarly && plan.size() > 1 && !plan.get(0).postDeployment()) {
            checksumAhead(plan.get(0).key()); // what the first migration's record holds, while its script is built
        }
        Script first = plan.get(0).postDeployment() ? null : Scripts.forwards(plan.get(0), start, routing);
        if (startEarly && first != null && plan.size() > 1 && planned.view().migrations().get(0).resumeFrom() == 0) {
            startEarly(first, rows);
        }
        dropAheadSend(); // not the plan's first: rolled back before the plan reads table sizes
        List<ProjectState> befores = befores(planned, start);
        Map<MigrationKey, Script> scripts = deployScripts(plan, befores, first);
        if (early != null) {
            // what the run records, computed while the first migration runs rather than after the plan
            set.checksums(plan.stream().map(MigrationSpec::key).toList());
        }
        built = new Built(planned, befores, scripts);
        Map<MigrationKey, String> moved = moves(graph, scripts,
                m -> keys(Planner.plan(graph, rows, request, m).view().deferred()), true, this::sizes);
        return moved.isEmpty() ? planned : Planner.plan(graph, rows, request, moved);
    }

    /**
     * Computes the checksum of migration {@code key} on another thread ({@link MigrationSet#checksum} keeps it), for a
     * caller that asks for it soon: a failure is left for that caller, which computes it again and reports it.
     */
    private void checksumAhead(MigrationKey key) {
        java.util.concurrent.ForkJoinPool.commonPool().execute(() -> {
            try {
                set.checksum(key);
            } catch (RuntimeException e) {
                // reported where it is asked for
            }
        });
    }

    /** The sink and executor of the run under way, made now when there are none yet. */
    private Run run() {
        if (run == null) {
            var sink = new JdbcSink(connection, pending, set.code(), listener);
            sink.keepWatching(watched);
            if (aheadSink != null) {
                sink.continueFrom(aheadSink); // the session as the send ahead set it up
                aheadSink = null;
            }
            run = new Run(sink, new Executor(sink, history, settings, listener));
            run.flushesDeferred = sink.flushesDeferred();
        }
        return run;
    }

    /**
     * Sends {@code first}, the script of the plan's first migration, while the rest of the plan is built, when it
     * qualifies ({@link EarlyStart#holdable}, not a squash): its statements and its record run in its transaction,
     * which {@link #execute} commits once the plan is decided, or {@link #abandonEarly} rolls back when it is refused.
     */
    private void startEarly(Script first, Map<MigrationKey, HistoryRow> rows) {
        Run r = run();
        if (!first.migration().replaces().isEmpty() || !EarlyStart.holdable(r.executor, first)) {
            return;
        }
        MigrationKey key = first.migration().key();
        String checksum = set.checksum(key);
        if (aheadSend != null && aheadSend.adopt(r.executor, first, checksum)) {
            early = aheadSend; // sent as the session opened: the very statements, under the same timeouts
            aheadSend = null;
            earlyAhead = true;
        } else {
            dropAheadSend();
            early = EarlyStart.start(r.executor, r.sink, connection, first, checksum);
        }
        r.flushesDeferred = true; // the thread does it first; when it fails, the run fails with it
        sendingFirst = new FirstSent(SendAhead.digest(rows), key.app(), key.name(), first.migration().origin(),
                r.executor.lockTimeout(), r.executor.statementTimeoutOf(first), r.executor.heldTexts(first, checksum));
    }

    /**
     * Rolls back the first migration {@link #startEarly} sent, if any, once the server answered (a refusal found while
     * planning, or a failure before it was committed), and makes commits wait for the disk again; nothing was applied.
     */
    private void abandonEarly() {
        if (early != null) {
            early.abandon(connection);
            early = null;
            if (run != null) {
                run.sink.flush();
            }
        }
        run = null;
    }

    /**
     * The sizes of {@code relations} ({@link TableSizes#read}) as they were before the run: while the first migration
     * {@link #startEarly} sent holds its transaction open, the relations it created do not count; when a name it
     * created may have meant another relation before, that migration is rolled back (it runs again in its turn) and the
     * sizes are read as before.
     */
    private Map<String, TableSizes.Size> sizes(java.util.Collection<String> relations) throws SQLException {
        if (early == null) {
            return TableSizes.read(connection, relations);
        }
        Executor.Sent sent = early.join();
        if (sent == null) {
            early = null; // the session did not allow it: nothing was sent
        } else if (!sent.held()) {
            Executor.rollback(connection); // it failed: reported in its turn, as when it is sent then
        } else {
            var before = TableSizes.readBefore(connection, relations);
            if (before.isPresent()) {
                return before.get();
            }
            Executor.rollback(connection);
            early = null;
        }
        return TableSizes.read(connection, relations);
    }

    private static Set<MigrationKey> keys(List<Plan.Deferred> deferred) {
        var out = new java.util.LinkedHashSet<MigrationKey>();
        deferred.forEach(d -> out.add(d.key()));
        return out;
    }

    /**
     * The script of each deploy-time migration of {@code migrations}, each meeting the state of {@code befores}.
     * Each script depends only on its migration and its state, so they are built several at once (on the cores
     * keel has); when migrations do not apply, the failure is the first one's in plan order, as one at a time.
     */
    private Map<MigrationKey, Script> deployScripts(List<MigrationSpec> migrations, List<ProjectState> befores) {
        return deployScripts(migrations, befores, null);
    }

    /** {@link #deployScripts(List, List)}, the first one's being {@code first} when it is not null. */
    private Map<MigrationKey, Script> deployScripts(List<MigrationSpec> migrations, List<ProjectState> befores, Script first) {
        Object[] built = new Object[migrations.size()];
        if (first != null) {
            built[0] = first;
        }
        java.util.stream.IntStream.range(first != null ? 1 : 0, migrations.size()).parallel().forEach(i -> {
            if (!migrations.get(i).postDeployment()) {
                try {
                    built[i] = Scripts.forwards(migrations.get(i), befores.get(i), routing);
                } catch (RuntimeException e) {
                    built[i] = e;
                }
            }
        });
        var scripts = new java.util.LinkedHashMap<MigrationKey, Script>();
        for (int i = 0; i < migrations.size(); i++) {
            if (built[i] instanceof RuntimeException e) {
                throw e;
            }
            if (built[i] instanceof Script s) {
                scripts.put(migrations.get(i).key(), s);
            }
        }
        return scripts;
    }

    /**
     * The deploy-time migrations of {@code scripts} (their {@link #deployScripts}, in plan order) that build
     * indexes or validate constraints on a large table, which {@code migrate} treats as post-deployment ones,
     * each with why ({@link RunnerSettings#largeTables()}); but not those that deploy-time work of the plan
     * depends on ({@link LargeTableMoves#sparingDeployWork}), said in a notice when {@code notify}.
     *
     * @param deferredWith the migrations the deploy phase defers, given moves
     */
    private Map<MigrationKey, String> moves(MigrationGraph graph, Map<MigrationKey, Script> scripts,
                                            java.util.function.Function<Map<MigrationKey, String>, Set<MigrationKey>> deferredWith,
                                            boolean notify, LargeTableMoves.Sizes sizes) {
        Map<MigrationKey, String> moved = sql(() -> LargeTableMoves.of(List.copyOf(scripts.values()), settings.largeTables(),
                sizes));
        if (moved.isEmpty()) {
            return moved;
        }
        return LargeTableMoves.sparingDeployWork(moved, scripts, graph, deferredWith, (stays, held) -> {
            if (notify) {
                listener.notice(stays + " " + moved.get(stays) + ", but stays at deploy time: " + held + ", which"
                        + " does other work at deploy time, depends on it. Its builds and validations run without the"
                        + " statement timeout; they take that long before the deployment goes on.");
            }
        });
    }

    /** {@link #moves} of every migration not applied yet, for {@code showmigrations}; none when the history is in the way. */
    private Map<MigrationKey, String> pendingMoves(Map<MigrationKey, HistoryRow> rows) {
        try {
            MigrationGraph graph = set.graph(Planner.applied(rows));
            Set<MigrationKey> applied = graph.appliedNodes(Planner.applied(rows));
            List<MigrationSpec> pending = graph.forwardsPlan(applied, List.of());
            var befores = new ArrayList<ProjectState>();
            ProjectState state = graph.stateAt(applied);
            for (MigrationSpec m : pending) {
                befores.add(state);
                state = MigrationGraph.replay(state, List.of(m));
            }
            return moves(graph, deployScripts(pending, befores), m -> Planner.deferred(graph, applied, m).keySet(), false,
                    relations -> TableSizes.read(connection, relations));
        } catch (KeelException e) {
            if (e.kind() == ErrorKind.DATABASE) {
                throw e;
            }
            return Map.of(); // showmigrations lists the history's problems; the phases wait until they are fixed
        }
    }

    /**
     * Records the checksum of what each migration does in place of the checksum of its file's text that an
     * earlier keel recorded, for every applied migration whose file is unchanged since (the history check
     * has accepted them).
     */
    private void upgradeChecksums(Map<MigrationKey, HistoryRow> rows) {
        List<MigrationKey> upgraded = checksumUpgrades(rows);
        for (MigrationKey key : upgraded) {
            sql(() -> {
                history.checksum(key, set.checksum(key));
                return null;
            });
        }
        if (!upgraded.isEmpty()) {
            listener.notice("Recorded the checksum of what " + (upgraded.size() == 1 ? "1 applied migration does"
                    : upgraded.size() + " applied migrations do") + " in place of the checksum of "
                    + (upgraded.size() == 1 ? "its file" : "their files") + " an earlier keel recorded: "
                    + upgraded.stream().map(MigrationKey::toString).toList() + ". Edits of comments and"
                    + " formatting no longer count as changes.");
        }
    }

    /** The applied migrations whose recorded checksum {@link #upgradeChecksums} replaces. */
    private List<MigrationKey> checksumUpgrades(Map<MigrationKey, HistoryRow> rows) {
        var upgraded = new ArrayList<MigrationKey>();
        for (HistoryRow row : rows.values()) {
            if (row.phase() == HistoryRow.Phase.APPLYING || set.spec(row.key()).isEmpty()) {
                continue; // a part-applied migration is recorded anew when it is finished
            }
            String now = set.checksum(row.key());
            if (!now.equals(row.checksum()) && Checksums.isFileChecksum(row.checksum()) && set.matches(row.key(), row.checksum())) {
                upgraded.add(row.key());
            }
        }
        return upgraded;
    }

    private MigrateResult execute(Planner.Result planned, boolean fake) {
        Run r = run();
        try {
            if (!r.flushesDeferred) {
                sql(() -> {
                    r.sink.deferFlushes();
                    return null;
                });
                r.flushesDeferred = true;
            }
            return execute(planned, fake, r.executor);
        } finally {
            if (early != null) {
                early.abandon(connection); // not taken: something failed before the first migration's turn
                early = null;
            }
            r.sink.flush();
            run = null;
        }
    }

    /**
     * What {@link #startEarly} sent, for the first migration of {@code scripts} to be committed (or its failure
     * reported) in its turn; null when nothing was sent (none, or the session did not allow it).
     */
    private Executor.Sent takeEarly(List<Script> scripts) {
        if (early == null) {
            return null;
        }
        EarlyStart e = early;
        long start = System.nanoTime();
        Executor.Sent sent = sql(e::join);
        early = null;
        if (sent != null) {
            // -v 3: how long the plan's end waited for the server to finish the first migration, sent while planning
            listener.phase(earlyAhead ? "wait for the first migration (sent as keel connected)" : "wait for the first migration",
                    Duration.ofNanos(System.nanoTime() - start));
        }
        if (sent != null && (scripts.isEmpty()
                || !scripts.get(0).migration().key().equals(sent.scripts().get(0).migration().key()))) {
            Executor.rollback(connection); // not the plan's first after all: it runs in its turn
            return null;
        }
        return sent;
    }

    private MigrateResult execute(Planner.Result planned, boolean fake, Executor executor) {
        List<MigrationSpec> migrations = planned.plan().migrations();
        var done = new ArrayList<MigrateResult.Done>();
        if (fake) {
            for (MigrationSpec m : migrations) {
                boolean backwards = planned.plan().backwards();
                if (backwards) {
                    sql(() -> { Replacements.unapplying(history, m); return null; });
                }
                executor.fake(m.key(), set.checksum(m.key()), backwards);
                if (!backwards) {
                    sql(() -> { Replacements.applied(history, set, m); return null; });
                }
                done.add(new MigrateResult.Done(m.key(), planned.plan().backwards()
                        ? MigrateListener.Action.FAKE_UNAPPLY : MigrateListener.Action.FAKE_APPLY, 0));
            }
            return new MigrateResult(routedView(planned), done);
        }
        List<Script> scripts = scripts(planned);
        prepareJava(scripts);
        if (!planned.plan().backwards()) {
            set.checksums(migrations.stream().map(MigrationSpec::key).toList());
        }
        Executor.Recheck recheck = recheck();
        Executor.Sent held = takeEarly(scripts);
        for (int i = 0; i < scripts.size(); i++) {
            Script s = scripts.get(i);
            MigrationKey key = s.migration().key();
            int together = held == null ? together(scripts, planned, executor, i) : 1;
            if (held != null && held.held() && i + 1 < scripts.size() && executor.sameTimeouts(s, scripts.get(i + 1))) {
                together += together(scripts, planned, executor, i + 1); // with its COMMIT, those after it
            }
            if (together > 0) {
                List<Script> sent = scripts.subList(i, i + together);
                Executor.Together t;
                if (held != null) {
                    Executor.Sent first = held;
                    held = null;
                    List<Script> more = sent.subList(1, sent.size());
                    t = first.held() ? executor.commitWith(connection, first, more, more.stream()
                            .map(x -> set.checksum(x.migration().key())).toList(), recheck)
                            : executor.settle(connection, first, recheck);
                } else {
                    t = executor.runTogether(connection, sent, sent.stream()
                            .map(x -> set.checksum(x.migration().key())).toList(), recheck);
                }
                for (int k = 0; k < t.took().size(); k++) {
                    done.add(new MigrateResult.Done(sent.get(k).migration().key(), MigrateListener.Action.APPLY,
                            t.took().get(k).toMillis()));
                }
                i += t.took().size();
                if (t.retryNext()) {
                    // a lock timeout stopped it among those sent together: the whole transaction again, alone
                    Script next = scripts.get(i);
                    Duration took = executor.run(next, set.checksum(next.migration().key()), 0, 2);
                    done.add(new MigrateResult.Done(next.migration().key(), MigrateListener.Action.APPLY, took.toMillis()));
                } else {
                    i--;
                }
                continue;
            }
            if (s.backwards()) {
                sql(() -> { Replacements.unapplying(history, s.migration()); return null; });
            }
            Duration took = executor.run(s, set.checksum(key), planned.view().migrations().get(i).resumeFrom());
            if (!s.backwards()) {
                sql(() -> { Replacements.applied(history, set, s.migration()); return null; });
            }
            done.add(new MigrateResult.Done(key, s.backwards() ? MigrateListener.Action.UNAPPLY
                    : MigrateListener.Action.APPLY, took.toMillis()));
        }
        return new MigrateResult(view(planned.view(), scripts.stream().map(Script::skipped).toList()), done);
    }

    /**
     * How many migrations from {@code from} on are sent together in one round trip ({@link Executor#runTogether}),
     * each with its record and its own transaction: those in a row that {@link Executor#together} accepts, under the
     * same timeouts, none a squash (whose record reads the history) or resumed, at most {@link Executor#MOST_TOGETHER},
     * {@link Executor#MOST_TOGETHER_STATEMENTS} statements and {@link Executor#MOST_TOGETHER_CHARS} of SQL (a migration
     * alone may have more); 0 when the migration at {@code from} is not one of them.
     * A migration that needs an answer first (Java code, a backfill, a guard, non-atomic) ends the run.
     */
    private static int together(List<Script> scripts, Planner.Result planned, Executor executor, int from) {
        int n = 0;
        long chars = 0;
        int statements = 0;
        while (from + n < scripts.size() && n < Executor.MOST_TOGETHER) {
            Script s = scripts.get(from + n);
            if (planned.view().migrations().get(from + n).resumeFrom() != 0 || !s.migration().replaces().isEmpty()
                    || !executor.together(s) || (n > 0 && !executor.sameTimeouts(scripts.get(from), s))) {
                break;
            }
            chars += Executor.size(s);
            statements += Executor.statements(s);
            if (n > 0 && (chars > Executor.MOST_TOGETHER_CHARS || statements > Executor.MOST_TOGETHER_STATEMENTS)) {
                break;
            }
            n++;
        }
        return n;
    }

    /** How long keel waits for a lost session to end before it reads what it committed. */
    private static final Duration RECHECK_WAIT = Duration.ofSeconds(5);

    /**
     * After the connection was lost among migrations sent together: which of them are recorded as applied, read on a
     * new connection once the lost session has ended (or {@link #RECHECK_WAIT} has passed; it may then still commit
     * those not recorded yet); null when keel cannot connect.
     */
    private Executor.Recheck recheck() {
        int pid;
        try {
            pid = connection.unwrap(org.postgresql.PGConnection.class).getBackendPID();
        } catch (SQLException e) {
            return null;
        }
        return keys -> {
            try (Connection c = database.connect(APPLICATION_NAME + " (check)")) {
                // until the lost session has ended: its transaction is then committed or rolled back for good
                boolean ended = false;
                for (long deadline = System.nanoTime() + RECHECK_WAIT.toNanos(); ; Thread.sleep(50)) {
                    try (var ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
                        ps.setInt(1, pid);
                        try (var r = ps.executeQuery()) {
                            r.next();
                            ended = r.getLong(1) == 0;
                        }
                    }
                    if (ended || System.nanoTime() > deadline) {
                        break;
                    }
                }
                var recorded = new HashMap<MigrationKey, Long>();
                Map<MigrationKey, HistoryRow> rows = new JdbcSchemaHistory(c).rows();
                for (MigrationKey k : keys) {
                    HistoryRow row = rows.get(k);
                    if (row != null && row.phase() == HistoryRow.Phase.APPLIED) {
                        recorded.put(k, row.durationMs());
                    }
                }
                return new Executor.Rechecked(recorded, ended);
            } catch (SQLException | RuntimeException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        };
    }

    /** The plan's view with the operations routed elsewhere moved to {@code notApplicable}. */
    private Plan routedView(Planner.Result planned) {
        List<MigrationSpec> plan = planned.plan().migrations();
        List<ProjectState> befores = befores(planned);
        var skipped = new ArrayList<List<String>>();
        for (int i = 0; i < plan.size(); i++) {
            skipped.add(Scripts.forwards(plan.get(i), befores.get(i), routing).skipped());
        }
        return view(planned.view(), skipped);
    }

    private static Plan view(Plan view, List<List<String>> skipped) {
        var planned = new ArrayList<Plan.Planned>();
        for (int i = 0; i < view.migrations().size(); i++) {
            Plan.Planned p = view.migrations().get(i);
            List<String> notHere = skipped.get(i);
            List<String> here = notHere.isEmpty() ? p.operations() : runsHere(p.operations(), notHere);
            planned.add(new Plan.Planned(p.key(), p.atomic(), p.postDeployment(), here, p.resumeFrom(), notHere));
        }
        return new Plan(view.backwards(), view.fake(), planned, view.deferred());
    }

    /** The descriptions of {@code all} less one occurrence of each skipped one. */
    private static List<String> runsHere(List<String> all, List<String> skipped) {
        var left = new ArrayList<>(all);
        for (String s : skipped) {
            String description = s.substring(0, s.lastIndexOf(" (database ")).replaceFirst("^undo ", "");
            left.remove(description);
        }
        return left;
    }

    /**
     * Every script of the plan, built before anything runs (so an irreversible operation stops the plan at once);
     * the states and deploy-time scripts {@link #verifiedPlan} built for this same plan are not built again.
     */
    private List<Script> scripts(Planner.Result planned) {
        Built known = built != null && built.planned() == planned ? built : null;
        List<MigrationSpec> plan = planned.plan().migrations();
        List<ProjectState> befores = known != null ? known.befores() : befores(planned);
        built = null; // used once: what it holds can be let go
        var scripts = new ArrayList<Script>();
        for (int i = 0; i < plan.size(); i++) {
            Integer partial = planned.undoPartial().get(plan.get(i).key());
            Script forwards = known == null || planned.plan().backwards() ? null : known.scripts().get(plan.get(i).key());
            scripts.add(partial != null ? Scripts.undoPartial(plan.get(i), befores.get(i), routing, partial)
                    : planned.plan().backwards() ? Scripts.backwards(plan.get(i), befores.get(i), routing)
                    : forwards != null ? forwards
                    : Scripts.forwards(plan.get(i), befores.get(i), routing));
        }
        return scripts;
    }

    /** The state each migration of the plan met when it was (or will be) applied, in the plan's order. */
    private static List<ProjectState> befores(Planner.Result planned) {
        return befores(planned, null);
    }

    /** {@link #befores(Planner.Result)}; forwards, from {@code start} when it is not null (the state the applied migrations build). */
    private static List<ProjectState> befores(Planner.Result planned, ProjectState start) {
        MigrationGraph graph = planned.graph();
        List<MigrationSpec> plan = planned.plan().migrations();
        Set<MigrationKey> applied = graph.appliedNodes(planned.applied());
        var result = new ArrayList<ProjectState>();
        if (!planned.plan().backwards()) {
            ProjectState state = start != null ? start : graph.stateAt(applied);
            for (MigrationSpec m : plan) {
                result.add(state);
                state = MigrationGraph.replay(state, List.of(m));
            }
            return result;
        }
        var remaining = new TreeSet<>(applied);
        plan.forEach(m -> remaining.remove(m.key()));
        ProjectState state = graph.stateAt(remaining);
        var before = new HashMap<MigrationKey, ProjectState>();
        for (int i = plan.size() - 1; i >= 0; i--) {
            before.put(plan.get(i).key(), state);
            state = MigrationGraph.replay(state, List.of(plan.get(i)));
        }
        for (MigrationSpec m : plan) {
            result.add(before.get(m.key()));
        }
        return result;
    }

    private void prepareJava(List<Script> scripts) {
        var calls = new ArrayList<JavaCode.MethodCall>();
        for (Script s : scripts) {
            for (var step : s.steps()) {
                if (step.step() instanceof Step.Java java) {
                    calls.add(new JavaCode.MethodCall(s.migration(), java.method()));
                }
            }
        }
        if (!calls.isEmpty()) {
            set.code().prepare(calls);
        }
    }

    // ---- plumbing ----------------------------------------------------------------------------

    /** A JDBC action whose failure is a DATABASE error naming the database. */
    @FunctionalInterface
    private interface SqlAction<T> {
        T run() throws SQLException;
    }

    private <T> T sql(SqlAction<T> action) {
        try {
            return action.run();
        } catch (SQLException e) {
            throw new KeelException(ErrorKind.DATABASE, "cannot read or write keel_migrations on " + database.displayUrl()
                    + ": " + e.getMessage() + "\nTo fix: check the connection, and that the user may create and write"
                    + " the table keel_migrations in the current schema.", e);
        }
    }

    /** Runs {@code work} and tells the listener how long the phase {@code name} took. */
    private <T> T timed(String name, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        listener.phase(name, Duration.ofNanos(System.nanoTime() - start));
        return result;
    }

    /** Runs {@code work}; the messages of what it throws are stripped of credentials. */
    private <T> T masked(Supplier<T> work) {
        try {
            return work.get();
        } catch (KeelException e) {
            List<String> problems = e.problems().stream().map(database::mask).toList();
            if (problems.equals(e.problems())) {
                throw e;
            }
            throw new KeelException(e.kind(), problems);
        }
    }
}
