package dev.keel.runner.internal.data;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.Backfill;
import dev.keel.migration.BackfillResult;
import dev.keel.runner.internal.GuardedConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link Backfill} by keyset: batches of the next {@code size} primary keys, each in its own
 * transaction that also records the batch's last key in {@code keel_backfill}, so a later run
 * resumes exactly after the last committed batch.
 */
public final class KeysetBackfill implements Backfill {
    /** Rows per batch unless {@link #size} says otherwise. */
    public static final int DEFAULT_SIZE = 1000;

    private final RunContext context;
    private final StateTable table;
    private String step;
    private int size = DEFAULT_SIZE;
    private Duration pause = Duration.ZERO;
    private String condition;
    private boolean pagesWithoutKey;

    /** A walk over {@code table} for {@code context}, named {@code step} unless {@link #named} says otherwise. */
    KeysetBackfill(RunContext context, StateTable table, String step) {
        this.context = context;
        this.table = table;
        this.step = step;
    }

    @Override
    public Backfill size(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("a batch needs at least 1 row, not " + rows);
        }
        size = rows;
        return this;
    }

    @Override
    public Backfill pause(Duration value) {
        Objects.requireNonNull(value, "pause");
        if (value.isNegative()) {
            throw new IllegalArgumentException("the pause between batches cannot be negative: " + value);
        }
        pause = value;
        return this;
    }

    @Override
    public Backfill where(String sqlCondition) {
        condition = sqlCondition == null || sqlCondition.isBlank() ? null : sqlCondition.strip();
        return this;
    }

    @Override
    public Backfill named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a backfill step needs a name");
        }
        step = name.strip();
        return this;
    }

    /**
     * Lets {@link #update} walk a table without a single-column primary key by its pages ({@code ctid} ranges of
     * {@link BatchSql#PAGES_PER_BATCH} pages, up to the table's size when the walk starts: rows that move later by an
     * update are new versions, which keep what the update wrote).
     */
    KeysetBackfill pagesWithoutKey() {
        pagesWithoutKey = true;
        return this;
    }

    @Override
    public BackfillResult update(String assignments) throws SQLException {
        if (assignments == null || assignments.isBlank()) {
            throw new IllegalArgumentException("update() needs what follows SET, such as \"slug = lower(title)\"");
        }
        if (pagesWithoutKey && !BatchSql.hasKey(table)) {
            return byPages(assignments);
        }
        try {
            return walk((sql, last) -> {
                try (PreparedStatement ps = context.keelConnection().prepareStatement(sql.update(assignments, condition, last == null))) {
                    if (last != null) {
                        ps.setString(1, last);
                    }
                    try (ResultSet r = ps.executeQuery()) {
                        r.next();
                        return new Outcome(r.getInt(1), r.getString(2), r.getLong(3));
                    }
                }
            });
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public BackfillResult forEach(BatchWork work) throws Exception {
        Objects.requireNonNull(work, "work");
        return walk((sql, last) -> {
            Connection c = context.keelConnection();
            int rows;
            Object first;
            Object lastKey;
            String lastText;
            try (PreparedStatement ps = c.prepareStatement(sql.keys(last == null))) {
                if (last != null) {
                    ps.setString(1, last);
                }
                try (ResultSet r = ps.executeQuery()) {
                    r.next();
                    rows = r.getInt(1);
                    first = r.getObject(2);
                    lastKey = r.getObject(3);
                    lastText = r.getString(4);
                }
            }
            if (rows > 0) {
                var guard = new GuardedConnection(c, true, context.where(), "each batch is one transaction, which keel"
                        + " commits together with the batch's progress in keel_backfill");
                Exception failure = null;
                try {
                    work.run(new KeyRange(guard.connection(), first, lastKey, rows, sql.range(condition)));
                } catch (Exception e) {
                    failure = e;
                }
                if (!guard.refused().isEmpty()) {
                    var refused = new KeelException(ErrorKind.INVALID_OPERATION, context.where() + ": the batch's code "
                            + String.join(", then ", guard.refused()) + " on Batch.connection(); keel refused it, and"
                            + " rolled the batch back (the batches before it stay done and recorded).\nTo fix: let keel"
                            + " commit: remove the " + String.join(", ", guard.refused()).replace("called ", "")
                            .replace("ran the statement ", "") + " from the code of the batch.");
                    if (failure != null && !guard.isRefusal(failure)) {
                        refused.addSuppressed(failure);
                    }
                    throw refused;
                }
                if (failure != null) {
                    throw failure;
                }
            }
            return new Outcome(rows, lastText, 0);
        });
    }

    private BackfillResult byPages(String assignments) throws SQLException {
        long[] pages = {-1};
        try {
            return walk(null, (sql, last) -> {
                Connection c = context.keelConnection();
                if (pages[0] < 0) {
                    try (var st = c.createStatement(); ResultSet r = st.executeQuery(BatchSql.pages(table))) {
                        r.next();
                        pages[0] = r.getLong(1);
                    }
                }
                long from = last == null ? 0 : Long.parseLong(last);
                String update = BatchSql.pageUpdate(table, assignments, condition);
                try (PreparedStatement ps = c.prepareStatement(update)) {
                    for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                        ps.setLong(i, from);
                    }
                    try (ResultSet r = ps.executeQuery()) {
                        r.next();
                        long next = from + BatchSql.PAGES_PER_BATCH;
                        return new Outcome(r.getInt(1), Long.toString(next), r.getLong(2), next < pages[0]);
                    }
                }
            });
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What one batch did: keys walked, the last key as text, rows changed, and whether another batch follows. */
    private record Outcome(int rows, String lastKey, long changed, Boolean more) {
        Outcome(int rows, String lastKey, long changed) {
            this(rows, lastKey, changed, null);
        }

        boolean more(int size) {
            return more == null ? rows == size : more;
        }
    }

    /** Runs one batch after key {@code last} (null: the first batch). */
    @FunctionalInterface
    private interface BatchRun {
        Outcome run(BatchSql sql, String last) throws Exception;
    }

    private BackfillResult walk(BatchRun batch) throws Exception {
        return walk(BatchSql.of(table, size, context.where()), batch);
    }

    /** Walks the table in batches of {@code sql} (null: by pages, without a key). */
    private BackfillResult walk(BatchSql sql, BatchRun batch) throws Exception {
        Connection c = context.keelConnection();
        if (!c.getAutoCommit()) {
            throw new KeelException(ErrorKind.INVALID_OPERATION, context.where() + ": batches commit one by one, so"
                    + " they cannot run inside the transaction of an atomic migration.\nTo fix: add  atomic(false);  to"
                    + " define() of " + context.migration() + " (and  postDeployment();  when the table is large), so"
                    + " that each batch commits on its own and a stopped run resumes after the last batch.");
        }
        BackfillStore store = new BackfillStore(c);
        store.create();
        BackfillStore.Saved saved = store.read(context.migration(), step);
        String task = step + " on " + table.table().qualifiedName();
        if (saved.done()) {
            context.log(task + ": done in an earlier run (" + counted(saved.rows(), "row") + " in "
                    + counted(saved.batches(), "batch") + "); skipped.");
            return new BackfillResult(0, 0, 0, Duration.ZERO, Duration.ZERO, true);
        }
        if (saved.batches() > 0) {
            context.log(task + ": resuming after key " + saved.lastKey() + " (" + counted(saved.rows(), "row") + " in "
                    + counted(saved.batches(), "batch") + " done in an earlier run).");
        }
        long start = System.nanoTime();
        var tally = new Tally(saved);
        try (ProgressDisplay display = context.display(task, estimate(), saved.rows())) {
            boolean more = true;
            while (more) {
                long t0 = System.nanoTime();
                Outcome o = inTransaction(c, () -> {
                    Outcome out = batch.run(sql, tally.lastKey);
                    store.save(context.migration(), step, tally.after(out, size, !out.more(size)));
                    return out;
                });
                tally.done(o, System.nanoTime() - t0);
                display.advanced(o.rows());
                more = o.more(size);
                if (more && !pause.isZero()) {
                    context.pause(pause);
                }
            }
        }
        BackfillResult result = new BackfillResult(tally.rows, tally.changed, tally.batches,
                Duration.ofNanos(tally.longest), Duration.ofNanos(System.nanoTime() - start), saved.batches() > 0);
        context.log(task + ": " + counted(result.rows(), "row") + " in " + counted(result.batches(), "batch")
                + (result.changed() > 0 ? ", " + result.changed() + " changed" : "")
                + ", " + human(result.took()) + " (" + Math.round(result.rowsPerSecond()) + " rows/s), longest batch "
                + human(result.longest()) + ".");
        return result;
    }

    /** {@code n} and {@code noun}, plural unless {@code n} is 1: "1 row", "3 batches". */
    static String counted(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun.endsWith("ch") ? noun + "es" : noun + "s");
    }

    /** The counts of a walk: what earlier runs recorded, and what this one did. */
    private static final class Tally {
        final long rowsBefore;
        final int batchesBefore;
        String lastKey;
        long rows;
        long changed;
        int batches;
        long longest;

        Tally(BackfillStore.Saved saved) {
            rowsBefore = saved.rows();
            batchesBefore = saved.batches();
            lastKey = saved.lastKey();
        }

        /** What to record after batch {@code o}: it is the last when it came short of {@code size}. */
        BackfillStore.Saved after(Outcome o, int size, boolean last) {
            String key = o.lastKey() == null ? lastKey : o.lastKey();
            return new BackfillStore.Saved(key, rowsBefore + rows + o.rows(), batchesBefore + batches + (o.rows() > 0 ? 1 : 0),
                    last);
        }

        void done(Outcome o, long nanos) {
            if (o.lastKey() != null) {
                lastKey = o.lastKey();
            }
            rows += o.rows();
            changed += o.changed();
            if (o.rows() > 0) {
                batches++;
                longest = Math.max(longest, nanos);
            }
        }
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private long estimate() throws SQLException {
        try (var st = context.keelConnection().createStatement(); ResultSet r = st.executeQuery(BatchSql.estimate(table))) {
            return r.next() ? r.getLong(1) : -1;
        }
    }

    /** Work that returns a value and may fail. */
    @FunctionalInterface
    private interface Work<T> {
        T run() throws Exception;
    }

    /** Runs {@code work} in a transaction of its own: committed when it returns, rolled back when it throws. */
    private static <T> T inTransaction(Connection c, Work<T> work) throws Exception {
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (Exception | Error e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection may be gone; the failure that led here is the one to report
            }
            throw e;
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // as above
            }
        }
    }
}
