package dev.keel.scan.oracle;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The libraries of the oracle's samples, and of tests that need class files: a sample with a {@code lib-src} folder
 * has its sources compiled (javax.tools, with the test class path) into {@code target/lib.jar}, the jar its
 * {@code keel.json} names in {@code "libraries"} and that the oracle puts on Hibernate's class path
 * ({@link SampleCompiler}). Built when missing or older than a source.
 */
public final class SampleLibraries {
    private SampleLibraries() {}

    /** The folder of a sample's library sources. */
    public static final String SOURCES = "lib-src";
    /** The jar they are compiled into, relative to the sample. */
    public static final String JAR = "target/lib.jar";

    /** Builds the sample's library jar when it has library sources and the jar is missing or stale. */
    public static synchronized void prepare(Path sample) {
        Path src = sample.resolve(SOURCES);
        if (!Files.isDirectory(src)) {
            return;
        }
        Path jar = sample.resolve(JAR);
        List<Path> sources = javaFiles(src);
        try {
            if (Files.exists(jar)) {
                FileTime built = Files.getLastModifiedTime(jar);
                boolean stale = false;
                for (Path s : sources) {
                    stale |= Files.getLastModifiedTime(s).compareTo(built) > 0;
                }
                if (!stale) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        compileJar(sources, List.of(), jar);
    }

    /** Compiles {@code sources} (each class path entry of the tests' own, plus {@code classPath}) into the jar {@code jar}. */
    public static void compileJar(List<Path> sources, List<Path> classPath, Path jar) {
        try {
            Path classes = Files.createTempDirectory("keel-lib-classes");
            compile(sources, classPath, classes);
            Files.createDirectories(jar.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(jar.toAbsolutePath().getParent(), "lib", ".jar.tmp");
            try (OutputStream out = Files.newOutputStream(temp); var zip = new JarOutputStream(out)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(classes)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    zip.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(f));
                    zip.closeEntry();
                }
            }
            Files.move(temp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            deleteTree(classes); // each compile's own folder: left behind, 100+ of them piled up in /tmp per test run
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Writes {@code sources} (path relative to a source root → text) under {@code dir} and compiles them into {@code jar}. */
    public static void compileJar(Map<String, String> sources, Path dir, Path jar) {
        var files = new ArrayList<Path>();
        try {
            for (var e : sources.entrySet()) {
                Path f = dir.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
                files.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        compileJar(files, List.of(), jar);
    }

    private static void compile(List<Path> sources, List<Path> classPath, Path outDir) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            var cp = new StringBuilder(System.getProperty("java.class.path"));
            classPath.forEach(p -> cp.append(java.io.File.pathSeparator).append(p));
            List<String> options = List.of("-d", outDir.toString(), "-classpath", cp.toString(), "--release", "17");
            if (!compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call()) {
                var sb = new StringBuilder("library sources do not compile:");
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    sb.append('\n').append(d);
                }
                throw new IllegalStateException(sb.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
