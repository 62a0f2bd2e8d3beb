package dev.keel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The sample projects under {@code src-samples/}, for tests of every module. */
public final class SampleProjects {
    private SampleProjects() {}

    /** The folder of sample {@code name}, found from a module's folder. */
    public static Path folder(String name) {
        return Path.of("..", "src-samples", name);
    }

    /**
     * Copies sample {@code name} into {@code dir} (an empty temporary folder) and returns {@code dir}:
     * its files, not what builds and runs leave in it ({@code target/}, {@code .keel/}).
     */
    public static Path copy(String name, Path dir) {
        Path sample = folder(name);
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path p : files.toList()) {
                Path relative = sample.relativize(p);
                if (relative.startsWith("target") || relative.startsWith(".keel")) {
                    continue;
                }
                Path to = dir.resolve(sample.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
