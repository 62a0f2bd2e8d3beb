package dev.keel.rewrite.conversions;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How the values of a column change type while the old and the new column live side by side: the SQL
 * expression giving the new column's value from the old one ({@code forward}), the one giving the old
 * column's value back from the new one ({@code backward}), each written over a column name.
 *
 * <p>keel's own backward expressions are total: where a new value has no old-type equivalent they give NULL rather
 * than fail. A cast back to a type that not every value fits ({@code text} to {@code integer}) is not.
 *
 * @param kind      a short name for messages and tests ({@code integer-widening})
 * @param forward   the new value over the old column's name; null when keel cannot derive a safe one and the
 *                  user must give it ({@code --using})
 * @param backward  the old value over the new column's name
 * @param lengthCap a {@code CHECK (char_length(new) <= lengthCap)} guards the new column (a varchar shrink),
 *                  or 0
 * @param hint      for a conversion the user must write, an expression that often fits (said in the question),
 *                  or null
 * @param backwardTotal whether {@code backward} gives a value (or NULL) for every new value, never an error: only
 *                  then does the old column follow the new one after the switch (a write of the new code must
 *                  never fail because of the column kept for a rollback)
 */
public record Conversion(String kind, UnaryOperator<String> forward, UnaryOperator<String> backward, int lengthCap,
                         String hint, boolean backwardTotal) {
    public Conversion {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(backward, "backward");
    }

    /** Whether keel derives the forward expression itself. */
    public boolean derived() {
        return forward != null;
    }

    /** The new value from the old column {@code column}. */
    public String forwardOver(String column) {
        if (forward == null) {
            throw new IllegalStateException(kind + ": keel derives no forward expression; the user gives it");
        }
        return forward.apply(column);
    }

    /** The old value from the new column {@code column}. */
    public String backwardOver(String column) {
        return backward.apply(column);
    }

    /** This conversion with the user's forward expression, written over the old column's name {@code over}. */
    public Conversion using(String expression, String over) {
        String expr = expression.strip();
        return new Conversion(kind, c -> SqlExpressions.renameColumn(expr, over, c), backward, lengthCap, hint, backwardTotal);
    }
}
