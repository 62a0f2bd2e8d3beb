package dev.keel.scan.oracle;

import dev.keel.config.KeelConfig;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compiles a sample project's sources in-process (javax.tools, with the test class path, so JPA,
 * Hibernate's annotations and Lombok are there, and the jars and folders of its {@code "libraries"}) and loads the
 * classes with those libraries. Migrations packages are left out.
 */
public final class SampleCompiler {
    private SampleCompiler() {}

    /** The compiled classes of a project, with the names of all its top-level and nested classes. */
    public record Compiled(ClassLoader loader, List<String> classNames) {}

    /** Compiles every {@code .java} file of the project's source roots into {@code outDir}. */
    public static Compiled compile(Path projectDir, KeelConfig config, Path outDir) {
        List<Path> sources = sources(projectDir, config);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            Files.createDirectories(outDir);
            SampleLibraries.prepare(projectDir);
            List<Path> libraries = dev.keel.scan.internal.ClassPath.of(projectDir, config.libraries()).entries();
            var classPath = new StringBuilder(System.getProperty("java.class.path"));
            libraries.forEach(l -> classPath.append(java.io.File.pathSeparator).append(l));
            List<String> options = List.of("-d", outDir.toString(), "-classpath", classPath.toString(),
                    "-parameters", "--release", "17");
            boolean ok = compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) {
                var sb = new StringBuilder("sample " + projectDir + " does not compile:");
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    sb.append('\n').append(d);
                }
                throw new IllegalStateException(sb.toString());
            }
            var urls = new ArrayList<URL>();
            urls.add(outDir.toUri().toURL());
            for (Path l : libraries) {
                urls.add(l.toUri().toURL());
            }
            return new Compiled(new URLClassLoader(urls.toArray(URL[]::new), SampleCompiler.class.getClassLoader()),
                    classNames(outDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> sources(Path projectDir, KeelConfig config) {
        var result = new ArrayList<Path>();
        for (Path root : config.sourceRootPaths(projectDir)) {
            List<Path> excluded = config.apps().stream()
                    .map(a -> root.resolve(a.migrationsPackage().replace('.', '/'))).toList();
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> excluded.stream().noneMatch(p::startsWith))
                        .sorted().forEach(result::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return result;
    }

    private static List<String> classNames(Path outDir) throws IOException {
        try (Stream<Path> walk = Files.walk(outDir)) {
            return walk.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> outDir.relativize(p).toString())
                    .map(s -> s.substring(0, s.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        }
    }
}
