package dev.keel.scan.internal;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.PackageDeclaration;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

/**
 * The syntax trees of the scanned files, held within a memory budget that does not grow with the project.
 *
 * <p>A parsed file's tree takes some 250 bytes of heap per node (35 to 40 bytes per character of an
 * entity's source), tokens dropped: the trees of a few thousand files are more than keel's whole heap.
 * So the first reading of the sources ({@link #firstRead}) keeps a tree only for a file that declares a mapped type ({@code @Entity},
 * {@code @MappedSuperclass}, {@code @Embeddable}, {@code @Converter}), and only while the budget's
 * resident share lasts; every other tree is dropped as soon as the file's outline (its types, their lines
 * and annotation names) is taken. A tree asked for later (an entity beyond the budget, an enum, a holder
 * of constants, a superclass) is parsed again from the file, kept if the resident share has room, and
 * otherwise held among the most recently used ones (the window) until newer ones push it out. Small
 * projects therefore parse every file once, as before; large ones parse some files again, in a heap of
 * fixed size.
 *
 * <p>A file read again must be the file read first (same length and CRC-32C): a file changed during the
 * scan ends it with a problem, rather than mixing two versions of the sources.
 */
public final class SourceTrees {
    /** Annotations whose types the mapping starts from: a file declaring one keeps its tree while the budget lasts. */
    static final Set<String> MAPPING_ROOTS = Set.of("Entity", "MappedSuperclass", "Embeddable", "Converter");

    /**
     * The simple name under which a {@code package-info.java}'s annotations are indexed ({@link #packageAnnotations}):
     * not a Java identifier, so no class of the sources can have it.
     */
    public static final String PACKAGE_INFO = "package-info";

    /**
     * Heap a node of a tree without tokens takes, with its lists and range: 255 bytes on average, measured on
     * the trees of 5000 entity files (1.24 million nodes, 317 MB).
     */
    static final int NODE_BYTES = 256;

    /**
     * How many trees may be held, in bytes of heap ({@link #NODE_BYTES} per node): trees of up to
     * {@code residentBytes} are kept for the whole scan (first come, first served), and a window holds the
     * most recently used other trees, at most {@code windowFiles} files and {@code windowBytes} (the newest
     * is always held).
     */
    public record Budget(long residentBytes, int windowFiles, long windowBytes) {
        public Budget {
            if (residentBytes < 0 || windowFiles < 1 || windowBytes < 0) {
                throw new IllegalArgumentException("a budget of trees is not negative and holds at least one file");
            }
        }

        /**
         * keel's budget: trees of at most a quarter of the heap (and 128 MB) for the whole scan, and a window
         * of 64 files within a quarter of that.
         */
        public static Budget standard() {
            long bytes = Math.min(Runtime.getRuntime().maxMemory() / 4, 128L << 20);
            return new Budget(bytes, 64, bytes / 4);
        }
    }

    /** A type declared in a file, as the first reading found it. */
    record Declared(String fqn, String pkg, String simpleName, String outerFqn, int line, List<String> annotationNames) {}

    /** What the first reading of one file found, with the hashes of its content and of its {@link Outline}. */
    record FirstRead(Source source, List<Declared> declared, String content, String outline) {
        /** What this reading found, to be taken again for the same content without parsing it ({@link #known}). */
        Summary summary() {
            return new Summary(content, outline, source.length, source.checksum, declared);
        }
    }

    /**
     * What the first reading of a file finds, a function of its bytes alone: the hashes of its content and of its
     * {@link Outline}, its length and CRC-32C (which a later parse checks), and the types it declares. Kept in the
     * cache by content hash, so that a file whose content is unchanged is not read or parsed to be indexed.
     */
    public record Summary(String content, String outline, int length, long checksum, List<Declared> declared) {
        /** One line: no tab or line break (the declared names are Java names and dots). */
        public String encode() {
            var text = new StringBuilder(64 + declared.size() * 96).append(content).append('\t').append(outline).append('\t')
                    .append(length).append('\t').append(Long.toHexString(checksum));
            for (Declared d : declared) {
                text.append('\t').append(d.fqn()).append(' ').append(d.pkg().isEmpty() ? "-" : d.pkg()).append(' ')
                        .append(d.simpleName()).append(' ').append(d.outerFqn() == null ? "-" : d.outerFqn()).append(' ')
                        .append(d.line());
                for (String a : d.annotationNames()) {
                    text.append(' ').append(a);
                }
            }
            return text.toString();
        }

        /** The summary {@link #encode} wrote, or empty when the line is not one. */
        public static Optional<Summary> decode(String line) {
            String[] f = line.split("\t", -1);
            if (f.length < 4) {
                return Optional.empty();
            }
            try {
                var declared = new ArrayList<Declared>(f.length - 4);
                for (int i = 4; i < f.length; i++) {
                    String[] d = f[i].split(" ", -1);
                    if (d.length < 5) {
                        return Optional.empty();
                    }
                    var names = new ArrayList<String>(d.length - 5);
                    for (int a = 5; a < d.length; a++) {
                        names.add(d[a].intern());
                    }
                    declared.add(new Declared(d[0], d[1].equals("-") ? "" : d[1], d[2], d[3].equals("-") ? null : d[3],
                            Integer.parseInt(d[4]), List.copyOf(names)));
                }
                return Optional.of(new Summary(f[0], f[1], Integer.parseInt(f[2]), Long.parseUnsignedLong(f[3], 16),
                        List.copyOf(declared)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** Whether the file declares a type the mapping starts from (whose tree is read in parallel, up front). */
        boolean declaresMappingRoot() {
            return declared.stream().anyMatch(d -> d.annotationNames().stream().anyMatch(MAPPING_ROOTS::contains));
        }
    }

    /**
     * A file {@linkplain #known known by its summary} is not the file summarized (its length or CRC-32C differ
     * when the mapping reads it): the scan is to be made again from the files themselves.
     */
    public static final class StaleSummary extends RuntimeException {
        StaleSummary(Path file) {
            super(file + " is not the file its cached summary describes", null, false, false);
        }
    }

    /** A parsed file: its unit, the declaration of each of its types by canonical name, and its size in heap. */
    record Tree(CompilationUnit unit, Map<String, TypeDeclaration<?>> declarations, long bytes) {
        TypeDeclaration<?> declaration(String fqn) {
            TypeDeclaration<?> decl = declarations.get(fqn);
            if (decl == null) {
                throw new IllegalStateException(fqn + " is not declared in " + unit.getStorage().map(s -> s.getPath()).orElse(null));
            }
            return decl;
        }
    }

    /** A scanned file: where it is, what it held when first read, and its tree while it is resident. */
    final class Source {
        private final Path file;
        private final int length;
        private final long checksum;
        private volatile Tree resident;
        /** Whether a tree of this file was let go because of the budget (so that reading it again is a re-parse). */
        private boolean dropped;
        /** Whether the file was indexed from its {@link Summary}, not read (so that its first parse is on demand). */
        private boolean summarized;

        private Source(Path file, int length, long checksum) {
            this.file = file;
            this.length = length;
            this.checksum = checksum;
        }

        Path file() {
            return file;
        }

        /** The file's tree: the resident one, or one from the window, or the file parsed again. */
        Tree tree() {
            Tree t = resident;
            return t != null ? t : load(this);
        }
    }

    private final Budget budget;
    private final AtomicLong residentBytes = new AtomicLong();
    private final AtomicInteger residentFiles = new AtomicInteger();
    private final LinkedHashMap<Source, Tree> window = new LinkedHashMap<>(16, 0.75f, true);
    private long windowBytes;
    private int reparsed;
    private final AtomicInteger parsed = new AtomicInteger();
    private final Set<Path> parsedFiles = java.util.concurrent.ConcurrentHashMap.newKeySet();

    SourceTrees(Budget budget) {
        this.budget = budget;
    }

    /**
     * Reads and parses one file (in parallel with others): its outline, and its tree kept when it declares
     * a mapped type and the resident budget has room. A file that cannot be read or parsed is a problem.
     */
    Optional<FirstRead> firstRead(Path file, Problems problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(file, 0, "cannot be read: " + e.getMessage(), "check the file's permissions");
            return Optional.empty();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        ParseResult<CompilationUnit> result = parse(text);
        parsed.incrementAndGet();
        parsedFiles.add(file);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            SyntaxError error = SyntaxError.of(file, text, result.getProblems());
            problems.addSyntaxError(file, error.line(), error.column(), "does not parse as Java 17: " + error.message(),
                    "correct the syntax there (javac reports the same error at the same place)", error.excerpt(text));
            return Optional.empty();
        }
        CompilationUnit unit = result.getResult().get();
        String outline = Outline.hash(unit);
        var declared = new ArrayList<Declared>();
        var declarations = new HashMap<String, TypeDeclaration<?>>();
        boolean root = false;
        for (var d : declarations(unit).entrySet()) {
            TypeDeclaration<?> decl = d.getValue().decl();
            List<String> names = decl.getAnnotations().stream().map(a -> a.getName().getIdentifier().intern()).toList();
            root |= names.stream().anyMatch(MAPPING_ROOTS::contains);
            declared.add(new Declared(d.getKey(), d.getValue().pkg(), decl.getNameAsString(), d.getValue().outerFqn(),
                    decl.getBegin().map(p -> p.line).orElse(0), names));
            declarations.put(d.getKey(), decl);
        }
        Source source = new Source(file, bytes.length, checksum(bytes));
        if (root) {
            unit.setStorage(file, StandardCharsets.UTF_8);
            Tree tree = new Tree(unit, declarations, (long) dropTokens(unit) * NODE_BYTES);
            if (admit(tree.bytes())) {
                source.resident = tree;
                residentFiles.incrementAndGet();
            } else {
                source.dropped = true;
            }
        }
        return Optional.of(new FirstRead(source, declared, dev.keel.cache.ContentHash.of(bytes), outline));
    }

    /**
     * A source keel wrote itself ({@link LibrarySources}: a class path type's source, at a path that is no file): parsed
     * now and held for the whole scan (it cannot be read again), outside the budget (the mapping asks for few).
     */
    Optional<FirstRead> virtual(Path file, String text) {
        ParseResult<CompilationUnit> result = parse(text);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            throw new IllegalStateException("keel's source of " + file + " does not parse: " + result.getProblems() + "\n" + text);
        }
        CompilationUnit unit = result.getResult().get();
        unit.setStorage(file, StandardCharsets.UTF_8);
        var declared = new ArrayList<Declared>();
        var declarations = new HashMap<String, TypeDeclaration<?>>();
        for (var d : declarations(unit).entrySet()) {
            TypeDeclaration<?> decl = d.getValue().decl();
            List<String> names = decl.getAnnotations().stream().map(a -> a.getName().getIdentifier().intern()).toList();
            declared.add(new Declared(d.getKey(), d.getValue().pkg(), decl.getNameAsString(), d.getValue().outerFqn(),
                    decl.getBegin().map(p -> p.line).orElse(0), names));
            declarations.put(d.getKey(), decl);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Source source = new Source(file, bytes.length, checksum(bytes));
        source.resident = new Tree(unit, declarations, (long) dropTokens(unit) * NODE_BYTES);
        return Optional.of(new FirstRead(source, declared, dev.keel.cache.ContentHash.of(bytes), Outline.hash(unit)));
    }

    /**
     * A file whose content is the one {@code summary} was taken from (its content hash, as the cache's file hashes
     * vouch): indexed from the summary, without reading or parsing it. Its tree is parsed when first asked for
     * ({@link #preload} for the files that declare mapping roots, {@link Source#tree()} for the others).
     */
    FirstRead known(Path file, Summary summary) {
        Source source = new Source(file, summary.length(), summary.checksum());
        source.summarized = true;
        return new FirstRead(source, summary.declared(), summary.content(), summary.outline());
    }

    /**
     * Parses a file known by its summary (in parallel with others) and keeps its tree while the resident budget
     * has room, as {@link #firstRead} keeps a mapping root's; otherwise its tree is parsed again when asked for.
     *
     * @throws StaleSummary when the file is not the one summarized
     */
    void preload(Source source) {
        if (source.resident != null) {
            return;
        }
        Tree tree = parseAgain(source);
        if (admit(tree.bytes())) {
            source.resident = tree;
            residentFiles.incrementAndGet();
        } else {
            source.dropped = true;
        }
    }

    /** How many times a file was parsed (first reads, preloads and parses on demand alike). */
    int parsed() {
        return parsed.get();
    }

    /** The files parsed at least once. */
    Set<Path> parsedFiles() {
        return Set.copyOf(parsedFiles);
    }

    /** How many times a file was parsed again because the budget had let its tree go (for tests and measurements). */
    synchronized int reparsed() {
        return reparsed;
    }

    /** How many files' trees are held now. */
    synchronized int heldFiles() {
        return residentFiles.get() + window.size();
    }

    /** How many bytes of heap the trees held now take (estimated: {@link #NODE_BYTES} per node). */
    synchronized long heldBytes() {
        return residentBytes.get() + windowBytes;
    }

    private boolean admit(long bytes) {
        long now = residentBytes.get();
        while (now + bytes <= budget.residentBytes()) {
            if (residentBytes.compareAndSet(now, now + bytes)) {
                return true;
            }
            now = residentBytes.get();
        }
        return false;
    }

    private synchronized Tree load(Source source) {
        if (source.resident != null) {
            return source.resident;
        }
        Tree held = window.get(source);
        if (held != null) {
            return held;
        }
        Tree tree = parseAgain(source);
        if (source.dropped) {
            reparsed++;
        }
        if (admit(tree.bytes())) {
            source.resident = tree;
            residentFiles.incrementAndGet();
            return tree;
        }
        window.put(source, tree);
        windowBytes += tree.bytes();
        var oldest = window.entrySet().iterator();
        while (window.size() > 1 && (window.size() > budget.windowFiles() || windowBytes > budget.windowBytes())) {
            var gone = oldest.next();
            oldest.remove();
            gone.getKey().dropped = true;
            windowBytes -= gone.getValue().bytes();
        }
        return tree;
    }

    private Tree parseAgain(Source source) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(source.file);
        } catch (IOException e) {
            if (source.summarized) {
                throw new StaleSummary(source.file);
            }
            throw changed(source.file, "cannot be read again: " + e.getMessage());
        }
        if (bytes.length != source.length || checksum(bytes) != source.checksum) {
            if (source.summarized) {
                throw new StaleSummary(source.file);
            }
            throw changed(source.file, "changed while keel was reading the sources");
        }
        ParseResult<CompilationUnit> result = parse(new String(bytes, StandardCharsets.UTF_8));
        parsed.incrementAndGet();
        parsedFiles.add(source.file);
        CompilationUnit unit = result.getResult().filter(u -> result.isSuccessful())
                .orElseThrow(() -> new IllegalStateException(source.file + " parsed before and not now"));
        unit.setStorage(source.file, StandardCharsets.UTF_8);
        int nodes = dropTokens(unit);
        var declarations = new HashMap<String, TypeDeclaration<?>>();
        declarations(unit).forEach((fqn, d) -> declarations.put(fqn, d.decl()));
        return new Tree(unit, declarations, (long) nodes * NODE_BYTES);
    }

    private static KeelException changed(Path file, String what) {
        return new KeelException(ErrorKind.UNREADABLE_SOURCE, file + ": " + what
                + ". To fix: run keel again once the sources stay unchanged.");
    }

    private record Placed(TypeDeclaration<?> decl, String pkg, String outerFqn) {}

    /**
     * Every type a unit declares, nested ones included, by canonical name, in source order; for a
     * {@code package-info.java} with annotations, the declaration {@link #packageAnnotations} makes of them.
     */
    private static Map<String, Placed> declarations(CompilationUnit unit) {
        packageAnnotations(unit);
        String pkg = unit.getPackageDeclaration().map(PackageDeclaration::getNameAsString).orElse("");
        var result = new LinkedHashMap<String, Placed>();
        for (TypeDeclaration<?> decl : unit.getTypes()) {
            collect(result, decl, pkg.isEmpty() ? decl.getNameAsString() : pkg + "." + decl.getNameAsString(), pkg, null);
        }
        return result;
    }

    /**
     * The annotations of a {@code package-info.java} (a unit whose package declaration is annotated and which declares
     * no type: Java allows package annotations there alone), moved onto a class declaration named {@link #PACKAGE_INFO}
     * added to the unit, where the package declaration begins: they are then indexed, read and resolved (through the
     * file's imports) as a class's are, and whoever reads them reads the file ({@link MappingRecorder}). Hibernate reads
     * the generators declared there for the whole persistence unit. Done once per tree: the moved annotations leave the
     * package declaration.
     */
    private static void packageAnnotations(CompilationUnit unit) {
        PackageDeclaration pkg = unit.getPackageDeclaration().orElse(null);
        if (pkg == null || pkg.getAnnotations().isEmpty() || !unit.getTypes().isEmpty()) {
            return;
        }
        var annotations = new NodeList<>(pkg.getAnnotations());
        pkg.setAnnotations(new NodeList<>());
        var decl = new ClassOrInterfaceDeclaration(new NodeList<>(), false, PACKAGE_INFO);
        decl.setAnnotations(annotations);
        decl.setRange(new com.github.javaparser.Range(annotations.get(0).getBegin().orElse(pkg.getBegin().orElseThrow()),
                pkg.getEnd().orElseThrow()));
        unit.addType(decl);
    }

    private static void collect(Map<String, Placed> result, TypeDeclaration<?> decl, String fqn, String pkg, String outer) {
        result.put(fqn, new Placed(decl, pkg, outer));
        for (BodyDeclaration<?> member : decl.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) {
                collect(result, nested, fqn + "." + nested.getNameAsString(), pkg, fqn);
            }
        }
    }

    private static long checksum(byte[] bytes) {
        var crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }

    /*
     * Two parsers per thread: a lean one without validators (a third of the parse time), and the full Java
     * 17 one, used again on a file the lean one cannot parse, so that its messages are the full parser's. (Not
     * storing tokens would leave the unit without a range.) In front of both, the fast reader of declarative
     * entity files (EntitySyntax), which builds the lean parse's tree, ranges included.
     */
    private static final ThreadLocal<JavaParser> LEAN = ThreadLocal.withInitial(() -> new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
                    .setAttributeComments(false)));
    private static final ThreadLocal<JavaParser> FULL = ThreadLocal.withInitial(() -> new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                    .setAttributeComments(false)));

    static ParseResult<CompilationUnit> parse(String text) {
        Optional<CompilationUnit> fast = EntitySyntax.parse(text);
        if (fast.isPresent()) {
            return new ParseResult<>(fast.get(), List.of(), null);
        }
        // The bodies the scan never reads blanked first (most of a service class's text); a file that does not
        // parse so is parsed as written, so that its messages are the full parser's on the real text.
        ParseResult<CompilationUnit> result = LEAN.get().parse(MethodBodies.blanked(text));
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            result = FULL.get().parse(text);
        }
        return result;
    }

    /**
     * Lets go of the file's tokens, keeping each node's range (the lines of the scanner's messages and of
     * the tables' origins): the tokens (an object, a range and two positions per token) are most of a parsed
     * file's memory. Returns the number of nodes.
     */
    static int dropTokens(CompilationUnit unit) {
        if (unit.getTokenRange().isEmpty()) {
            return nodes(unit); // the fast reader's tree (EntitySyntax) has ranges and no tokens: nothing to drop
        }
        int[] nodes = {0};
        unit.walk(node -> {
            var range = node.getRange().orElse(null);
            node.setTokenRange(null);
            node.setRange(range);
            nodes[0]++;
        });
        return nodes[0];
    }

    /** How many nodes the tree under {@code node} has, {@code node} included (those {@link Node#walk} visits). */
    private static int nodes(Node node) {
        int n = 1;
        List<Node> children = node.getChildNodes();
        for (int i = 0, k = children.size(); i < k; i++) { // by index: no iterators (a cold check counts 230000 nodes)
            n += nodes(children.get(i));
        }
        return n;
    }
}
