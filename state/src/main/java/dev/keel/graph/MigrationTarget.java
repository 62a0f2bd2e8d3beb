package dev.keel.graph;

import dev.keel.migration.MigrationKey;

import java.util.Objects;

/**
 * Where {@code keel migrate APP TARGET} should leave an app: at one of its migrations, or at
 * {@code zero} (none of its migrations applied). {@code key} is null for zero.
 */
public record MigrationTarget(String app, MigrationKey key) {
    /** The word that names the state before an app's first migration. */
    public static final String ZERO = "zero";

    public MigrationTarget {
        Objects.requireNonNull(app, "app");
        if (key != null && !key.app().equals(app)) {
            throw new IllegalArgumentException("target " + key + " is not a migration of app " + app);
        }
    }

    /** The target with none of {@code app}'s migrations applied. */
    public static MigrationTarget zero(String app) {
        return new MigrationTarget(app, null);
    }

    /** The target with {@code key} applied and nothing after it in its app. */
    public static MigrationTarget of(MigrationKey key) {
        return new MigrationTarget(key.app(), key);
    }

    /** Whether this target unapplies every migration of the app. */
    public boolean isZero() {
        return key == null;
    }

    @Override
    public String toString() {
        return isZero() ? app + "." + ZERO : key.toString();
    }
}
