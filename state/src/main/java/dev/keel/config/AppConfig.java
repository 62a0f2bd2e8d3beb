package dev.keel.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One app of the project: a label ({@code blog}), the package whose entities it owns, and the package
 * of its migrations.
 */
public record AppConfig(@JsonProperty("label") String label,
                        @JsonProperty("package") String packageName,
                        @JsonProperty("migrationsPackage") String migrationsPackage) {
    @JsonCreator
    public AppConfig {
        requireText(label, "apps[].label");
        requireText(packageName, "apps[].package");
        if (!label.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("app label \"" + label + "\" must be lower case letters, digits and _");
        }
        if (migrationsPackage == null || migrationsPackage.isBlank()) {
            migrationsPackage = packageName + ".migrations";
        }
    }

    /** The text Java gives a record ({@link RecordText}: the same, without linking method handles on first use). */
    @Override
    public String toString() {
        return RecordText.of(this);
    }

    static void requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("\"" + key + "\" is required");
        }
    }
}
