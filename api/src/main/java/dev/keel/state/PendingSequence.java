package dev.keel.state;

import java.util.Objects;

/**
 * A sequence that left the model but stays in the database until it is deleted, so that the code
 * still running during a deploy can draw ids from it. A sequence belongs to no model: {@link #model()}
 * and {@link #table()} give its name.
 */
public record PendingSequence(String app, Sequence sequence) implements PendingDeletion {
    public PendingSequence {
        Names.require(app, "app label");
        Objects.requireNonNull(sequence, "sequence");
    }

    @Override
    public String model() {
        return sequence.name();
    }

    @Override
    public String table() {
        return sequence.name();
    }
}
