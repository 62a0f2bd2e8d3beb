package dev.keel.runner.internal.data;

import dev.keel.migration.Backfill;
import dev.keel.migration.HistoricalTable;
import dev.keel.migration.MigrationContext;
import dev.keel.migration.MigrationKey;
import dev.keel.project.ProjectState;
import dev.keel.runner.MigrateListener;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The {@link MigrationContext} of one call of a {@code RunJava} method: the runner's connection, the
 * state the operation meets, output through the {@link MigrateListener}, and batched walks named after
 * the method ({@code fillSlugs#1}, {@code fillSlugs#2}...).
 */
public final class RunContext implements MigrationContext {
    /** How often plain-text progress prints a line. */
    static final long LINE_INTERVAL = TimeUnit.SECONDS.toNanos(5);

    private final MigrationKey migration;
    private final String method;
    private final Connection connection;
    private final Connection handed;
    private final ProjectState state;
    private final MigrateListener listener;
    private int walks;

    /**
     * @param method   the method being called, which names its walks
     * @param listener where {@link #log} lines and progress go
     */
    public RunContext(MigrationKey migration, String method, Connection connection, ProjectState state, MigrateListener listener) {
        this(migration, method, connection, connection, state, listener);
    }

    /**
     * @param connection keel's connection, for keel's own work (batches)
     * @param handed     the connection the code gets ({@link #connection()}): keel's, guarded
     */
    public RunContext(MigrationKey migration, String method, Connection connection, Connection handed, ProjectState state,
                      MigrateListener listener) {
        this.migration = migration;
        this.method = method;
        this.connection = connection;
        this.handed = handed;
        this.state = state;
        this.listener = listener;
    }

    @Override
    public MigrationKey migration() {
        return migration;
    }

    @Override
    public Connection connection() {
        return handed;
    }

    /** keel's own connection, unguarded: batches commit on it. */
    Connection keelConnection() {
        return connection;
    }

    @Override
    public HistoricalTable table(String app, String model) {
        return StateTable.of(state, app, model, where());
    }

    @Override
    public void log(String message) {
        listener.log(migration, message);
    }

    @Override
    public Backfill batches(String model) {
        walks++;
        return new KeysetBackfill(this, StateTable.of(state, migration.app(), model, where()), method + "#" + walks);
    }

    /** Where this code runs, for messages: {@code migration blog.0005_fill (fillSlugs)}. */
    String where() {
        return StateTable.where(migration, method);
    }

    /** A progress display for a walk: a bar when the listener draws on a terminal, else lines in the log. */
    ProgressDisplay display(String task, long total, long doneBefore) {
        if (listener.progressBars()) {
            return new BarProgress(task, total, doneBefore);
        }
        return new LineProgress(task, total, doneBefore, LINE_INTERVAL, System::nanoTime, this::log);
    }

    /** Waits between two batches. */
    void pause(Duration pause) throws InterruptedException {
        Thread.sleep(pause.toMillis(), pause.toNanosPart() % 1_000_000);
    }
}
