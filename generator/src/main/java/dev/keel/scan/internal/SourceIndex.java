package dev.keel.scan.internal;

import dev.keel.concurrent.Parallel;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.PackageDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * Every type declared in a set of source files, parsed once (in parallel) with JavaParser. Files that
 * do not parse are reported as problems, each with its first syntax error where javac puts it
 * ({@link SyntaxError}); the rest are indexed by canonical name.
 */
public final class SourceIndex {
    private final Map<String, TypeInfo> types;
    private final java.util.Set<String> packages;

    private SourceIndex(Map<String, TypeInfo> types) {
        this.types = types;
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
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                        .filter(p -> excluded.stream().noneMatch(p::startsWith))
                        .forEach(result::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        result.sort(null);
        return result;
    }

    /** Parses the files, in parallel, and indexes their types; unparsable files become problems. */
    public static SourceIndex parse(List<Path> files, Problems problems) {
        List<CompilationUnit> units = Parallel.map(files, f -> parseOne(f, problems)).stream()
                .flatMap(Optional::stream).toList();
        var types = new TreeMap<String, TypeInfo>();
        for (CompilationUnit unit : units) {
            Path file = unit.getStorage().map(CompilationUnit.Storage::getPath).orElseThrow();
            String pkg = unit.getPackageDeclaration().map(PackageDeclaration::getNameAsString).orElse("");
            for (TypeDeclaration<?> decl : unit.getTypes()) {
                index(types, decl, pkg.isEmpty() ? decl.getNameAsString() : pkg + "." + decl.getNameAsString(),
                        pkg, unit, file, null);
            }
        }
        return new SourceIndex(types);
    }

    private static void index(Map<String, TypeInfo> types, TypeDeclaration<?> decl, String fqn, String pkg,
                              CompilationUnit unit, Path file, String outer) {
        types.put(fqn, new TypeInfo(fqn, pkg, decl, unit, file, outer));
        for (BodyDeclaration<?> member : decl.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) {
                index(types, nested, fqn + "." + nested.getNameAsString(), pkg, unit, file, fqn);
            }
        }
    }

    /*
     * Two parsers per thread: a lean one without validators (a third of the parse time), and the full Java
     * 17 one, used again on a file the lean one cannot parse, so that its messages are the full parser's.
     */
    private static final ThreadLocal<JavaParser> LEAN = ThreadLocal.withInitial(() -> new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
                    .setAttributeComments(false)));
    private static final ThreadLocal<JavaParser> FULL = ThreadLocal.withInitial(() -> new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                    .setAttributeComments(false)));

    private static Optional<CompilationUnit> parseOne(Path file, Problems problems) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(file, 0, "cannot be read: " + e.getMessage(), "check the file's permissions");
            return Optional.empty();
        }
        ParseResult<CompilationUnit> result = LEAN.get().parse(text);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            result = FULL.get().parse(text);
        }
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            SyntaxError error = SyntaxError.of(file, text, result.getProblems());
            problems.addSyntaxError(file, error.line(), error.column(), "does not parse as Java 17: " + error.message(),
                    "correct the syntax there (javac reports the same error at the same place)", error.excerpt(text));
            return Optional.empty();
        }
        CompilationUnit unit = result.getResult().get();
        unit.setStorage(file, StandardCharsets.UTF_8);
        dropTokens(unit);
        return Optional.of(unit);
    }

    /**
     * Lets go of the file's tokens, keeping each node's range (the lines of the scanner's messages and of
     * the tables' origins). The index holds every parsed file until the scan ends, and the tokens (an
     * object, a range and two positions per token) are most of a parsed file's memory: without this, a
     * project of a thousand entities spends its time collecting garbage.
     */
    static void dropTokens(CompilationUnit unit) {
        unit.walk(node -> {
            var range = node.getRange().orElse(null);
            node.setTokenRange(null);
            node.setRange(range);
        });
    }

    /** The type with this canonical name, if it is declared in the sources. */
    public Optional<TypeInfo> type(String fqn) {
        return Optional.ofNullable(types.get(fqn));
    }

    /** Every indexed type, sorted by name. */
    public Collection<TypeInfo> types() {
        return types.values();
    }

    /** Whether a package is declared by some indexed type. */
    public boolean hasPackage(String pkg) {
        return packages.contains(pkg);
    }
}
