package dev.keel.operations;

/** Drops a constraint by name. */
public record RemoveConstraint(String model, String name) implements Operation {
    public RemoveConstraint {
        model = Ops.model(model);
        Ops.require(name, "constraint name");
    }

    @Override public String describe() { return "Remove constraint " + name + " from " + model; }
    @Override public String nameFragment() { return "remove_" + Ops.constraintFragment(model, name, java.util.List.of()); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
