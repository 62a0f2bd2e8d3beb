package dev.keel.operations;

/**
 * The reverse of {@link ForkSequence}: {@code oldName} is the sequence again, set past every value either
 * sequence gave (so no id drawn from {@code newName} comes back), without the cap; {@code newName} is
 * dropped and the old sequence is no longer pending.
 */
public record UnforkSequence(String oldName, String newName, long headroom) implements Operation {
    public UnforkSequence {
        Ops.require(oldName, "old sequence name");
        Ops.require(newName, "new sequence name");
        if (headroom <= 0) {
            throw new IllegalArgumentException("the headroom of sequence " + oldName + " must be a positive number of ids, not " + headroom);
        }
    }

    @Override public String describe() { return "Take back sequence " + newName + " into " + oldName; }
    @Override public String nameFragment() { return "unrename_" + Ops.snake(newName); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
