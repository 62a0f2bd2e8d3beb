package dev.keel.project;

import dev.keel.operations.Operation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How each operation changes the project state, and the operations that undo it. The operations
 * themselves (keel-api) are a vocabulary only: what {@code addField(...)} does to a {@link ProjectState}
 * lives here, one small method per operation in {@link ApplyTransition} and {@link ReverseTransition}.
 */
public final class StateTransitions {
    private StateTransitions() {}

    /**
     * The state after {@code op}, run by a migration of {@code app}.
     *
     * @throws dev.keel.error.KeelException of kind INVALID_OPERATION when the state lacks what the operation needs
     */
    public static ProjectState apply(Operation op, String app, ProjectState state) {
        return op.accept(new ApplyTransition(app, state));
    }

    /**
     * The operations that undo {@code op}: applied to the state after it, they give {@code before} back.
     *
     * @param app    the app of the migration holding the operation
     * @param before the state the operation was applied to
     * @throws dev.keel.error.KeelException of kind IRREVERSIBLE when there is no reverse
     *                                      ({@link Operation#reversible()} is false)
     */
    public static List<Operation> reverse(Operation op, String app, ProjectState before) {
        return op.accept(new ReverseTransition(app, before));
    }

    /** The reverses of a sequence of operations, last first, each computed against the state it met. */
    static List<Operation> reverseAll(String app, ProjectState before, List<Operation> ops) {
        var states = new ArrayList<ProjectState>();
        ProjectState s = before;
        for (Operation op : ops) {
            states.add(s);
            s = apply(op, app, s);
        }
        var result = new ArrayList<Operation>();
        for (int i = ops.size() - 1; i >= 0; i--) {
            result.addAll(reverse(ops.get(i), app, states.get(i)));
        }
        return Collections.unmodifiableList(result);
    }
}
