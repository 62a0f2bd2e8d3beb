package dev.keel.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static dev.keel.cli.KeelRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The class path reaches the entity scan: {@code keel --libraries PATHS} (what the Maven plugin passes) and
 * {@code "libraries"} in keel.json; without either, a library type is a problem that says how to add it.
 */
class LibrariesCommandTest {
    @TempDir Path dir;

    private Path project() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("keel.json"), "{\"apps\": [{\"label\": \"app\", \"package\": \"app\"}]}");
        Path entity = project.resolve("src/main/java/app/Ticket.java");
        Files.createDirectories(entity.getParent());
        Files.writeString(entity, """
                package app;

                import jakarta.persistence.*;
                import lib.Phase;

                @Entity
                public class Ticket {
                    @Id Long id;
                    @Enumerated(EnumType.STRING) @Column(length = lib.Limits.PHASE_LENGTH) Phase phase;
                }
                """);
        return project;
    }

    /** A jar of lib.Phase and lib.Limits, compiled here. */
    private Path library() throws IOException {
        Path src = Files.createDirectories(dir.resolve("lib-src/lib"));
        Files.writeString(src.resolve("Phase.java"), "package lib;\npublic enum Phase { DRAFT, OPEN, CLOSED }\n");
        Files.writeString(src.resolve("Limits.java"), "package lib;\npublic interface Limits { int PHASE_LENGTH = 12; }\n");
        Path classes = Files.createDirectories(dir.resolve("lib-classes"));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "--release", "17",
                src.resolve("Phase.java").toString(), src.resolve("Limits.java").toString());
        assertEquals(0, rc);
        Path jar = dir.resolve("repo/lib-1.0.jar");
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); var zip = new JarOutputStream(out)) {
            for (String name : new String[] {"lib/Phase.class", "lib/Limits.class"}) {
                zip.putNextEntry(new JarEntry(name));
                zip.write(Files.readAllBytes(classes.resolve(name)));
                zip.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void librariesOnTheCommandLineReachTheScan() throws IOException {
        Path project = project();
        Path jar = library();
        KeelRun without = run(MigrationSource.standard(), "-C", project.toString(), "makemigrations", "--dry-run");
        assertEquals(2, without.exit(), without.out() + without.err());
        assertTrue(without.err().contains("Ticket.java:9: @Column(length = lib.Limits.PHASE_LENGTH) is not a long:"
                + " lib.Limits.PHASE_LENGTH is a constant of lib.Limits, which is neither in the source roots nor on the class"
                + " path (empty: keel.json has no \"libraries\", and no --libraries was given). To fix: add the jar or class"
                + " folder that declares it to keel.json \"libraries\""), without.err());

        KeelRun with = run(MigrationSource.standard(), "-C", project.toString(), "--libraries",
                dir.resolve("nothing-here").toString() + File.pathSeparator + jar, "makemigrations", "--dry-run");
        assertEquals(2, with.exit(), "a class path entry that names nothing: " + with.err());
        assertTrue(with.err().contains("nothing-here") && with.err().contains("does not exist"), with.err());

        KeelRun ok = run(MigrationSource.standard(), "-C", project.toString(), "--libraries", jar.toString(),
                "makemigrations", "--dry-run", "-v", "3");
        assertEquals(0, ok.exit(), ok.out() + ok.err());
        assertTrue(ok.out().contains("Create model Ticket"), ok.out());
        assertTrue(ok.err().contains("1 of 1 class path entries opened"), ok.err());
    }

    @Test
    void librariesInKeelJsonReachTheScan() throws IOException {
        Path project = project();
        library();
        Files.writeString(project.resolve("keel.json"), "{\"apps\": [{\"label\": \"app\", \"package\": \"app\"}],"
                + " \"libraries\": [\"../repo/*.jar\"]}");
        KeelRun r = run(MigrationSource.standard(), "-C", project.toString(), "makemigrations");
        assertEquals(0, r.exit(), r.out() + r.err());
        String migration = Files.readString(project.resolve("src/main/java/app/migrations/M0001_initial.java"));
        assertTrue(migration.contains("column(\"phase\", \"varchar(12)\")"), migration);
        assertTrue(migration.contains("phase in ('DRAFT','OPEN','CLOSED')"), migration);
    }

    @Test
    void theLibrariesOptionComesBeforeTheCommand() {
        assertEquals("makemigrations", Keel.commandNamed(new String[] {"--libraries", "a.jar", "makemigrations", "--check"}));
        assertEquals("makemigrations", Keel.commandNamed(new String[] {"--libraries=a.jar", "-C", "x", "makemigrations"}));
    }
}
