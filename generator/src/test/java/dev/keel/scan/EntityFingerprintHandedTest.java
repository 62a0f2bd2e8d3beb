package dev.keel.scan;

import dev.keel.cache.FileHashes;
import dev.keel.cache.ProjectCache;
import dev.keel.config.KeelConfig;
import dev.keel.testing.SampleProjects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The entity sources' fingerprint handed to the scan after it in the same check
 * ({@link ScanCache#scanStoringLater(Path, KeelConfig, ProjectCache, ScanCache.Fingerprint)}): the scan does not list,
 * hash and compare the files again, and gives the scan and the fingerprint a scan without it gives.
 */
class EntityFingerprintHandedTest {
    @TempDir
    Path project;

    private KeelConfig config;
    private ProjectCache cache;

    @BeforeEach
    void copy() throws Exception {
        SampleProjects.copy("library", project);
        config = KeelConfig.read(project);
        cache = ProjectCache.of(project, config, EntityScanner.class);
        FileHashesControl.racyMillis(100);
        FileHashesControl.forgetAll();
        Thread.sleep(250); // the copied files settle: their metadata vouches for their hashes from now on
        ScanCache.scanFingerprinted(project, config, cache); // the stored scan, its outlines, the files' hashes
        cache.fileHashes().save();
        FileHashesControl.forgetAll();
    }

    @AfterEach
    void reset() throws Exception {
        FileHashesControl.racyMillis(2_000);
        FileHashesControl.forgetAll();
    }

    /** The scan of the project as it is, made without any cache. */
    private EntityScanner.Scan uncached() {
        return ScanCache.scanWithHints(project, config, ProjectCache.NONE);
    }

    /** Fingerprints, then scans with that fingerprint; asserts the scan looked up no file's hash and is the uncached one. */
    private void assertHandedScanNeedsNoHashes() {
        ScanCache.Fingerprint fingerprint = ScanCache.fingerprinted(project, config, cache);
        long[] afterFingerprint = cache.fileHashes().tally();

        ScanCache.StoringLater scanned = ScanCache.scanStoringLater(project, config, cache, fingerprint);

        assertArrayEquals(afterFingerprint, cache.fileHashes().tally(), "the scan looked up no file's hash: "
                + cache.fileHashes().countsSince(afterFingerprint));
        assertEquals(uncached().state(), scanned.scanned().scan().state());
        assertEquals(fingerprint.key(), scanned.scanned().fingerprint().orElseThrow());
        scanned.store().run();
    }

    @Test
    void afterAnOutlineChangedTheScanStartsFromTheFingerprint() throws Exception {
        Path author = project.resolve("src/main/java/org/example/library/Author.java");
        String text = Files.readString(author);
        assertTrue(text.contains("    private Integer age;\n"));
        Files.writeString(author, text.replace("    private Integer age;\n", "    private Integer age;\n    private Integer shoeSize;\n"));
        Thread.sleep(250);

        assertHandedScanNeedsNoHashes();
        assertTrue(uncached().state().toString().toLowerCase().contains("shoe"), "the new field is mapped");

        // the next check of the same files: the fingerprint kept whole, the scan read from the cache under it
        FileHashesControl.forgetAll();
        assertHandedScanNeedsNoHashes();
    }

    @Test
    void withoutTheFingerprintTheScanHashesTheFiles() throws Exception {
        ScanCache.Fingerprint fingerprint = ScanCache.fingerprinted(project, config, cache);
        long[] afterFingerprint = cache.fileHashes().tally();

        ScanCache.scanStoringLater(project, config, cache, null);

        assertFalse(java.util.Arrays.equals(afterFingerprint, cache.fileHashes().tally()), "the test sees lookups");

        // a fingerprint taken under another configuration (another keel.json read) is not used either
        long[] before = cache.fileHashes().tally();
        ScanCache.scanStoringLater(project, KeelConfig.read(project), cache, fingerprint);
        assertFalse(java.util.Arrays.equals(before, cache.fileHashes().tally()));
    }
}
