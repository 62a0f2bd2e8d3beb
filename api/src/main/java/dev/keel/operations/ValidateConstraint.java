package dev.keel.operations;

/**
 * Validates a constraint added {@code NOT VALID} ({@code ALTER TABLE ... VALIDATE CONSTRAINT}): scans
 * the rows under a lock that lets writes through.
 */
public record ValidateConstraint(String model, String name) implements Operation {
    public ValidateConstraint {
        model = Ops.model(model);
        Ops.require(name, "constraint name");
    }

    @Override public String describe() { return "Validate constraint " + name + " on " + model; }
    @Override public String nameFragment() { return "validate_" + Ops.constraintFragment(model, name, java.util.List.of()); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
