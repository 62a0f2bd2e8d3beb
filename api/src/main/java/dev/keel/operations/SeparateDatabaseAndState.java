package dev.keel.operations;

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

    @Override public String describe() { return "Custom state/database change (" + state.size() + " state, " + database.size() + " database operations)"; }
    @Override public String nameFragment() {
        return state.isEmpty() ? "separate_database_and_state" : state.get(0).nameFragment();
    }
    @Override public boolean reversible() {
        return database.stream().allMatch(Operation::reversible) && state.stream().allMatch(Operation::reversible);
    }

    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
