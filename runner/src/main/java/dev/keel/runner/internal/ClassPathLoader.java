package dev.keel.runner.internal;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * A class loader over a class path given on the command line: folders of classes ({@code target/classes})
 * and jars. An application jar that keeps its own classes in a folder (Spring Boot's
 * {@code BOOT-INF/classes/}, a war's {@code WEB-INF/classes/}) is searched in that folder too. keel's own
 * classes (keel-api's {@code Migration}) come from keel, whatever the jars hold.
 */
public final class ClassPathLoader {
    /** Folders inside application jars that hold the application's classes. */
    static final List<String> APPLICATION_FOLDERS = List.of("BOOT-INF/classes/", "WEB-INF/classes/");

    private ClassPathLoader() {}

    /**
     * A class loader over {@code entries}, whose parent is keel's class loader.
     *
     * @throws KeelException of kind USAGE naming every entry that is neither a folder nor a jar
     */
    public static ClassLoader of(List<Path> entries) {
        var urls = new ArrayList<URL>();
        var problems = new ArrayList<String>();
        for (Path entry : entries) {
            try {
                urls.addAll(urls(entry));
            } catch (IOException e) {
                problems.add(entry + ": not a folder of classes nor a readable jar (" + e.getMessage() + ").\n"
                        + "To fix: give --classpath the application's jar or its compiled classes (target/classes),"
                        + " separated by " + java.io.File.pathSeparator + ".");
            }
        }
        if (entries.isEmpty()) {
            problems.add("the class path is empty.\nTo fix: give --classpath the application's jar or its compiled"
                    + " classes (target/classes).");
        }
        if (!problems.isEmpty()) {
            throw new KeelException(ErrorKind.USAGE, problems);
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassPathLoader.class.getClassLoader());
    }

    /** The entries of a class path string, split at the platform's path separator; empty parts are left out. */
    public static List<Path> split(String classPath, Path base) {
        var out = new ArrayList<Path>();
        for (String part : classPath.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator))) {
            if (!part.isBlank()) {
                out.add(base.resolve(part.strip()).normalize());
            }
        }
        return out;
    }

    private static List<URL> urls(Path entry) throws IOException {
        if (Files.isDirectory(entry)) {
            return List.of(entry.toUri().toURL());
        }
        if (!Files.isRegularFile(entry)) {
            throw new IOException("no such file or folder");
        }
        var out = new ArrayList<URL>();
        out.add(entry.toUri().toURL());
        try (JarFile jar = new JarFile(entry.toFile())) {
            for (String folder : APPLICATION_FOLDERS) {
                if (jar.stream().anyMatch(e -> e.getName().startsWith(folder))) {
                    out.add(inside(entry, folder));
                }
            }
        }
        return out;
    }

    private static URL inside(Path jar, String folder) throws MalformedURLException {
        return new URL("jar:" + jar.toUri() + "!/" + folder);
    }
}
