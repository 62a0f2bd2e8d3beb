package dev.keel.cli;

import dev.keel.make.EntitySource;
import dev.keel.make.ScannedProject;
import dev.keel.scan.EntityScanner;

/** Where the commands get the entities' schema from. */
final class Entities {
    private Entities() {}

    /** The entity scanner over the project's source roots. */
    static EntitySource standard() {
        return (config, dir) -> {
            EntityScanner.Scan scan = EntityScanner.scanWithHints(dir, config);
            return new ScannedProject(scan.state(), scan.hints());
        };
    }
}
