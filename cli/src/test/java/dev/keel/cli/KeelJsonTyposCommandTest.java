package dev.keel.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A typo in keel.json is one error naming keel.json, the key's line and the closest thing that exists
 * (exit 2), never a silent "No changes detected", a fresh initial migration, or errors about other files.
 */
class KeelJsonTyposCommandTest {
    @TempDir Path dir;

    private Path blog() throws IOException {
        return SampleProject.copy("blog", dir.resolve("blog"));
    }

    private static void edit(Path project, String from, String to) throws IOException {
        Path file = project.resolve("keel.json");
        String text = Files.readString(file);
        assertTrue(text.contains(from), text);
        Files.writeString(file, text.replace(from, to));
    }

    private static KeelRun run(Path project, String... args) {
        String[] all = Stream.concat(Stream.of("-C", project.toString()), Stream.of(args)).toArray(String[]::new);
        return KeelRun.run(MigrationSource.standard(), Entities.standard(), all);
    }

    /** One error, about keel.json at {@code line}, containing every one of {@code parts}, and nothing written. */
    private static void oneError(KeelRun r, Path project, int line, String... parts) {
        assertEquals(2, r.exit(), r.err() + r.out());
        assertEquals(1, r.err().split("error: ", -1).length - 1, r.err());
        assertTrue(r.err().startsWith("error: " + project.resolve("keel.json") + ":" + line + ": "), r.err());
        for (String part : parts) {
            assertTrue(r.err().contains(part), "missing \"" + part + "\" in:\n" + r.err());
        }
        assertTrue(r.err().contains("\nTo fix: "), r.err());
        assertEquals("", r.out());
    }

    @Test
    void theSampleAsItIsHasNoChanges() throws IOException {
        KeelRun r = run(blog(), "makemigrations", "--check");
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void aTypoInAnAppsPackageNamesThePackageAndTheClosestOne() throws IOException {
        Path blog = blog();
        edit(blog, "\"package\": \"com.example.blog\"", "\"package\": \"com.example.blgo\"");
        oneError(run(blog, "makemigrations"), blog, 5, "app blog: no source in src/main/java declares package"
                + " com.example.blgo", "Closest declared package: com.example.blog",
                "correct \"package\" of app blog in keel.json (did you mean \"com.example.blog\"?)");
        oneError(run(blog, "makemigrations", "--check"), blog, 5, "com.example.blgo");
        oneError(run(blog, "showmigrations"), blog, 5, "com.example.blgo");
    }

    @Test
    void anAppWhosePackageHasNoSourcesIsAnErrorNotNoChanges() throws IOException {
        Path blog = blog();
        edit(blog, "\"migrationsPackage\": \"com.example.blog.migrations\"}",
                "\"migrationsPackage\": \"com.example.blog.migrations\"},\n    {\"label\": \"shop\", \"package\": \"com.example.shop\"}");
        oneError(run(blog, "makemigrations"), blog, 6, "app shop: no source in src/main/java declares package"
                + " com.example.shop or a package under it", "or write the app's entities in package com.example.shop");
        assertFalse(Files.exists(blog.resolve("src/main/java/com/example/shop")));
    }

    @Test
    void aTypoInTheMigrationsPackageDoesNotStartTheMigrationsOver() throws IOException {
        Path blog = blog();
        edit(blog, "\"com.example.blog.migrations\"", "\"com.example.blog.migration\"");
        oneError(run(blog, "makemigrations"), blog, 5, "app blog: its migrations package com.example.blog.migration holds"
                + " no migration, while com.example.blog.migrations", "no app of keel.json claims",
                "correct \"migrationsPackage\" of app blog in keel.json (did you mean \"com.example.blog.migrations\"?)");
        assertFalse(Files.exists(blog.resolve("src/main/java/com/example/blog/migration")), "no initial migration is written");
        oneError(run(blog, "migrate", "--plan"), blog, 5, "com.example.blog.migration");
    }

    @Test
    void aTypoInASourceRootNamesTheClosestFolderWithJavaSources() throws IOException {
        Path blog = blog();
        edit(blog, "\"src/main/java\"", "\"src/mian/java\"");
        oneError(run(blog, "makemigrations"), blog, 2, "source root src/mian/java is not a folder of the project",
                "Closest folder with Java sources: src/main/java",
                "correct \"src/mian/java\" in \"sourceRoots\" of keel.json (did you mean \"src/main/java\"?)");
        oneError(run(blog, "showmigrations"), blog, 2, "src/mian/java");
    }
}
