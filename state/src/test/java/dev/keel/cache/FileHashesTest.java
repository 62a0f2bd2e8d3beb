package dev.keel.cache;

import dev.keel.config.KeelConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hashes vouched for by the files' metadata: a file is read again whenever anything in its metadata differs,
 * or when it changed so shortly before it was hashed that a second change could leave its times as they were.
 */
class FileHashesTest {
    @TempDir
    Path project;

    private ProjectCache cache;

    @BeforeEach
    void openCache() throws IOException {
        Files.writeString(project.resolve("keel.json"), "{\"apps\": [{\"label\": \"shop\", \"package\": \"com.acme\"}]}");
        cache = ProjectCache.of(project, KeelConfig.read(project));
        FileHashes.forgetAll();
    }

    @AfterEach
    void forget() {
        FileHashes.forgetAll();
        FileHashes.racyMillis = 2_000;
    }

    /** A window of 100 ms instead of 2 s, so that a test need not wait long for a file to settle. */
    private static final long WINDOW = 100;

    /** A file that has been still for longer than the racy window (its modification time an hour ago, its change time settled). */
    private Path settled(String name, String content) throws IOException, InterruptedException {
        FileHashes.racyMillis = WINDOW;
        Path file = project.resolve(name);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
        Thread.sleep(2 * WINDOW);
        return file;
    }

    private static int hashed(FileHashes hashes) {
        return Integer.parseInt(hashes.counts().replaceAll(".*, (\\d+) hashed", "$1"));
    }

    @Test
    void aSettledUnchangedFileIsNotReadAgainAndItsHashIsTheContentHash() throws IOException, InterruptedException {
        Path file = settled("A.java", "class A {}");
        FileHashes hashes = cache.fileHashes();

        assertEquals(ContentHash.of("class A {}"), hashes.hash(file));
        assertEquals(1, hashed(hashes));
        assertEquals(ContentHash.of("class A {}"), hashes.hash(file));
        assertEquals(ContentHash.of("class A {}"), hashes.known(file));
        assertEquals(1, hashed(hashes), "the metadata vouched for the second and third answers");
    }

    /**
     * A hash a caller took of the bytes it read (the entity scan's first reading, in a check without cache) is
     * remembered with the metadata and the time taken before its read: vouched for afterwards while the file stays as it
     * was, and never for a content written after that metadata, whether the write came before the caller's read or after.
     */
    @Test
    void aHashRememberedWithTheMetadataBeforeTheReadIsTrustedOnlyForThatFile() throws IOException, InterruptedException {
        Path file = settled("A.java", "class A {}");
        FileHashes hashes = cache.fileHashes();
        long before = System.currentTimeMillis();
        FileHashes.Stat stat = FileHashes.Stat.of(file);
        hashes.remember(file, ContentHash.of(Files.readAllBytes(file)), stat, before);
        assertEquals(1, hashed(hashes));
        Thread.sleep(2 * WINDOW);
        assertEquals(ContentHash.of("class A {}"), hashes.known(file));
        assertEquals(ContentHash.of("class A {}"), hashes.hash(file));
        assertEquals(1, hashed(hashes), "the metadata vouched for the remembered hash");
        hashes.save();
        FileHashes.forgetAll();
        assertEquals(ContentHash.of("class A {}"), cache.fileHashes().known(file), "and the next process trusts it too");

        // written after the metadata was taken and before the caller read it: the next run reads it again
        Path edited = settled("B.java", "class B {}");
        FileHashes.Stat old = FileHashes.Stat.of(edited);
        long then = System.currentTimeMillis();
        Files.writeString(edited, "class Bb {}");
        cache.fileHashes().remember(edited, ContentHash.of(Files.readAllBytes(edited)), old, then);
        Thread.sleep(2 * WINDOW);
        assertNull(cache.fileHashes().known(edited));
        assertEquals(ContentHash.of("class Bb {}"), cache.fileHashes().hash(edited));

        // written after the caller's read (its hash is of the old content): read again too
        Path later = settled("C.java", "class C {}");
        long at = System.currentTimeMillis();
        FileHashes.Stat was = FileHashes.Stat.of(later);
        String read = ContentHash.of(Files.readAllBytes(later));
        Files.writeString(later, "class Cc {}");
        cache.fileHashes().remember(later, read, was, at);
        Thread.sleep(2 * WINDOW);
        assertNull(cache.fileHashes().known(later));
        assertEquals(ContentHash.of("class Cc {}"), cache.fileHashes().hash(later));
    }

    @Test
    void theHashesOutliveTheProcessThroughTheCache() throws IOException, InterruptedException {
        Path file = settled("A.java", "class A {}");
        cache.fileHashes().hash(file);
        cache.fileHashes().save();
        FileHashes.forgetAll();

        FileHashes reopened = cache.fileHashes();
        assertEquals(ContentHash.of("class A {}"), reopened.known(file));
        assertEquals(0, hashed(reopened));
    }

    @Test
    void keptHashesOfAnotherBuildOrDamagedAreNotTrusted() throws IOException, InterruptedException {
        Path file = settled("A.java", "class A {}");
        cache.fileHashes().hash(file);
        cache.fileHashes().save();
        Path kept = project.resolve(".keel/cache").resolve(FileHashes.NAME);
        String text = Files.readString(kept);
        String lie = text.replace(ContentHash.of("class A {}"), ContentHash.of("class Z {}"));
        assertNotEquals(text, lie);

        for (String damaged : List.of(lie.replaceFirst("\t[0-9a-f]{32}\t", "\t"), lie.replaceFirst("\n$", ""),
                lie.replace(cache.salt(), "another build"))) {
            Files.writeString(kept, damaged);
            FileHashes.forgetAll();
            assertNull(cache.fileHashes().known(file), damaged);
            assertEquals(ContentHash.of("class A {}"), cache.fileHashes().hash(file));
        }
        Files.writeString(kept, lie);
        FileHashes.forgetAll();
        assertEquals(ContentHash.of("class Z {}"), cache.fileHashes().known(file), "the test's lie is what it reads when whole");
    }

    @Test
    void anEditThatKeepsTheSizeAndTheModificationTimeIsSeenByTheChangeTime() throws IOException, InterruptedException {
        Path file = settled("A.java", "class A {}");
        FileTime old = Files.getLastModifiedTime(file);
        FileHashes hashes = cache.fileHashes();
        hashes.hash(file);

        Thread.sleep(20); // past the file system's tick, so that the change time moves
        Files.writeString(file, "class B {}");
        Files.setLastModifiedTime(file, old);

        assertNull(hashes.known(file), "the change time moved: the kept hash is not vouched for");
        assertEquals(ContentHash.of("class B {}"), hashes.hash(file));
    }

    @Test
    void editsOfEveryKindGiveTheNewContentsHash() throws IOException, InterruptedException {
        Path file = settled("A.java", "class A {}");
        FileHashes hashes = cache.fileHashes();
        hashes.hash(file);

        Files.writeString(file, "class A { int longer; }");
        assertEquals(ContentHash.of("class A { int longer; }"), hashes.hash(file), "an edit");

        Path other = settled("B.java", "class A { int other_; }");
        hashes.hash(settled("A.java", "class A { int first_; }"));
        Files.setLastModifiedTime(other, Files.getLastModifiedTime(file));
        Files.move(other, file, StandardCopyOption.REPLACE_EXISTING);
        assertEquals(ContentHash.of("class A { int other_; }"), hashes.hash(file), "another file renamed over it, same size");

        Files.delete(file);
        assertNull(hashes.hash(file), "deleted");
        assertNull(hashes.known(file));
    }

    @Test
    void aFileChangedJustBeforeItWasHashedIsNeverTakenOnTrust() throws IOException, InterruptedException {
        Path file = project.resolve("A.java");
        Files.writeString(file, "class A {}"); // changed now: a second write in the same tick would leave its times as they are
        FileHashes hashes = cache.fileHashes();

        hashes.hash(file);
        assertNull(hashes.known(file));
        hashes.hash(file);
        assertEquals(2, hashed(hashes), "read again while it is within the racy window");

        Files.writeString(file, "class Z {}"); // same size, quite possibly the same times
        assertEquals(ContentHash.of("class Z {}"), hashes.hash(file));
        assertNotEquals(ContentHash.of("class A {}"), hashes.hash(file));
    }
    @Test
    void theJdksOwnStatFieldsAreThoseOfTheUnixView() throws IOException {
        // keel.jar's manifest opens sun.nio.fs, and so does this module's test run (state/pom.xml)
        assertTrue(FileHashes.Stat.readsTheJdksFields(), "the JDK's stat fields are read when sun.nio.fs is open");
        Path file = project.resolve("a.txt");
        Files.writeString(file, "one");
        Path link = project.resolve("link.txt");
        Files.createSymbolicLink(link, file);
        for (Path p : List.of(file, link, project)) {
            assertEquals(FileHashes.Stat.viaViews(p), FileHashes.Stat.of(p), p.toString());
        }
        Files.writeString(file, "two, longer");
        assertEquals(FileHashes.Stat.viaViews(file), FileHashes.Stat.of(file));
        assertEquals(null, FileHashes.Stat.of(project.resolve("missing.txt")));
    }
}
