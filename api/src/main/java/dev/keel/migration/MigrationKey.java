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
}
