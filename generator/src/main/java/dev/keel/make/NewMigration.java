package dev.keel.make;

import dev.keel.migration.MigrationSpec;

import java.nio.file.Path;

/** A migration {@code makemigrations} wrote (or would write): what it declares, its file and its source. */
public record NewMigration(MigrationSpec spec, Path file, String source) {
}
