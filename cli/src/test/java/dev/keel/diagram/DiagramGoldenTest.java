package dev.keel.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.diagram.SchemaDiagram.Attribute;
import dev.keel.diagram.SchemaDiagram.Entity;
import dev.keel.diagram.SchemaDiagram.Relation;
import dev.keel.graph.MigrationGraph;
import dev.keel.migration.MigrationSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every picture keel draws, compared exactly with its golden file in src/test/resources/diagrams (rewrite them with
 * {@code -Dkeel.diagrams.update=true}, then read the diff), and checked by outside parsers: Mermaid's own parser must
 * read each Mermaid text as the tables, columns, keys and relations (or migrations and dependencies) keel meant, and
 * Graphviz's dot must draw each DOT text without a warning.
 */
class DiagramGoldenTest {
    static final Path GOLDEN = Path.of("src", "test", "resources", "diagrams");

    @TempDir Path dir;

    static SchemaDiagram blogSchema() {
        return SchemaDiagram.of(Fixtures.state(Fixtures.blog()), t -> true);
    }

    static SchemaDiagram awkwardSchema() {
        return SchemaDiagram.of(Fixtures.state(Fixtures.AWKWARD), t -> true);
    }

    /** Only the shop app: the billing tables come in because shop's foreign keys reference them. */
    static SchemaDiagram shopSchema() {
        return SchemaDiagram.of(Fixtures.state(Fixtures.AWKWARD), t -> t.app().equals("shop"));
    }

    static SchemaDiagram awkwardChanges() {
        var after = new ArrayList<>(Fixtures.AWKWARD);
        after.addAll(Fixtures.AWKWARD_BRANCH);
        return SchemaDiagram.changes(Fixtures.state(Fixtures.AWKWARD), Fixtures.state(after));
    }

    static MigrationDiagram graphOf(List<MigrationSpec> specs) {
        return MigrationDiagram.of(specs, MigrationGraph.of(specs), Set.of());
    }

    static Map<String, SchemaDiagram> schemas() {
        var m = new LinkedHashMap<String, SchemaDiagram>();
        m.put("schema-blog", blogSchema());
        m.put("schema-awkward", awkwardSchema());
        m.put("schema-shop", shopSchema());
        m.put("changes-awkward", awkwardChanges());
        return m;
    }

    static Map<String, MigrationDiagram> graphs() {
        var m = new LinkedHashMap<String, MigrationDiagram>();
        m.put("graph-blog", graphOf(Fixtures.blog()));
        m.put("graph-awkward", graphOf(Fixtures.graph()));
        m.put("graph-shop", MigrationDiagram.of(Fixtures.graph(), MigrationGraph.of(Fixtures.graph()), Set.of("shop")));
        return m;
    }

    /** Every text keel draws, by its golden file's name. */
    static Map<String, String> texts() {
        var m = new LinkedHashMap<String, String>();
        schemas().forEach((name, d) -> {
            m.put(name + ".mmd", Mermaid.er(d));
            m.put(name + ".dot", Dot.er(d));
        });
        graphs().forEach((name, d) -> {
            m.put(name + ".mmd", Mermaid.flowchart(d));
            m.put(name + ".dot", Dot.graph(d));
        });
        return m;
    }

    @Test
    void everyPictureIsItsGoldenFile() throws IOException {
        boolean update = Boolean.getBoolean("keel.diagrams.update");
        var checks = new ArrayList<org.junit.jupiter.api.function.Executable>();
        for (var e : texts().entrySet()) {
            Path file = GOLDEN.resolve(e.getKey());
            if (update) {
                Files.createDirectories(GOLDEN);
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            }
            assertTrue(Files.exists(file), file + " is missing: run with -Dkeel.diagrams.update=true and read it");
            String golden = Files.readString(file, StandardCharsets.UTF_8);
            checks.add(() -> assertEquals(golden, e.getValue(), e.getKey() + " differs from its golden file"));
        }
        assertAll(checks);
    }

    @Test
    void theSamePictureWhateverOrderTheMigrationsAreReadIn() {
        var specs = new ArrayList<>(Fixtures.graph());
        String expected = Mermaid.flowchart(graphOf(specs)) + Dot.graph(graphOf(specs));
        var schemaSpecs = new ArrayList<>(Fixtures.AWKWARD);
        for (long seed = 1; seed <= 5; seed++) {
            Collections.shuffle(specs, new Random(seed));
            Collections.shuffle(schemaSpecs, new Random(seed));
            assertEquals(expected, Mermaid.flowchart(graphOf(specs)) + Dot.graph(graphOf(specs)));
            assertEquals(Mermaid.er(awkwardSchema()), Mermaid.er(SchemaDiagram.of(Fixtures.state(schemaSpecs), t -> true)));
        }
    }

    @Test
    void graphvizDrawsEveryDotTextWithoutAWarning() throws Exception {
        DotOracle.require();
        var checks = new ArrayList<org.junit.jupiter.api.function.Executable>();
        for (var e : texts().entrySet()) {
            if (e.getKey().endsWith(".dot")) {
                String problems = DotOracle.problems(e.getValue());
                checks.add(() -> assertEquals("", problems, e.getKey() + ": dot -Tsvg says"));
            }
        }
        assertAll(checks);
        // the oracle bites: a name written without its escapes does not draw
        assertFalse(DotOracle.problems("digraph { \"we\"ird\" -> b }").isEmpty());
        assertFalse(DotOracle.problems("digraph { a [label=<<B>shipment <1></B>>] }").isEmpty());
    }

    @Test
    void mermaidReadsEachSchemaAsTheTablesColumnsKeysAndRelationsKeelMeant() throws Exception {
        var texts = new LinkedHashMap<String, String>();
        schemas().forEach((name, d) -> texts.put(name, Mermaid.er(d)));
        Map<String, JsonNode> parsed = MermaidOracle.parse(texts, dir);
        var checks = new ArrayList<org.junit.jupiter.api.function.Executable>();
        schemas().forEach((name, d) -> checks.add(() -> sameSchema(name, d, parsed.get(name))));
        assertAll(checks);
    }

    private static void sameSchema(String name, SchemaDiagram d, JsonNode parsed) {
        assertFalse(parsed.has("error"), () -> name + ": Mermaid cannot parse it: " + parsed.get("error"));
        assertEquals("er", parsed.get("type").asText(), name);
        JsonNode entities = parsed.get("entities");
        assertEquals(d.entities().size(), entities.size(), name + ": the tables Mermaid sees: " + entities);
        var names = new HashSet<String>();
        for (int i = 0; i < d.entities().size(); i++) {
            Entity e = d.entities().get(i);
            JsonNode pe = entities.get(i);
            String seen = pe.get("name").asText();
            names.add(seen);
            assertEquals(e.name().replace('"', '\'').replace('%', '_').replace('\\', '_'), seen, name + ": table name");
            assertEquals(e.attributes().size(), pe.get("attributes").size(), name + ": columns of " + e.name());
            for (int j = 0; j < e.attributes().size(); j++) {
                Attribute a = e.attributes().get(j);
                JsonNode pa = pe.get("attributes").get(j);
                String comment = pa.get("comment").asText();
                String where = name + ": " + e.name() + "." + a.name();
                if (!pa.get("name").asText().equals(a.name())) {
                    assertTrue(comment.contains("column " + a.name().replace('"', '\'').replace('%', '_')
                            .replace('\\', '_')), where + ": a name Mermaid cannot take bare is in the comment: " + pa);
                }
                String type = Mermaid.shortType(a.type());
                if (!pa.get("type").asText().equals(type)) {
                    assertTrue(comment.contains("type " + a.type()), where + ": the exact type is in the comment: " + pa);
                }
                var keys = new ArrayList<String>();
                pa.get("keys").forEach(k -> keys.add(k.asText()));
                var expected = new ArrayList<String>();
                if (a.primaryKey()) {
                    expected.add("PK");
                }
                if (a.foreignKey()) {
                    expected.add("FK");
                }
                if (a.unique() && !a.primaryKey()) {
                    expected.add("UK");
                }
                assertEquals(expected, keys, where + ": keys");
                assertEquals(a.nullable(), comment.contains("nullable"), where + ": nullable");
                if (a.mark() != SchemaDiagram.Mark.NONE) {
                    assertTrue(comment.contains(a.mark().text()), where + ": marked " + a.mark().text() + ": " + pa);
                }
            }
        }
        JsonNode relationships = parsed.get("relationships");
        assertEquals(d.relations().size(), relationships.size(), name + ": relations: " + relationships);
        for (int i = 0; i < d.relations().size(); i++) {
            Relation r = d.relations().get(i);
            JsonNode pr = relationships.get(i);
            String where = name + ": relation " + r.name();
            assertTrue(names.contains(pr.get("from").asText()), where + " starts at a drawn table: " + pr);
            assertTrue(names.contains(pr.get("to").asText()), where + " ends at a drawn table: " + pr);
            assertEquals(r.optional() ? "ZERO_OR_ONE" : "ONLY_ONE", pr.get("cardA").asText(), where);
            assertEquals(r.oneToOne() ? "ZERO_OR_ONE" : "ZERO_OR_MORE", pr.get("cardB").asText(), where);
            assertEquals(r.enforced() ? "IDENTIFYING" : "NON_IDENTIFYING", pr.get("relType").asText(), where);
            assertTrue(pr.get("label").asText().startsWith(String.join(", ", r.columns())), where + ": " + pr);
        }
    }

    /** The oracle bites: what keel takes care not to write, Mermaid's parser refuses. */
    @Test
    void mermaidRefusesTheNamesKeelQuotesOrRewrites() throws Exception {
        var naive = new LinkedHashMap<String, String>();
        naive.put("a keyword as a bare table name", "erDiagram\n    end {\n        bigint id\n    }\n");
        naive.put("a type with spaces", "erDiagram\n    post {\n        timestamp(6) with time zone created_at\n    }\n");
        naive.put("a column named pk", "erDiagram\n    post {\n        bigint pk\n    }\n");
        naive.put("a column name with a space", "erDiagram\n    post {\n        date Order Date\n    }\n");
        naive.put("a flowchart node named end", "flowchart TB\n    end --> a\n");
        Map<String, JsonNode> parsed = MermaidOracle.parse(naive, dir);
        parsed.forEach((what, p) -> assertTrue(p.has("error"), what + " should not parse: " + p));
    }

    @Test
    void mermaidReadsEachGraphAsTheMigrationsAndDependenciesKeelMeant() throws Exception {
        var texts = new LinkedHashMap<String, String>();
        graphs().forEach((name, d) -> texts.put(name, Mermaid.flowchart(d)));
        Map<String, JsonNode> parsed = MermaidOracle.parse(texts, dir);
        var checks = new ArrayList<org.junit.jupiter.api.function.Executable>();
        graphs().forEach((name, d) -> checks.add(() -> {
            JsonNode p = parsed.get(name);
            assertFalse(p.has("error"), () -> name + ": Mermaid cannot parse it: " + p.get("error"));
            var vertices = new ArrayList<String>();
            p.get("vertices").forEach(v -> vertices.add(v.get("text").asText()));
            var expected = d.nodes().stream().map(n -> n.key().name()).toList();
            assertEquals(expected.size(), vertices.size(), name + ": the migrations Mermaid sees: " + vertices);
            for (int i = 0; i < expected.size(); i++) {
                assertTrue(vertices.get(i).startsWith(expected.get(i)), name + ": " + vertices.get(i));
            }
            assertEquals(d.edges().size(), p.get("edges").size(), name + ": the dependencies Mermaid sees");
            for (int i = 0; i < d.edges().size(); i++) {
                MigrationDiagram.Edge e = d.edges().get(i);
                JsonNode pe = p.get("edges").get(i);
                assertEquals(e.replaces() ? "dotted" : "normal", pe.get("stroke").asText(), name + ": " + pe);
            }
            var apps = new ArrayList<String>();
            p.get("subgraphs").forEach(s -> apps.add(s.get("title").asText()));
            Collections.sort(apps);
            assertEquals(d.apps(), apps, name + ": one subgraph per app");
        }));
        assertAll(checks);
    }
}
