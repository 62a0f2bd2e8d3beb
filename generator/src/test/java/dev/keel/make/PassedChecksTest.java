package dev.keel.make;

import dev.keel.cache.ProjectCache;
import dev.keel.config.KeelConfig;
import dev.keel.diff.NonInteractiveQuestioner;
import dev.keel.emit.Lockfile;
import dev.keel.scan.EntityScanner;
import dev.keel.scan.ScanCache;
import dev.keel.testing.SampleProjects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A passed {@code makemigrations --check} is remembered: the same check of the same files passes again without
 * scanning; any change to an entity source, a migration file or the lockfile makes it run again.
 */
class PassedChecksTest {
    @TempDir
    Path project;

    private KeelConfig config;
    private ProjectCache cache;
    private final AtomicInteger scans = new AtomicInteger();

    /** The real scanner, counted. */
    private final EntitySource counted = new EntitySource() {
        @Override
        public ScannedProject scan(KeelConfig c, Path dir) {
            scans.incrementAndGet();
            EntityScanner.Scan scan = EntityScanner.scanWithHints(dir, c);
            return new ScannedProject(scan.state(), scan.hints());
        }

        @Override
        public Optional<String> fingerprint(KeelConfig c, Path dir) {
            return Optional.of(ScanCache.fingerprint(dir, c, cache));
        }
    };

    /**
     * The scanner through the project's scan cache, as the command line runs it (a first check is remembered under
     * the fingerprint of the sources as the scan read them), counted.
     */
    private final EntitySource cached = new EntitySource() {
        @Override
        public ScannedProject scan(KeelConfig c, Path dir) {
            scans.incrementAndGet();
            EntityScanner.Scan scan = ScanCache.scanWithHints(dir, c, cache);
            return new ScannedProject(scan.state(), scan.hints());
        }

        @Override
        public ScannedProject scanFingerprinted(KeelConfig c, Path dir) {
            scans.incrementAndGet();
            ScanCache.Fingerprinted scanned = ScanCache.scanFingerprinted(dir, c, cache);
            return new ScannedProject(scanned.scan().state(), scanned.scan().hints(), scanned.fingerprint());
        }

        @Override
        public Optional<String> fingerprint(KeelConfig c, Path dir) {
            return Optional.of(ScanCache.fingerprint(dir, c, cache));
        }
    };

    @BeforeEach
    void copySample() {
        SampleProjects.copy("library", project);
        config = KeelConfig.read(project);
        cache = ProjectCache.of(project, config, EntityScanner.class, MakeMigrations.class);
    }

    private MakeResult check() {
        return new MakeMigrations(counted, new NonInteractiveQuestioner(), cache).run(config, project, MakeMigrationsTest.check());
    }

    private Path anEntity() throws IOException {
        try (var files = Files.walk(project.resolve("src"))) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Files.readString(f).contains("@Entity");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).findFirst().orElseThrow();
        }
    }

    @Test
    void anUnchangedProjectPassesAgainWithoutAScan() {
        assertTrue(check().problems().isEmpty());
        assertEquals(1, scans.get());
        assertTrue(check().problems().isEmpty());
        assertTrue(check().problems().isEmpty());
        assertEquals(1, scans.get(), "the same files passed before: nothing is scanned");
    }

    @Test
    void aChangedEntityIsCheckedAgainAndItsFailureIsNotRemembered() throws IOException {
        assertTrue(check().problems().isEmpty());
        Path entity = anEntity();
        String text = Files.readString(entity);
        int brace = text.lastIndexOf('}');
        Files.writeString(entity, text.substring(0, brace) + "    private Integer addedByTheTest;\n}\n");

        assertFalse(check().problems().isEmpty(), "a new field needs a migration");
        assertFalse(check().problems().isEmpty(), "and still does: a failed check is not remembered");
        assertEquals(3, scans.get());

        Files.writeString(entity, text);
        assertTrue(check().problems().isEmpty(), "back as it was");
        assertEquals(3, scans.get(), "the files are those of the first, passed check again");
    }

    @Test
    void aChangedMigrationOrLockfileIsCheckedAgain() throws IOException {
        assertTrue(check().problems().isEmpty());
        Path lockfile = project.resolve(Lockfile.FILE_NAME);
        String lock = Files.readString(lockfile);
        Files.writeString(lockfile, lock.replaceFirst("\\d{4}_\\w+", "0099_elsewhere"));
        assertFalse(check().problems().isEmpty(), "the lockfile no longer names the latest migrations");
        Files.writeString(lockfile, lock);
        assertTrue(check().problems().isEmpty());
        assertEquals(2, scans.get(), "the changed lockfile's check ran; the restored one passed from the record");

        Path migration;
        try (var files = Files.walk(project.resolve("src"))) {
            migration = files.filter(f -> f.getFileName().toString().startsWith("M0001")).findFirst().orElseThrow();
        }
        Files.writeString(migration, Files.readString(migration) + "\n// touched\n");
        assertTrue(check().problems().isEmpty());
        assertEquals(3, scans.get(), "a changed migration file is read and compared again");
    }

    @Test
    void anEditTheMappingCannotReadPassesFromTheRecordAndANewFieldDoesNot() throws IOException {
        MakeMigrations make = new MakeMigrations(cached, new NonInteractiveQuestioner(), cache);
        assertTrue(make.run(config, project, MakeMigrationsTest.check()).problems().isEmpty());
        assertEquals(1, scans.get());
        Path entity = anEntity();
        String text = Files.readString(entity);
        int brace = text.lastIndexOf('}');
        Files.writeString(entity, text.substring(0, brace) + "\n    public String label() {\n        return \"x\";\n    }\n}\n");
        assertTrue(make.run(config, project, MakeMigrationsTest.check()).problems().isEmpty());
        assertEquals(1, scans.get(), "a method the mapping never reads: the entities' outlines are those of the passed check");

        Files.writeString(entity, text.substring(0, brace) + "    private Integer addedByTheTest;\n}\n");
        assertFalse(make.run(config, project, MakeMigrationsTest.check()).problems().isEmpty(), "a new field needs a migration");
        assertEquals(2, scans.get());
    }
    /**
     * With the files settled (their metadata vouching for their hashes), the unchanged check passes from the record
     * with both fingerprints answered whole ({@code fingerprints.tsv}, no file's hash looked up), and an entity edited
     * to a new column keeping its size and modification time, a migration likewise, a file added and one removed each
     * make the check run again.
     */
    @Test
    void settledFilesPassFromTheFingerprintsKeptWholeAndEveryKindOfEditIsSeen() throws Exception {
        java.lang.reflect.Field racy = dev.keel.cache.FileHashes.class.getDeclaredField("racyMillis");
        racy.setAccessible(true);
        java.lang.reflect.Method forget = dev.keel.cache.FileHashes.class.getDeclaredMethod("forgetAll");
        forget.setAccessible(true);
        racy.setLong(null, 100);
        try {
            Thread.sleep(250);
            MakeMigrations make = new MakeMigrations(cached, new NonInteractiveQuestioner(), cache);
            java.util.function.Supplier<MakeResult> newProcess = () -> {
                try {
                    forget.invoke(null);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                return make.run(config, project, MakeMigrationsTest.check());
            };
            assertTrue(newProcess.get().problems().isEmpty());
            assertTrue(newProcess.get().problems().isEmpty()); // takes the fingerprints file by file, keeps them whole
            assertTrue(newProcess.get().problems().isEmpty());
            assertEquals(1, scans.get());
            assertEquals("0 unchanged by metadata, 0 hashed", cache.fileHashes().counts(), "both fingerprints answered whole");
            assertTrue(Files.exists(project.resolve(".keel/cache").resolve(dev.keel.cache.FileHashes.COMBINED_FILE)));

            Path book;
            try (var files = Files.walk(project.resolve("src"))) {
                book = files.filter(f -> f.getFileName().toString().equals("Book.java")).findFirst().orElseThrow();
            }
            String text = Files.readString(book);
            var modified = Files.getLastModifiedTime(book);
            Thread.sleep(20); // past the file system's tick: the change time moves
            Files.writeString(book, text.replace("private String isbn;", "private String isbo;"));
            Files.setLastModifiedTime(book, modified);
            assertEquals(text.length(), Files.readString(book).length());
            assertFalse(newProcess.get().problems().isEmpty(), "a new column, same size and modification time: checked again");
            Files.writeString(book, text);
            Thread.sleep(250);
            assertTrue(newProcess.get().problems().isEmpty());
            assertTrue(newProcess.get().problems().isEmpty());
            int scanned = scans.get();

            Path migration;
            try (var files = Files.walk(project.resolve("src"))) {
                migration = files.filter(f -> f.getFileName().toString().startsWith("M0001")).findFirst().orElseThrow();
            }
            String m = Files.readString(migration);
            var mModified = Files.getLastModifiedTime(migration);
            Thread.sleep(20);
            Files.writeString(migration, m.replace("\"title\"", "\"titlf\""));
            Files.setLastModifiedTime(migration, mModified);
            assertEquals(m.length(), Files.readString(migration).length());
            assertNotEqualsText(m, Files.readString(migration));
            int before = scans.get();
            boolean failed;
            try {
                failed = !newProcess.get().problems().isEmpty();
            } catch (dev.keel.error.KeelException e) {
                failed = true; // the edited migration's column is one the check refuses outright
            }
            assertTrue(failed, "a migration edited, same size and time: checked again");
            assertEquals(before + 1, scans.get());
            Files.writeString(migration, m);
            Thread.sleep(250);
            assertTrue(newProcess.get().problems().isEmpty());

            Path added = book.resolveSibling("Shelf.java");
            Files.writeString(added, text.replace("class Book", "class Shelf").replace("\"book\"", "\"shelf\""));
            assertFalse(newProcess.get().problems().isEmpty(), "a new entity: checked again");
            Files.delete(added);
            assertTrue(newProcess.get().problems().isEmpty());
            Files.move(book, book.resolveSibling("Book.java.moved"));
            assertFalse(newProcess.get().problems().isEmpty(), "an entity gone: checked again");
            Files.move(book.resolveSibling("Book.java.moved"), book);
            assertTrue(newProcess.get().problems().isEmpty());
            assertEquals(scanned + 3, scans.get(), "each change checked again; each restore passed from the record");
        } finally {
            racy.setLong(null, 2_000);
            forget.invoke(null);
        }
    }

    private static void assertNotEqualsText(String a, String b) {
        assertFalse(a.equals(b), "the edit changed the text");
    }

    @Test
    void theRecordKeepsEveryNoteAsItWasAndIsUsedOnlyWholeAndForItsKey() {
        var notes = new PassedChecks.Passed(java.util.List.of("plain", "", "two\nlines", "back\\slash \\n not a newline",
                "carriage\r\nreturn", "end", "note\tlike", "\\"));
        String text = PassedChecks.format("k1", notes);
        assertEquals(Optional.of(notes), PassedChecks.parse(text, "k1"));
        assertEquals(Optional.empty(), PassedChecks.parse(text, "k2"), "another check's record");
        for (int cut = 0; cut < text.length(); cut++) {
            assertEquals(Optional.empty(), PassedChecks.parse(text.substring(0, cut), "k1"), "cut at " + cut);
        }
        assertEquals(Optional.empty(), PassedChecks.parse(text.replace("\\\\", "\\q"), "k1"), "a damaged escape");
        var none = new PassedChecks.Passed(java.util.List.of());
        assertEquals(Optional.of(none), PassedChecks.parse(PassedChecks.format("k1", none), "k1"));
    }

    @Test
    void aDamagedRecordMakesTheCheckRunAgain() throws IOException {
        assertTrue(check().problems().isEmpty());
        Path record = project.resolve(".keel/cache").resolve(PassedChecks.FILE);
        String text = Files.readString(record);
        Files.writeString(record, text.substring(0, text.length() - 2));
        assertTrue(check().problems().isEmpty());
        assertEquals(2, scans.get(), "a record cut short is not used");
        assertEquals(text, Files.readString(record), "and is written whole again");
        assertTrue(check().problems().isEmpty());
        assertEquals(2, scans.get());
    }

    @Test
    void aFirstCheckIsRememberedUnderTheFingerprintOfWhatItReadWithoutReadingTheFilesBefore() throws IOException {
        MakeMigrations make = new MakeMigrations(cached, new NonInteractiveQuestioner(), cache);
        Path hashes = project.resolve(".keel/cache/files.tsv");
        assertFalse(Files.exists(project.resolve(".keel/cache").resolve(PassedChecks.FILE)), "no check passed before");
        assertTrue(make.run(config, project, MakeMigrationsTest.check()).problems().isEmpty());
        assertEquals(1, scans.get());
        assertTrue(Files.exists(hashes));
        assertTrue(make.run(config, project, MakeMigrationsTest.check()).problems().isEmpty());
        assertTrue(make.run(config, project, MakeMigrationsTest.check()).problems().isEmpty());
        assertEquals(1, scans.get(), "the key of what the first check read is the one the next checks take before they start");

        // the same through the default of an entity source (its fingerprint taken before its scan)
        Files.delete(project.resolve(".keel/cache").resolve(PassedChecks.FILE));
        assertTrue(check().problems().isEmpty());
        assertEquals(2, scans.get());
        assertTrue(check().problems().isEmpty());
        assertEquals(2, scans.get());
    }

    @Test
    void anEntityEditedAfterTheFirstCheckReadItIsNotTakenAsPassed() throws IOException {
        Path entity = anEntity();
        String text = Files.readString(entity);
        int brace = text.lastIndexOf('}');
        AtomicInteger edits = new AtomicInteger();
        // the scan reads the sources, then a field is added while the check goes on (before it is remembered)
        EntitySource editedMeanwhile = new EntitySource() {
            @Override
            public ScannedProject scan(KeelConfig c, Path dir) {
                throw new AssertionError("a first check asks for what its scan read");
            }

            @Override
            public ScannedProject scanFingerprinted(KeelConfig c, Path dir) {
                ScannedProject scanned = cached.scanFingerprinted(c, dir);
                if (edits.getAndIncrement() == 0) {
                    try {
                        Files.writeString(entity, text.substring(0, brace) + "    private Integer addedByTheTest;\n}\n");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return scanned;
            }

            @Override
            public Optional<String> fingerprint(KeelConfig c, Path dir) {
                return cached.fingerprint(c, dir);
            }
        };
        MakeMigrations make = new MakeMigrations(editedMeanwhile, new NonInteractiveQuestioner(), cache);
        assertTrue(make.run(config, project, MakeMigrationsTest.check()).problems().isEmpty(),
                "the check compared the entities as its scan read them");
        assertFalse(new MakeMigrations(cached, new NonInteractiveQuestioner(), cache).run(config, project,
                MakeMigrationsTest.check()).problems().isEmpty(), "the field added meanwhile was never checked: it needs a migration");
        assertEquals(2, scans.get());
    }
}
