package dev.keel.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * The training run of keel's class-data archive ({@code keel.jsa}, written when the jar is packaged; see
 * {@code bin/keel}): runs the commands a user runs most, in one JVM, on a copy of a sample project, so
 * that the archive holds the classes of each of them, the runner's and the JDBC driver's included.
 * Not a user command: {@code java -XX:ArchiveClassesAtExit=keel.jsa -cp keel.jar dev.keel.cli.ClassDataTraining DIR}.
 */
public final class ClassDataTraining {
    private ClassDataTraining() {}

    /** {@code args[0]}: a copy of a sample project, which {@code migrate} applies to its embedded PostgreSQL. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ClassDataTraining PROJECT_COPY");
            System.exit(2);
        }
        String dir = Path.of(args[0]).toString();
        for (List<String> command : List.of(
                List.of("makemigrations", "--check"),
                List.of("makemigrations", "--check"), // again: the unchanged check's path, from its record
                List.of("--version"),
                List.of("showmigrations"),
                List.of("lint"),
                List.of("migrate"))) {
            var line = new java.util.ArrayList<>(List.of("-C", dir));
            line.addAll(command);
            int exit = Keel.commandLine(MigrationSource.standard()).execute(line.toArray(String[]::new));
            System.err.println("class-data training: keel " + String.join(" ", command) + " exited with " + exit);
        }
        System.exit(0);
    }
}
