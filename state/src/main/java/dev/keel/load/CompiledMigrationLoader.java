package dev.keel.load;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.Migration;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationNames;
import dev.keel.migration.MigrationSpec;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads an app's migrations as compiled classes: every class {@code M0001_words} directly in the
 * migrations package, from folders and jars of a class loader. Each is instantiated and asked for
 * its {@link Migration#spec}. This is how the runner reads migrations; {@link SourceMigrationReader}
 * gives the same specs from source.
 */
public final class CompiledMigrationLoader {
    private CompiledMigrationLoader() {}

    /**
     * The migrations of {@code app} in {@code packageName}, sorted by name.
     *
     * @throws KeelException of kind UNREADABLE_SOURCE listing every class that cannot be loaded or defined
     */
    public static List<MigrationSpec> load(ClassLoader loader, String packageName, String app) {
        var specs = new ArrayList<MigrationSpec>();
        var problems = new ArrayList<String>();
        for (String className : classNames(loader, packageName)) {
            try {
                specs.add(spec(loader, packageName + "." + className, app));
            } catch (KeelException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new KeelException(ErrorKind.UNREADABLE_SOURCE, problems);
        }
        specs.sort(Comparator.comparing(MigrationSpec::key));
        return specs;
    }

    private static MigrationSpec spec(ClassLoader loader, String qualifiedName, String app) {
        String simpleName = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        String where = "class " + qualifiedName;
        try {
            Class<?> type = Class.forName(qualifiedName, true, loader);
            if (!Migration.class.isAssignableFrom(type)) {
                throw failure(where + ": is named like a migration but does not extend " + Migration.class.getName(),
                        "make it extend Migration, or rename it");
            }
            var constructor = type.asSubclass(Migration.class).getDeclaredConstructor();
            constructor.setAccessible(true);
            Migration migration = constructor.newInstance();
            return migration.spec(new MigrationKey(app, MigrationNames.nameOfClass(simpleName)), where);
        } catch (ClassNotFoundException | LinkageError e) {
            throw failure(where + ": cannot be loaded: " + e, "rebuild the project so that its classes are complete");
        } catch (NoSuchMethodException e) {
            throw failure(where + ": has no constructor without parameters", "remove its constructors");
        } catch (InvocationTargetException | InstantiationException | IllegalAccessException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw failure(where + ": cannot be instantiated: " + cause, "let its constructor run without failing");
        } catch (KeelException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(where + ": define() failed: " + e, "correct define(); keel reads it on every command");
        }
    }

    private static KeelException failure(String what, String fix) {
        return new KeelException(ErrorKind.UNREADABLE_SOURCE, what + "\nTo fix: " + fix + ".");
    }

    /**
     * The simple names of the migration classes directly in the package, sorted, each once. Folders
     * and jars are found through the loader's resources, and the roots of URL class loaders are also
     * searched directly, because jars need not hold entries for their folders. A jar root may name a
     * folder inside the jar ({@code jar:file:app.jar!/BOOT-INF/classes/}, as Spring Boot's jars hold
     * the application's classes), and a resource in a jar is listed through the jar's own URL handler,
     * so that jars nested in jars list too.
     */
    static List<String> classNames(ClassLoader loader, String packageName) {
        String path = packageName.replace('.', '/');
        var names = new TreeSet<String>();
        try {
            for (URL url : Collections.list(loader.getResources(path))) {
                if (url.getProtocol().equals("file")) {
                    names.addAll(fromFolder(Path.of(url.toURI())));
                } else if (url.getProtocol().equals("jar")) {
                    names.addAll(fromJarUrl(url, ""));
                }
            }
            for (ClassLoader l = loader; l != null; l = l.getParent()) {
                if (l instanceof URLClassLoader urls) {
                    for (URL root : urls.getURLs()) {
                        names.addAll(fromRoot(root, path));
                    }
                }
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            throw new KeelException(ErrorKind.UNREADABLE_SOURCE, "package " + packageName
                    + ": cannot list its classes: " + e + "\nTo fix: check the class path.", e);
        }
        return List.copyOf(names);
    }

    private static List<String> fromRoot(URL root, String path) throws IOException, URISyntaxException {
        if (root.getProtocol().equals("jar") && root.getPath().endsWith("/")) {
            return fromJarUrl(root, path);
        }
        if (!root.getProtocol().equals("file")) {
            return List.of();
        }
        Path location = Path.of(root.toURI());
        if (Files.isDirectory(location)) {
            Path folder = location.resolve(path);
            return Files.isDirectory(folder) ? fromFolder(folder) : List.of();
        }
        return Files.isRegularFile(location) ? fromJar(location, path) : List.of();
    }

    /** The migration classes in the folder a {@code jar:} URL names, joined with {@code path} when it is a root. */
    private static List<String> fromJarUrl(URL url, String path) throws IOException {
        var connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false); // a JarFile of its own, to close, never the class loader's
        String entry = connection.getEntryName() == null ? "" : connection.getEntryName();
        String folder = entry.isEmpty() || entry.endsWith("/") ? entry + path : entry + (path.isEmpty() ? "" : "/" + path);
        try (JarFile jar = connection.getJarFile()) {
            return fromEntries(jar, folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder);
        }
    }

    private static List<String> fromFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).map(CompiledMigrationLoader::migrationClass)
                    .filter(n -> !n.isEmpty()).toList();
        }
    }

    private static List<String> fromJar(Path jarFile, String path) throws IOException {
        try (JarFile jar = new JarFile(jarFile.toFile())) {
            return fromEntries(jar, path);
        }
    }

    /** The migration classes directly in the jar's folder {@code path} (no trailing slash). */
    private static List<String> fromEntries(JarFile jar, String path) {
        return jar.stream().map(JarEntry::getName)
                .filter(n -> n.startsWith(path + "/") && n.indexOf('/', path.length() + 1) < 0)
                .map(n -> migrationClass(n.substring(path.length() + 1)))
                .filter(n -> !n.isEmpty()).toList();
    }

    /** {@code M0001_initial.class} -> {@code M0001_initial}; empty for other files and nested classes. */
    private static String migrationClass(String fileName) {
        if (!fileName.endsWith(".class")) {
            return "";
        }
        String name = fileName.substring(0, fileName.length() - ".class".length());
        return MigrationNames.isMigrationClassName(name) ? name : "";
    }
}
