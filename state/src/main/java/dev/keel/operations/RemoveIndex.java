package dev.keel.operations;

import dev.keel.state.Index;
import dev.keel.state.ProjectState;

import java.util.List;

/** Drops an index ({@code DROP INDEX}, or {@code DROP INDEX CONCURRENTLY IF EXISTS}). */
public record RemoveIndex(String model, String name, boolean isConcurrent) implements Operation {
    public RemoveIndex {
        model = Ops.model(model);
        Ops.require(name, "index name");
    }

    /** This drop, without blocking reads and writes. */
    public RemoveIndex concurrently() {
        return new RemoveIndex(model, name, true);
    }

    @Override public ProjectState applyTo(String app, ProjectState state) {
        return state.updateTable(app, model, t -> {
            requireIndex(app, t);
            return t.withoutIndex(name);
        });
    }

    private Index requireIndex(String app, dev.keel.state.Table t) {
        return t.findIndex(name).orElseThrow(() -> Ops.invalid("model " + app + "." + model + " has no index " + name
                + ". Its indexes: " + t.indexes().stream().map(Index::name).toList(), "correct the index name"));
    }
    @Override public String describe() { return "Remove index " + name + " from " + model; }
    @Override public String nameFragment() { return "remove_" + Ops.snake(name); }
    @Override public List<Operation> reverse(String app, ProjectState before) {
        return List.of(new AddIndex(model, requireIndex(app, before.requireTable(app, model)), isConcurrent));
    }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
