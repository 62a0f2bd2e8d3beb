package dev.keel.testing;

import dev.keel.config.AppConfig;
import dev.keel.config.KeelConfig;
import dev.keel.load.ProjectMigrations;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Builds what an application ships: a project's migrations compiled by javac as a build tool runs it
 * ({@code -g -parameters}, unlike keel's own in-process compile), in a folder or in a jar, optionally under
 * a prefix such as Spring Boot's {@code BOOT-INF/classes/}.
 */
public final class MigrationJars {
    private MigrationJars() {}

    /**
     * Compiles every {@code .java} file of every app's migrations folder into {@code classes}.
     *
     * @return {@code classes}
     */
    public static Path compile(Path projectDir, Path classes) throws IOException {
        KeelConfig config = KeelConfig.read(projectDir);
        var sources = new ArrayList<String>();
        for (AppConfig app : config.apps()) {
            ProjectMigrations.migrationFiles(config, projectDir, app).forEach(f -> sources.add(f.toString()));
        }
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        var args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                "-proc:none", "-g", "-parameters", "--release", "17", "-encoding", "UTF-8"));
        args.addAll(sources);
        var errors = new ByteArrayOutputStream();
        int exit = javac.run(null, null, new PrintStream(errors, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException("the migrations of " + projectDir + " do not compile:\n" + errors);
        }
        return classes;
    }

    /**
     * Compiles the project's migrations and writes them into {@code jar}, each class under {@code prefix}
     * ({@code ""}, or {@code BOOT-INF/classes/}), with an entry for every folder, as Maven writes jars.
     *
     * @return {@code jar}
     */
    public static Path jar(Path projectDir, Path jar, String prefix) throws IOException {
        Path classes = compile(projectDir, Files.createTempDirectory(jar.getParent(), "classes"));
        try (OutputStream out = Files.newOutputStream(jar); var jarOut = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            var written = new java.util.HashSet<String>();
            for (String folder : prefix.isEmpty() ? List.<String>of() : folders(prefix)) {
                entry(jarOut, folder, null, written);
            }
            for (Path f : files.sorted().toList()) {
                if (f.equals(classes)) {
                    continue;
                }
                String name = prefix + classes.relativize(f).toString().replace('\\', '/');
                if (Files.isDirectory(f)) {
                    entry(jarOut, name + "/", null, written);
                } else {
                    entry(jarOut, name, Files.readAllBytes(f), written);
                }
            }
        }
        return jar;
    }

    private static List<String> folders(String prefix) {
        var out = new ArrayList<String>();
        for (int i = prefix.indexOf('/'); i >= 0; i = prefix.indexOf('/', i + 1)) {
            out.add(prefix.substring(0, i + 1));
        }
        return out;
    }

    private static void entry(JarOutputStream jar, String name, byte[] bytes, java.util.Set<String> written) throws IOException {
        if (!written.add(name)) {
            return;
        }
        jar.putNextEntry(new JarEntry(name));
        if (bytes != null) {
            jar.write(bytes);
        }
        jar.closeEntry();
    }
}
