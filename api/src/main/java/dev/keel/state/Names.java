package dev.keel.state;

import java.util.List;
import java.util.Locale;

/**
 * Small checks shared by the state records. They run for every value of every record made (a large project's state is
 * read and compared many times a check), so a message is built only when the check fails.
 */
final class Names {
    private Names() {}

    static String require(String value, String what) {
        if (value == null) {
            throw new NullPointerException(what + " must not be null");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    static List<String> requireColumns(List<String> columns, String what) {
        if (columns == null) {
            throw new NullPointerException(what + " must not be null");
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(what + " must name at least one column");
        }
        for (String c : columns) {
            if (c == null || c.isBlank()) {
                require(c, what + " entry");
            }
        }
        return List.copyOf(columns);
    }

    /** The key of a model: its name in lower case, as Django's model_name. */
    static String modelKey(String model) {
        return require(model, "model").toLowerCase(Locale.ROOT);
    }
}
