package dev.keel.scan;

import dev.keel.cache.ProjectCache;
import dev.keel.config.KeelConfig;
import dev.keel.error.KeelException;
import dev.keel.project.StateSnapshot;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random projects with relations, inheritance (a mapped superclass, single-table subclasses), embeddables, an
 * auto-applied converter, an enum and constants, edited at random one step after another (fields added and removed,
 * constants, key types and relation targets changed, entities added, deleted and renamed, a class shadowing a
 * wildcard import added and removed, method bodies edited, a table renamed, a unique column, a sequence for a key and a
 * join column naming the referenced key column toggled): after each step the scan through the cache equals the scan
 * without it (problems included), and the files whose content the last stored scan read are indexed from the cache,
 * not read. Some of the steps (at least 8 over all seeds) map the edited entity alone ({@code EntityRemap}).
 */
class ScanCacheDifferentialTest {
    @TempDir
    Path project;

    /** An entity of the model: rendered into its file on every step (only a file whose text changed is written). */
    private static final class Ent {
        String name;
        String idType;
        boolean extendsBase;
        Ent parent;
        Ent manyToOne;
        Ent oneToMany;
        boolean money;
        boolean flag;
        boolean status;
        final List<String> fields = new ArrayList<>();
        int body;
        String table;
        boolean uniqueCode;
        boolean sequence;
        boolean referencedColumn;
    }

    /** How many scans of all seeds mapped one entity alone (spliced into the stored scan). */
    private static final java.util.concurrent.atomic.AtomicInteger SPLICED = new java.util.concurrent.atomic.AtomicInteger();

    @org.junit.jupiter.api.AfterAll
    static void someStepsMappedOneEntityAlone() {
        assertTrue(SPLICED.get() >= 8, "some steps mapped one entity alone: " + SPLICED.get());
    }

    private final List<Ent> entities = new ArrayList<>();
    private int lengthA = 20;
    private int lengthB = 40;
    private String converterTarget = "String";
    private boolean shadow;
    private int statuses = 2;
    private int counter;
    private Random random;

    /** Seeds {@code first} to {@code first + count - 1}: {@code -Dkeel.cache.seeds=COUNT} and {@code -Dkeel.cache.first=N} for more. */
    static java.util.stream.LongStream seeds(long first, long count) {
        long from = Long.getLong("keel.cache.first", first);
        return java.util.stream.LongStream.range(from, from + Long.getLong("keel.cache.seeds", count));
    }

    static java.util.stream.LongStream seeds() {
        return seeds(1, 8);
    }

    static java.util.stream.LongStream flatSeeds() {
        return seeds(11, 6);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("seeds")
    void randomEditsGiveTheScanWithoutCache(long seed) throws Exception {
        run(seed);
    }

    /**
     * Models without inheritance and one-to-many join columns, whose entities are mostly mapped alone after an edit: the
     * edits of what other entities read of them (a key type, a table name, a sequence) must map the project whole.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("flatSeeds")
    void randomEditsOfFlatModelsGiveTheScanWithoutCache(long seed) throws Exception {
        flat = true;
        run(seed);
    }

    /** Whether the model has no subclasses and no one-to-many join columns. */
    private boolean flat;

    private void run(long seed) throws Exception {
        random = new Random(seed);
        Files.writeString(project.resolve("keel.json"), "{\"sourceRoots\": [\"src/main/java\"], \"naming\": \"snake_case\","
                + " \"apps\": [{\"label\": \"shop\", \"package\": \"com.acme.shop\", \"migrationsPackage\": \"com.acme.shop.migrations\"}]}");
        for (int i = 0; i < 6; i++) {
            entities.add(newEntity());
        }
        render();
        KeelConfig config = KeelConfig.read(project);
        ProjectCache cache = ProjectCache.of(project, config, EntityScanner.class);
        Map<String, String> storedContents = compare(config, cache, "the first scan", null);
        int scans = 0;
        for (int step = 0; step < 30; step++) {
            String what = edit();
            render();
            Map<String, String> stored = compare(config, cache, "step " + step + " (" + what + ")", storedContents);
            if (stored != null) {
                storedContents = stored;
                scans++;
            }
        }
        assertTrue(scans >= 10, "most steps made a scan: " + scans);
    }

    /**
     * Compares the scan through the cache with the scan without it; when the cached one made and stored a scan,
     * checks that every file whose content was that of the last stored scan was indexed from the cache, and returns
     * the contents it read (else null).
     */
    private Map<String, String> compare(KeelConfig config, ProjectCache cache, String after, Map<String, String> stored) throws IOException {
        String cold = outcome(() -> EntityScanner.scanWithHints(project, config));
        String cached = outcome(() -> ScanCache.scanWithHints(project, config, cache));
        EntityScanner.Reuse reuse = ScanCache.lastReuse();
        assertEquals(cold, cached, "after " + after);
        assertEquals(cold, outcome(() -> ScanCache.scanWithHints(project, config, cache)), "after " + after + ", again");
        if (reuse == null) {
            return null;
        }
        if (reuse.reused() > 0) {
            SPLICED.incrementAndGet();
        }
        Map<String, String> contents = contents();
        if (stored != null) {
            var storedTexts = new java.util.HashSet<>(stored.values());
            long known = contents.values().stream().filter(storedTexts::contains).count();
            assertEquals(known, reuse.summarized(), "after " + after + ", the files the last stored scan read are indexed from the cache");
        }
        return contents;
    }

    private interface Scanning {
        EntityScanner.Scan scan();
    }

    private static String outcome(Scanning scanning) {
        try {
            EntityScanner.Scan scan = scanning.scan();
            return StateSnapshot.toJson(scan.state()) + scan.hints();
        } catch (KeelException e) {
            return "problems: " + e.getMessage();
        }
    }

    private Map<String, String> contents() throws IOException {
        var result = new HashMap<String, String>();
        try (var files = Files.walk(project.resolve("src"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                result.put(f.toString(), Files.readString(f));
            }
        }
        return result;
    }

    private Ent newEntity() {
        var e = new Ent();
        e.name = "Model" + counter++;
        e.idType = pick("Long", "Integer", "String", "java.util.UUID");
        e.extendsBase = random.nextInt(3) == 0;
        e.money = random.nextBoolean();
        e.flag = random.nextInt(3) == 0;
        e.status = random.nextInt(3) == 0;
        List<Ent> roots = entities.stream().filter(x -> x.parent == null).toList();
        if (!entities.isEmpty() && !flat && random.nextInt(4) == 0) {
            e.parent = roots.get(random.nextInt(roots.size()));
            e.extendsBase = false;
        } else if (!entities.isEmpty() && random.nextBoolean()) {
            e.manyToOne = entities.get(random.nextInt(entities.size()));
        }
        if (!entities.isEmpty() && !flat && random.nextInt(4) == 0) {
            e.oneToMany = entities.get(random.nextInt(entities.size()));
        }
        e.fields.add("    @Column(length = K.A)\n    private String code" + counter + ";\n");
        return e;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** One random edit of the model; returns what it was. */
    private String edit() {
        Ent e = entities.get(random.nextInt(entities.size()));
        switch (random.nextInt(17)) {
            case 13 -> {
                e.table = e.table == null ? "t_" + e.name.toLowerCase() : null;
                return "the table of " + e.name + " renamed";
            }
            case 14 -> {
                e.uniqueCode = !e.uniqueCode;
                return "a unique column of " + e.name + " toggled";
            }
            case 15 -> {
                e.sequence = !e.sequence;
                return "the sequence of " + e.name + "'s key toggled";
            }
            case 16 -> {
                e.referencedColumn = !e.referencedColumn;
                return "the referenced column of " + e.name + "'s many-to-one toggled";
            }
            case 0 -> {
                e.fields.add("    private " + pick("Integer", "String", "Boolean", "java.time.LocalDate") + " f" + counter++ + ";\n");
                return "a field added to " + e.name;
            }
            case 1 -> {
                if (e.fields.size() > 1) {
                    e.fields.remove(e.fields.size() - 1);
                }
                return "a field removed from " + e.name;
            }
            case 2 -> {
                lengthA += 5;
                return "a constant";
            }
            case 3 -> {
                e.idType = pick("Long", "Integer", "String", "java.util.UUID");
                return "the key type of " + e.name;
            }
            case 4 -> {
                Ent target = entities.get(random.nextInt(entities.size()));
                if (e.parent == null) {
                    e.manyToOne = target;
                }
                return "the many-to-one target of " + e.name;
            }
            case 5 -> {
                entities.add(newEntity());
                return "an entity added";
            }
            case 6 -> {
                if (entities.size() > 2) {
                    entities.remove(e);
                    for (Ent other : entities) {
                        other.manyToOne = other.manyToOne == e ? null : other.manyToOne;
                        other.oneToMany = other.oneToMany == e ? null : other.oneToMany;
                    }
                    entities.removeIf(other -> other.parent == e);
                    for (Ent other : entities) { // a subclass of a removed subclass goes too (references to it are dropped)
                        other.manyToOne = entities.contains(other.manyToOne) ? other.manyToOne : null;
                        other.oneToMany = entities.contains(other.oneToMany) ? other.oneToMany : null;
                    }
                }
                return "an entity deleted";
            }
            case 7 -> {
                e.name = e.name + "R";
                return "an entity renamed";
            }
            case 8 -> {
                shadow = !shadow;
                return "a class shadowing the wildcard-imported Money " + (shadow ? "added" : "removed");
            }
            case 9 -> {
                e.body++;
                return "a method body of " + e.name;
            }
            case 10 -> {
                converterTarget = converterTarget.equals("String") ? "Integer" : "String";
                return "the auto-applied converter's column type";
            }
            case 11 -> {
                statuses = statuses == 2 ? 3 : 2;
                lengthB += 1;
                return "the enum's constants and the superclass's length";
            }
            default -> {
                if (flat) {
                    e.body++;
                    return "a method body of " + e.name;
                }
                Ent target = entities.get(random.nextInt(entities.size()));
                e.oneToMany = e.oneToMany == null ? target : null;
                return "the one-to-many of " + e.name;
            }
        }
    }

    /** Writes every file of the model whose text changed, and deletes the files no longer in it. */
    private void render() throws IOException {
        var files = new LinkedHashMap<String, String>();
        files.put("com/acme/shop/K.java", "package com.acme.shop;\npublic interface K {\n    int A = " + lengthA + ";\n    int B = " + lengthB + ";\n}\n");
        files.put("com/acme/shop/Unused.java", "package com.acme.shop;\npublic class Unused {\n    private int count;\n}\n");
        files.put("com/acme/shop/Status.java", "package com.acme.shop;\npublic enum Status {\n    NEW, PAID" + (statuses == 3 ? ", SENT" : "") + "\n}\n");
        files.put("com/acme/shop/Flag.java", "package com.acme.shop;\npublic record Flag(String value) {}\n");
        files.put("com/acme/shop/FlagConverter.java", "package com.acme.shop;\nimport jakarta.persistence.*;\n@Converter(autoApply = true)\n"
                + "public class FlagConverter implements AttributeConverter<Flag, " + converterTarget + "> {\n"
                + "    public " + converterTarget + " convertToDatabaseColumn(Flag f) { return null; }\n"
                + "    public Flag convertToEntityAttribute(" + converterTarget + " s) { return null; }\n}\n");
        files.put("com/acme/shop/Base.java", "package com.acme.shop;\nimport jakarta.persistence.*;\n@MappedSuperclass\n"
                + "public abstract class Base {\n    @Column(length = K.B)\n    private String label;\n}\n");
        files.put("com/acme/common/Money.java", "package com.acme.common;\nimport jakarta.persistence.*;\n@Embeddable\n"
                + "public class Money {\n    private java.math.BigDecimal amount;\n}\n");
        if (shadow) {
            files.put("com/acme/shop/Money.java", "package com.acme.shop;\nimport jakarta.persistence.*;\n@Embeddable\n"
                    + "public class Money {\n    private Long cents;\n}\n");
        }
        for (Ent e : entities) {
            var text = new StringBuilder("package com.acme.shop;\nimport com.acme.common.*;\nimport jakarta.persistence.*;\n@Entity\n")
                    .append(e.table == null ? "" : "@Table(name = \"" + e.table + "\")\n").append("public class ").append(e.name);
            if (e.parent != null) {
                text.append(" extends ").append(e.parent.name);
            } else if (e.extendsBase) {
                text.append(" extends Base");
            }
            text.append(" {\n");
            if (e.parent == null) {
                text.append("    @Id\n");
                if (e.sequence && (e.idType.equals("Long") || e.idType.equals("Integer"))) {
                    text.append("    @GeneratedValue(strategy = GenerationType.SEQUENCE)\n");
                }
                text.append("    private ").append(e.idType).append(" id;\n");
            }
            if (e.uniqueCode) {
                text.append("    @Column(unique = true)\n    private String code;\n");
            }
            for (String f : e.fields) {
                text.append(f);
            }
            if (e.money) {
                text.append("    @Embedded\n    private Money total;\n");
            }
            if (e.flag) {
                text.append("    private Flag flag;\n");
            }
            if (e.status) {
                text.append("    private Status status;\n");
            }
            if (e.manyToOne != null) {
                text.append("    @ManyToOne\n").append(e.referencedColumn ? "    @JoinColumn(name = \"ref_key\", referencedColumnName = \"id\")\n" : "")
                        .append("    private ").append(e.manyToOne.name).append(" ref;\n");
            }
            if (e.oneToMany != null) {
                text.append("    @OneToMany\n    @JoinColumn(name = \"owner_").append(e.name.toLowerCase()).append("_id\")\n    private java.util.List<")
                        .append(e.oneToMany.name).append("> items;\n");
            }
            text.append("    public int weight() {\n        return ").append(e.body).append(";\n    }\n}\n");
            files.put("com/acme/shop/" + e.name + ".java", text.toString());
        }
        Path root = project.resolve("src/main/java");
        if (Files.isDirectory(root)) {
            try (var existing = Files.walk(root)) {
                for (Path f : existing.filter(Files::isRegularFile).toList()) {
                    if (!files.containsKey(root.relativize(f).toString().replace('\\', '/'))) {
                        Files.delete(f);
                    }
                }
            }
        }
        for (var f : files.entrySet()) {
            Path file = root.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            if (!Files.exists(file) || !Files.readString(file).equals(f.getValue())) {
                Files.writeString(file, f.getValue());
            }
        }
    }
}
