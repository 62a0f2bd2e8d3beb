package dev.keel.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run of keel's class-data archive ({@code keel.jsa}, written when the jar is packaged; see
 * {@code bin/keel}): runs the commands a user runs most, in one JVM, on a copy of a sample project, so
 * that the archive holds the classes of each of them, the runner's and the JDBC driver's included. Besides the cold
 * and the unchanged check, the checks after a change: every cache document read (no passed check on record), and on a
 * small project of its own, one entity edited (mapped alone into the stored scan) and one migration added.
 * Not a user command: {@code java -XX:ArchiveClassesAtExit=keel.jsa -cp keel.jar dev.keel.cli.ClassDataTraining DIR}.
 */
public final class ClassDataTraining {
    private ClassDataTraining() {}

    /** keel.json of the small project of the checks after a change (beside the sample, in the copy's folder). */
    private static final String KEEL_JSON = "{\"sourceRoots\": [\"src/main/java\"], \"naming\": \"snake_case\", \"apps\": ["
            + "{\"label\": \"shop\", \"package\": \"com.example.shop\", \"migrationsPackage\": \"com.example.shop.migrations\"}]}\n";

    /** An entity of that project (the second one refers to the first), with {@code extra} fields. */
    private static String entity(int n, String extra) {
        return "package com.example.shop;\n\nimport jakarta.persistence.*;\n\n@Entity\n@Table(name = \"shop_model" + n + "\")\n"
                + "public class Model" + n + " {\n    @Id\n    @GeneratedValue(strategy = GenerationType.IDENTITY)\n    private Long id;\n"
                + "    @Column(nullable = false, length = 200)\n    private String name;\n"
                + (n == 0 ? "" : "    @ManyToOne(optional = false)\n    @JoinColumn(name = \"parent_id\", nullable = false)\n"
                        + "    private Model" + (n - 1) + " parent;\n")
                + extra + "}\n";
    }

    /** {@code args[0]}: a copy of a sample project, which {@code migrate} applies to its embedded PostgreSQL. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ClassDataTraining PROJECT_COPY");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        List<String> check = List.of("makemigrations", "--check");
        run(dir, check);
        run(dir, check); // again: the unchanged check's path, from its record
        delete(dir.resolve(".keel/cache/check.tsv"));
        run(dir, check); // without the record: every cache document read (migrations, replayed state, scan)

        // the checks after a change, on a project of two entities: its migration written, checked cold and warm, then
        // one entity edited (mapped alone into the stored scan) and its migration written, then checked (one
        // migration added)
        Path changes = dir.resolve("class-data-changes");
        Path model = changes.resolve("src/main/java/com/example/shop");
        write(changes.resolve("keel.json"), KEEL_JSON);
        write(model.resolve("Model0.java"), entity(0, ""));
        write(model.resolve("Model1.java"), entity(1, ""));
        run(changes, List.of("makemigrations"));
        run(changes, check);
        run(changes, check);
        write(model.resolve("Model1.java"), entity(1, "    private Integer size;\n"));
        run(changes, check); // fails: the field lacks its migration
        run(changes, List.of("makemigrations"));
        run(changes, check);
        write(model.resolve("Model1.java"), entity(1, "    private Integer size;\n\n    public int twice() {\n        return 2;\n    }\n"));
        run(changes, check); // one entity edited, its outline the same

        for (List<String> command : List.of(
                List.of("--version"),
                List.of("showmigrations"),
                List.of("lint"),
                List.of("migrate"))) {
            run(dir, command);
        }
        System.exit(0);
    }

    private static void run(Path dir, List<String> command) {
        var line = new ArrayList<>(List.of("-C", dir.toString()));
        line.addAll(command);
        String[] args = line.toArray(String[]::new);
        // the way Keel.main goes (only the named command built; migrate's connection started before picocli parses)
        int exit = Keel.forArguments(args, MigrationSource.standard(), Entities.standard()).execute(args);
        System.err.println("class-data training: keel " + String.join(" ", command) + " exited with " + exit);
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
