package dev.keel.state;

import java.util.List;

/** A table constraint other than the primary key: a foreign key, a unique constraint or a check. */
public sealed interface Constraint permits ForeignKey, UniqueConstraint, CheckConstraint {
    /** The constraint's name in the database. */
    String name();

    /** The columns the constraint covers (empty for a check, whose expression names them). */
    List<String> columns();

    /** Whether the constraint uses the column: lists it, or (a check) names it in its expression. */
    default boolean uses(String column) {
        return columns().contains(column);
    }

    /** This constraint under another name. */
    Constraint withName(String newName);
}
