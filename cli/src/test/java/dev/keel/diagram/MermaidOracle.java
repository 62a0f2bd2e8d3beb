package dev.keel.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Mermaid's own parser, outside keel: {@code node tools/mermaid/check.mjs} parses Mermaid text with the mermaid
 * package (under jsdom, no browser) and says what it understood (entities, attributes, relationships; vertices,
 * edges, subgraphs) or the parse error. The build installs it (cli/pom.xml, profile install-mermaid); a missing
 * one fails the test, so that no run passes without the oracle; {@code -Dkeel.mermaid=skip} skips it on purpose.
 */
public final class MermaidOracle {
    public static final Path TOOL = Path.of("..", "tools", "mermaid").toAbsolutePath().normalize();

    private MermaidOracle() {}

    /** Fails (or skips, on request) when the parser is not installed. */
    public static void require() {
        boolean skip = "skip".equals(System.getProperty("keel.mermaid"));
        if (skip) {
            System.err.println("SKIPPED on request (-Dkeel.mermaid=skip): Mermaid's parser did not check the diagrams.");
        }
        assumeTrue(!skip, "skipped on request (-Dkeel.mermaid=skip)");
        if (!Files.exists(TOOL.resolve("node_modules/mermaid/package.json"))) {
            throw new IllegalStateException("Mermaid's parser is not installed in " + TOOL + ", so the Mermaid oracle"
                    + " cannot run. The build installs it (npm install --prefix tools/mermaid --no-package-lock, from"
                    + " the repository root); install Node.js and npm, or skip it on purpose with -Dkeel.mermaid=skip.");
        }
    }

    /** What Mermaid's parser made of each text (by its name): {@code {"error": ...}} or the parsed diagram. */
    public static Map<String, JsonNode> parse(Map<String, String> texts, Path dir) throws IOException, InterruptedException {
        require();
        var files = new LinkedHashMap<String, Path>();
        int i = 0;
        for (var e : texts.entrySet()) {
            Path f = dir.resolve("diagram-" + i++ + ".mmd");
            Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
            files.put(e.getKey(), f);
        }
        var cmd = new ArrayList<>(List.of("node", TOOL.resolve("check.mjs").toString()));
        files.values().forEach(f -> cmd.add(f.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("node tools/mermaid/check.mjs failed (exit " + p.exitValue() + "): " + out);
        }
        JsonNode all = new ObjectMapper().readTree(out);
        var result = new LinkedHashMap<String, JsonNode>();
        files.forEach((name, f) -> result.put(name, all.get(f.toString())));
        return result;
    }
}
