package dev.keel.runner;

import dev.keel.migration.MigrationKey;

import java.time.Instant;
import java.util.Objects;

/**
 * One migration as {@code showmigrations} lists it.
 *
 * @param appliedAt  when it was applied, or null
 * @param durationMs how long applying it took, or null
 * @param changed    whether what it does changed since it was applied (the checksums differ)
 * @param note       what else to say about it (part-way, missing file, why deferred), or null
 */
public record MigrationStatus(MigrationKey key, Mark mark, boolean postDeployment, Instant appliedAt, Long durationMs,
                              boolean changed, String note) {
    /** The mark in front of a migration's name. */
    public enum Mark {
        /** Applied. */
        APPLIED("[X]"),
        /** Not applied. */
        NOT_APPLIED("[ ]"),
        /** Not applied, and left for the post-deployment phase. */
        DEFERRED("[D]"),
        /** A non-atomic migration a run left part-way (applying or unapplying). */
        PARTIAL("[~]"),
        /** Recorded as applied, but no migration file defines it. */
        MISSING("[!]"),
        /** Unknown: the database could not be read. */
        UNKNOWN("[?]");

        private final String text;

        Mark(String text) {
            this.text = text;
        }

        /** {@code [X]}, {@code [ ]}... */
        public String text() {
            return text;
        }
    }

    public MigrationStatus {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(mark, "mark");
    }
}
