package dev.keel.scan;

import dev.keel.cache.FileHashes;
import dev.keel.cache.ProjectCache;
import dev.keel.config.KeelConfig;
import dev.keel.testing.SampleProjects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The entity sources' fingerprint ({@link ScanCache#fingerprint}) kept whole under the digest of the source files'
 * names and metadata ({@link FileHashes#combined}): an unchanged project is answered without looking up one file's
 * hash, and each kind of change gives the fingerprint the sources' contents give.
 */
class EntityFingerprintWholeTest {
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
    }

    @AfterEach
    void reset() throws Exception {
        FileHashesControl.racyMillis(2_000);
        FileHashesControl.forgetAll();
    }

    /** The fingerprint as a new process takes it through the cache, which it then saves. */
    private String fingerprint() throws ReflectiveOperationException {
        FileHashesControl.forgetAll();
        String fingerprint = ScanCache.fingerprint(project, config, cache);
        cache.fileHashes().save();
        return fingerprint;
    }

    /** The fingerprint of the sources' contents alone: no cache at all (set aside meanwhile). */
    private String fromContents() throws Exception {
        Path folder = project.resolve(".keel/cache");
        Path aside = project.resolveSibling(project.getFileName() + "-aside");
        Files.move(folder, aside);
        try {
            FileHashesControl.forgetAll();
            return ScanCache.fingerprint(project, config, cache);
        } finally {
            if (Files.exists(folder)) {
                try (Stream<Path> all = Files.walk(folder)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.move(aside, folder);
            FileHashesControl.forgetAll();
        }
    }

    private Path anEntity() throws IOException {
        try (Stream<Path> files = Files.walk(project.resolve("src"))) {
            return files.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("migrations"))
                    .sorted().findFirst().orElseThrow();
        }
    }

    @Test
    void anUnchangedProjectIsAnsweredWholeAndEveryChangeIsSeen() throws Exception {
        String original = fingerprint();
        assertEquals(original, fingerprint());
        assertEquals("0 unchanged by metadata, 0 hashed", cache.fileHashes().counts(), "answered whole");

        // an edit keeping the size and the modification time (the change time moves)
        Path entity = anEntity();
        String text = Files.readString(entity);
        var modified = Files.getLastModifiedTime(entity);
        String edited = text.replaceFirst("\n    ", "\n\t   ");
        assertEquals(text.length(), edited.length(), "the edit keeps the size");
        Thread.sleep(20);
        Files.writeString(entity, edited);
        Files.setLastModifiedTime(entity, modified);
        String afterEdit = fingerprint();
        assertNotEquals(original, afterEdit);
        assertEquals(fromContents(), afterEdit);

        // a file added, then renamed, then removed
        Path added = entity.resolveSibling("Added.java");
        Files.writeString(added, "package " + packageOf(text) + ";\n\nclass Added {}\n");
        Thread.sleep(250);
        String withAdded = fingerprint();
        assertNotEquals(afterEdit, withAdded);
        assertEquals(fromContents(), withAdded);
        assertEquals(withAdded, fingerprint());
        assertEquals("0 unchanged by metadata, 0 hashed", cache.fileHashes().counts(), "answered whole again once settled");

        Path renamed = added.resolveSibling("Renamed.java");
        Files.move(added, renamed);
        String afterRename = fingerprint();
        assertNotEquals(withAdded, afterRename);
        assertEquals(fromContents(), afterRename);

        Files.delete(renamed);
        assertEquals(afterEdit, fingerprint());
        Files.writeString(entity, text);
        assertEquals(fromContents(), fingerprint());
        assertTrue(cache.fileHashes().counts().endsWith("1 hashed"), "changed just now: hashed, not answered whole");
    }

    private static String packageOf(String text) {
        int start = text.indexOf("package ") + "package ".length();
        return text.substring(start, text.indexOf(';', start)).trim();
    }
}
