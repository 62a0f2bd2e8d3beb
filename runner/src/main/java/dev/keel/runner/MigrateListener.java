package dev.keel.runner;

import dev.keel.migration.MigrationKey;

import java.time.Duration;

/** What the runner reports while it works, for the command line to print. Every method does nothing by default. */
public interface MigrateListener {
    /** What happens to one migration. */
    enum Action {
        APPLY("Applying"), UNAPPLY("Unapplying"), FAKE_APPLY("Faking"), FAKE_UNAPPLY("Faking unapply of");

        private final String verb;

        Action(String verb) {
            this.verb = verb;
        }

        /** {@code Applying}, {@code Unapplying}...: how a line about the action starts. */
        public String verb() {
            return verb;
        }
    }

    /** A message worth showing now: waiting for another {@code migrate}, retrying after a lock timeout. */
    default void notice(String message) {}

    /** The runner starts {@code action} on {@code key}. */
    default void started(MigrationKey key, Action action) {}

    /** The runner finished {@code action} on {@code key}, in {@code took}. */
    default void finished(MigrationKey key, Action action, Duration took) {}

    /**
     * A line from a data migration: what its code says ({@code ctx.log}), and its batched walks'
     * progress and summary when they are not drawn as a bar.
     */
    default void log(MigrationKey key, String line) {}

    /**
     * Whether batched walks may draw a progress bar on standard error (a terminal): true only for
     * an interactive console. Otherwise their progress comes to {@link #log} as plain lines.
     */
    default boolean progressBars() {
        return false;
    }

    /**
     * A SQL statement of migration {@code key} about to run on the database (after its guard, if any,
     * said it runs): what {@code keel -v 2} prints.
     */
    default void statement(MigrationKey key, String sql) {}

    /**
     * A phase of the run ended: {@code read history}, {@code plan}, {@code execute}...; what {@code keel -v 3}
     * prints with its time.
     */
    default void phase(String name, Duration took) {}

    /** A listener that reports nothing. */
    static MigrateListener silent() {
        return new MigrateListener() {};
    }
}
