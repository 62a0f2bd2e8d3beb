package dev.keel.make;

import dev.keel.config.KeelConfig;

import java.nio.file.Path;

/** Where {@code makemigrations} gets the entities' schema from: the scanner, or a fixed state in tests. */
@FunctionalInterface
public interface EntitySource {
    /**
     * Scans the project's entities.
     *
     * @throws dev.keel.error.KeelException naming file and line for every entity that cannot be mapped
     */
    ScannedProject scan(KeelConfig config, Path projectDir);
}
