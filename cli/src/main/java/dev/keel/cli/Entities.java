package dev.keel.cli;

import dev.keel.config.KeelConfig;
import dev.keel.load.ProjectLayout;
import dev.keel.make.EntitySource;
import dev.keel.make.ScannedProject;
import dev.keel.scan.EntityScanner;
import dev.keel.scan.ScanCache;

import java.nio.file.Path;
import java.util.Optional;

/** Where the commands get the entities' schema from. */
final class Entities {
    private Entities() {}

    /**
     * The entity scanner over the project's source roots, through the project's cache in {@code .keel/cache}.
     * What {@code keel.json} names must be there first ({@link ProjectLayout}: a mistyped source root or
     * package is an error, not an app without entities).
     */
    static EntitySource standard() {
        return new EntitySource() {
            @Override
            public ScannedProject scan(KeelConfig config, Path dir) {
                ProjectLayout.check(config, dir);
                EntityScanner.Scan scan = ScanCache.scanWithHints(dir, config, Caches.of(dir, config));
                return new ScannedProject(scan.state(), scan.hints());
            }

            @Override
            public ScannedProject scanFingerprinted(KeelConfig config, Path dir) {
                return scanStoringLater(config, dir, null);
            }

            @Override
            public ScannedProject scanStoringLater(KeelConfig config, Path dir) {
                return scanFingerprinted(config, dir); // its fingerprint costs nothing: from the hashes the scan takes
            }

            @Override
            public ScannedProject scanStoringLater(KeelConfig config, Path dir, Fingerprint earlier) {
                ProjectLayout.check(config, dir);
                ScanCache.StoringLater scanned = ScanCache.scanStoringLater(dir, config, Caches.of(dir, config),
                        earlier != null && earlier.learnt() instanceof ScanCache.Fingerprint f ? f : null);
                EntityScanner.Scan scan = scanned.scanned().scan();
                return new ScannedProject(scan.state(), scan.hints(), scanned.scanned().fingerprint(), scanned.store());
            }

            @Override
            public Optional<String> fingerprint(KeelConfig config, Path dir) {
                return fingerprintForScan(config, dir).map(Fingerprint::key);
            }

            @Override
            public Optional<Fingerprint> fingerprintForScan(KeelConfig config, Path dir) {
                ProjectLayout.check(config, dir);
                ScanCache.Fingerprint taken = ScanCache.fingerprinted(dir, config, Caches.of(dir, config));
                return Optional.of(new Fingerprint(taken.key(), taken));
            }
        };
    }
}
