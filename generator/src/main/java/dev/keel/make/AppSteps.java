package dev.keel.make;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.operations.AddConstraint;
import dev.keel.operations.CreateModel;
import dev.keel.operations.Operation;
import dev.keel.state.ForeignKey;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The order in which a run writes each app's operations: an app whose new foreign keys point at another
 * app's tables comes after it. When apps point at each other's new tables (a cycle between apps, which
 * {@code CreatedModels} has already broken into "create the tables, then add the foreign key that closes
 * the cycle"), the first app that can begin writes a first migration with the operations it can run before
 * the others' tables exist, and the rest in a second migration after theirs, as Django does.
 */
final class AppSteps {
    private AppSteps() {}

    /** One migration's worth of an app's operations (before the safety rewrite), in the order of the run. */
    record Step(String app, List<Operation> operations) {}

    static List<Step> of(Map<String, List<Operation>> opsByApp, ProjectState current, ProjectState target) {
        var remaining = new TreeMap<String, List<Operation>>(opsByApp);
        var referenced = new HashMap<String, Set<String>>(); // by app, for its remaining operations
        remaining.forEach((app, ops) -> referenced.put(app, References.appsReferenced(app, ops, current, target)));
        var steps = new ArrayList<Step>();
        ProjectState state = null; // the state after the steps so far, once a cycle needs it
        while (!remaining.isEmpty()) {
            Optional<String> next = remaining.keySet().stream()
                    .filter(app -> referenced.get(app).stream().noneMatch(other -> !other.equals(app) && remaining.containsKey(other)))
                    .findFirst();
            if (next.isPresent()) {
                List<Operation> ops = remaining.remove(next.get());
                steps.add(new Step(next.get(), ops));
                if (state != null) {
                    state = apply(next.get(), ops, state);
                }
                continue;
            }
            if (state == null) {
                state = current;
                for (Step s : steps) {
                    state = apply(s.app(), s.operations(), state);
                }
            }
            Step first = firstPart(remaining, state).orElseThrow(() -> new KeelException(ErrorKind.GRAPH, "apps "
                    + remaining.keySet() + " each add foreign keys to tables the others create in this run, and none"
                    + " of them can begin: the first change of each needs a table another creates ("
                    + remaining.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().get(0).describe()).toList() + ")."
                    + "\nTo fix: leave one of these foreign keys out for one run (mark its field @Transient), run keel"
                    + " makemigrations, then put it back and run keel makemigrations again."));
            List<Operation> ops = remaining.get(first.app());
            if (first.operations().size() == ops.size()) {
                remaining.remove(first.app()); // its foreign keys pointed at tables that exist already
            } else {
                List<Operation> rest = List.copyOf(ops.subList(first.operations().size(), ops.size()));
                remaining.put(first.app(), rest);
                referenced.put(first.app(), References.appsReferenced(first.app(), rest, current, target));
            }
            steps.add(first);
            state = apply(first.app(), first.operations(), state);
        }
        return steps;
    }

    /** The longest run of operations at the start of an app's list whose foreign keys point at tables that exist by then. */
    private static Optional<Step> firstPart(Map<String, List<Operation>> remaining, ProjectState state) {
        for (var e : remaining.entrySet()) {
            ProjectState s = state;
            int n = 0;
            for (Operation op : e.getValue()) {
                if (!targetsExist(e.getKey(), op, s)) {
                    break;
                }
                s = StateTransitions.apply(op, e.getKey(), s);
                n++;
            }
            if (n > 0) {
                return Optional.of(new Step(e.getKey(), List.copyOf(e.getValue().subList(0, n))));
            }
        }
        return Optional.empty();
    }

    /** Whether the tables an operation's foreign keys point at exist in {@code state} (or are its own). */
    private static boolean targetsExist(String app, Operation op, ProjectState state) {
        if (op instanceof CreateModel c) {
            return c.table().foreignKeys().stream().allMatch(fk -> fk.targetTable().equals(c.table().qualifiedName())
                    || state.tableNamed(fk.targetTable()).isPresent());
        }
        if (op instanceof AddConstraint a && a.constraint() instanceof ForeignKey fk) {
            return state.tableNamed(fk.targetTable()).isPresent()
                    || state.table(app, a.model()).map(t -> t.qualifiedName().equals(fk.targetTable())).orElse(false);
        }
        return true;
    }

    private static ProjectState apply(String app, List<Operation> ops, ProjectState state) {
        for (Operation op : ops) {
            state = StateTransitions.apply(op, app, state);
        }
        return state;
    }
}
