package dev.keel.safety;

import dev.keel.migration.MigrationSpec;
import dev.keel.operations.AlterField;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.operations.SafeDeleteModel;
import dev.keel.operations.SafeRemoveField;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.rewrite.rules.InPlaceTypeChange;
import dev.keel.runner.sql.OperationSql;
import dev.keel.runner.sql.Step;

import java.util.List;

/**
 * A migration's SQL as the runner runs it (brief, section 7): {@code lock_timeout} and, at deploy time,
 * a 5 s {@code statement_timeout} (none after deployment); an atomic migration in one transaction, a
 * non-atomic one statement by statement. Where keel's own statement is one of squawk's rules' exceptions,
 * a {@code -- squawk-ignore} comment says which and the comment above it why.
 */
final class RunnerSql {
    private RunnerSql() {}

    static String render(MigrationSpec m, ProjectState before) {
        var sb = new StringBuilder("-- ").append(m.key()).append('\n');
        sb.append("SET lock_timeout = '2s';\n");
        sb.append(m.postDeployment() ? "SET statement_timeout = 0;\n" : "SET statement_timeout = '5s';\n");
        if (m.atomic()) {
            sb.append("BEGIN;\n");
        }
        ProjectState state = before;
        for (Operation op : m.operations()) {
            String ignore = ignore(op, state, m);
            for (Step step : OperationSql.forwards(m.app(), state, op)) {
                if (step instanceof Step.Sql sql) {
                    sb.append(ignore).append(sql.text().strip()).append(";\n");
                }
            }
            state = StateTransitions.apply(op, m.app(), state);
        }
        if (m.atomic()) {
            sb.append("COMMIT;\n");
        }
        return sb.toString();
    }

    /** The squawk rules keel's statement for {@code op} is an exception to, as ignore comments. */
    private static String ignore(Operation op, ProjectState state, MigrationSpec m) {
        String app = m.app();
        if (op instanceof AlterField alter && m.operations().contains(
                new SafeRemoveField(alter.model(), alter.field(), DeletionAction.MOVE_TO_PENDING))) {
            return "-- The first phase of a two-phase removal: the field left the entities, so the new code inserts rows\n"
                    + "-- without it; the old code still running reads NULL only in those rows.\n"
                    + "-- squawk-ignore ban-drop-not-null\n";
        }
        if (op instanceof AlterField alter) {
            String from = state.requireTable(app, alter.model()).findField(alter.field()).orElseThrow().type();
            if (!from.equals(alter.column().type()) && InPlaceTypeChange.of(from, alter.column().type())) {
                return "-- A widening PostgreSQL does in place: no rewrite, a brief lock (keel refuses any other type change).\n"
                        + "-- squawk-ignore changing-column-type\n";
            }
        }
        if (op instanceof dev.keel.operations.AlterModelTable alter) {
            String from = state.requireTable(app, alter.model()).qualifiedName();
            if (m.operations().stream().anyMatch(o -> o instanceof dev.keel.operations.CreateCompatibilityView v
                    && v.view().equals(from) && v.table().equals(alter.table()))) {
                return "-- The expand form of a table rename: the view created next, in the same transaction, keeps the old name\n"
                        + "-- usable by the code still running, until the delete phase.\n"
                        + "-- squawk-ignore renaming-table\n";
            }
        }
        boolean deletePhase = op instanceof SafeRemoveField f && f.action() == DeletionAction.DELETE
                || op instanceof SafeDeleteModel d && d.action() == DeletionAction.DELETE;
        if (deletePhase) {
            return "-- The second phase of a two-phase removal: the deployed code stopped using it a deploy ago.\n"
                    + "-- squawk-ignore ban-drop-column, ban-drop-table\n";
        }
        return "";
    }

    /** The migrations' SQL, each against the state the ones before it left. */
    static List<String> renderAll(List<MigrationSpec> migrations, ProjectState start) {
        var result = new java.util.ArrayList<String>();
        ProjectState state = start;
        for (MigrationSpec m : migrations) {
            result.add(render(m, state));
            state = dev.keel.graph.MigrationGraph.replay(state, List.of(m));
        }
        return result;
    }
}
