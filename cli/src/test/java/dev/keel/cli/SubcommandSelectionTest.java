package dev.keel.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * keel's main registers only the subcommand its arguments run; with none named, every one (usage, suggestions);
 * for the version alone, none.
 */
class SubcommandSelectionTest {
    @Test
    void findsTheSubcommandAfterTheProjectOptions() {
        assertEquals("makemigrations", Keel.commandNamed(new String[] {"makemigrations", "--check"}));
        assertEquals("migrate", Keel.commandNamed(new String[] {"-C", "src-samples/blog", "migrate"}));
        assertEquals("migrate", Keel.commandNamed(new String[] {"-Csrc-samples/blog", "-C", "x", "migrate", "--plan"}));
        assertEquals("lint", Keel.commandNamed(new String[] {"--config", "k.json", "lint"}));
        assertEquals("lint", Keel.commandNamed(new String[] {"--config=k.json", "lint"}));
        assertEquals("check-db", Keel.commandNamed(new String[] {"check-db"}));
    }

    @Test
    void theNamesReadWithoutReflectionAreTheCommandsOwn() {
        assertEquals(Keel.COMMANDS.stream().map(c -> c.getAnnotation(picocli.CommandLine.Command.class).name()).toList(),
                Keel.COMMAND_NAMES);
    }

    @Test
    void namesNoneForUsageVersionAndTypos() {
        assertNull(Keel.commandNamed(new String[] {}));
        assertNull(Keel.commandNamed(new String[] {"--help"}));
        assertNull(Keel.commandNamed(new String[] {"-V", "migrate"}));
        assertNull(Keel.commandNamed(new String[] {"-C", "dir"}));
        assertNull(Keel.commandNamed(new String[] {"makemigration"}));
    }

    @Test
    void aVersionAloneNeedsNoSubcommand() {
        assertTrue(Keel.versionOnly(new String[] {"--version"}));
        assertTrue(Keel.versionOnly(new String[] {"-V"}));
        assertTrue(Keel.versionOnly(new String[] {"-C", "dir", "-v", "3", "--version"}));
        assertFalse(Keel.versionOnly(new String[] {"-V", "migrate"}));
        assertFalse(Keel.versionOnly(new String[] {"--version", "--help"}));
        assertFalse(Keel.versionOnly(new String[] {"migrate", "--version"}));
        assertFalse(Keel.versionOnly(new String[] {"-C", "--version"}));
        assertFalse(Keel.versionOnly(new String[] {}));
        assertTrue(Keel.commandLine(MigrationSource.standard(), Entities.standard(), Keel.NO_SUBCOMMAND).getSubcommands().isEmpty());
    }

    @Test
    void theVersionIsPrintedAsWithEveryCommand() {
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"-V"}, new String[] {"-v", "0", "-V"})) {
            var withNone = run(Keel.commandLine(MigrationSource.standard(), Entities.standard(), Keel.NO_SUBCOMMAND), args);
            var withAll = run(Keel.commandLine(MigrationSource.standard(), Entities.standard(), null), args);
            assertEquals(withAll, withNone);
            assertTrue(withNone.startsWith("0 keel "), withNone);
        }
    }

    /** The exit code, standard output and standard error of {@code args}. */
    private static String run(picocli.CommandLine line, String[] args) {
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        line.setOut(new java.io.PrintWriter(out)).setErr(new java.io.PrintWriter(err));
        int exit = line.execute(args);
        return exit + " " + out + "|" + err;
    }

    @Test
    void registersOnlyTheNamedSubcommandOrAll() {
        var one = Keel.commandLine(MigrationSource.standard(), Entities.standard(), "migrate");
        assertEquals(List.of("migrate"), List.copyOf(one.getSubcommands().keySet()));
        var all = Keel.commandLine(MigrationSource.standard(), Entities.standard(), null);
        assertEquals(Keel.COMMANDS.size(), all.getSubcommands().size());
        assertEquals(List.of("makemigrations", "migrate", "sqlmigrate", "showmigrations", "diagram", "lint", "renumber",
                "squashmigrations", "optimizemigration", "init", "hook", "check-db", "dbshell"), List.copyOf(all.getSubcommands().keySet()));
    }
}
