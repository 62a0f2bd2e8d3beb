package dev.keel.cli;

import org.junit.jupiter.api.Test;

import static dev.keel.cli.KeelRun.run;
import static dev.keel.cli.KeelRun.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The top-level command: help, version and usage errors. */
class KeelCommandTest {
    @Test
    void helpListsEveryCommand() {
        KeelRun r = run(source(), "--help");
        assertEquals(0, r.exit(), r.err());
        for (String cmd : new String[] {"makemigrations", "migrate", "sqlmigrate", "showmigrations", "lint"}) {
            assertTrue(r.out().lines().anyMatch(l -> l.strip().startsWith(cmd + " ")), cmd + " missing from\n" + r.out());
        }
        assertTrue(r.out().contains("-C=DIR"), r.out());
        assertTrue(r.out().contains("Exit codes: 0 ok"), r.out());
    }

    @Test
    void versionIsTheMavenVersion() {
        KeelRun r = run(source(), "--version");
        assertEquals(0, r.exit());
        assertTrue(r.out().matches("keel \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), r.out());
    }

    @Test
    void noCommandPrintsUsageAsAUsageError() {
        KeelRun r = run(source());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("Usage: keel"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownCommandIsAUsageErrorWithASuggestion() {
        KeelRun r = run(source(), "showmigration");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: Unmatched argument at index 0: 'showmigration'"), r.err());
        assertTrue(r.err().contains("showmigrations"), r.err());
        assertTrue(r.err().contains("To fix: see keel --help."), r.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        KeelRun r = run(source(), "showmigrations", "--nope");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Unknown option: '--nope'"), r.err());
        assertTrue(r.err().contains("To fix: see keel showmigrations --help."), r.err());
    }
}
