package dev.keel.scan;

import dev.keel.cache.ProjectCache;
import dev.keel.cache.StateCodec;
import dev.keel.config.KeelConfig;
import dev.keel.diff.DiffHints;
import dev.keel.diff.FieldRef;
import dev.keel.error.KeelException;
import dev.keel.project.ModelKey;
import dev.keel.project.ProjectState;
import dev.keel.project.StateSnapshot;
import dev.keel.scan.oracle.Samples;
import dev.keel.testing.SampleProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stored scan's compact document ({@link ScanCodec}) gives back the very scan, whatever it holds, and a document
 * that is not one this keel wrote (another version, damaged, cut short, longer, or the JSON document of an earlier keel)
 * is never read: the scan is made again from the sources, with the same answer, and no error.
 */
class ScanCodecTest {
    @TempDir
    Path project;

    private static String json(EntityScanner.Scan scan) {
        return StateSnapshot.toJson(scan.state()) + scan.hints();
    }

    /** {@code scan} written into a cache in {@code dir} and read back under the same key. */
    private static EntityScanner.Scan roundTrip(Path dir, KeelConfig config, EntityScanner.Scan scan) {
        ProjectCache cache = ProjectCache.of(dir, config, EntityScanner.class);
        cache.writeCompact(ScanCache.NAME, "the key", w -> ScanCodec.write(w, scan));
        assertEquals(Optional.empty(), cache.readCompact(ScanCache.NAME, "another key", ScanCodec::read));
        return cache.readCompact(ScanCache.NAME, "the key", ScanCodec::read).orElseThrow();
    }

    private static void assertSameScan(EntityScanner.Scan scan, EntityScanner.Scan back, String what) {
        assertEquals(scan.state(), back.state(), what);
        assertEquals(StateSnapshot.toJson(scan.state()), StateSnapshot.toJson(back.state()), what);
        assertEquals(scan.hints(), back.hints(), what);
    }

    /** Every sample project of the oracle (src-samples and every real-codebase kind of mapping under oracle/). */
    @Test
    void theScanOfEverySampleComesBackEqual() throws IOException {
        var read = new ArrayList<String>();
        int hints = 0;
        for (Path sample : Samples.all()) {
            KeelConfig config = KeelConfig.read(sample);
            EntityScanner.Scan scan;
            try {
                scan = EntityScanner.scanWithHints(sample, config);
            } catch (KeelException refused) {
                continue; // a sample of what the scanner refuses has no scan to store
            }
            Path dir = Files.createDirectories(project.resolve(sample.getFileName().toString()));
            assertSameScan(scan, roundTrip(dir, config, scan), sample.toString());
            read.add(sample.getFileName().toString());
            DiffHints h = scan.hints();
            hints += h.renamedModels().size() + h.renamedFields().size() + h.initializerDefaults().size();
        }
        assertTrue(read.containsAll(List.of("realworld", "realworld2", "realworld3", "shop", "library")), read.toString());
        assertTrue(read.size() >= 15, read.toString());
        assertTrue(hints > 0, "some sample has hints");
    }

    /** The mapping's record of every sample ({@code entity-map.bin}), read back, is the record written. */
    @Test
    void theMappingRecordOfEverySampleComesBackEqual() throws IOException {
        int records = 0;
        for (Path sample : Samples.all()) {
            KeelConfig config = KeelConfig.read(sample);
            EntityScanner.Outlined scanned;
            try {
                scanned = EntityScanner.scanWithOutlines(EntityScanner.sourceFiles(sample, config), config);
            } catch (KeelException refused) {
                continue;
            }
            if (scanned.record() == null) {
                continue;
            }
            Path dir = Files.createDirectories(project.resolve(sample.getFileName().toString()));
            ProjectCache cache = ProjectCache.of(dir, config, EntityScanner.class);
            ScanCache.MapRecords.save(cache, "the key", scanned.record());
            assertEquals(Optional.empty(), ScanCache.MapRecords.read(cache, "another key"));
            var back = ScanCache.MapRecords.read(cache, "the key").orElseThrow();
            assertNotNull(scanned.record().encode(), sample.toString());
            assertEquals(scanned.record().encode(), back.encode(), sample.toString());
            records++;
        }
        assertTrue(records >= 15, records + " records");
    }

    /** The fields of a mapping record's entry as {@code MapRecord.write} writes them: a new one fails here until it does. */
    @Test
    void theMappingRecordsCodecKnowsEveryFieldOfAnEntry() throws ClassNotFoundException {
        Class<?> entry = Class.forName("dev.keel.scan.internal.EntityRemap$MapRecord$Entry");
        assertEquals("subject entity file declared entityName app parent strategy hasChildren binding keysIface finalIface"
                        + " keyReads sharedTables sharedSequences models sequences trees tables ifaces",
                String.join(" ", Arrays.stream(entry.getDeclaredFields()).filter(f -> !f.isSynthetic())
                        .map(java.lang.reflect.Field::getName).toList()),
                "EntityRemap.MapRecord.Entry changed: write and read the field in MapRecord.write/read and encode/decode,"
                        + " raise ScanCache.MapRecords.VERSION, then update this test");
    }

    @Test
    void everyKindOfHintComesBackEqual() throws IOException {
        SampleProjects.copy("library", project);
        KeelConfig config = KeelConfig.read(project);
        ProjectState state = EntityScanner.scanWithHints(project, config).state();
        var hints = new DiffHints(
                Map.of(new ModelKey("library", "book"), "volume", new ModelKey("library", "ünïcödé"), "漢字 \uD83D\uDE00"),
                Map.of(new FieldRef("library", "book", "title"), "name", new FieldRef("library", "book", "isbn"), "code"),
                Map.of(new FieldRef("library", "book", "active"), "true", new FieldRef("library", "author", "note"),
                        "'it''s'", new FieldRef("library", "book", "title"), "'x'"));
        var scan = new EntityScanner.Scan(state, hints);
        assertSameScan(scan, roundTrip(project, config, scan), "hints");
        var empty = new EntityScanner.Scan(ProjectState.EMPTY, DiffHints.NONE);
        assertSameScan(empty, roundTrip(project, config, empty), "nothing");
    }

    /**
     * The records the codec writes, with their components as it writes them: a component added to one of them fails
     * here until {@link ScanCodec} writes and reads it (and its version goes up). The state's records are pinned by
     * {@code StateCodecTest}.
     */
    @Test
    void theCodecKnowsEveryComponentOfTheStoredScan() {
        Map<Class<?>, String> known = Map.of(
                EntityScanner.Scan.class, "state hints",
                DiffHints.class, "renamedModels renamedFields initializerDefaults",
                ModelKey.class, "app model",
                FieldRef.class, "app model field");
        known.forEach((type, components) -> assertEquals(components, String.join(" ",
                Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList()),
                type.getSimpleName() + " changed: write and read its components in ScanCodec (VERSION + 1), then update this test"));
    }

    /** The stored document's bytes, changed by {@code change} (header and payload as they are, or its payload re-checksummed). */
    private Path stored() {
        return project.resolve(".keel/cache").resolve(ScanCache.NAME + ".bin");
    }

    /** A compact document's header (the key, the payload's length and CRC-32C) and its payload. */
    private record Document(String key, byte[] payload) {
        static Document of(byte[] bytes) throws IOException {
            var in = new DataInputStream(new ByteArrayInputStream(bytes));
            in.readUTF();
            in.readInt();
            String key = in.readUTF();
            int length = in.readInt();
            in.readLong();
            byte[] payload = in.readNBytes(length);
            return new Document(key, payload);
        }
    }

    /** The scan through the cache after the stored document was changed: the scan without cache, made again in full. */
    private void assertScannedAgain(KeelConfig config, ProjectCache cache, EntityScanner.Scan direct, String what) {
        EntityScanner.Scan scan = ScanCache.scanWithHints(project, config, cache);
        assertEquals(json(direct), json(scan), what);
        EntityScanner.Reuse reuse = ScanCache.lastReuse();
        assertNotNull(reuse, what + ": scanned, not read from the document");
        assertEquals(0, reuse.reused(), what + ": no entity taken from the document");
        assertTrue(reuse.mapped() > 0, what);
        // stored again: the next check reads it
        assertEquals(json(direct), json(ScanCache.scanWithHints(project, config, cache)), what);
        assertNull(ScanCache.lastReuse(), what + ": the document written again is read");
    }

    @Test
    void aDocumentThatIsNotThisVersionsWholeScanGivesTheScanAgain() throws IOException {
        SampleProjects.copy("library", project);
        KeelConfig config = KeelConfig.read(project);
        ProjectCache cache = ProjectCache.of(project, config, EntityScanner.class);
        EntityScanner.Scan direct = EntityScanner.scanWithHints(project, config);
        ScanCache.scanWithHints(project, config, cache);
        byte[] good = Files.readAllBytes(stored());
        assertEquals(json(direct), json(ScanCache.scanWithHints(project, config, cache)));
        assertNull(ScanCache.lastReuse(), "the stored scan is read");
        String key = Document.of(good).key();

        // a well-formed document of another version (another scan in it: one read as this version's would be wrong)
        cache.writeCompact(ScanCache.NAME, key, w -> {
            w.count(ScanCodec.VERSION + 1);
            StateCodec.write(w, ProjectState.EMPTY);
            w.count(0);
            w.count(0);
            w.count(0);
        });
        assertScannedAgain(config, cache, direct, "another version");

        // the bytes damaged: a byte of the payload, a byte of the header, cut short, bytes appended
        var damages = Map.<String, UnaryOperator<byte[]>>of(
                "a payload byte changed", b -> {
                    byte[] c = b.clone();
                    c[c.length - 7] ^= 0x10;
                    return c;
                },
                "a header byte changed", b -> {
                    byte[] c = b.clone();
                    c[3] ^= 0x01;
                    return c;
                },
                "cut short", b -> Arrays.copyOf(b, b.length - 100),
                "bytes appended", b -> {
                    byte[] c = Arrays.copyOf(b, b.length + 3);
                    c[b.length] = 1;
                    return c;
                },
                "empty", b -> new byte[0]);
        for (var damage : damages.entrySet()) {
            Files.write(stored(), damage.getValue().apply(Files.readAllBytes(stored())));
            assertScannedAgain(config, cache, direct, damage.getKey());
        }

        // a payload with its checksum made right, but not a scan: the version's number, then a string where a list is
        byte[] payload = Document.of(Files.readAllBytes(stored())).payload();
        byte[] wrong = Arrays.copyOf(payload, payload.length);
        wrong[1] = (byte) 0x7F; // the number of tables, now far more than the bytes hold
        Files.write(stored(), document(key, wrong));
        assertScannedAgain(config, cache, direct, "a payload that is no scan");

        // the JSON document of an earlier keel, under the same key: not read, and removed when the scan is stored again
        Files.delete(stored());
        cache.write(ScanCache.NAME, key, Map.of("state", Map.of("tables", List.of())));
        Path oldJson = project.resolve(".keel/cache").resolve(ScanCache.NAME + ".json");
        assertTrue(Files.exists(oldJson));
        assertScannedAgain(config, cache, direct, "an earlier keel's JSON document");
        assertFalse(Files.exists(oldJson), "the earlier document is removed");
    }

    /** After one entity's field was added, a stored scan that cannot be read makes the whole project mapped, not an error. */
    @Test
    void afterOneChangeADamagedDocumentMapsTheWholeProject() throws Exception {
        Files.writeString(project.resolve("keel.json"), "{\"sourceRoots\": [\"src/main/java\"], \"naming\": \"snake_case\","
                + " \"apps\": [{\"label\": \"shop\", \"package\": \"com.acme.shop\"}]}");
        Path shop = Files.createDirectories(project.resolve("src/main/java/com/acme/shop"));
        for (String name : List.of("Customer", "Invoice", "Product")) {
            Files.writeString(shop.resolve(name + ".java"), "package com.acme.shop;\nimport jakarta.persistence.*;\n@Entity\n"
                    + "public class " + name + " {\n    @Id\n    private Long id;\n    private String label;\n"
                    + "    private boolean active = true;\n}\n");
        }
        KeelConfig config = KeelConfig.read(project);
        ProjectCache cache = ProjectCache.of(project, config, EntityScanner.class);
        ScanCache.scanWithHints(project, config, cache);
        Path entity = shop.resolve("Invoice.java");
        String text = Files.readString(entity);
        int brace = text.lastIndexOf('}');

        Files.writeString(entity, text.substring(0, brace) + "    private Integer addedOnce;\n}\n");
        EntityScanner.Scan remapped = ScanCache.scanWithHints(project, config, cache);
        assertEquals(json(EntityScanner.scanWithHints(project, config)), json(remapped));
        assertEquals(2, ScanCache.lastReuse().reused(), "the stored scan read: one entity mapped alone");

        Files.writeString(entity, text.substring(0, brace) + "    private Integer addedTwice;\n}\n");
        byte[] b = Files.readAllBytes(stored());
        b[b.length / 2] ^= 0x20;
        Files.write(stored(), b);
        EntityScanner.Scan scan = ScanCache.scanWithHints(project, config, cache);
        assertEquals(json(EntityScanner.scanWithHints(project, config)), json(scan));
        assertEquals(0, ScanCache.lastReuse().reused(), "the whole project mapped");
        assertEquals(3, ScanCache.lastReuse().mapped());

        // the mapping's record damaged, or of another version: the whole project mapped
        Path map = project.resolve(".keel/cache").resolve(ScanCache.MAP + ".bin");
        String key = Document.of(Files.readAllBytes(map)).key();
        Files.writeString(entity, text.substring(0, brace) + "    private Integer addedThrice;\n}\n");
        byte[] m = Files.readAllBytes(map);
        m[m.length - 5] ^= 0x04;
        Files.write(map, m);
        assertEquals(json(EntityScanner.scanWithHints(project, config)), json(ScanCache.scanWithHints(project, config, cache)));
        assertEquals(0, ScanCache.lastReuse().reused(), "a damaged record: the whole project mapped");

        Files.writeString(entity, text.substring(0, brace) + "    private Integer addedFourTimes;\n}\n");
        byte[] payload = Document.of(Files.readAllBytes(map)).payload();
        key = Document.of(Files.readAllBytes(map)).key();
        payload[0] = (byte) (ScanCache.MapRecords.VERSION + 1);
        Files.write(map, document(key, payload));
        assertEquals(json(EntityScanner.scanWithHints(project, config)), json(ScanCache.scanWithHints(project, config, cache)));
        assertEquals(0, ScanCache.lastReuse().reused(), "a record of another version: the whole project mapped");

        Files.writeString(entity, text.substring(0, brace) + "    private Integer addedFiveTimes;\n}\n");
        assertEquals(json(EntityScanner.scanWithHints(project, config)), json(ScanCache.scanWithHints(project, config, cache)));
        assertEquals(2, ScanCache.lastReuse().reused(), "the record written again: one entity mapped alone");
    }

    /** A compact document as {@link ProjectCache#writeCompact} lays it out, with {@code payload} and its right checksum. */
    private static byte[] document(String key, byte[] payload) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeUTF("keel cache document");
            out.writeInt(2);
            out.writeUTF(key);
            out.writeInt(payload.length);
            out.writeLong(ProjectCache.checksum(payload, 0, payload.length));
            out.write(payload);
        }
        return bytes.toByteArray();
    }
}
