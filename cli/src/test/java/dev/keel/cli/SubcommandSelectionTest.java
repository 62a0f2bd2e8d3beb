package dev.keel.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** keel's main registers only the subcommand its arguments run; with none named, every one (usage, suggestions). */
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
    void namesNoneForUsageVersionAndTypos() {
        assertNull(Keel.commandNamed(new String[] {}));
        assertNull(Keel.commandNamed(new String[] {"--help"}));
        assertNull(Keel.commandNamed(new String[] {"-V", "migrate"}));
        assertNull(Keel.commandNamed(new String[] {"-C", "dir"}));
        assertNull(Keel.commandNamed(new String[] {"makemigration"}));
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
