package dev.keel.operations;

import dev.keel.state.ProjectState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs {@code database} operations against the database and applies {@code state} operations to
 * the state, for changes whose SQL and whose meaning to keel differ.
 */
public record SeparateDatabaseAndState(List<Operation> database, List<Operation> state) implements Operation {
    public SeparateDatabaseAndState {
        database = List.copyOf(database);
        state = List.copyOf(state);
    }

    @Override public ProjectState applyTo(String app, ProjectState s) {
        for (Operation op : state) {
            s = op.applyTo(app, s);
        }
        return s;
    }
    @Override public String describe() { return "Custom state/database change (" + state.size() + " state, " + database.size() + " database operations)"; }
    @Override public String nameFragment() {
        return state.isEmpty() ? "separate_database_and_state" : state.get(0).nameFragment();
    }
    @Override public boolean reversible() {
        return database.stream().allMatch(Operation::reversible) && state.stream().allMatch(Operation::reversible);
    }
    @Override public List<Operation> reverse(String app, ProjectState before) {
        return List.of(new SeparateDatabaseAndState(reverseAll(app, before, database), reverseAll(app, before, state)));
    }

    /** The reverses of a sequence of operations, last first, each computed against the state it met. */
    static List<Operation> reverseAll(String app, ProjectState before, List<Operation> ops) {
        var states = new ArrayList<ProjectState>();
        ProjectState s = before;
        for (Operation op : ops) {
            states.add(s);
            s = op.applyTo(app, s);
        }
        var result = new ArrayList<Operation>();
        for (int i = ops.size() - 1; i >= 0; i--) {
            result.addAll(ops.get(i).reverse(app, states.get(i)));
        }
        return Collections.unmodifiableList(result);
    }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
