package dev.keel.cli;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * How to start the keel that is running now, again, from another process (a git hook): the absolute
 * path of {@code bin/keel} when keel was started through it (it says so in the system property
 * {@link #PROPERTY}), else the Java command line with the jar keel runs from, else, for keel started
 * from class folders ({@code java -cp ... dev.keel.cli.Keel}), the Java command line with that class path.
 * Nothing when keel runs inside another program (the Maven plugin, a test runner), whose class path
 * cannot be started again.
 *
 * @param command the command's words, absolute paths
 */
record Launcher(List<String> command) {
    /** The system property {@code bin/keel} sets to its own absolute path. */
    static final String PROPERTY = "keel.launcher";

    /** The main class. */
    static final String MAIN = Keel.class.getName();

    Launcher {
        command = List.copyOf(command);
    }

    /** The keel running now, if it can tell how it was started. */
    static Optional<Launcher> current() {
        return of(System.getProperty(PROPERTY), codeSource(), javaCommand(), System.getProperty("java.class.path", ""));
    }

    /**
     * How to start keel again.
     *
     * @param launcher   the value of {@link #PROPERTY}, or null
     * @param codeSource where keel's classes were loaded from (a jar or a class folder), or null
     * @param java       the running {@code java} program
     * @param classPath  the running JVM's class path ({@code java.class.path})
     */
    static Optional<Launcher> of(String launcher, Path codeSource, Path java, String classPath) {
        if (launcher != null && !launcher.isBlank()) {
            Path script = Path.of(launcher).toAbsolutePath().normalize();
            if (Files.isRegularFile(script) && Files.isExecutable(script)) {
                return Optional.of(new Launcher(List.of(script.toString())));
            }
        }
        if (codeSource == null || java == null) {
            return Optional.empty();
        }
        Path source = codeSource.toAbsolutePath().normalize();
        if (Files.isRegularFile(source) && source.toString().endsWith(".jar")) {
            return Optional.of(new Launcher(mainClassOf(source).filter(MAIN::equals).isPresent()
                    ? List.of(java.toString(), "-jar", source.toString())
                    : List.of(java.toString(), "-cp", source.toString(), MAIN)));
        }
        if (Files.isDirectory(source)) {
            List<Path> entries = Arrays.stream(classPath.split(File.pathSeparator)).filter(e -> !e.isBlank())
                    .map(e -> Path.of(e).toAbsolutePath().normalize()).toList();
            if (entries.contains(source) && entries.stream().allMatch(Files::exists)) {
                var absolute = new ArrayList<String>();
                entries.forEach(e -> absolute.add(e.toString()));
                return Optional.of(new Launcher(List.of(java.toString(), "-cp", String.join(File.pathSeparator, absolute), MAIN)));
            }
        }
        return Optional.empty();
    }

    /** Where keel's classes come from: its jar or class folder; null when the runtime does not say. */
    static Path codeSource() {
        CodeSource source = Keel.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The running {@code java} program: the process's own command, else {@code java.home/bin/java}. */
    static Path javaCommand() {
        Optional<String> command = ProcessHandle.current().info().command();
        if (command.isPresent() && Files.isExecutable(Path.of(command.get()))) {
            return Path.of(command.get());
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java : null;
    }

    private static Optional<String> mainClassOf(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Optional.ofNullable(file.getManifest()).map(m -> m.getMainAttributes().getValue("Main-Class"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The paths the command needs to exist (the script, java, the jar), to check before running it. */
    List<String> files() {
        return command.stream().filter(w -> w.startsWith("/") && !w.contains(File.pathSeparator)).toList();
    }

    /** The command as POSIX shell words, each single-quoted. */
    String shellWords() {
        return String.join(" ", command.stream().map(Launcher::quote).toList());
    }

    /** {@code text} as one single-quoted shell word. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    @Override
    public String toString() {
        return String.join(" ", command);
    }
}
