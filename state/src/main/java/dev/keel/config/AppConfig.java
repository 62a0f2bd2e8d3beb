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

    /*
     * equals and hashCode written out, as Java's record methods define them (the same components, the same hash:
     * RecordMethodsTest compares them with java.lang.runtime.ObjectMethods'): those are linked through method
     * handles on first use, a few milliseconds of a short command each, which no class-data archive keeps.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof AppConfig other
                && java.util.Objects.equals(label, other.label)
                && java.util.Objects.equals(packageName, other.packageName)
                && java.util.Objects.equals(migrationsPackage, other.migrationsPackage);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + java.util.Objects.hashCode(label);
        h = 31 * h + java.util.Objects.hashCode(packageName);
        h = 31 * h + java.util.Objects.hashCode(migrationsPackage);
        return h;
    }
}
