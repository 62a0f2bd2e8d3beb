package dev.keel.api;

import dev.keel.migration.Migration;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * keel-api is what an application puts on its class path; it must bring nothing else. The JDK's own
 * dependency analyser (jdeps) reads every compiled class of the module and lists what each package
 * refers to: every reference must end in keel-api itself or in a JDK module, never in keel-state
 * (ProjectState, the graph, the loaders), the runner, or a library.
 */
class JdkOnlyTest {
    /** {@code   dev.keel.migration   -> java.sql   java.sql}: a package, the package it uses, where that lives. */
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+(.+?)\\s*$");

    record Edge(String from, String to, String archive) {}

    @Test
    void everyReferenceOfTheApiEndsInTheApiOrTheJdk() throws Exception {
        Path api = location(Migration.class);
        String self = api.getFileName().toString();
        List<Edge> edges = jdeps(api);

        var outside = new TreeSet<String>();
        for (Edge e : edges) {
            boolean inApi = e.archive().equals(self);
            boolean inJdk = ModuleLayer.boot().findModule(e.archive()).isPresent() && e.to().startsWith("java");
            if (!inApi && !inJdk) {
                outside.add(e.from() + " -> " + e.to() + " (" + e.archive() + ")");
            }
        }
        assertEquals(Set.of(), outside, "keel-api refers to classes outside itself and the JDK");
    }

    /**
     * The packages users import keep their names, so existing migration files compile unchanged; that
     * keel-state shares none of them is ApiBoundaryTest's (keel-state) to check.
     */
    @Test
    void theApiHoldsThePackagesThatMigrationFilesAndEntitiesImport() throws Exception {
        var packages = new TreeSet<String>();
        for (Edge e : jdeps(location(Migration.class))) {
            packages.add(e.from());
        }
        assertEquals(new TreeSet<>(List.of("dev.keel.annotations", "dev.keel.error", "dev.keel.migration",
                "dev.keel.operations", "dev.keel.state")), packages);
    }

    /** The package-level dependencies of the classes in {@code archive}, as jdeps reports them. */
    static List<Edge> jdeps(Path archive) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new AssertionError("jdeps is missing: the tests need a full JDK (module jdk.jdeps)"));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = jdeps.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "-verbose:package", archive.toString());
        assertEquals(0, code, "jdeps failed: " + err.toString(StandardCharsets.UTF_8));
        var edges = new ArrayList<Edge>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\\R")) {
            var m = EDGE.matcher(line);
            if (m.matches()) {
                edges.add(new Edge(m.group(1), m.group(2), m.group(3)));
            }
        }
        assertFalse(edges.isEmpty(), "jdeps listed no dependency of " + archive + ":\n" + out.toString(StandardCharsets.UTF_8));
        return edges;
    }

    static Path location(Class<?> type) throws URISyntaxException {
        Path p = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.exists(p), p.toString());
        return p;
    }
}
