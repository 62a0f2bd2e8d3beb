package dev.keel.migration;

import java.util.Comparator;
import java.util.Objects;

/** Names one migration: its app label and its name ({@code blog}, {@code 0002_add_post_slug}). */
public record MigrationKey(String app, String name) implements Comparable<MigrationKey> {
    private static final Comparator<MigrationKey> ORDER =
            Comparator.comparing(MigrationKey::app).thenComparing(MigrationKey::name);

    public MigrationKey {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int compareTo(MigrationKey o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return app + "." + name;
    }
}
