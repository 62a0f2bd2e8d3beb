package dev.keel.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * squawk (npm {@code squawk-cli}), the PostgreSQL migration linter, run as an outside oracle. It is
 * found at {@code $KEEL_SQUAWK}, then at {@code tools/squawk/node_modules/.bin/squawk} (where
 * {@code npm install --prefix tools/squawk --no-package-lock} puts it; {@code .ci/run} does that), then on the PATH.
 */
final class Squawk {
    /** The PostgreSQL version squawk judges for: the embedded server's. */
    static final String PG_VERSION = "14.0";

    /**
     * The squawk rules left out, each with why. All are about the types the entities map to, not
     * about locks or deploys: keel writes the column types the entities declare.
     */
    static final Map<String, String> EXCLUDED = Map.of(
            "prefer-text-field", "varchar(n) is what @Column(length = n) maps to; keel lets a varchar change through only as"
                    + " a widening, which PostgreSQL does without a rewrite (ScenarioDatabaseTest checks the table's file node)",
            "prefer-bigint-over-int", "integer columns are what the entities' int fields map to",
            "prefer-bigint-over-smallint", "smallint columns are what the entities' short fields map to",
            "prefer-timestamptz", "timestamp without time zone is what LocalDateTime fields map to",
            "ban-char-field", "char(n) is what the entities declare");

    /** One squawk finding. */
    record Finding(String file, int line, String rule, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + rule + ": " + message;
        }
    }

    private final Path executable;

    private Squawk(Path executable) {
        this.executable = executable;
    }

    /** squawk, when it is installed. */
    static Optional<Squawk> find() {
        String env = System.getenv("KEEL_SQUAWK");
        if (env != null && !env.isBlank()) {
            return Optional.of(new Squawk(Path.of(env)));
        }
        Path local = Path.of("..", "tools", "squawk", "node_modules", ".bin", "squawk");
        if (Files.isExecutable(local)) {
            return Optional.of(new Squawk(local.toAbsolutePath()));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "squawk");
            if (Files.isExecutable(candidate)) {
                return Optional.of(new Squawk(candidate));
            }
        }
        return Optional.empty();
    }

    /** Lints the SQL files and returns every finding, by file name. */
    Map<String, List<Finding>> lint(List<Path> files) throws IOException, InterruptedException {
        var command = new ArrayList<String>(List.of(executable.toString(), "--reporter", "json", "--pg-version", PG_VERSION,
                "--exclude", String.join(",", EXCLUDED.keySet())));
        files.forEach(f -> command.add(f.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("squawk did not finish in 120 s");
        }
        String json = new String(out, StandardCharsets.UTF_8).strip();
        if (json.isEmpty() || !json.startsWith("[")) {
            throw new IllegalStateException("squawk gave no JSON (exit " + process.exitValue() + "): " + json + err);
        }
        var byFile = new TreeMap<String, List<Finding>>();
        files.forEach(f -> byFile.put(f.getFileName().toString(), new ArrayList<>()));
        for (JsonNode n : new ObjectMapper().readTree(json)) {
            String file = Path.of(n.get("file").asText()).getFileName().toString();
            byFile.computeIfAbsent(file, k -> new ArrayList<>()).add(new Finding(file, n.get("line").asInt() + 1,
                    n.get("rule_name").asText(), n.get("message").asText()));
        }
        return byFile;
    }
}
