package dev.keel.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code keel makemigrations --check}'s fingerprints started before picocli parses the arguments ({@link EarlyCheck}):
 * the reading of the arguments agrees with picocli's wherever it starts anything, starts nothing where it is not
 * sure, and the check then takes those fingerprints and gives the verdict it gives without them.
 */
class EarlyCheckTest {
    @TempDir Path dir;

    /** What picocli's parse of {@code args} gives for what {@link EarlyCheck#peek} reads, in the same form. */
    private static EarlyCheck.Peeked parsed(String[] args) {
        CommandLine line = Keel.commandLine(MigrationSource.standard(), Entities.standard(), "makemigrations");
        CommandLine.ParseResult result = line.parseArgs(args);
        Keel keel = line.getCommand();
        CommandLine.ParseResult make = result.subcommand();
        assertTrue(make.hasMatchedOption("--check"), String.join(" ", args));
        assertTrue(make.matchedPositionals().isEmpty(), "no app: " + String.join(" ", args));
        assertTrue(keel.libraries().isEmpty());
        @SuppressWarnings("unchecked")
        List<Path> directories = (List<Path>) result.commandSpec().findOption("-C").getValue();
        return new EarlyCheck.Peeked(List.copyOf(directories), keel.configFile());
    }

    @Test
    void readsTheArgumentsAsPicocliDoes() {
        List<String[]> cases = List.of(
                new String[] {"makemigrations", "--check"},
                new String[] {"-C", "a", "-C", "b", "makemigrations", "--check"},
                new String[] {"--config", "k.json", "-v", "3", "makemigrations", "--check"},
                new String[] {"-C", "x", "--config=k.json", "-v3", "makemigrations", "--check", "-v", "2"},
                new String[] {"--verbosity=1", "makemigrations", "-v1", "--check"});
        for (String[] args : cases) {
            Optional<EarlyCheck.Peeked> peeked = EarlyCheck.peek(args);
            assertTrue(peeked.isPresent(), String.join(" ", args));
            assertEquals(parsed(args), peeked.get(), String.join(" ", args));
        }
    }

    @Test
    void startsNothingWhereItIsNotSure() {
        List<String[]> cases = List.of(
                new String[] {"makemigrations"},
                new String[] {"makemigrations", "blog", "--check"},
                new String[] {"makemigrations", "--check", "--dry-run"},
                new String[] {"makemigrations", "--check", "--allow", "drop-column"},
                new String[] {"--libraries", "lib/a.jar", "makemigrations", "--check"},
                new String[] {"makemigrations", "--check", "@args.txt"},
                new String[] {"-C", "@dir", "makemigrations", "--check"},
                new String[] {"makemigrations", "--check", "--check"},
                new String[] {"makemigrations", "--help", "--check"},
                new String[] {"-C", "makemigrations", "--check"},
                new String[] {"--config", "a.json", "--config", "b.json", "makemigrations", "--check"},
                new String[] {"migrate", "--check"});
        for (String[] args : cases) {
            assertEquals(Optional.empty(), EarlyCheck.peek(args), String.join(" ", args));
        }
    }

    @Test
    void theCheckTakesTheFingerprintsStartedAheadAndGivesTheSameVerdict() throws Exception {
        dev.keel.testing.SampleProjects.copy("blog", dir);
        String project = dir.toString();
        assertEquals(0, KeelRun.runAsMain("-C", project, "makemigrations", "--check").exit()); // first: nothing to look up
        KeelRun passed = KeelRun.runAsMain("-C", project, "-v", "3", "makemigrations", "--check");
        assertEquals(0, passed.exit(), passed.err());
        assertTrue(passed.err().contains("earlier check: ") && passed.err().contains(
                "(fingerprints taken while the command line was parsed; the same files passed before: done)"), passed.err());

        // a field added to an entity: the check fails, fingerprints taken ahead or not
        Path post = dir.resolve("src/main/java/com/example/blog/Post.java");
        String text = Files.readString(post);
        Files.writeString(post, text.replace("    private String title;\n", "    private String title;\n    private Integer views;\n"));
        KeelRun changed = KeelRun.runAsMain("-C", project, "-v", "3", "makemigrations", "--check");
        assertEquals(1, changed.exit(), changed.err());
        assertTrue(changed.err().contains("fingerprints taken while the command line was parsed; files changed since"), changed.err());
        assertTrue(changed.out().contains("views") || changed.err().contains("views"), changed.out() + changed.err());

        // the same, with the arguments this reading does not take: nothing taken ahead, the same verdict
        KeelRun plain = KeelRun.runAsMain("-C", project, "-v", "3", "makemigrations", "--check", "blog");
        assertEquals(1, plain.exit(), plain.err());
        assertFalse(plain.err().contains("fingerprints taken while"), plain.err());

        Files.writeString(post, text);
        KeelRun again = KeelRun.runAsMain("-C", project, "-v", "3", "makemigrations", "--check");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.err().contains("fingerprints taken while the command line was parsed; the same files passed before"),
                again.err());
    }
}
