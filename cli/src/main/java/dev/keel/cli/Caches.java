package dev.keel.cli;

import dev.keel.cache.ProjectCache;
import dev.keel.config.KeelConfig;
import dev.keel.make.MakeMigrations;
import dev.keel.scan.EntityScanner;

import java.nio.file.Path;

/** The project's cache in {@code .keel/cache}, salted with the build of every keel module whose work it keeps. */
final class Caches {
    private Caches() {}

    static ProjectCache of(Path projectDir, KeelConfig config) {
        return ProjectCache.of(projectDir, config, EntityScanner.class, MakeMigrations.class);
    }
}
