package dev.keel.migration;

import java.util.Objects;

/** Names one migration: its app label and its name ({@code blog}, {@code 0002_add_post_slug}). */
public record MigrationKey(String app, String name) implements Comparable<MigrationKey> {
    public MigrationKey {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int compareTo(MigrationKey o) {
        // app, then name (not a comparator chain: a graph of thousands of migrations compares keys a lot)
        int byApp = app.compareTo(o.app);
        return byApp != 0 ? byApp : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return app + "." + name;
    }

    /*
     * equals and hashCode written out, as Java's record methods define them (the same components, the same hash:
     * RecordMethodsTest compares them with java.lang.runtime.ObjectMethods'): those are linked through method
     * handles on first use, a few milliseconds of a short command each, which no class-data archive keeps.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof MigrationKey other
                && java.util.Objects.equals(app, other.app)
                && java.util.Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + java.util.Objects.hashCode(app);
        h = 31 * h + java.util.Objects.hashCode(name);
        return h;
    }
}
