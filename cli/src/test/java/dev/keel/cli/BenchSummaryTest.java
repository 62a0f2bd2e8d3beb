package dev.keel.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark's verdicts on issue 19's targets (bench/lib/summarise.py, which writes them into
 * docs/benchmarks.md) are tested by bench/lib/test_summarise.py; this runs those tests in the build, so that
 * a target check that breaks fails {@code mvn verify} and CI, not only the next benchmark run.
 */
class BenchSummaryTest {
    static final Path BENCH_LIB = Path.of("..", "bench", "lib");

    @Test
    void summarisesTestsPass() throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(BENCH_LIB.resolve("test_summarise.py")), "bench/lib/test_summarise.py exists");
        Process p;
        try {
            p = new ProcessBuilder("python3", "-m", "unittest", "discover", "-s", BENCH_LIB.toString(), "-p", "test_*.py", "-v")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("python3 is needed to test bench/lib/summarise.py (the benchmark's target checks):"
                    + " install it (apt-get install -y python3), then run the build again", e);
        }
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "bench/lib/test_summarise.py finished within 2 minutes");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "bench/lib/test_summarise.py failed:\n" + out);
        assertTrue(out.contains("test_all_met") && out.contains("test_run_sh_measures_every_label_the_targets_read"),
                "the target checks ran:\n" + out);
    }
}
