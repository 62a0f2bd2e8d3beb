package dev.keel.scan.internal;

import dev.keel.cache.ContentHash;
import dev.keel.cache.FileHashes;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The application's compile class path as the entity scan reads it ({@code "libraries"} in {@code keel.json}, and
 * what the Maven plugin passes): jars and class folders, where a type or constant the source roots do not declare
 * is looked up ({@link LibraryType}). Lazy: nothing is opened until the scan asks for a name the sources do not
 * declare; then each jar's central directory is read once for the run, and each class file asked for is read once.
 *
 * <p>Types of the packages keel models itself ({@code java.*}, {@code javax.*}, {@code jakarta.*},
 * {@code org.hibernate.*}) are never looked up here: keel's own knowledge of them ({@link KnownTypes},
 * {@link BasicTypes}, {@link JdbcTypes}) answers, with or without those jars on the class path.
 */
public final class ClassPath implements AutoCloseable {
    /** No class path: every name the sources do not declare stays unknown. */
    public static final ClassPath EMPTY = new ClassPath(List.of(), List.of());

    /** What {@link #member} gives for a static field that is not a constant keel can read. */
    public static final Object NOT_CONSTANT = new Object() {
        @Override
        public String toString() {
            return "not a constant";
        }
    };

    private final List<String> configured;
    private final List<Path> entries;
    private volatile List<Container> opened;
    private final Map<String, Optional<LibraryType>> types = new ConcurrentHashMap<>();

    private ClassPath(List<String> configured, List<Path> entries) {
        this.configured = configured;
        this.entries = entries;
    }

    /** The class path of {@code entries} as given (jars and folders, in order). */
    public static ClassPath of(List<Path> entries) {
        return entries.isEmpty() ? EMPTY : new ClassPath(entries.stream().map(Path::toString).toList(), List.copyOf(entries));
    }

    /**
     * The class path the configuration's {@code "libraries"} name, relative to {@code projectDir}: each entry a jar,
     * a class folder, a glob ({@code lib/*.jar}, {@code ../core/target/*.jar}) or {@code @FILE}, a file that lists
     * a class path (entries separated by the platform's path separator or line breaks).
     *
     * @throws KeelException USAGE naming the entry that names nothing, and what to do
     */
    public static ClassPath of(Path projectDir, List<String> libraries) {
        if (libraries.isEmpty()) {
            return EMPTY;
        }
        var paths = new LinkedHashSet<Path>();
        for (String entry : libraries) {
            paths.addAll(expand(projectDir, entry));
        }
        return new ClassPath(List.copyOf(libraries), List.copyOf(paths));
    }

    private static List<Path> expand(Path projectDir, String entry) {
        if (entry.startsWith("@")) {
            Path file = projectDir.resolve(entry.substring(1));
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new KeelException(ErrorKind.USAGE, "keel.json: \"libraries\" entry \"" + entry + "\": " + file
                        + " cannot be read (" + e.getMessage() + ").\nTo fix: write the class path there, e.g. with"
                        + " mvn -q dependency:build-classpath -Dmdep.outputFile=" + entry.substring(1)
                        + ", or remove the entry.", e);
            }
            var result = new ArrayList<Path>();
            for (String part : text.split("[" + java.util.regex.Pattern.quote(File.pathSeparator) + "\\r\\n]+")) {
                if (!part.isBlank()) {
                    Path p = projectDir.resolve(part.strip());
                    if (!Files.exists(p)) {
                        throw new KeelException(ErrorKind.USAGE, "keel.json: \"libraries\" entry \"" + entry + "\": " + file
                                + " lists " + p + ", which does not exist.\nTo fix: write that file again (mvn -q"
                                + " dependency:build-classpath -Dmdep.outputFile=" + entry.substring(1)
                                + "), or build the module that makes " + p.getFileName() + ".");
                    }
                    result.add(p.normalize());
                }
            }
            return result;
        }
        if (entry.indexOf('*') >= 0 || entry.indexOf('?') >= 0 || entry.indexOf('{') >= 0) {
            return glob(projectDir, entry);
        }
        Path p = projectDir.resolve(entry).normalize();
        if (!Files.exists(p)) {
            throw new KeelException(ErrorKind.USAGE, "keel.json: \"libraries\" entry \"" + entry + "\": " + p
                    + " does not exist.\nTo fix: build the jar or class folder (mvn -q package -pl MODULE), correct the path"
                    + " (relative to " + projectDir.toAbsolutePath().normalize() + "), or remove the entry.");
        }
        return List.of(p);
    }

    /** The jars and folders a glob matches, sorted; a glob that matches none is a usage error. */
    private static List<Path> glob(Path projectDir, String entry) {
        String pattern = entry.replace('\\', '/');
        int firstWild = java.util.stream.IntStream.of(pattern.indexOf('*'), pattern.indexOf('?'), pattern.indexOf('{'))
                .filter(i -> i >= 0).min().orElse(0);
        int slash = pattern.lastIndexOf('/', firstWild);
        Path base = projectDir.resolve(slash < 0 ? "." : pattern.substring(0, slash + 1)).normalize();
        String rest = slash < 0 ? pattern : pattern.substring(slash + 1);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        var result = new ArrayList<Path>();
        if (Files.isDirectory(base)) {
            try (Stream<Path> walk = Files.walk(base)) {
                walk.filter(p -> !p.equals(base) && matcher.matches(base.relativize(p)))
                        .filter(p -> Files.isDirectory(p) || p.toString().endsWith(".jar")).sorted().forEach(result::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (result.isEmpty()) {
            throw new KeelException(ErrorKind.USAGE, "keel.json: \"libraries\" entry \"" + entry + "\" matches no jar or"
                    + " folder under " + base + ".\nTo fix: build what it names (mvn -q package), correct the pattern, or"
                    + " remove the entry.");
        }
        return result;
    }

    /** The jars and folders, in class path order. */
    public List<Path> entries() {
        return entries;
    }

    /** Whether there is nothing to look names up in. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** How the class path was given, for messages: the entries of {@code "libraries"} and {@code --libraries}. */
    public String described() {
        if (entries.isEmpty()) {
            return "the class path (empty: keel.json has no \"libraries\", and no --libraries was given)";
        }
        return "the class path (" + entries.size() + (entries.size() == 1 ? " jar or folder" : " jars and folders")
                + " from \"libraries\")";
    }

    /**
     * A hash of what the class path holds: each entry's path, and the content hash of each jar and of each class file
     * of each folder ({@code hashes} vouches for unchanged files by their metadata, as for the sources).
     */
    public String fingerprint(FileHashes hashes) {
        if (entries.isEmpty()) {
            return "no libraries";
        }
        var key = ContentHash.start("libraries");
        for (Path entry : entries) {
            key.add(entry.toString());
            if (Files.isDirectory(entry)) {
                var files = new ArrayList<Path>();
                try (Stream<Path> walk = Files.walk(entry)) {
                    walk.filter(p -> p.toString().endsWith(".class") && Files.isRegularFile(p)).forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    key.add("unreadable " + System.nanoTime());
                    continue;
                }
                files.sort(null);
                for (Path f : files) {
                    String hash = hashes.hash(f);
                    key.add(entry.relativize(f).toString()).add(hash != null ? hash : "unreadable " + System.nanoTime());
                }
            } else {
                String hash = hashes.hash(entry);
                key.add(hash != null ? hash : "unreadable " + System.nanoTime());
            }
        }
        return key.hash();
    }

    /**
     * The type of this canonical name on the class path, read from its class file (the first on the class path that
     * holds it); empty when none does, or for a package keel models itself.
     */
    public Optional<LibraryType> type(String fqn) {
        if (entries.isEmpty() || fqn == null || fqn.isEmpty() || modeledByKeel(fqn)) {
            return Optional.empty();
        }
        Optional<LibraryType> known = types.get(fqn);
        if (known != null) {
            return known;
        }
        Optional<LibraryType> found = find(fqn);
        types.putIfAbsent(fqn, found);
        return found;
    }

    /** Whether keel models the types of this name's package itself (the JDK, Jakarta and Hibernate). */
    static boolean modeledByKeel(String fqn) {
        return fqn.startsWith("java.") || fqn.startsWith("javax.") || fqn.startsWith("jakarta.") || fqn.startsWith("org.hibernate.");
    }

    private Optional<LibraryType> find(String fqn) {
        return classFile(fqn).flatMap(f -> LibraryType.read(f.bytes()));
    }

    /**
     * A class file of the class path: the jar or folder that holds it, its entry ({@code a/b/C$D.class}) and its bytes.
     */
    public record ClassFile(Path container, String entry, byte[] bytes) {}

    /** The class file of this canonical name (the first on the class path that holds it); empty when none does. */
    public Optional<ClassFile> classFile(String fqn) {
        if (entries.isEmpty() || fqn == null || fqn.isEmpty() || modeledByKeel(fqn)) {
            return Optional.empty();
        }
        String[] parts = fqn.split("\\.");
        // a.b.C first, then a.b.C$D, ...: the class file of each way the name can split into package and member types
        for (int pkg = parts.length - 1; pkg >= 0; pkg--) {
            String entry = String.join("/", java.util.Arrays.copyOfRange(parts, 0, pkg)) + (pkg == 0 ? "" : "/")
                    + String.join("$", java.util.Arrays.copyOfRange(parts, pkg, parts.length)) + ".class";
            List<Container> containers = opened();
            for (int i = 0; i < containers.size(); i++) {
                byte[] bytes = containers.get(i).read(entry);
                if (bytes != null) {
                    Optional<LibraryType> t = LibraryType.read(bytes);
                    if (t.isPresent() && t.get().fqn().equals(fqn)) {
                        return Optional.of(new ClassFile(containers.get(i).path(), entry, bytes));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The enum constants of a class path enum, in declaration order. */
    public Optional<List<String>> enumConstants(String fqn) {
        return type(fqn).filter(LibraryType::isEnum).map(LibraryType::enumConstants);
    }

    /**
     * The static member {@code name} of class path type {@code owner}, declared or inherited (superclasses and
     * superinterfaces on the class path): an enum constant as {@link Values.EnumConst}, a constant as its value,
     * {@link #NOT_CONSTANT} for a static field that is not a constant; empty when there is none.
     */
    public Optional<Object> member(String owner, String name) {
        return member(owner, name, new HashSet<>());
    }

    private Optional<Object> member(String owner, String name, Set<String> seen) {
        if (!seen.add(owner)) {
            return Optional.empty();
        }
        Optional<LibraryType> type = type(owner);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        LibraryType t = type.get();
        if (t.enumConstants().contains(name)) {
            return Optional.of(new Values.EnumConst(t.fqn(), name));
        }
        Object constant = t.constants().get(name);
        if (constant != null) {
            return Optional.of(constant);
        }
        if (t.staticFields().contains(name)) {
            return Optional.of(NOT_CONSTANT);
        }
        for (String i : t.interfaces()) {
            Optional<Object> v = member(i, name, seen);
            if (v.isPresent()) {
                return v;
            }
        }
        return t.superclass() == null ? Optional.empty() : member(t.superclass(), name, seen);
    }

    /** The member type {@code name} of class path type {@code owner}, declared or inherited, by canonical name. */
    public Optional<String> memberType(String owner, String name) {
        return memberType(owner, name, new HashSet<>());
    }

    private Optional<String> memberType(String owner, String name, Set<String> seen) {
        if (!seen.add(owner)) {
            return Optional.empty();
        }
        Optional<LibraryType> type = type(owner);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        if (type.get().memberTypes().contains(name)) {
            return Optional.of(owner + "." + name);
        }
        var supers = new ArrayList<String>();
        if (type.get().superclass() != null) {
            supers.add(type.get().superclass());
        }
        supers.addAll(type.get().interfaces());
        for (String s : supers) {
            Optional<String> inherited = memberType(s, name, seen);
            if (inherited.isPresent()) {
                return inherited;
            }
        }
        return Optional.empty();
    }

    /** Whether the class path type is, or inherits from, {@code supertype} (as far as the class path tells). */
    public boolean isSubtype(String fqn, String supertype) {
        return isSubtype(fqn, supertype, new HashSet<>());
    }

    private boolean isSubtype(String fqn, String supertype, Set<String> seen) {
        if (fqn.equals(supertype)) {
            return true;
        }
        if (!seen.add(fqn)) {
            return false;
        }
        Optional<LibraryType> t = type(fqn);
        if (t.isEmpty()) {
            return false;
        }
        if (t.get().superclass() != null && isSubtype(t.get().superclass(), supertype, seen)) {
            return true;
        }
        return t.get().interfaces().stream().anyMatch(i -> isSubtype(i, supertype, seen));
    }

    /** How many jars and folders were opened this run (none when no name was looked up). */
    public int openedCount() {
        List<Container> o = opened;
        return o == null ? 0 : o.size();
    }

    private List<Container> opened() {
        List<Container> o = opened;
        if (o == null) {
            synchronized (this) {
                o = opened;
                if (o == null) {
                    var list = new ArrayList<Container>();
                    for (Path entry : entries) {
                        if (Files.isDirectory(entry)) {
                            list.add(new Folder(entry));
                        } else {
                            try {
                                list.add(new Jar(new ZipFile(entry.toFile()), entry));
                            } catch (IOException e) {
                                // not a jar (a stray file on the class path): javac ignores it too
                            }
                        }
                    }
                    opened = o = List.copyOf(list);
                }
            }
        }
        return o;
    }

    @Override
    public synchronized void close() {
        if (opened != null) {
            for (Container c : opened) {
                c.close();
            }
            opened = null;
            types.clear();
        }
    }

    /** A jar or a folder of class files. */
    private interface Container {
        /** The bytes of the entry ({@code a/b/C.class}), or null when it holds none. */
        byte[] read(String entry);

        /** The jar or folder. */
        Path path();

        void close();
    }

    private record Jar(ZipFile zip, Path path) implements Container {
        @Override
        public byte[] read(String entry) {
            ZipEntry e = zip.getEntry(entry);
            if (e == null) {
                return null;
            }
            try (var in = zip.getInputStream(e)) {
                return in.readAllBytes();
            } catch (IOException ex) {
                return null;
            }
        }

        @Override
        public void close() {
            try {
                zip.close();
            } catch (IOException e) {
                // closing a jar opened for reading: nothing to lose
            }
        }
    }

    private record Folder(Path dir) implements Container {
        @Override
        public Path path() {
            return dir;
        }

        @Override
        public byte[] read(String entry) {
            Path file = dir.resolve(entry);
            try {
                return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public void close() {
        }
    }

    @Override
    public String toString() {
        return "ClassPath" + configured;
    }
}
