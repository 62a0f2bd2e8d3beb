package dev.keel.scan.internal;

import dev.keel.concurrent.Parallel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every type declared in a set of source files, read (in parallel) with JavaParser. Files that do not
 * parse are reported as problems, each with its first syntax error where javac puts it ({@link SyntaxError});
 * the rest are indexed by canonical name. The index holds each type's
 * outline; the syntax trees are held by {@link SourceTrees} within a fixed budget, so that memory does not
 * grow with the files that map nothing.
 */
public final class SourceIndex {
    private final Map<String, TypeInfo> types;
    /** The same types for lookups by name (asked for every name the mapping resolves, found or not). */
    private final Map<String, TypeInfo> byName;
    private final java.util.Set<String> packages;
    private final SourceTrees trees;
    private final Map<Path, Read> outlines;

    /** The hashes of a file's content as the scan read it and of its {@link Outline}. */
    public record Read(String content, String outline) {}

    private final Map<Path, SourceTrees.Summary> summaries;
    private final int summarized;
    /** The annotations of each package's {@code package-info.java}, as a type of their own, by package name. */
    private final Map<String, TypeInfo> packageInfos;

    private SourceIndex(Map<String, TypeInfo> types, Map<String, TypeInfo> packageInfos, SourceTrees trees,
                        Map<Path, Read> outlines, Map<Path, SourceTrees.Summary> summaries, int summarized) {
        this.packageInfos = packageInfos;
        this.summaries = summaries;
        this.summarized = summarized;
        this.types = types;
        this.byName = new java.util.HashMap<>(types);
        this.trees = trees;
        this.outlines = outlines;
        this.packages = new java.util.HashSet<>();
        types.values().forEach(t -> packages.add(t.pkg()));
    }

    /** Every {@code .java} file under the roots, except those under an excluded folder, sorted. */
    public static List<Path> javaFiles(List<Path> roots, List<Path> excluded) {
        var result = new ArrayList<Path>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            // one stat per entry (the walk's own), and the excluded folders (the apps' migrations) not entered at all
            try {
                Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
                    @Override
                    public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
                        return excluded.stream().anyMatch(dir::startsWith) ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                                : java.nio.file.FileVisitResult.CONTINUE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                        boolean regular = attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file);
                        if (regular && file.toString().endsWith(".java") && excluded.stream().noneMatch(file::startsWith)) {
                            result.add(file);
                        }
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        result.sort(null);
        return result;
    }

    /** Reads the files, in parallel, and indexes their types, within keel's budget of trees; unparsable files become problems. */
    public static SourceIndex parse(List<Path> files, Problems problems) {
        return parse(files, problems, SourceTrees.Budget.standard());
    }

    /** Reads the files, in parallel, and indexes their types, holding trees within {@code budget}. */
    public static SourceIndex parse(List<Path> files, Problems problems, SourceTrees.Budget budget) {
        return parse(files, problems, budget, Map.of());
    }

    /**
     * Indexes the files' types: a file in {@code known} (its content the one its summary was taken from) from its
     * summary, without reading it, the others read and parsed in parallel; then the trees of the known files that
     * declare mapping roots are parsed in parallel (the mapping reads them all), the other known files' only when
     * the mapping asks for them.
     *
     * @throws SourceTrees.StaleSummary when a known file read for its tree is not the file summarized
     */
    public static SourceIndex parse(List<Path> files, Problems problems, SourceTrees.Budget budget,
                                    Map<Path, SourceTrees.Summary> known) {
        return parse(files, problems, budget, known, true);
    }

    /**
     * {@link #parse(List, Problems, SourceTrees.Budget, Map)}; with {@code preloadRoots} false, no known file is parsed
     * before the mapping asks for its tree (for a mapping that reads few of them: {@link EntityRemap}).
     */
    public static SourceIndex parse(List<Path> files, Problems problems, SourceTrees.Budget budget,
                                    Map<Path, SourceTrees.Summary> known, boolean preloadRoots) {
        SourceTrees trees = new SourceTrees(budget);
        List<SourceTrees.FirstRead> read = Parallel.map(files, f -> {
            SourceTrees.Summary summary = known.get(f);
            return summary != null ? Optional.of(trees.known(f, summary)) : trees.firstRead(f, problems);
        }).stream().flatMap(Optional::stream).toList();
        if (!known.isEmpty() && preloadRoots) {
            var roots = new ArrayList<SourceTrees.Source>();
            for (SourceTrees.FirstRead file : read) {
                SourceTrees.Summary summary = known.get(file.source().file());
                if (summary != null && summary.declaresMappingRoot()) {
                    roots.add(file.source());
                }
            }
            Parallel.map(roots, s -> {
                trees.preload(s);
                return s;
            });
        }
        var types = new TreeMap<String, TypeInfo>();
        var packageInfos = new TreeMap<String, TypeInfo>();
        var outlines = new java.util.HashMap<Path, Read>();
        var summaries = new java.util.HashMap<Path, SourceTrees.Summary>();
        for (SourceTrees.FirstRead file : read) {
            summaries.put(file.source().file(), file.summary());
            outlines.put(file.source().file(), new Read(file.content(), file.outline()));
            for (SourceTrees.Declared d : file.declared()) {
                var info = new TypeInfo(d.fqn(), d.pkg(), d.simpleName(), d.outerFqn(), d.line(), d.annotationNames(), file.source());
                if (d.simpleName().equals(SourceTrees.PACKAGE_INFO)) {
                    packageInfos.putIfAbsent(d.pkg(), info); // one package's in two source roots: the first by path
                } else {
                    types.put(d.fqn(), info);
                }
            }
        }
        int summarized = 0;
        for (Path f : files) {
            summarized += known.containsKey(f) ? 1 : 0;
        }
        return new SourceIndex(types, packageInfos, trees, Map.copyOf(outlines), summaries, summarized);
    }

    /** What the first reading of each file found (read, or taken from its summary), by path. */
    public Map<Path, SourceTrees.Summary> summaries() {
        return summaries;
    }

    /** How many files were indexed from their summaries, not read. */
    public int summarized() {
        return summarized;
    }

    /** How many times a file was parsed in this scan (first reads, and trees read for the mapping). */
    public int parsed() {
        return trees.parsed();
    }

    /** The files parsed at least once in this scan. */
    public java.util.Set<Path> parsedFiles() {
        return trees.parsedFiles();
    }

    /** The hashes of each parsed file's content and {@link Outline}, by the path it was read from. */
    public Map<Path, Read> outlines() {
        return outlines;
    }

    /** How many times a file was parsed again because the budget of trees had let its tree go. */
    public int reparsed() {
        return trees.reparsed();
    }

    /** How many files' trees are held now (for tests). */
    int heldFiles() {
        return trees.heldFiles();
    }

    /** How many bytes of source the trees held now were parsed from (for tests). */
    long heldBytes() {
        return trees.heldBytes();
    }

    /**
     * The type with this canonical name, if it is declared in the sources; else, when a class path is attached
     * ({@link #libraries}), a class path {@code @MappedSuperclass} or {@code @Embeddable} of that name, indexed from
     * the source {@link LibrarySources} writes for it (once per scan).
     */
    public Optional<TypeInfo> type(String fqn) {
        TypeInfo t = byName.get(fqn);
        if (t != null || libraries == null || fqn == null) {
            return Optional.ofNullable(t);
        }
        Optional<TypeInfo> found = libraryTypes.get(fqn);
        if (found == null) {
            synchronized (libraryTypes) {
                found = libraryTypes.get(fqn);
                if (found == null) {
                    found = Optional.empty();
                    Optional<LibrarySources.Written> written = LibrarySources.of(libraries, fqn);
                    if (written.isPresent()) {
                        SourceTrees.FirstRead read = trees.virtual(written.get().file(), written.get().text()).orElseThrow();
                        for (SourceTrees.Declared d : read.declared()) {
                            TypeInfo info = new TypeInfo(d.fqn(), d.pkg(), d.simpleName(), d.outerFqn(), d.line(),
                                    d.annotationNames(), read.source());
                            libraryTypes.putIfAbsent(d.fqn(), Optional.of(info));
                        }
                        found = libraryTypes.getOrDefault(fqn, Optional.empty());
                    }
                    libraryTypes.put(fqn, found);
                }
            }
        }
        return found;
    }

    /** The class path types indexed so far ({@link #type}), sorted by name. */
    public List<TypeInfo> libraryTypes() {
        synchronized (libraryTypes) {
            return libraryTypes.values().stream().flatMap(Optional::stream).distinct()
                    .sorted(java.util.Comparator.comparing(TypeInfo::fqn)).toList();
        }
    }

    private volatile ClassPath libraries;
    private final Map<String, Optional<TypeInfo>> libraryTypes = new java.util.concurrent.ConcurrentHashMap<>();

    /** Looks up, from now on, names the sources do not declare among {@code classPath}'s mapped superclasses and embeddables. */
    public void libraries(ClassPath classPath) {
        this.libraries = classPath.isEmpty() ? null : classPath;
    }

    /** The types declared in {@code file}, sorted by name. */
    public synchronized List<TypeInfo> typesIn(Path file) {
        if (byFile == null) {
            byFile = new java.util.HashMap<>();
            for (TypeInfo t : types.values()) {
                byFile.computeIfAbsent(t.file(), k -> new java.util.ArrayList<>()).add(t);
            }
        }
        return byFile.getOrDefault(file, List.of());
    }

    private Map<Path, List<TypeInfo>> byFile;

    /** Every indexed type, sorted by name. */
    public Collection<TypeInfo> types() {
        return types.values();
    }

    /**
     * The annotations of the packages' {@code package-info.java} files, each as a class declaration named
     * {@value SourceTrees#PACKAGE_INFO} carrying them (its names resolved through the file's imports), sorted by
     * package; not among {@link #types}.
     */
    public Collection<TypeInfo> packageInfos() {
        return packageInfos.values();
    }

    /** Whether a package is declared by some indexed type. */
    public boolean hasPackage(String pkg) {
        return packages.contains(pkg);
    }
}
