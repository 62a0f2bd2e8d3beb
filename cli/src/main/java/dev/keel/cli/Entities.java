package dev.keel.cli;

import dev.keel.make.EntitySource;
import dev.keel.make.ScannedProject;
import dev.keel.scan.EntityScanner;
import dev.keel.scan.ScanCache;

/** Where the commands get the entities' schema from. */
final class Entities {
    private Entities() {}

    /** The entity scanner over the project's source roots, through the project's cache in {@code .keel/cache}. */
    static EntitySource standard() {
        return (config, dir) -> {
            EntityScanner.Scan scan = ScanCache.scanWithHints(dir, config, Caches.of(dir, config));
            return new ScannedProject(scan.state(), scan.hints());
        };
    }
}
