package dev.keel.operations;

/**
 * Gives a sequence a new name without taking the old one from the code still running: the sequence of a
 * renamed table, when the old code keeps drawing ids during the deploy. A sequence cannot be aliased (the
 * old code's {@code nextval('post_seq')} fails once {@code post_seq} is renamed), so {@code oldName} stays
 * for the old code, capped at its current value plus {@code headroom} ids ({@code MAXVALUE}: once the old
 * code has drawn them, its {@code nextval} fails loudly instead of handing out an id twice), and
 * {@code newName} is a new sequence, with the old one's start and increment, whose values begin two
 * increments above that cap: no id of either can be the other's, whichever block optimizer
 * (pooled, pooled-lo) the code uses. The old sequence is pending deletion
 * ({@code makemigrations --delete-pending} drops it). Undone by {@link UnforkSequence}. Names may be
 * {@code schema.name}; {@code headroom} is written in the migration file, where it can be changed.
 */
public record ForkSequence(String oldName, String newName, long headroom) implements Operation {
    public ForkSequence {
        Ops.require(oldName, "old sequence name");
        Ops.require(newName, "new sequence name");
        if (headroom <= 0) {
            throw new IllegalArgumentException("the headroom of sequence " + oldName + " must be a positive number of ids, not " + headroom);
        }
    }

    @Override public String describe() {
        return "Continue sequence " + oldName + " as " + newName + " (" + oldName + " kept for the running code, " + headroom + " ids more, until the pending deletions)";
    }
    @Override public String nameFragment() { return "rename_" + Ops.snake(oldName) + "_" + Ops.snake(newName); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
