package dev.keel.make;

import dev.keel.migration.MigrationSpec;

import java.nio.file.Path;

/**
 * A migration {@code makemigrations} wrote (or would write): what it declares, its file and its source.
 *
 * @param previousFile for a migration that rewrites an existing one in place ({@code makemigrations --update},
 *                     {@code optimizemigration}): that migration's file, which is deleted when the name changed;
 *                     null for a new migration
 */
public record NewMigration(MigrationSpec spec, Path file, String source, Path previousFile) {
    /** A new migration. */
    public NewMigration(MigrationSpec spec, Path file, String source) {
        this(spec, file, source, null);
    }

    /** Whether it rewrites an existing migration instead of adding one. */
    public boolean rewrites() {
        return previousFile != null;
    }

    /** Whether it rewrites an existing migration under another name (its old file goes). */
    public boolean renames() {
        return previousFile != null && !previousFile.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize());
    }
}
