package dev.keel.safety;

import dev.keel.make.MakeOptions;
import dev.keel.make.MakeResult;
import dev.keel.make.NewMigration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each row of the safety table as a golden scenario: makemigrations on the base shop with the entities
 * after the change writes exactly the files of {@code expected/}, run until it finds nothing to do (a
 * second run is needed only where the first one expands and a later one contracts, as for a volatile
 * default). Each file is read back from source as it is written (makemigrations checks that).
 */
class ScenarioGoldenTest {
    @TempDir Path project;

    static List<Scenario> scenarios() {
        return Scenario.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void keelWritesTheExpectedMigrations(Scenario scenario) throws IOException {
        var written = new TreeMap<String, String>();
        for (int run = 1; ; run++) {
            MakeResult result = scenario.make(project, MakeOptions.defaults());
            if (result.migrations().isEmpty()) {
                break;
            }
            assertTrue(run <= 2, "keel reaches the entities in at most two runs (expand, then contract): " + written.keySet());
            for (NewMigration m : result.migrations()) {
                written.put(m.file().getFileName().toString(), m.source());
            }
        }
        if (Scenario.UPDATE) {
            Files.createDirectories(scenario.expected());
            for (Path old : Scenario.javaFiles(scenario.expected())) {
                Files.delete(old);
            }
            for (var e : written.entrySet()) {
                Files.writeString(scenario.expected().resolve(e.getKey()), e.getValue());
            }
        }
        var expected = new TreeMap<String, String>();
        for (Path f : Scenario.javaFiles(scenario.expected())) {
            expected.put(f.getFileName().toString(), Files.readString(f));
        }
        assertEquals(expected.keySet(), written.keySet(), "the migration files keel writes");
        for (var e : expected.entrySet()) {
            assertEquals(e.getValue(), written.get(e.getKey()), e.getKey());
        }
    }
}
