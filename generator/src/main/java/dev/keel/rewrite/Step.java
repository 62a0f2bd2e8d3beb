package dev.keel.rewrite;

import dev.keel.operations.Operation;
import dev.keel.operations.ValidateConstraint;

import java.util.Objects;

/**
 * One operation of the safe plan, the phase it runs in (deploy-time or post-deployment) and its stage,
 * which says what transaction it may share.
 */
public record Step(Operation operation, boolean postDeployment, Stage stage) {
    /**
     * The stages of a phase, in the order they run. Steps of one stage keep their order; the plan puts
     * each stage in its own migration, except that {@code VALIDATE} and {@code FINISH} share one.
     */
    public enum Stage {
        /**
         * Batched copies of a column ({@code CopyColumn}): a non-atomic migration, first in its phase, so that
         * the constraints and indexes that need the copied values come after them.
         */
        COPY,
        /** Quick schema changes: one atomic migration, brief locks only. */
        SCHEMA,
        /** Index builds and drops {@code CONCURRENTLY}, and batched backfills: a non-atomic migration. */
        NO_TRANSACTION,
        /** {@code VALIDATE CONSTRAINT}: first in its atomic migration, before any lock that blocks writes. */
        VALIDATE,
        /** What needs a validated constraint or a built index: brief locks, after the validations. */
        FINISH
    }

    public Step {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(stage, "stage");
    }

    /** A deploy-time step, in the stage its operation needs. */
    public static Step deploy(Operation op) {
        return new Step(op, false, stageOf(op));
    }

    /** A post-deployment step, in the stage its operation needs. */
    public static Step post(Operation op) {
        return new Step(op, true, stageOf(op));
    }

    /** A deploy-time step, or a post-deployment one when {@code post}. */
    public static Step in(boolean post, Operation op) {
        return post ? post(op) : deploy(op);
    }

    /** Whether a migration of steps of this stage runs outside a transaction (each statement commits on its own). */
    static boolean nonAtomic(Stage stage) {
        return stage == Stage.COPY || stage == Stage.NO_TRANSACTION;
    }

    /** This step, run after the validations and index builds of its phase. */
    public Step last() {
        return new Step(operation, postDeployment, Stage.FINISH);
    }

    /** The stage an operation needs by itself. */
    static Stage stageOf(Operation op) {
        if (op instanceof dev.keel.operations.CopyColumn) {
            return Stage.COPY;
        }
        if (!SafetyRewriter.fitsInTransaction(op)) {
            return Stage.NO_TRANSACTION;
        }
        return op instanceof ValidateConstraint ? Stage.VALIDATE : Stage.SCHEMA;
    }
}
