package dev.keel.scan.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The projects the oracle compares: every {@code src-samples/*} with a keel.json, and every test-only project
 * under {@code generator/src/test/resources/oracle/*} with a keel.json (one per kind of real-codebase mapping); a
 * sample's library ({@link SampleLibraries}) is built before it is listed.
 */
public final class Samples {
    private Samples() {}

    /** The repository root (the folder holding {@code src-samples}). */
    public static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("src-samples"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no src-samples folder above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /**
     * Every project folder to compare, sorted; only those named in the system property {@code keel.oracle.samples}
     * (a comma-separated list of folder names) when it is set, to rerun one sample while working on it.
     */
    public static List<Path> all() {
        String only = System.getProperty("keel.oracle.samples", "").strip();
        List<Path> every = every();
        if (only.isEmpty()) {
            return every;
        }
        var names = java.util.Set.of(only.split("\\s*,\\s*"));
        return every.stream().filter(p -> names.contains(p.getFileName().toString())).toList();
    }

    private static List<Path> every() {
        var result = new ArrayList<Path>();
        try (Stream<Path> dirs = Files.list(repositoryRoot().resolve("src-samples"))) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("keel.json"))).sorted().forEach(result::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> dirs = Files.list(repositoryRoot().resolve("generator/src/test/resources/oracle"))) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("keel.json"))).sorted().forEach(result::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        result.forEach(SampleLibraries::prepare); // a sample's library jar, before anything scans or compiles it
        return result;
    }
}
