package dev.keel.make;

import dev.keel.migration.MigrationSpec;

import java.util.List;

/**
 * What {@code makemigrations --update} asks before it rewrites an app's latest migration: whether that
 * migration is applied to a database, or committed, anywhere the caller can see (the command line asks
 * the configured databases' history and git). Kept outside the generator: those are I/O at the edge.
 */
@FunctionalInterface
public interface UpdateGuard {
    /** A guard that lets every migration be rewritten (tests of the fold itself). */
    UpdateGuard NONE = latest -> List.of();

    /**
     * Why each of {@code latest} (the migrations about to be rewritten, one per app) may not be rewritten:
     * one message per reason, each naming the migration and where it was found; empty when all may be.
     */
    List<String> refusals(List<MigrationSpec> latest);
}
