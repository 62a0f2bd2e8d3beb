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
}
