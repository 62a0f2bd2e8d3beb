package dev.keel.load;

import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectMigrationsTest {
    private static final String CONFIG = """
            {
              "apps": [
                {"label": "blog", "package": "com.acme.blog"},
                {"label": "shop", "package": "com.acme.shop", "migrationsPackage": "com.acme.shop.db"},
                {"label": "auth", "package": "com.acme.auth"}
              ]
            }
            """;

    @TempDir
    Path project;

    @Test
    void readsEveryAppSortedByKeyAndIgnoresOtherFiles() throws IOException {
        Files.writeString(project.resolve("keel.json"), CONFIG);
        Path blog = migration("com.acme.blog.migrations", "M0001_initial", "initial();");
        migration("com.acme.blog.migrations", "M0002_more", "dependsOn(\"blog\", \"0001_initial\");");
        migration("com.acme.shop.db", "M0001_initial", "dependsOn(\"blog\", \"0002_more\");");
        Files.writeString(blog.resolveSibling("README.md"), "not a migration");
        Files.writeString(blog.resolveSibling("package-info.java"), "package com.acme.blog.migrations;");
        Files.writeString(blog.resolveSibling("Helpers.java"), "this does not even parse");

        List<MigrationSpec> specs = ProjectMigrations.readSources(KeelConfig.read(project), project);

        assertEquals(List.of(new MigrationKey("blog", "0001_initial"), new MigrationKey("blog", "0002_more"),
                new MigrationKey("shop", "0001_initial")), specs.stream().map(MigrationSpec::key).toList());
        assertEquals(List.of(new MigrationKey("blog", "0002_more")), specs.get(2).dependencies());
    }

    @Test
    void reportsBadNamesMismatchedClassesAndWrongPackagesOfAllAppsAtOnce() throws IOException {
        Files.writeString(project.resolve("keel.json"), CONFIG);
        Path badName = migration("com.acme.blog.migrations", "M12_initial", "initial();");
        Path mismatch = migration("com.acme.blog.migrations", "M0002_more", "initial();");
        Files.writeString(mismatch, Files.readString(mismatch).replace("class M0002_more", "class M0002_other"));
        Path wrongPackage = migration("com.acme.shop.db", "M0001_initial", "initial();");
        Files.writeString(wrongPackage, Files.readString(wrongPackage).replace("package com.acme.shop.db;",
                "package com.acme.shop.migrations;"));

        var e = assertThrows(KeelException.class, () -> ProjectMigrations.readSources(KeelConfig.read(project), project));

        assertEquals(ErrorKind.UNREADABLE_SOURCE, e.kind());
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith(mismatch + ":5:20: the class M0002_other is in the file M0002_more.java"),
                e.getMessage());
        assertTrue(e.problems().get(1).startsWith(badName + ": the name 12_initial does not follow NNNN_words"), e.getMessage());
        assertTrue(e.problems().get(1).contains("for example to M0012_initial"), e.getMessage());
        assertTrue(e.problems().get(2).startsWith(wrongPackage + ":1:1: declares package com.acme.shop.migrations but lies"
                + " in the folder of the migrations package com.acme.shop.db"), e.getMessage());
    }

    @Test
    void anAppWithoutAMigrationsFolderHasNoMigrations() throws IOException {
        Files.writeString(project.resolve("keel.json"), CONFIG);

        assertEquals(List.of(), ProjectMigrations.readSources(KeelConfig.read(project), project));
    }

    private Path migration(String packageName, String className, String body) throws IOException {
        Path folder = project.resolve("src/main/java").resolve(packageName.replace('.', '/'));
        Files.createDirectories(folder);
        Path file = folder.resolve(className + ".java");
        Files.writeString(file, """
                package %s;

                import dev.keel.migration.Migration;

                public final class %s extends Migration {
                    @Override
                    protected void define() {
                        %s
                    }
                }
                """.formatted(packageName, className, body));
        return file;
    }

    /** The check of file names without a matcher says what the pattern says, line terminators and all. */
    @Test
    void looksLikeMigrationIsThePattern() {
        for (String name : List.of("M0001_initial.java", "M0.java", "M.java", "Mx001_a.java", "m0001_a.java", "M0001_a.jav",
                "M0001_a.java.bak", "M0001_a\n.java", "M0001_a\r.java", "M0001_a\u0085.java", "M0001_a\u2028.java",
                "M0001_a\u2029.java", "M0001_ä\t.java", "M9.java", "M0001.JAVA", "M01\u0660.java", "M\u0661.java", "")) {
            assertEquals(ProjectMigrations.LOOKS_LIKE_MIGRATION.matcher(name).matches(), ProjectMigrations.looksLikeMigration(name), name);
        }
    }

    /** Migration files are listed in the order of their paths, plain ASCII names or not. */
    @Test
    void migrationFilesAreInTheOrderOfTheirPaths(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("keel.json"), "{\"apps\": [{\"label\": \"blog\", \"package\": \"com.acme.blog\"}]}");
        KeelConfig config = KeelConfig.read(dir);
        Path folder = config.migrationsDir(dir, config.apps().get(0));
        Files.createDirectories(folder);
        for (List<String> names : List.of(List.of("M0002_b.java", "M0010_a.java", "M0001_z.java", "M0001_Z.java"),
                List.of("M0002_\u00e9.java", "M0002_\uffee.java", "M0002_\uD83D\uDE00.java", "M0002_e.java"))) {
            if (!names.get(0).chars().allMatch(c -> c < 0x80)
                    && !"UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"))) {
                continue; // file names beyond ASCII need a UTF-8 file system encoding
            }
            for (String n : names) {
                Files.writeString(folder.resolve(n), "");
            }
            Files.createDirectory(folder.resolve("M0003_a_folder.java"));
            List<Path> listed = ProjectMigrations.migrationFiles(config, dir, config.apps().get(0));
            List<Path> expected;
            try (var files = Files.list(folder)) {
                expected = files.filter(Files::isRegularFile).sorted().toList();
            }
            assertEquals(expected, listed);
            for (Path f : listed) {
                Files.delete(f);
            }
            Files.delete(folder.resolve("M0003_a_folder.java"));
        }
    }
}
