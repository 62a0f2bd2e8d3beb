package dev.keel.diff.rules;

import dev.keel.state.CheckConstraint;
import dev.keel.state.Constraint;
import dev.keel.state.ForeignKey;

/** Comparison of constraints across states. */
final class Constraints {
    private Constraints() {}

    /** Equal, except that one may still be NOT VALID. */
    static boolean sameIgnoringValidation(Constraint a, Constraint b) {
        return validated(a).equals(validated(b));
    }

    static Constraint validated(Constraint c) {
        if (c instanceof ForeignKey fk) {
            return fk.validatedCopy();
        }
        if (c instanceof CheckConstraint ch) {
            return new CheckConstraint(ch.name(), ch.expression(), true);
        }
        return c;
    }
}
