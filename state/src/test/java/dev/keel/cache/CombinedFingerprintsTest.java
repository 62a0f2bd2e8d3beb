package dev.keel.cache;

import dev.keel.config.KeelConfig;
import dev.keel.load.ProjectMigrations;
import dev.keel.testing.SampleProjects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migrations' fingerprint kept whole ({@link FileHashes#combined}, {@code fingerprints.tsv}) under the digest of
 * every migration file's name and metadata: the next process answers from it without looking up a single file's hash
 * (the unchanged check's case), and every kind of change gives the fingerprint of the files as they are, as a process
 * without any cache computes it from their contents.
 */
class CombinedFingerprintsTest {
    @TempDir
    Path project;

    private KeelConfig config;
    private ProjectCache cache;

    @BeforeEach
    void copy() throws InterruptedException {
        SampleProjects.copy("blog", project);
        config = KeelConfig.read(project);
        cache = ProjectCache.of(project, config);
        FileHashes.forgetAll();
        FileHashes.racyMillis = 100;
        settle();
    }

    @AfterEach
    void reset() {
        FileHashes.racyMillis = 2_000;
        FileHashes.forgetAll();
    }

    /** Longer than the racy window: files written before are vouched for by their metadata from now on. */
    private static void settle() throws InterruptedException {
        Thread.sleep(250);
    }

    /** The fingerprint as a new process computes it through the cache, which it then saves. */
    private String fingerprint() {
        FileHashes.forgetAll();
        String fingerprint = ProjectMigrations.fingerprint(config, project, cache);
        cache.fileHashes().save();
        return fingerprint;
    }

    /** What the last {@link #fingerprint} did: {@code "N unchanged by metadata, M hashed"}. */
    private String counts() {
        return cache.fileHashes().counts();
    }

    /** The fingerprint from the files' contents alone: a process with no cache at all (the cache is set aside meanwhile). */
    private String fromContents() throws IOException {
        Path folder = project.resolve(".keel/cache");
        Path aside = project.resolveSibling(project.getFileName() + "-aside");
        Files.move(folder, aside);
        try {
            FileHashes.forgetAll();
            return ProjectMigrations.fingerprint(config, project, cache);
        } finally {
            deleteTree(folder);
            Files.move(aside, folder);
            FileHashes.forgetAll();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.walk(project.resolve("src"))) {
            return files.filter(f -> f.getFileName().toString().matches("M\\d{4}_.*\\.java")).sorted().toList();
        }
    }

    @Test
    void anUnchangedProjectIsAnsweredWholeWithoutLookingUpAFile() throws IOException {
        String first = fingerprint();
        assertTrue(Files.exists(project.resolve(".keel/cache").resolve(FileHashes.COMBINED_FILE)));
        assertEquals(first, fingerprint());
        assertEquals("0 unchanged by metadata, 0 hashed", counts(), "no file's hash was looked up: the whole was kept");
        assertEquals(fromContents(), fingerprint());
    }

    @Test
    void anEditKeepingTheSizeAndTheModificationTimeIsSeen() throws IOException, InterruptedException {
        String before = fingerprint();
        fingerprint();
        Path file = migrations().get(migrations().size() - 1);
        String text = Files.readString(file);
        String edited = text.replaceFirst("\"([a-z_]+)\"", "\"$1x\"").replaceFirst("\n\n", "\n");
        assertEquals(text.length(), edited.length(), "the edit keeps the size");
        var modified = Files.getLastModifiedTime(file);
        Thread.sleep(20); // past the file system's tick: the change time moves
        Files.writeString(file, edited);
        Files.setLastModifiedTime(file, modified);

        String after = fingerprint();
        assertNotEquals(before, after);
        assertEquals(fromContents(), after);
    }

    @Test
    void addedRemovedAndRenamedFilesAreSeen() throws IOException, InterruptedException {
        String original = fingerprint();
        fingerprint();
        List<Path> files = migrations();
        Path last = files.get(files.size() - 1);
        Path added = last.resolveSibling("M9999_added.java");
        Files.writeString(added, Files.readString(last).replace(last.getFileName().toString().replace(".java", ""), "M9999_added"));
        settle();
        String withAdded = fingerprint();
        assertNotEquals(original, withAdded);
        assertEquals(fromContents(), withAdded);
        assertEquals(withAdded, fingerprint());

        Path renamed = added.resolveSibling("M9998_added.java");
        Files.move(added, renamed);
        String afterRename = fingerprint();
        assertNotEquals(withAdded, afterRename);
        assertEquals(fromContents(), afterRename);

        Files.delete(renamed);
        assertEquals(original, fingerprint(), "back to the original files");
        assertEquals(fromContents(), fingerprint());
    }

    @Test
    void anotherFileOfTheSameSizeAndTimesMovedOverOneIsSeen() throws IOException, InterruptedException {
        String before = fingerprint();
        fingerprint();
        Path file = migrations().get(0);
        String text = Files.readString(file);
        Path other = file.resolveSibling("Other.txt");
        Files.writeString(other, text.replaceFirst("\"([a-z_]+)\"", "\"$1x\"").replaceFirst("\n\n", "\n"));
        Files.setLastModifiedTime(other, Files.getLastModifiedTime(file));
        Files.move(other, file, StandardCopyOption.REPLACE_EXISTING);

        String after = fingerprint();
        assertNotEquals(before, after);
        assertEquals(fromContents(), after);
    }

    @Test
    void aFileChangedJustBeforeItWasHashedIsNotKeptInTheWhole() throws IOException {
        fingerprint();
        Path file = migrations().get(0);
        Files.writeString(file, Files.readString(file) + "\n// touched\n");
        String touched = fingerprint();
        assertEquals(touched, fingerprint());
        assertTrue(counts().endsWith(", 1 hashed"), "hashed again while within the racy window, not answered whole: " + counts());
        assertEquals(fromContents(), touched);
    }

    @Test
    void anotherConfigurationOrBuildDoesNotUseTheKeptWhole() throws IOException {
        fingerprint();
        Path kept = project.resolve(".keel/cache").resolve(FileHashes.COMBINED_FILE);
        Files.writeString(kept, Files.readString(kept).replace(cache.salt(), "another build"));
        fingerprint();
        assertTrue(counts().endsWith(" 0 hashed") && !counts().startsWith("0 "), "looked up file by file: " + counts());

        ProjectCache other = ProjectCache.of(project, config, CombinedFingerprintsTest.class);
        assertNotEquals(cache.salt(), other.salt());
        FileHashes.forgetAll();
        ProjectMigrations.fingerprint(config, project, other);
        assertTrue(other.fileHashes().counts().endsWith(" hashed") && !other.fileHashes().counts().startsWith("0 unchanged by metadata, 0"),
                "another salt: nothing kept for it: " + other.fileHashes().counts());
    }

    @Test
    void aDamagedSideFileIsIgnored() throws IOException {
        String first = fingerprint();
        Path kept = project.resolve(".keel/cache").resolve(FileHashes.COMBINED_FILE);
        String text = Files.readString(kept);
        for (String damaged : List.of(text.replaceFirst("\n$", ""), text.replaceAll("\t[0-9a-f]{32}\n", "\t\n"), "")) {
            Files.writeString(kept, damaged);
            assertEquals(first, fingerprint(), damaged);
        }
    }
}
