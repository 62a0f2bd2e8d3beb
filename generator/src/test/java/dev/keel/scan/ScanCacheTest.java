package dev.keel.scan;

import dev.keel.cache.ProjectCache;
import dev.keel.config.KeelConfig;
import dev.keel.config.KeelFolder;
import dev.keel.project.StateSnapshot;
import dev.keel.testing.SampleProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cached entity scan: the scan itself while the sources are unchanged, a new scan when one changes. */
class ScanCacheTest {
    @TempDir
    Path project;

    private static String json(EntityScanner.Scan scan) {
        return StateSnapshot.toJson(scan.state()) + scan.hints();
    }

    @Test
    void anUnchangedProjectGivesTheSameScanAndAChangedFileANewOne() throws IOException {
        SampleProjects.copy("library", project);
        KeelConfig config = KeelConfig.read(project);
        ProjectCache cache = ProjectCache.of(project, config, EntityScanner.class);
        EntityScanner.Scan direct = EntityScanner.scanWithHints(project, config);

        assertEquals(json(direct), json(ScanCache.scanWithHints(project, config, cache)));
        assertTrue(Files.exists(project.resolve(KeelFolder.NAME).resolve(ProjectCache.FOLDER).resolve(ScanCache.NAME + ".bin")));
        assertEquals(json(direct), json(ScanCache.scanWithHints(project, config, cache)));

        Path entity = EntityScanner.sourceFiles(project, config).stream()
                .filter(f -> {
                    try {
                        return Files.readString(f).contains("@Entity");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).findFirst().orElseThrow();
        String text = Files.readString(entity);
        int brace = text.lastIndexOf('}');
        Files.writeString(entity, text.substring(0, brace) + "    private Integer addedForTheCacheTest;\n}\n");

        EntityScanner.Scan changed = ScanCache.scanWithHints(project, config, cache);
        assertNotEquals(json(direct), json(changed));
        assertEquals(json(EntityScanner.scanWithHints(project, config)), json(changed));
    }

    /**
     * A first scan (nothing of the scan's in the cache: files are not hashed before it) is stored under the key of the
     * contents its first reading hashed, the key a later look-up computes from the files (it finds the stored scan), and
     * the file hashes it remembered never hide an edit made after it.
     */
    @Test
    void aFirstScanIsStoredUnderTheKeyOfWhatItParsedAndAnEditAfterItIsSeen() throws IOException {
        SampleProjects.copy("library", project);
        KeelConfig config = KeelConfig.read(project);
        ProjectCache cache = ProjectCache.of(project, config, EntityScanner.class);
        EntityScanner.Scan direct = EntityScanner.scanWithHints(project, config);
        Path folder = project.resolve(KeelFolder.NAME).resolve(ProjectCache.FOLDER);
        // another command's documents only (the migrations' file hashes): still a first scan
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("unrelated.tsv"), "not the scan's\n");

        ScanCache.Fingerprinted first = ScanCache.scanFingerprinted(project, config, cache);
        assertEquals(json(direct), json(first.scan()));
        assertTrue(first.fingerprint().isPresent());
        assertEquals(first.fingerprint().get(), ScanCache.fingerprint(project, config, cache),
                "the key of what the first scan read is the key of the files as they are");
        assertEquals(first.fingerprint().get(), ScanCache.fingerprint(project, config,
                ProjectCache.of(project, config, EntityScanner.class)));
        var stored = cache.readCompact(ScanCache.NAME, first.fingerprint().get(), ScanCodec::read);
        assertTrue(stored.isPresent(), "the scan is stored under that key");
        assertEquals(json(direct), json(stored.get()));

        Path entity = EntityScanner.sourceFiles(project, config).stream()
                .filter(f -> {
                    try {
                        return Files.readString(f).contains("@Entity");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).sorted().findFirst().orElseThrow();
        String text = Files.readString(entity);
        int brace = text.lastIndexOf('}');
        Files.writeString(entity, text.substring(0, brace) + "    private Integer addedAfterTheFirstScan;\n}\n");
        EntityScanner.Scan changed = ScanCache.scanWithHints(project, config, cache);
        assertNotEquals(json(direct), json(changed));
        assertEquals(json(EntityScanner.scanWithHints(project, config)), json(changed));
    }

    @Test
    void aDamagedCacheGivesTheScanAgain() throws IOException {
        SampleProjects.copy("shop", project);
        KeelConfig config = KeelConfig.read(project);
        ProjectCache cache = ProjectCache.of(project, config, EntityScanner.class);
        EntityScanner.Scan direct = EntityScanner.scanWithHints(project, config);
        ScanCache.scanWithHints(project, config, cache);
        try (Stream<Path> files = Files.list(project.resolve(KeelFolder.NAME).resolve(ProjectCache.FOLDER))) {
            for (Path f : files.toList()) {
                Files.writeString(f, "{\"format\": 1, \"key\": ");
            }
        }

        assertEquals(json(direct), json(ScanCache.scanWithHints(project, config, cache)));
        assertEquals(json(direct), json(ScanCache.scanWithHints(project, config, cache)));
    }
}
