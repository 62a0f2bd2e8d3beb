package dev.keel.operations;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.state.Column;
import dev.keel.state.Table;

import java.util.Locale;
import java.util.Objects;

/** Helpers shared by the operation records. */
final class Ops {
    private Ops() {}

    static String require(String value, String what) {
        Objects.requireNonNull(value, what + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    static String model(String model) {
        return require(model, "model").toLowerCase(Locale.ROOT);
    }

    /** {@code legacyFlag} -> {@code legacy_flag}, for name fragments. */
    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(Locale.ROOT);
    }

    static Column requireField(Table table, String field) {
        return table.findField(field).orElseThrow(() -> invalid("model " + table.app() + "." + table.model()
                + " has no field " + field + ". Its fields: "
                + table.columns().stream().map(Column::field).filter(Objects::nonNull).toList(),
                "correct the field name, or add the field in an earlier migration"));
    }

    static KeelException invalid(String what, String fix) {
        return new KeelException(ErrorKind.INVALID_OPERATION, what + "\nTo fix: " + fix + ".");
    }

    static KeelException irreversible(Operation op) {
        return new KeelException(ErrorKind.IRREVERSIBLE, "operation \"" + op.describe() + "\" has no reverse."
                + "\nTo fix: give it a reverse (RunSql/RunJava take one), or do not migrate backwards past it.");
    }
}
