package dev.keel.make;

import dev.keel.config.KeelConfig;

import java.nio.file.Path;
import java.util.Optional;

/** Where {@code makemigrations} gets the entities' schema from: the scanner, or a fixed state in tests. */
@FunctionalInterface
public interface EntitySource {
    /**
     * Scans the project's entities.
     *
     * @throws dev.keel.error.KeelException naming file and line for every entity that cannot be mapped
     */
    ScannedProject scan(KeelConfig config, Path projectDir);

    /**
     * A hash of everything {@link #scan} reads, when this source can tell (equal fingerprints, equal scans);
     * empty otherwise, and then nothing is remembered from one run to the next.
     */
    default Optional<String> fingerprint(KeelConfig config, Path projectDir) {
        return Optional.empty();
    }

    /**
     * A {@link #fingerprint} ({@code key}) and what taking it learnt of the sources ({@code learnt}: the source's own,
     * opaque to everyone else), for the scan that follows it in the same run
     * ({@link #scanStoringLater(KeelConfig, Path, Fingerprint)}).
     */
    record Fingerprint(String key, Object learnt) {}

    /**
     * {@link #fingerprint}, with what taking it learnt: by default nothing. A source that lists and hashes the files to
     * fingerprint them hands that to the scan after it, which then does not do it again.
     */
    default Optional<Fingerprint> fingerprintForScan(KeelConfig config, Path projectDir) {
        return fingerprint(config, projectDir).map(key -> new Fingerprint(key, null));
    }

    /**
     * {@link #scan}, with the {@link #fingerprint} of the sources as the scan read them (its
     * {@link ScannedProject#fingerprint}): what a check that passes is remembered under. By default the fingerprint
     * is taken before the scan (the files as they were before it read them); a source that hashes what it reads
     * anyway says it from those hashes, without reading the files twice, or says nothing when a file changed while
     * it was read. It may leave storing the scan in the cache to the caller ({@link ScannedProject#store}).
     */
    default ScannedProject scanFingerprinted(KeelConfig config, Path projectDir) {
        Optional<String> before = fingerprint(config, projectDir);
        ScannedProject scanned = scan(config, projectDir);
        return new ScannedProject(scanned.state(), scanned.hints(), before);
    }

    /**
     * {@link #scan}, leaving what is left to store of it in a cache to the caller ({@link ScannedProject#store}, run
     * once before the caller ends): the check waits for the scan, not for its storing. By default {@link #scan}, which
     * stores what it stores itself.
     */
    default ScannedProject scanStoringLater(KeelConfig config, Path projectDir) {
        return scan(config, projectDir);
    }

    /**
     * {@link #scanStoringLater(KeelConfig, Path)} right after {@code earlier} was taken of the same sources by this
     * source's {@link #fingerprintForScan} in the same run (null: none was). By default {@code earlier} is not used.
     */
    default ScannedProject scanStoringLater(KeelConfig config, Path projectDir, Fingerprint earlier) {
        return scanStoringLater(config, projectDir);
    }
}
