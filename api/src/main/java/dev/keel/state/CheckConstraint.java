package dev.keel.state;

import java.util.List;

/** A check constraint; {@code validated} is false while it is {@code NOT VALID}. */
public record CheckConstraint(String name, String expression, boolean validated) implements Constraint {
    public CheckConstraint {
        Names.require(name, "check constraint name");
        Names.require(expression, "check constraint " + name + " expression");
    }

    public static CheckConstraint of(String name, String expression) {
        return new CheckConstraint(name, expression, true);
    }

    /** This check added {@code NOT VALID}, to be validated later. */
    public CheckConstraint notValid() {
        return new CheckConstraint(name, expression, false);
    }

    @Override
    public List<String> columns() {
        return List.of();
    }

    @Override
    public boolean uses(String column) {
        return SqlNames.mentions(expression, column);
    }

    /** This check with the column {@code from} renamed {@code to} in its expression. */
    public CheckConstraint renameColumn(String from, String to) {
        return new CheckConstraint(name, SqlNames.rename(expression, from, to), validated);
    }

    @Override
    public CheckConstraint withName(String newName) {
        return new CheckConstraint(newName, expression, validated);
    }
}
