package dev.keel.rewrite;

import dev.keel.operations.Operation;

/** One operation of the safe plan and the phase it belongs to. */
public record Step(Operation operation, boolean postDeployment) {
    public static Step deploy(Operation op) {
        return new Step(op, false);
    }

    public static Step post(Operation op) {
        return new Step(op, true);
    }
}
