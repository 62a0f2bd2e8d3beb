package dev.keel.scan.oracle;

import dev.keel.config.KeelConfig;
import dev.keel.project.ProjectState;
import dev.keel.scan.EntityScanner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The database-level oracle on random projects ({@link RandomModels}): for each seed, Hibernate 6.6 creates the
 * project's schema in a real PostgreSQL and the catalog must equal keel's scan, every name included, as in
 * {@link DatabaseAgreementTest}. The seeds are 1 to {@code keel.oracle.random.seeds} (20 unless set); a failure
 * names its seed, and {@code -Dkeel.oracle.random.keep=DIR} keeps each project in {@code DIR/seed-N} to read it.
 */
class RandomModelAgreementTest {
    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> catalogEqualsScanOnRandomProjects() {
        long seeds = Long.getLong("keel.oracle.random.seeds", 20);
        String keep = System.getProperty("keel.oracle.random.keep", "");
        return LongStream.rangeClosed(1, seeds).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            Path project = keep.isBlank() ? work.resolve("seed-" + seed) : Path.of(keep).resolve("seed-" + seed);
            RandomModels.write(seed, project);
            KeelConfig config = KeelConfig.read(project);
            List<String> catalog = DatabaseAgreementTest.hibernateCatalog(project, config, Files.createTempDirectory(work, "hibernate"));
            ProjectState state = EntityScanner.scan(project, config);
            List<String> keel = DatabaseAgreementTest.describe(state.tables(), state.sequences());
            assertEquals(String.join("\n", catalog), String.join("\n", keel),
                    "seed " + seed + " (rerun with -Dkeel.oracle.random.keep=DIR to read it): "
                            + DatabaseAgreementTest.difference(catalog, keel));
        }));
    }
}
