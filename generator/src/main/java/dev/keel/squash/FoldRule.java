package dev.keel.squash;

import dev.keel.operations.Operation;

import java.util.List;
import java.util.Optional;

/**
 * One way two operations of a squash fold into fewer: {@code CreateModel} then {@code AddField} of
 * the same model is one {@code CreateModel} with the column. A rule looks only at the pair; the
 * {@link Optimizer} decides whether the operations between them let the pair meet.
 */
public interface FoldRule {
    /** A short name, reported when the rule fires: {@code create+add field}. */
    String name();

    /**
     * What {@code first} then {@code second} (of the same app) fold into, possibly nothing; empty when
     * this rule does not fold them.
     */
    Optional<List<Operation>> fold(Operation first, Operation second);
}
