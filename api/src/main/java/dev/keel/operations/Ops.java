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
    /**
     * Hibernate's generated names: FK, UK or IDX and a hash of the table and columns ({@code FKl0ksere5xq...},
     * {@code IDXdwk6cx0afu8...} for an {@code @Index} without a name).
     */
    private static final java.util.regex.Pattern GENERATED = java.util.regex.Pattern.compile("(?i)^(fk|uk|idx)[a-z0-9]{20,}$");

    /**
     * A constraint's part of a migration's name: its own name, unless it is a hash Hibernate generated, which says
     * nothing to a reader; then the model, the columns when known, and the kind ({@code invoice_owner_id_fk}).
     */
    static String constraintFragment(String model, String name, java.util.List<String> columns) {
        var m = GENERATED.matcher(name);
        if (!m.matches()) {
            return snake(name);
        }
        String kind = switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "fk" -> "fk";
            case "idx" -> "index";
            default -> "unique";
        };
        String cols = columns.isEmpty() ? "" : "_" + snake(String.join("_", columns));
        return snake(model) + cols + "_" + kind;
    }

    /**
     * An index's part of a migration's name: its own name, unless Hibernate generated it ({@code IDX} and a hash);
     * then the model, the columns and {@code index} ({@code customer_email_index}), or {@code unique} for a unique one.
     */
    static String indexFragment(String model, dev.keel.state.Index index) {
        if (!GENERATED.matcher(index.name()).matches()) {
            return snake(index.name());
        }
        String fragment = constraintFragment(model, index.name(), index.columns());
        return index.isUnique() ? fragment.replaceAll("_index$", "_unique") : fragment;
    }

    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(Locale.ROOT);
    }
}
