package dev.keel.cli;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code -v 0..3} on a real PostgreSQL: before or after the command's name, on every command; 0 prints errors and
 * results only, 2 each SQL statement as it runs, 3 the time of each phase on standard error.
 */
class VerbosityCommandTest {
    static final String NL = System.lineSeparator();

    static MigrationSpec spec(String app, String name, List<String> deps, dev.keel.operations.Operation... ops) {
        return new MigrationSpec(new MigrationKey(app, name), deps.stream().map(KeelRun::key).toList(), List.of(ops),
                true, false, deps.isEmpty(), List.of(), "migrations/" + name + ".java");
    }

    static final MigrationSource PROJECT = KeelRun.source(
            spec("shop", "0001_initial", List.of(), createModel("item", table("shop_item")
                    .field("id", column("id", "bigint")).field("sku", column("sku", "text").nullable()).primaryKey("id"))),
            spec("shop", "0002_sku_index", List.of("shop.0001_initial"),
                    addIndex("item", index("shop_item_sku_idx", "sku"), false)));

    @TempDir Path dir;

    private KeelRun keel(String url, String... args) {
        var all = new ArrayList<>(List.of("-C", dir.toString()));
        all.addAll(List.of(args));
        if (url != null) {
            all.add("--url=" + url);
        }
        return KeelRun.run(PROJECT, all.toArray(String[]::new));
    }

    @Test
    void quietMigratePrintsNothingButErrors() throws Exception {
        KeelRun.project(dir);
        try (TestDatabase db = TestPostgres.freshDatabase()) {
            String url = SampleProject.url(db);
            for (List<String> args : List.of(List.of("-v", "0", "migrate", "shop", "0001"),
                    List.of("migrate", "--verbosity=0"))) {
                KeelRun r = keel(url, args.toArray(String[]::new));
                assertEquals(0, r.exit(), r.err());
                assertEquals("", r.out(), String.join(" ", args));
                assertEquals("", r.err(), String.join(" ", args));
            }
            assertTrue(keel(url, "showmigrations", "-v", "0").out().contains(" [X] 0002_sku_index"),
                    "results still print at -v 0");
            KeelRun failed = keel("jdbc:postgresql://localhost:1/none", "-v", "0", "migrate");
            assertEquals(5, failed.exit());
            assertTrue(failed.err().startsWith("error: cannot connect"), failed.err());
        }
    }

    @Test
    void verbosityTwoPrintsEachStatementUnderItsMigration() throws Exception {
        KeelRun.project(dir);
        try (TestDatabase db = TestPostgres.freshDatabase()) {
            KeelRun r = keel(SampleProject.url(db), "migrate", "-v", "2");
            assertEquals(0, r.exit(), r.err());
            String out = r.out();
            int first = out.indexOf("  Applying shop.0001_initial...");
            int create = out.indexOf("    CREATE TABLE shop_item");
            int second = out.indexOf("  Applying shop.0002_sku_index...");
            int index = out.indexOf("    CREATE INDEX shop_item_sku_idx ON shop_item");
            assertTrue(first >= 0 && first < create && create < second && second < index, out);
            assertFalse(keel(SampleProject.url(db), "migrate", "shop", "zero").out().contains("DROP"),
                    "no SQL at the default verbosity");
            KeelRun json = keel(SampleProject.url(db), "-v", "2", "migrate", "--json");
            assertTrue(json.err().contains("    CREATE TABLE shop_item"), "with --json the statements go to stderr");
            assertTrue(json.out().startsWith("{"), json.out());
        }
    }

    @Test
    void verbosityThreeTimesEachPhaseOnStandardError() throws Exception {
        KeelRun.project(dir);
        try (TestDatabase db = TestPostgres.freshDatabase()) {
            KeelRun r = keel(SampleProject.url(db), "-v", "3", "migrate", "--json");
            assertEquals(0, r.exit(), r.err());
            List<String> phases = r.err().lines().filter(l -> l.startsWith("time: "))
                    .map(l -> l.replaceAll(": \\d+ ms$", "")).toList();
            assertEquals(List.of("time: read keel.json", "time: load migrations", "time: connect",
                    "time: read history", "time: plan", "time: execute", "time: total"), phases, r.err());
            assertTrue(r.out().startsWith("{") && !r.out().contains("time:"), "stdout stays JSON");
            KeelRun show = keel(SampleProject.url(db), "showmigrations", "--verbosity", "3");
            assertTrue(show.err().contains("time: load migrations: ") && show.err().contains("time: total: "), show.err());
        }
    }

    @Test
    void everyCommandTakesTheOptionAfterItsName() {
        for (Class<?> command : Keel.COMMANDS) {
            String name = command.getAnnotation(Command.class).name();
            KeelRun r = keel(null, name, "-v", "3", "--help");
            assertEquals(0, r.exit(), name + ": " + r.err());
            assertTrue(r.out().contains("-v, --verbosity=N"), name + " lists -v in its help");
            assertTrue(r.err().matches("time: total: \\d+ ms\\R"), name + ": " + r.err());
        }
    }

    @Test
    void levelsOutsideZeroToThreeAreAUsageError() {
        KeelRun r = keel(null, "migrate", "-v", "4");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("-v/--verbosity takes 0, 1, 2 or 3, not 4."), r.err());
    }

    @Test
    void theCommandIsFoundAfterAVerbosityOption() {
        assertEquals("migrate", Keel.commandNamed(new String[] {"-v", "2", "migrate"}));
        assertEquals("dbshell", Keel.commandNamed(new String[] {"-C", "x", "--verbosity", "0", "dbshell"}));
        assertEquals("showmigrations", Keel.commandNamed(new String[] {"-v3", "--verbosity=1", "showmigrations"}));
        assertNull(Keel.commandNamed(new String[] {"-v", "2"}));
    }
}
