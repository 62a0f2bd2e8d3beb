package dev.keel.load;

import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompiledMigrationLoaderTest {
    private static final Path BLOG = Path.of("..", "src-samples", "blog");
    private static final String PACKAGE = "com.example.blog.migrations";

    @TempDir
    Path dir;

    @Test
    void loadsTheSameMigrationsFromAJarAsFromAFolder() throws IOException {
        Path classes = dir.resolve("classes");
        ClassLoader fromFolder = MigrationCompiler.compileProject(KeelConfig.read(BLOG), BLOG, classes);
        Path jar = jar(classes, dir.resolve("blog-migrations.jar"));

        List<MigrationSpec> folderSpecs = CompiledMigrationLoader.load(fromFolder, PACKAGE, "blog");
        List<MigrationSpec> jarSpecs;
        try (var fromJar = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            jarSpecs = CompiledMigrationLoader.load(fromJar, PACKAGE, "blog");
        }

        assertEquals(4, folderSpecs.size());
        assertEquals(folderSpecs.stream().map(MigrationSpec::key).toList(), jarSpecs.stream().map(MigrationSpec::key).toList());
        for (int i = 0; i < folderSpecs.size(); i++) {
            assertTrue(folderSpecs.get(i).sameDefinition(jarSpecs.get(i)));
        }
        assertTrue(jarSpecs.get(0).origin().equals("class " + PACKAGE + ".M0001_initial"), jarSpecs.get(0).origin());
    }

    @Test
    void loadsFromAFolderInsideAJarAsSpringBootPacksTheApplicationsClasses() throws IOException {
        Path project = dev.keel.testing.SampleProjects.copy("blog", dir.resolve("blog"));
        Path jar = dev.keel.testing.MigrationJars.jar(project, dir.resolve("app.jar"), "BOOT-INF/classes/");
        List<MigrationSpec> expected = ProjectMigrations.readSources(KeelConfig.read(project), project);
        URL root = new URL("jar:" + jar.toUri() + "!/BOOT-INF/classes/");
        List<MigrationSpec> loaded;
        try (var boot = new URLClassLoader(new URL[] {root}, getClass().getClassLoader())) {
            loaded = CompiledMigrationLoader.load(boot, PACKAGE, "blog");
        }
        assertEquals(expected.stream().map(MigrationSpec::key).toList(), loaded.stream().map(MigrationSpec::key).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(expected.get(i).sameDefinition(loaded.get(i)), loaded.get(i).key().toString());
        }
    }

    @Test
    void reportsEveryClassThatIsNotAUsableMigration() throws IOException {
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("M0001_plain.java"), "package p; public class M0001_plain {}");
        Files.writeString(src.resolve("M0002_failing.java"), """
                package p;
                public final class M0002_failing extends dev.keel.migration.Migration {
                    @Override protected void define() {
                        operations(dev.keel.migration.Operations.column(" ", "text") == null ? null : null);
                    }
                }
                """);
        Files.writeString(src.resolve("Helper.java"), "package p; public class Helper {}");
        ClassLoader loader = MigrationCompiler.compileFolder(src, dir.resolve("out"));

        var e = assertThrows(KeelException.class, () -> CompiledMigrationLoader.load(loader, "p", "app"));

        assertEquals(ErrorKind.UNREADABLE_SOURCE, e.kind());
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("class p.M0001_plain: is named like a migration but does not extend"),
                e.getMessage());
        assertTrue(e.problems().get(1).startsWith("class p.M0002_failing: define() failed"), e.getMessage());
        assertTrue(e.problems().get(1).contains("column name must not be blank"), e.getMessage());
    }

    @Test
    void compilerErrorsNameFileAndLine() throws IOException {
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        Path file = src.resolve("M0001_broken.java");
        Files.writeString(file, "package p;\npublic final class M0001_broken extends dev.keel.migration.Migration {\n"
                + "    @Override protected void define() { operations(nothing()); }\n}\n");

        var e = assertThrows(KeelException.class, () -> MigrationCompiler.compileFolder(src, dir.resolve("out")));

        assertTrue(e.problems().get(0).startsWith(file.toAbsolutePath() + ":3:"), e.getMessage());
        assertTrue(e.problems().get(0).contains("does not compile"), e.getMessage());
    }

    private static Path jar(Path classes, Path jar) throws IOException {
        try (var out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
