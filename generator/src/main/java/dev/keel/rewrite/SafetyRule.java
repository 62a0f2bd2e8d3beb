package dev.keel.rewrite;

import dev.keel.operations.Operation;

import java.util.List;
import java.util.Optional;

/**
 * One safety rewrite: recognises an operation whose plain form locks or breaks a busy table and returns
 * the steps of its safe form. Empty when the rule does not apply.
 */
public interface SafetyRule {
    /** A short name for messages and docs ({@code concurrent-index}). */
    String name();

    /** The safe steps for {@code op}, or empty when this rule leaves it alone. */
    Optional<List<Step>> rewrite(RewriteContext context, Operation op);
}
