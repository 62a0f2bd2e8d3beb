package dev.keel.runner.internal;

import dev.keel.error.KeelException;
import dev.keel.load.SourceLines;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.Operation;
import dev.keel.operations.RunJava;
import dev.keel.operations.RunSql;
import dev.keel.operations.SeparateDatabaseAndState;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.runner.sql.OperationSql;
import dev.keel.runner.sql.StatementLocks;
import dev.keel.runner.sql.Step;

import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * Builds the {@link Script} of a migration from its operations and the state it meets. Statements of
 * non-atomic migrations are made re-runnable ({@link ReRunnable}), except the user's own
 * ({@code RunSql}), which are sent as written.
 */
public final class Scripts {
    private Scripts() {}

    /**
     * What applying {@code m} to a database holding {@code before} runs.
     *
     * @throws dev.keel.error.KeelException of kind INVALID_OPERATION when an operation does not apply
     */
    public static Script forwards(MigrationSpec m, ProjectState before) {
        return forwards(m, before, Routing.everything());
    }

    /**
     * What applying {@code m} runs on the database of {@code routing}: the operations routed elsewhere
     * are skipped (and listed in the script).
     *
     * @throws dev.keel.error.KeelException of kind INVALID_OPERATION when an operation does not apply or
     *                                      cannot be routed
     */
    public static Script forwards(MigrationSpec m, ProjectState before, Routing routing) {
        var steps = new ArrayList<ScriptStep>();
        var skipped = new ArrayList<String>();
        ProjectState s = before;
        for (int i = 0; i < m.operations().size(); i++) {
            Operation op = m.operations().get(i);
            ProjectState after = dev.keel.graph.MigrationGraph.applyOperation(s, m, i, 0); // names the file when it does not apply
            add(steps, skipped, m, op, op.describe(), s, routing);
            s = after;
        }
        return script(m, false, steps, skipped);
    }

    /**
     * What unapplying {@code m} runs, given the state {@code before} it was applied to: each
     * operation's reverse, the last operation first.
     *
     * @throws dev.keel.error.KeelException of kind IRREVERSIBLE when an operation has no reverse
     */
    public static Script backwards(MigrationSpec m, ProjectState before) {
        return backwards(m, before, Routing.everything());
    }

    /**
     * What unapplying {@code m} runs on the database of {@code routing}: each operation's reverse goes
     * where the operation went; the others are skipped.
     *
     * @throws dev.keel.error.KeelException of kind IRREVERSIBLE when an operation that runs here has no reverse
     */
    public static Script backwards(MigrationSpec m, ProjectState before, Routing routing) {
        return backwards(m, before, routing, m.operations().size(), List.of());
    }

    /**
     * What undoing a non-atomic migration that a run left part-applied runs, {@code stepsDone} of its
     * forward steps done: first the cleanup of the step that failed (a concurrent index build that failed
     * leaves an invalid index), then the reverse of every operation that had begun, the last first. The
     * migration's statements are re-runnable, so an operation only partly done is undone by its reverse.
     *
     * @throws dev.keel.error.KeelException of kind IRREVERSIBLE when a begun operation has no reverse
     */
    public static Script undoPartial(MigrationSpec m, ProjectState before, Routing routing, int stepsDone) {
        int begun = 0;
        int index = 0;
        var cleanup = new ArrayList<ScriptStep>();
        ProjectState s = before;
        for (Operation op : m.operations()) {
            var opSteps = new ArrayList<ScriptStep>();
            add(opSteps, new ArrayList<>(), m, op, op.describe(), s, routing);
            if (index < stepsDone) {
                begun++;
            }
            int failed = stepsDone - index;
            if (failed >= 0 && failed < opSteps.size() && opSteps.get(failed).cleanup() != null) {
                ScriptStep f = opSteps.get(failed);
                cleanup.add(new ScriptStep("clean up after the failed step of " + op.describe(),
                        new Step.Sql(f.cleanup().sql()), f.cleanup().guard(), null, f.state(),
                        StatementLocks.of(f.cleanup().sql(), f.state()).orElse(null), List.of()));
            }
            index += opSteps.size();
            s = StateTransitions.apply(op, m.app(), s);
        }
        return backwards(m, before, routing, begun, cleanup);
    }

    /** The reverses of the first {@code operations} operations of {@code m}, after the {@code first} steps. */
    private static Script backwards(MigrationSpec m, ProjectState before, Routing routing, int operations,
                                    List<ScriptStep> first) {
        var skipped = new ArrayList<String>();
        var states = new ArrayList<ProjectState>();
        ProjectState s = before;
        for (Operation op : m.operations()) {
            states.add(s);
            s = StateTransitions.apply(op, m.app(), s);
        }
        var steps = new ArrayList<ScriptStep>(first);
        for (int i = operations - 1; i >= 0; i--) {
            Operation op = m.operations().get(i);
            ProjectState opBefore = states.get(i);
            String database = op instanceof SeparateDatabaseAndState ? routing.database() : route(m, routing, opBefore, op);
            if (!database.equals(routing.database())) {
                skipped.add(skippedLine("undo " + op.describe(), database));
                continue;
            }
            ProjectState rs = StateTransitions.apply(op, m.app(), opBefore);
            for (Operation r : StateTransitions.reverse(op, m.app(), opBefore)) {
                add(steps, skipped, m, r, "undo " + op.describe(), rs,
                        op instanceof SeparateDatabaseAndState ? routing : Routing.everything());
                rs = StateTransitions.apply(r, m.app(), rs);
            }
        }
        return script(m, true, steps, skipped);
    }

    /** The database {@code op} runs in; a routing error names the migration's file and the operation's line. */
    private static String route(MigrationSpec m, Routing routing, ProjectState s, Operation op) {
        try {
            return routing.databaseOf(m.app(), s, op);
        } catch (KeelException e) {
            String where = where(m, op);
            throw new KeelException(e.kind(), e.problems().stream().map(p -> where + p).toList());
        }
    }

    /** {@code File.java:12: } for hand-written code read from a file, else {@code migration app.name: }. */
    private static String where(MigrationSpec m, Operation op) {
        Path file = Checksums.file(m);
        if (file == null) {
            return "migration " + m.key() + ": ";
        }
        String method = op instanceof RunSql ? "runSql" : op instanceof RunJava ? "runJava" : null;
        int occurrence = -1;
        if (method != null) {
            int n = 0;
            for (Operation o : flatten(m.operations())) {
                if (o == op) {
                    occurrence = n;
                    break;
                }
                if (o.getClass() == op.getClass()) {
                    n++;
                }
            }
        }
        OptionalInt line = occurrence < 0 ? OptionalInt.empty() : SourceLines.callLine(file, method, occurrence);
        return file + (line.isPresent() ? ":" + line.getAsInt() : "") + ": ";
    }

    private static List<Operation> flatten(List<Operation> ops) {
        var out = new ArrayList<Operation>();
        for (Operation o : ops) {
            out.add(o);
            if (o instanceof SeparateDatabaseAndState sds) {
                out.addAll(flatten(sds.database()));
                out.addAll(flatten(sds.state()));
            }
        }
        return out;
    }

    /** How a skipped operation is listed: {@code Create model audit (database control)}. */
    static String skippedLine(String describe, String database) {
        return describe + " (database " + database + ")";
    }

    private static void add(List<ScriptStep> steps, List<String> skipped, MigrationSpec m, Operation op, String describe,
                            ProjectState s, Routing routing) {
        if (op instanceof SeparateDatabaseAndState sds) {
            ProjectState ds = s;
            for (Operation o : sds.database()) {
                add(steps, skipped, m, o, describe, ds, routing);
                ds = StateTransitions.apply(o, m.app(), ds);
            }
            return;
        }
        String database = route(m, routing, s, op);
        if (!database.equals(routing.database())) {
            skipped.add(skippedLine(describe, database));
            return;
        }
        boolean userSql = op instanceof RunSql;
        for (Step step : OperationSql.forwards(m.app(), s, op)) {
            if (userSql || !(step instanceof Step.Sql sql)) {
                steps.add(new ScriptStep(describe, step, s));
                continue;
            }
            StatementLocks takes = StatementLocks.of(sql.text(), s).orElse(null);
            if (m.atomic()) {
                steps.add(new ScriptStep(describe, step, null, null, s, takes, List.of()));
                continue;
            }
            for (ReRunnable.Guarded g : ReRunnable.rewrite(sql.text())) {
                steps.add(new ScriptStep(describe, new Step.Sql(g.sql()), g.guard(), g.cleanup(), s, takes, List.of()));
            }
        }
    }

    /**
     * The script, each statement with the {@code LOCK TABLE} statements that keep it from waiting for a table
     * while holding a lock that blocks another ({@link LockPlan}): over the whole transaction of an atomic
     * migration, step by step for a non-atomic one (each step commits on its own).
     */
    private static Script script(MigrationSpec m, boolean backwards, List<ScriptStep> steps, List<String> skipped) {
        List<ScriptStep> locked = m.atomic() ? LockPlan.transaction(steps) : steps.stream().map(LockPlan::alone).toList();
        return new Script(m, backwards, locked, skipped);
    }
}
