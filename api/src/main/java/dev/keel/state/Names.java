package dev.keel.state;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Small checks shared by the state records. */
final class Names {
    private Names() {}

    static String require(String value, String what) {
        Objects.requireNonNull(value, what + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    static List<String> requireColumns(List<String> columns, String what) {
        Objects.requireNonNull(columns, what + " must not be null");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(what + " must name at least one column");
        }
        columns.forEach(c -> require(c, what + " entry"));
        return List.copyOf(columns);
    }

    /** The key of a model: its name in lower case, as Django's model_name. */
    static String modelKey(String model) {
        return require(model, "model").toLowerCase(Locale.ROOT);
    }
}
