package dev.keel.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code keel makemigrations --check} without {@code .keel/cache} (the cold check), through the command line's own
 * entity scanner: no fingerprint of the files before the check, the check remembered under the key of what it read
 * (the next check passes from that record), and the scan stored in the cache after it was handed over.
 */
class ColdCheckCommandTest {
    @TempDir Path dir;

    @BeforeEach
    void copySample() {
        dev.keel.testing.SampleProjects.copy("blog", dir);
    }

    private KeelRun check() {
        return KeelRun.run(MigrationSource.standard(), "-C", dir.toString(), "-v", "3", "makemigrations", "--check");
    }

    private static String phase(KeelRun r, String name) {
        return r.err().lines().filter(l -> l.startsWith("time: " + name + ": ")).findFirst().orElse("");
    }

    @Test
    void aColdCheckReadsEachFileOnceAndIsRememberedUnderWhatItRead() throws IOException {
        KeelRun cold = check();
        assertEquals(0, cold.exit(), cold.out() + cold.err());
        assertTrue(phase(cold, "earlier check").endsWith("(no check passed before)"), cold.err());
        assertEquals("", phase(cold, "fingerprint entity sources"), "no fingerprint before a first check");
        assertEquals("", phase(cold, "fingerprint migrations"), cold.err());
        assertTrue(phase(cold, "scan entities").endsWith("files scanned)"), cold.err());
        assertNotEquals("", phase(cold, "store scanned entities"), cold.err());

        KeelRun warm = check();
        assertEquals(0, warm.exit(), warm.err());
        assertTrue(phase(warm, "earlier check").endsWith("(the same files passed before: done)"), warm.err());

        // without the record, the scan stored after the cold check is there
        Files.delete(dir.resolve(".keel/cache/check.tsv"));
        KeelRun again = check();
        assertEquals(0, again.exit(), again.err());
        assertTrue(phase(again, "scan entities").endsWith("from .keel/cache)"), again.err());
        assertTrue(phase(check(), "earlier check").endsWith("(the same files passed before: done)"));

        Path entity;
        try (Stream<Path> files = Files.walk(dir.resolve("src"))) {
            entity = files.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("migrations"))
                    .filter(f -> {
                        try {
                            return Files.readString(f).contains("@Entity");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).findFirst().orElseThrow();
        }
        String text = Files.readString(entity);
        int brace = text.lastIndexOf('}');
        Files.writeString(entity, text.substring(0, brace) + "    private Integer addedByTheTest;\n}\n");
        KeelRun changed = check();
        assertNotEquals(0, changed.exit(), "a new field needs a migration");
        assertTrue(phase(changed, "earlier check").endsWith("(files changed since the last check that passed)"), changed.err());
        assertFalse(check().exit() == 0, "and still does");
    }

    /**
     * A check that runs with a passed check on record (its key taken before it) after an edit the scan must see (a
     * transient field: a new outline, the same schema) hands the scan's storing to the command, which stores it before
     * it ends: the next check without the record reads the scan from the cache.
     */
    @Test
    void aCheckAfterAChangeStoresTheScanItMade() throws IOException {
        assertEquals(0, check().exit());
        assertEquals(0, check().exit());
        Path entity;
        try (Stream<Path> files = Files.walk(dir.resolve("src"))) {
            entity = files.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("migrations"))
                    .filter(f -> {
                        try {
                            return Files.readString(f).contains("@Entity");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).sorted().findFirst().orElseThrow();
        }
        String text = Files.readString(entity);
        int brace = text.lastIndexOf('}');
        Files.writeString(entity, text.substring(0, brace) + "    @jakarta.persistence.Transient\n    private Integer notMapped;\n}\n");

        KeelRun changed = check();
        assertEquals(0, changed.exit(), changed.out() + changed.err());
        assertTrue(phase(changed, "earlier check").endsWith("(files changed since the last check that passed)"), changed.err());
        assertTrue(phase(changed, "scan entities").endsWith("files scanned)"), changed.err());
        assertNotEquals("", phase(changed, "store scanned entities"), changed.err());

        Files.delete(dir.resolve(".keel/cache/check.tsv"));
        KeelRun again = check();
        assertEquals(0, again.exit(), again.err());
        assertTrue(phase(again, "scan entities").endsWith("from .keel/cache)"), again.err());
    }
}
