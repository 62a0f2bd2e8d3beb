package dev.keel.runner.internal;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.runner.RunnerSettings;
import dev.keel.runner.sql.Identifiers;
import dev.keel.runner.sql.Step;
import dev.keel.runner.sql.TableLock;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/** Turns what went wrong while running a migration into one message: where, what, and "To fix: ...". */
public final class Failures {
    /** PostgreSQL's {@code lock_not_available}: {@code lock_timeout} ran out. */
    static final String LOCK_NOT_AVAILABLE = "55P03";
    /** PostgreSQL's {@code query_canceled}, which {@code statement_timeout} raises. */
    static final String QUERY_CANCELED = "57014";

    private Failures() {}

    /** The first {@link SQLException} in {@code e}'s causes (a {@code RunJava} method may wrap one), or null. */
    static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** Whether {@code e} is a lock timeout, which is worth retrying. */
    static boolean isLockTimeout(Throwable e) {
        SQLException sql = sqlCause(e);
        return sql != null && LOCK_NOT_AVAILABLE.equals(sql.getSQLState());
    }

    /** Whether {@code e} says the connection is gone (killed, server stopped, network). */
    static boolean isConnectionLost(Throwable e) {
        SQLException sql = sqlCause(e);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    /**
     * The failure of {@code script} at step {@code index} (or at commit, when {@code index} equals the
     * number of steps), after {@code attempts} tries.
     *
     * @param stepsKept for a non-atomic migration, how many of its steps are applied and recorded
     */
    static KeelException failed(Script script, int index, Throwable e, int attempts, RunnerSettings settings,
                                Duration statementTimeout, int stepsKept) {
        if (e instanceof KeelException ke && sqlCause(e) == null) {
            return ke;
        }
        String verb = script.backwards() ? "unapplying" : "applying";
        int count = script.steps().size();
        var sb = new StringBuilder(where(script)).append(": ").append(verb).append(" failed");
        String statement = null;
        if (index < count) {
            ScriptStep step = script.steps().get(index);
            sb.append(" at step ").append(index + 1).append(" of ").append(count).append(" (").append(step.operation()).append(")");
            statement = step.step() instanceof Step.Sql sql ? sql.text().strip() : step.text();
            if (sqlCause(e) instanceof JdbcSink.FailedStatement other) {
                sb.append(", in the statement keel runs before it");
                statement = other.statement().strip();
            }
        } else {
            sb.append(" at commit");
        }
        sb.append(":\n");
        if (statement != null) {
            sb.append("    ").append(statement.replace("\n", "\n    ")).append('\n');
        }
        if (e instanceof TransactionMisuse misuse) {
            return misuse(sb, script, index, misuse, stepsKept);
        }
        SQLException sql = sqlCause(e);
        String pg = sql != null ? "PostgreSQL: " + sql.getMessage() + " (SQLSTATE " + sql.getSQLState() + ")"
                : "Java: " + e;
        String kept = kept(script, stepsKept);
        if (script.atomic() && index >= count && isConnectionLost(e)) {
            kept = "keel cannot tell whether the commit of " + script.migration().key() + " reached the database before"
                    + " the connection was lost: keel showmigrations says whether it is applied (it is recorded in"
                    + " keel_migrations in the same transaction).";
        } else if (!script.atomic() && index < count && script.steps().get(index).step() instanceof Step.Java) {
            kept += " Step " + (index + 1) + " is Java code, which runs in autocommit: what it committed before it"
                    + " failed stays (keel cannot undo it), and keel migrate runs the step again from its start.";
        }
        String fix;
        if (isLockTimeout(e)) {
            String times = attempts + (attempts == 1 ? " time" : " times") + " (with backoff between tries)";
            ScriptStep step = index < count ? script.steps().get(index) : null;
            Lock busy = step == null ? null : nowaitLock(step, e);
            List<String> tables = step == null ? List.of() : waitedFor(step, e);
            if (busy != null) {
                sb.append("Table ").append(busy.lock().table()).append(" was busy, ").append(times)
                        .append(": another session held a lock on it that conflicts with ").append(busy.lock().mode().sql())
                        .append(". keel does not wait for it there: the transaction holds a lock on ")
                        .append(String.join(", ", busy.holding())).append(" that blocks its readers or writers, and waiting would"
                                + " block them as long.\n");
            } else if (step != null && isConcurrentBuild(step, e)) {
                sb.append("The concurrent build could not take its lock within lock_timeout ").append(human(settings.lockTimeout()))
                        .append(", ").append(times).append(": it waits for the transactions that write ")
                        .append(tables.isEmpty() ? "the table" : String.join(", ", tables)).append(", then for every"
                        + " transaction older than it on any table (an idle-in-transaction session, a long report).\n");
                sb.append(pg).append('\n').append(kept).append("\nTo fix: let the oldest transactions finish (or end them):"
                        + " find them with " + OLDEST_TRANSACTIONS + " then run keel migrate again. Raising"
                        + " database.lockTimeout in keel.json lets the build wait longer for them (it blocks no writer"
                        + " while it waits).");
                return new KeelException(ErrorKind.DATABASE, sb.toString(), e);
            } else {
                sb.append("The statement could not take its lock within lock_timeout ").append(human(settings.lockTimeout()))
                        .append(", ").append(times).append(tables.isEmpty() ? "" : ", waiting for " + String.join(", ", tables)).append(".\n");
            }
            String find = tables.isEmpty()
                    ? "SELECT pid, state, xact_start, query FROM pg_stat_activity WHERE state <> 'idle' ORDER BY xact_start;"
                    : "SELECT pid, state, xact_start, query FROM pg_stat_activity WHERE pid IN (SELECT pid FROM pg_locks WHERE"
                    + " relation IN (" + String.join(", ", tables.stream().map(t -> Identifiers.literal(Identifiers.qualified(t))
                    + "::regclass").toList()) + ")) ORDER BY xact_start;";
            fix = "another session holds a lock on " + (tables.isEmpty() ? "the table" : String.join(", ", tables))
                    + ", often a long transaction. Find it with " + find
                    + " let it finish (or end it), then run keel migrate again. Raising database.lockTimeout in keel.json"
                    + " makes the service's queries wait that long behind the migration.";
        } else if (sql != null && QUERY_CANCELED.equals(sql.getSQLState()) && statementTimeout != null) {
            sb.append("The statement ran longer than statement_timeout ").append(human(statementTimeout)).append(".\n");
            fix = "if it is slow because the table is large, move the operation to a post-deployment migration"
                    + " (postDeployment() in define()), which keel migrate --post-deploy runs without a statement"
                    + " timeout; or raise database.statementTimeout in keel.json.";
        } else if (isConnectionLost(e)) {
            sb.append("The connection to the database was lost (the session was ended, or the server stopped).\n");
            fix = "check that the database is up, then run keel migrate again" + (script.atomic() ? "." : "; it goes on"
                    + " from the first step not recorded, and every step is written to be re-run safely.");
        } else if (script.atomic() || script.backwards()) {
            fix = "correct the migration (or the database), then run keel migrate again"
                    + (script.atomic() ? "." : "; it goes on from the first step not recorded.");
        } else {
            var m = script.migration();
            String previous = Planner.previous(m.app(), m.dependencies());
            fix = stepsKept == 0
                    ? "either correct the migration (or the data it stumbled on) and run keel migrate again;\n  or, to"
                    + " give it up (nothing of it is applied), first run keel migrate " + m.app() + " " + previous
                    + ", which forgets it (and removes what the failed step left), then change or delete the migration"
                    + " file."
                    : "either correct the migration (or the data it stumbled on) and run keel migrate again: it goes on"
                    + " from step " + (stepsKept + 1) + " with the corrected file (the " + stepsKept + " steps done are"
                    + " not run again);\n  or, when this step can never succeed, undo the " + stepsKept + " steps done"
                    + " (and what the failed step left, such as an invalid index) with keel migrate " + m.app() + " "
                    + previous + ", then change or delete the migration file.";
        }
        sb.append(pg).append('\n').append(kept).append("\nTo fix: ").append(fix);
        return new KeelException(ErrorKind.DATABASE, sb.toString(), e);
    }

    /**
     * The connection was lost while {@code script} (atomic) was on its way with other migrations, its statements,
     * record and {@code COMMIT} sent together ({@link Executor#runTogether}), {@code after} the ones sent after it.
     * With {@code checked}, keel read keel_migrations on a new connection once the lost session had ended, and found
     * neither it nor those after it recorded: nothing of them is applied. Otherwise keel cannot tell.
     */
    static KeelException lostTogether(Script script, Throwable e, List<dev.keel.migration.MigrationKey> after,
                                      boolean checked) {
        var key = script.migration().key();
        String others = after.stream().map(Object::toString).reduce((a, b) -> a + ", " + b).orElse("");
        var sb = new StringBuilder(where(script)).append(": applying failed while its statements, its record and its"
                + " COMMIT were on their way").append(after.isEmpty() ? "" : " with those of " + others).append(":\n")
                .append("The connection to the database was lost (the session was ended, or the server stopped).\n");
        SQLException sql = sqlCause(e);
        sb.append(sql != null ? "PostgreSQL: " + sql.getMessage() + " (SQLSTATE " + sql.getSQLState() + ")" : "Java: " + e)
                .append('\n');
        if (checked) {
            sb.append("Nothing of ").append(key).append(after.isEmpty() ? "" : " or of " + others).append(" was applied:"
                    + " keel read keel_migrations on a new connection once the lost session had ended, and ")
                    .append(after.isEmpty() ? "it is" : "they are").append(" not recorded there (each migration is"
                    + " recorded in its own transaction). The migrations before it stay applied and recorded.");
        } else {
            sb.append("keel cannot tell whether the commit of ").append(key).append(after.isEmpty() ? "" : " (or of " + others + ")")
                    .append(" reached the database before the connection was lost: keel showmigrations says whether")
                    .append(after.isEmpty() ? " it is" : " each is").append(" applied (each migration is recorded in"
                    + " keel_migrations in its own transaction). The migrations before it stay applied and recorded.");
        }
        sb.append("\nTo fix: check that the database is up, then run keel migrate again.");
        return new KeelException(ErrorKind.DATABASE, sb.toString(), e);
    }

    /** The failure of a step that tried to end keel's transaction, ended it, or left one of its own open. */
    private static KeelException misuse(StringBuilder sb, Script script, int index, TransactionMisuse misuse, int stepsKept) {
        var key = script.migration().key();
        boolean sql = index < script.steps().size() && script.steps().get(index).step() instanceof Step.Sql;
        String did = String.join(", then ", misuse.what());
        String undo = misuse.what().stream().map(w -> w.replaceFirst("^(called|ran the statement|runs the statement) ", ""))
                .distinct().reduce((a, b) -> a + ", " + b).orElse("commit or rollback");
        String kept;
        String fix;
        String split = "When the work must commit in parts, make the migration non-atomic (atomic(false); in define())"
                + " and the step safe to run again (a failed run resumes at the first step not recorded), or walk the"
                + " table with ctx.batches(...), which commits and records each batch.";
        switch (misuse.outcome()) {
            case REFUSED -> {
                if (sql) {
                    sb.append("The step ").append(did).append(", but ").append(key).append(" is atomic: keel runs it in"
                            + " one transaction and commits that, with the migration's record in keel_migrations, when"
                            + " all its steps are done. keel did not run the step.\n");
                } else {
                    sb.append("The code ").append(did).append(" on the connection keel handed it, but ").append(
                            script.atomic() ? key + " is atomic: keel runs it in one transaction and commits that, with"
                                    + " the migration's record in keel_migrations, when all its steps are done"
                                    : "the connection is keel's: keel goes on with it after the code")
                            .append(". keel refused it before it reached the database.\n");
                }
                if (misuse.codeFailure() != null) {
                    sb.append("The code then failed: Java: ").append(misuse.codeFailure()).append('\n');
                }
                kept = kept(script, stepsKept);
                fix = script.atomic()
                        ? "let keel commit: remove the " + undo + " from " + (sql ? "the step's SQL" : "the code") + ". " + split
                        : "leave the connection open: close the statements the code makes, not ctx.connection().";
            }
            case ENDED -> {
                sb.append("The code ended the transaction keel opened for ").append(key).append(" (")
                        .append(misuse.what().isEmpty() ? "a commit or a rollback keel could not intercept: through the"
                                + " driver's own connection (unwrap), or SQL keel could not read" : did)
                        .append(").\n");
                if (misuse.codeFailure() != null) {
                    sb.append("The code ").append(misuse.what().isEmpty() ? "" : "then ").append("failed: Java: ")
                            .append(misuse.codeFailure()).append('\n');
                }
                kept = "keel cannot tell what of " + key + " stays: what ran before the transaction ended (the steps"
                        + " before step " + (index + 1) + " too) was committed or rolled back by the code, not by keel;"
                        + " keel rolled back what ran after. " + key + " is not recorded in keel_migrations, so keel"
                        + " migrate would run all of it again.";
                fix = "look at what steps 1 to " + (index + 1) + " write (undo it where running them again would repeat"
                        + " it), then let keel commit: remove the " + undo + " from the code. " + split;
            }
            default -> {
                sb.append("The code left a transaction open on the connection keel handed it (setAutoCommit(false)"
                        + " without setAutoCommit(true) before it returned); keel rolled back what it had not committed.\n");
                kept = kept(script, stepsKept) + " What step " + (index + 1) + "'s code committed itself stays.";
                fix = "commit and turn autocommit back on (setAutoCommit(true)) before the method returns, or leave"
                        + " autocommit alone; then run keel migrate again: it runs step " + (index + 1) + " again from its start.";
            }
        }
        sb.append(kept).append("\nTo fix: ").append(fix);
        return new KeelException(ErrorKind.DATABASE, sb.toString(), misuse);
    }

    /** {@code failure} with {@code note} (what keel did after it) before its "To fix:". */
    static KeelException withNote(KeelException failure, String note) {
        String message = failure.getMessage();
        int fix = message.lastIndexOf("\nTo fix: ");
        String noted = fix < 0 ? message + "\n" + note : message.substring(0, fix) + " " + note + message.substring(fix);
        return new KeelException(failure.kind(), noted, failure.getCause());
    }

    /** The sessions in a transaction, oldest first: what a concurrent build waits for after building. */
    static final String OLDEST_TRANSACTIONS = "SELECT pid, state, xact_start, left(query, 60) FROM pg_stat_activity WHERE"
            + " datname = current_database() AND xact_start IS NOT NULL AND pid <> pg_backend_pid() ORDER BY xact_start;";

    /**
     * Whether {@code step} failed with {@code e} in a concurrent index build ({@code CREATE INDEX CONCURRENTLY},
     * {@code REINDEX ... CONCURRENTLY}), which waits not only for sessions on its table but, once built, for every
     * transaction older than it: its lock timeout then names no table lock.
     */
    static boolean isConcurrentBuild(ScriptStep step, Throwable e) {
        if (sqlCause(e) instanceof JdbcSink.FailedStatement || !(step.step() instanceof Step.Sql sql)) {
            return false;
        }
        List<BuildStatements.Work> work = BuildStatements.of(sql.text());
        return work.size() == 1 && work.get(0).kind() == BuildStatements.Kind.BUILD;
    }

    /** The {@code LOCK TABLE ... NOWAIT} of {@code step} that failed with {@code e}, or null. */
    static Lock nowaitLock(ScriptStep step, Throwable e) {
        if (sqlCause(e) instanceof JdbcSink.FailedStatement other) {
            for (Lock lock : step.locks()) {
                if (lock.nowait() && lock.sql().equals(other.statement())) {
                    return lock;
                }
            }
        }
        return null;
    }

    /**
     * The tables {@code step} was waiting for when {@code e} stopped it: the table of the {@code LOCK TABLE} that
     * failed, else those the statement locks; empty when keel cannot read the statement.
     */
    static List<String> waitedFor(ScriptStep step, Throwable e) {
        if (sqlCause(e) instanceof JdbcSink.FailedStatement other) {
            for (Lock lock : step.locks()) {
                if (lock.sql().equals(other.statement())) {
                    return List.of(lock.lock().table());
                }
            }
            return List.of();
        }
        return step.takes() == null ? List.of() : step.takes().locks().stream().map(TableLock::table)
                .filter(t -> !t.equals(step.takes().creates())).toList();
    }

    private static String kept(Script script, int stepsKept) {
        if (script.atomic()) {
            return "Nothing of " + script.migration().key() + " was " + (script.backwards() ? "unapplied" : "applied")
                    + ": it runs in one transaction, which was rolled back.";
        }
        return script.migration().key() + " is not atomic: " + stepsKept + " of its " + script.steps().size()
                + " steps are " + (script.backwards() ? "undone" : "applied") + " and recorded in keel_migrations.";
    }

    /** {@code migration blog.0002_x (file)}. */
    static String where(Script script) {
        String origin = script.migration().origin();
        return "migration " + script.migration().key() + (origin == null || origin.isBlank() ? "" : " (" + origin + ")");
    }

    /** A failure writing the applied-migrations table. */
    static KeelException history(Script script, SQLException e) {
        return new KeelException(ErrorKind.DATABASE, where(script) + ": cannot record it in keel_migrations: "
                + e.getMessage() + "\nTo fix: check the connection and that the user may write keel_migrations,"
                + " then run keel migrate again.", e);
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
