package dev.keel.operations;

import java.util.Locale;

/** Helpers shared by the operation records. */
final class Ops {
    private Ops() {}

    static String require(String value, String what) {
        if (value == null) { // the message built only when it is thrown: this runs for every key made
            throw new NullPointerException(what + " must not be null");
        }
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
}
