package dev.keel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.diagram.DotOracle;
import dev.keel.diagram.Fixtures;
import dev.keel.diagram.Graphviz;
import dev.keel.diagram.MermaidOracle;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code keel diagram} and {@code keel showmigrations --graph}: the pictures from the command line. */
class DiagramCommandTest {
    static final Path GOLDEN = Path.of("src", "test", "resources", "diagrams");
    static final String TWO_APPS = """
            {"apps": [
              {"label": "billing", "package": "com.acme.billing"},
              {"label": "shop", "package": "com.acme.shop"}
            ]}
            """;

    @TempDir Path dir;

    KeelRun blog(String... args) throws Exception {
        if (!Files.exists(dir.resolve("keel.json"))) {
            dev.keel.testing.SampleProjects.copy("blog", dir);
        }
        var all = new ArrayList<>(List.of("-C", dir.toString()));
        all.addAll(List.of(args));
        return KeelRun.run(MigrationSource.standard(), all.toArray(String[]::new));
    }

    KeelRun twoApps(List<MigrationSpec> specs, String... args) throws Exception {
        Files.writeString(dir.resolve("keel.json"), TWO_APPS);
        var all = new ArrayList<>(List.of("-C", dir.toString()));
        all.addAll(List.of(args));
        return KeelRun.run(KeelRun.source(specs.toArray(MigrationSpec[]::new)), all.toArray(String[]::new));
    }

    static String golden(String name) throws Exception {
        return Files.readString(GOLDEN.resolve(name));
    }

    @Test
    void drawsTheBlogSampleFromItsMigrationFilesAsMermaidByDefaultOrAsDot() throws Exception {
        KeelRun mermaid = blog("diagram");
        assertEquals(0, mermaid.exit(), mermaid.err());
        assertEquals(golden("schema-blog.mmd"), mermaid.out());
        assertEquals("", mermaid.err());
        KeelRun dot = blog("diagram", "--format", "dot");
        assertEquals(0, dot.exit(), dot.err());
        assertEquals(golden("schema-blog.dot"), dot.out());
    }

    @Test
    void theReadmeShowsTheBlogPicturesAsKeelDrawsThem() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertTrue(readme.contains("$ keel -C src-samples/blog diagram\n" + golden("schema-blog.mmd") + "```\n"));
        assertTrue(readme.contains("GitHub draws as:\n\n```mermaid\n" + golden("schema-blog.mmd") + "```\n"));
        assertTrue(readme.contains("$ keel -C src-samples/blog showmigrations --graph\n" + golden("graph-blog.mmd") + "```\n"));
    }

    @Test
    void atDrawsTheSchemaAfterOneMigration() throws Exception {
        KeelRun first = blog("diagram", "--at", "blog.0001");
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("varchar(255) title"), first.out());
        assertFalse(first.out().contains("slug"), "blog.0002 adds the slug: " + first.out());
        KeelRun second = blog("diagram", "--at", "blog.0002_add_post_slug");
        assertTrue(second.out().contains("varchar(200) slug \"nullable\""), second.out());
    }

    @Test
    void appsDrawTheirTablesAndTheTablesTheyReference() throws Exception {
        KeelRun r = twoApps(Fixtures.AWKWARD, "diagram", "shop");
        assertEquals(0, r.exit(), r.err());
        assertEquals(golden("schema-shop.mmd"), r.out());
        KeelRun billing = twoApps(Fixtures.AWKWARD, "diagram", "billing");
        assertFalse(billing.out().contains("order"), "billing references no shop table: " + billing.out());
    }

    @Test
    void svgIsDrawnByGraphvizIntoTheFileOfDashO() throws Exception {
        DotOracle.require();
        KeelRun r = blog("diagram", "--format", "svg", "-o", "docs/schema.svg");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out());
        String svg = Files.readString(dir.resolve("docs/schema.svg"));
        assertTrue(svg.contains("<svg") && svg.contains("post_tags") && svg.contains("author_id"), svg);
        assertTrue(r.err().startsWith("Wrote " + dir.resolve("docs/schema.svg")), r.err());
    }

    @Test
    void withoutGraphvizSvgSaysHowToInstallItAndExits6() throws Exception {
        String before = System.getProperty("keel.dot");
        System.setProperty("keel.dot", dir.resolve("no-such-dot").toString());
        try {
            KeelRun r = blog("diagram", "--format", "svg");
            assertEquals(6, r.exit(), r.err());
            assertEquals(6, ErrorKind.MISSING_PROGRAM.exitCode());
            assertTrue(r.err().startsWith("error: cannot run " + dir.resolve("no-such-dot") + " (Graphviz)"), r.err());
            assertTrue(r.err().contains("To fix: install Graphviz (Debian and Ubuntu: apt-get install graphviz"), r.err());
            assertTrue(r.err().contains("--format dot or --format mermaid"), r.err());
            assertEquals("", r.out());
        } finally {
            if (before == null) {
                System.clearProperty("keel.dot");
            } else {
                System.setProperty("keel.dot", before);
            }
        }
        KeelException e = assertThrows(KeelException.class, () -> Graphviz.svg("digraph {}", "/no/such/dot"));
        assertEquals(ErrorKind.MISSING_PROGRAM, e.kind());
    }

    @Test
    void aBadAppOrMigrationIsAUsageError() throws Exception {
        KeelRun app = blog("diagram", "shop");
        assertEquals(2, app.exit());
        assertTrue(app.err().startsWith("error: no app \"shop\" in keel.json"), app.err());
        KeelRun noDot = blog("diagram", "--at", "0002");
        assertEquals(2, noDot.exit());
        assertTrue(noDot.err().contains("--at 0002: expected APP.MIGRATION, such as blog.0003"), noDot.err());
        KeelRun unknown = blog("diagram", "--at", "blog.0009");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("app blog has no migration named or starting with \"0009\""), unknown.err());
        KeelRun zero = blog("diagram", "--at", "blog.zero");
        assertEquals(2, zero.exit());
        assertTrue(zero.err().contains("zero is none"), zero.err());
        KeelRun format = blog("diagram", "--format", "png");
        assertEquals(2, format.exit());
        assertEquals("", format.out());
    }

    @Test
    void helpReadsLikeAManPage() throws Exception {
        KeelRun r = blog("diagram", "--help");
        assertEquals(0, r.exit(), r.err());
        for (String section : List.of("NAME", "SYNOPSIS", "DESCRIPTION", "ARGUMENTS", "OPTIONS", "EXIT STATUS", "EXAMPLES",
                "SEE ALSO")) {
            assertTrue(r.out().contains("\n" + section + "\n") || r.out().startsWith(section + "\n"), section + ":\n" + r.out());
        }
        assertTrue(r.out().contains("keel diagram [-hV]"), r.out());
    }

    @Test
    void showmigrationsGraphDrawsTheMigrationGraphWithoutADatabase() throws Exception {
        // shop depends on users, which keel.json does not name: those are drawn as the dependencies they are
        KeelRun r = twoApps(Fixtures.graph(), "showmigrations", "--graph", "shop");
        assertEquals(0, r.exit(), r.err());
        assertEquals(golden("graph-shop.mmd"), r.out());
        assertEquals("", r.err(), "no database is looked at");
        KeelRun dot = twoApps(Fixtures.graph(), "showmigrations", "--graph", "--format", "dot", "shop");
        assertEquals(golden("graph-shop.dot"), dot.out());
        if (DotOracle.installed()) {
            assertEquals("", DotOracle.problems(dot.out()));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("shop", r.out());
        JsonNode parsed = MermaidOracle.parse(texts, dir).get("shop");
        assertFalse(parsed.has("error"), parsed.toString());
    }

    @Test
    void graphFormatWithoutGraphOrWithPlanIsAUsageError() throws Exception {
        KeelRun format = blog("showmigrations", "--format", "dot");
        assertEquals(2, format.exit());
        assertTrue(format.err().contains("--format chooses the form of the --graph picture"), format.err());
        KeelRun plan = blog("showmigrations", "--graph", "--plan");
        assertEquals(2, plan.exit());
        assertTrue(plan.err().contains("--graph draws the migration graph; it takes no --plan"), plan.err());
    }
}
