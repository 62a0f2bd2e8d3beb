package dev.keel.load;

import dev.keel.config.AppConfig;
import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.Migration;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Compiles migration sources in-process with the JDK's compiler, against the running JVM's class
 * path (which holds keel-api), and loads the result. Migrations use keel's API only, so they
 * compile without the application's classes.
 */
public final class MigrationCompiler {
    private MigrationCompiler() {}

    /**
     * Compiles every {@code .java} file of every app's migrations folder of a project into {@code outputFolder}.
     *
     * @return a class loader over the compiled classes, whose parent is keel's class loader
     * @throws KeelException of kind UNREADABLE_SOURCE listing every compiler error
     */
    public static ClassLoader compileProject(KeelConfig config, Path projectDir, Path outputFolder) {
        var sources = new ArrayList<Path>();
        for (AppConfig app : config.apps()) {
            Path folder = config.migrationsDir(projectDir, app);
            if (Files.isDirectory(folder)) {
                sources.addAll(javaFiles(folder));
            }
        }
        return compile(sources, outputFolder);
    }

    /**
     * Compiles every {@code .java} file directly in {@code sourceFolder} into {@code outputFolder}.
     *
     * @return a class loader over the compiled classes, whose parent is keel's class loader
     * @throws KeelException of kind UNREADABLE_SOURCE listing every compiler error
     */
    public static ClassLoader compileFolder(Path sourceFolder, Path outputFolder) {
        return compile(javaFiles(sourceFolder), outputFolder);
    }

    private static List<Path> javaFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new KeelException(ErrorKind.UNREADABLE_SOURCE, folder + ": cannot list the folder: " + e
                    + "\nTo fix: check that the folder exists and is readable.", e);
        }
    }

    /**
     * Compiles {@code sources} into {@code outputFolder}.
     *
     * @return a class loader over the compiled classes, whose parent is keel's class loader
     * @throws KeelException of kind UNREADABLE_SOURCE listing every compiler error
     */
    public static ClassLoader compile(List<Path> sources, Path outputFolder) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new KeelException(ErrorKind.USAGE, "no Java compiler in this Java runtime ("
                    + System.getProperty("java.home") + ")\nTo fix: run keel with a JDK, not a JRE.");
        }
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(outputFolder);
            List<String> options = List.of("-d", outputFolder.toString(), "-classpath", classPath(),
                    "-proc:none", "-encoding", "UTF-8", "-Xlint:none", "--release", "17");
            boolean ok = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) {
                throw new KeelException(ErrorKind.UNREADABLE_SOURCE, errors(diagnostics));
            }
            return new URLClassLoader(new URL[] {outputFolder.toUri().toURL()}, MigrationCompiler.class.getClassLoader());
        } catch (IOException e) {
            throw new KeelException(ErrorKind.UNREADABLE_SOURCE, outputFolder + ": cannot compile into this folder: " + e
                    + "\nTo fix: check that it is writable.", e);
        }
    }

    private static List<String> errors(DiagnosticCollector<JavaFileObject> diagnostics) {
        var errors = new ArrayList<String>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String file = d.getSource() == null ? "(compiler)" : Path.of(d.getSource().toUri()).toString();
                errors.add(file + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + ": does not compile: "
                        + d.getMessage(Locale.ROOT) + "\nTo fix: correct the migration; it may use keel's API only.");
            }
        }
        return errors.isEmpty() ? List.of("the compiler failed without an error message\nTo fix: run javac on the"
                + " migrations to see why.") : errors;
    }

    /** The running JVM's class path, plus wherever keel-api (the Migration class that migrations extend) was loaded from. */
    private static String classPath() {
        var entries = new LinkedHashSet<String>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        try {
            var source = Migration.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                entries.add(Path.of(source.getLocation().toURI()).toString());
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            // keel-api then has to be on java.class.path, which is the usual case.
        }
        return String.join(File.pathSeparator, entries);
    }
}
