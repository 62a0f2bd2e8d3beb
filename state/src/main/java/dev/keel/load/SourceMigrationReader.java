package dev.keel.load;

import com.github.javaparser.JavaParser;
import com.github.javaparser.JavaToken;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.Migration;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationNames;
import dev.keel.migration.MigrationSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads migration files from source with JavaParser, without compiling them, so that
 * {@code makemigrations} does not need the user's build. {@code define()} may call the methods of
 * {@link Migration} with literals, {@code static final} constants of the file, keel's constants and
 * keel's factories and builders; those are found by reflection, so a new operation needs no change
 * here. Everything else is reported with file:line:col, and every problem of every file is reported
 * before anything is thrown. Not thread-safe: use one reader per thread.
 */
public final class SourceMigrationReader {
    private static final String MIGRATION = Migration.class.getName();

    /*
     * Three readers: MigrationSyntax for the common shape of a migration file (most files; it builds the
     * tree the lean parser would, several times faster), a lean parser for the other files (no
     * validators, no comment attribution: together they take a third of the parse time, and define()
     * evaluation checks what it accepts itself), and the full Java 17 one, used again on any file the
     * first read finds a problem in, so that every message comes from the full parse.
     */
    private JavaParser lean;
    private JavaParser full;

    /* Made when first needed: a file of the common shape needs neither (their configuration costs tens of
       milliseconds in a fresh JVM, where a check reads one new migration). */
    private JavaParser lean() {
        if (lean == null) {
            lean = new JavaParser(new ParserConfiguration()
                    .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW).setAttributeComments(false).setStoreTokens(false));
        }
        return lean;
    }

    private JavaParser full() {
        if (full == null) {
            full = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        }
        return full;
    }

    /**
     * Reads one migration file of {@code app}.
     *
     * @throws KeelException of kind UNREADABLE_SOURCE listing every problem of the file
     */
    public MigrationSpec read(Path file, String app) {
        return readAll(app, List.of(file)).get(0);
    }

    /**
     * Reads migration files of {@code app}, sorted by name.
     *
     * @throws KeelException of kind UNREADABLE_SOURCE listing every problem of every file
     */
    public List<MigrationSpec> readAll(String app, List<Path> files) {
        var specs = new ArrayList<MigrationSpec>();
        var problems = new ArrayList<String>();
        for (Path file : files) {
            Outcome outcome = read(file, app, null);
            problems.addAll(outcome.problems());
            outcome.spec().ifPresent(specs::add);
        }
        if (!problems.isEmpty()) {
            throw new KeelException(ErrorKind.UNREADABLE_SOURCE, problems);
        }
        specs.sort(Comparator.comparing(MigrationSpec::key));
        return specs;
    }

    /** What reading one file gave: a spec when there were no problems. */
    record Outcome(Optional<MigrationSpec> spec, List<String> problems) {
        static Outcome failed(List<String> problems) {
            return new Outcome(Optional.empty(), List.copyOf(problems));
        }
    }

    /**
     * Reads one file without throwing.
     *
     * @param expectedPackage the package the file must declare, or null not to check
     */
    Outcome read(Path file, String app, String expectedPackage) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Outcome.failed(List.of(SourceProblems.ofFile(file, "cannot read the file: " + e,
                    "check that the file exists and is readable UTF-8")));
        }
        return read(file, text, app, expectedPackage);
    }

    /** Reads one file's {@code text} without throwing; see {@link #read(Path, String, String)}. */
    Outcome read(Path file, String text, String app, String expectedPackage) {
        // the common shape, read without a problem straight from its tokens; anything else as before
        Optional<MigrationSpec> fast = DefineTokens.read(file, text, app, expectedPackage);
        return fast.isPresent() ? new Outcome(fast, List.of()) : readFromTree(file, text, app, expectedPackage);
    }

    /** Reads one file's {@code text} through a tree (MigrationSyntax's, else JavaParser's), as before {@link DefineTokens}. */
    Outcome readFromTree(Path file, String text, String app, String expectedPackage) {
        Optional<CompilationUnit> common = MigrationSyntax.parse(text);
        Outcome quick = common.isPresent()
                ? evaluate(file, text, common.get(), app, expectedPackage)
                : read(lean(), file, text, app, expectedPackage);
        return quick.problems().isEmpty() ? quick : read(full(), file, text, app, expectedPackage);
    }

    private Outcome read(JavaParser parser, Path file, String text, String app, String expectedPackage) {
        var where = new SourceProblems(file, text);
        ParseResult<CompilationUnit> parsed = parser.parse(text);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            return Outcome.failed(parsed.getProblems().stream().map(p -> parseProblem(file, where, p)).toList());
        }
        return evaluate(file, text, parsed.getResult().get(), app, expectedPackage);
    }

    /** Reads the migration that {@code unit}, parsed from {@code text}, declares. */
    Outcome evaluate(Path file, String text, CompilationUnit unit, String app, String expectedPackage) {
        var where = new SourceProblems(file, text);
        String fileName = file.getFileName().toString();
        // the name without .java; without a regex (compiled per call) in the common case
        String className = fileName.endsWith(".java") ? fileName.substring(0, fileName.length() - ".java".length())
                : fileName.replaceFirst("\\.java$", "");
        var problems = new ArrayList<String>();
        if (!MigrationNames.isMigrationClassName(className)) {
            problems.add(SourceProblems.ofFile(file, "the file name " + className + " is not a migration class name"
                    + " (M + NNNN_words, such as M0002_add_post_slug)", "rename the file and its class"));
            return Outcome.failed(problems);
        }
        Optional<ClassOrInterfaceDeclaration> declared = migrationClass(file, unit, className, where, problems);
        if (declared.isEmpty()) {
            return Outcome.failed(problems);
        }
        ClassOrInterfaceDeclaration type = declared.get();
        checkPackage(unit, type, expectedPackage, where, problems);
        Optional<BlockStmt> body = defineBody(type, where, problems);
        if (body.isEmpty() || !problems.isEmpty()) {
            return Outcome.failed(problems);
        }
        var evaluator = new DefineEvaluator(new SourceScope(unit, type));
        var unreadable = new ArrayList<Unreadable>();
        var replay = new ReplayMigration(m -> unreadable.addAll(evaluator.run(body.get(), m)));
        MigrationSpec spec = replay.spec(new MigrationKey(app, MigrationNames.nameOfClass(className)), file.toString());
        unreadable.stream().map(u -> where.at(u.node(), u.what(), u.fix())).distinct().forEach(problems::add);
        return problems.isEmpty() ? new Outcome(Optional.of(spec), List.of()) : Outcome.failed(problems);
    }

    private static String parseProblem(Path file, SourceProblems where, Problem p) {
        String message = shorten(p.getMessage().lines().findFirst().orElse("syntax error"));
        String fix = "correct the Java syntax: keel reads migrations from source, so the file must parse";
        return p.getLocation().flatMap(l -> offendingToken(l.getBegin(), message).getRange())
                .map(r -> where.at(r, "does not parse: " + message, fix))
                .orElseGet(() -> SourceProblems.ofFile(file, "does not parse: " + message, fix));
    }

    /** JavaParser places "Found x" at the token before x; the message is about x. */
    private static JavaToken offendingToken(JavaToken last, String message) {
        if (!message.startsWith("Parse error. Found")) {
            return last;
        }
        Optional<JavaToken> next = last.getNextToken();
        while (next.isPresent() && next.get().getCategory().isWhitespaceOrComment()) {
            next = next.get().getNextToken();
        }
        return next.orElse(last);
    }

    /** Drops a long list of expected tokens from a parser message. */
    private static String shorten(String message) {
        int expected = message.indexOf(", expected one of");
        if (expected < 0 || message.length() - expected < 120) {
            return message;
        }
        return message.substring(0, expected) + ", which Java does not allow here";
    }

    /** The class named like the file, which must extend Migration. */
    private static Optional<ClassOrInterfaceDeclaration> migrationClass(Path file, CompilationUnit unit, String className,
                                                                        SourceProblems where, List<String> problems) {
        Optional<ClassOrInterfaceDeclaration> found = unit.getClassByName(className);
        if (found.isEmpty()) {
            List<String> declared = unit.getTypes().stream().map(TypeDeclaration::getNameAsString).toList();
            Optional<TypeDeclaration<?>> other = unit.getTypes().stream()
                    .filter(t -> MigrationNames.isMigrationClassName(t.getNameAsString())).findFirst();
            if (other.isPresent()) {
                problems.add(where.at(other.get().getName(), "the class " + other.get().getNameAsString()
                        + " is in the file " + className + ".java", "rename the file or the class so that they match"));
            } else {
                problems.add(SourceProblems.ofFile(file, "declares no class " + className + " (it declares "
                        + (declared.isEmpty() ? "nothing" : String.join(", ", declared)) + ")",
                        "declare public final class " + className + " extends Migration"));
            }
            return Optional.empty();
        }
        ClassOrInterfaceDeclaration type = found.get();
        if (type.isInterface() || type.getExtendedTypes().size() != 1 || !isMigration(unit, type.getExtendedTypes(0))) {
            problems.add(where.at(type.getName(), "the class " + className + " does not extend " + MIGRATION,
                    "declare it as public final class " + className + " extends Migration, with import " + MIGRATION + ";"));
            return Optional.empty();
        }
        return found;
    }

    private static boolean isMigration(CompilationUnit unit, ClassOrInterfaceType type) {
        String name = type.getNameWithScope();
        if (name.equals(MIGRATION)) {
            return true;
        }
        String pkg = MIGRATION.substring(0, MIGRATION.lastIndexOf('.'));
        return name.equals(Migration.class.getSimpleName()) && unit.getImports().stream().anyMatch(i -> !i.isStatic()
                && (i.getNameAsString().equals(MIGRATION) || i.isAsterisk() && i.getNameAsString().equals(pkg)));
    }

    private static void checkPackage(CompilationUnit unit, ClassOrInterfaceDeclaration type, String expected,
                                     SourceProblems where, List<String> problems) {
        if (expected == null) {
            return;
        }
        String actual = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        if (!actual.equals(expected)) {
            var at = unit.getPackageDeclaration().<com.github.javaparser.ast.Node>map(p -> p).orElse(type.getName());
            problems.add(where.at(at, "declares package " + (actual.isEmpty() ? "(none)" : actual)
                    + " but lies in the folder of the migrations package " + expected,
                    "declare package " + expected + "; or move the file to its package's folder"));
        }
    }

    private static Optional<BlockStmt> defineBody(ClassOrInterfaceDeclaration type, SourceProblems where,
                                                  List<String> problems) {
        Optional<MethodDeclaration> define = type.getMethodsBySignature("define").stream().findFirst();
        if (define.isEmpty() || define.get().getBody().isEmpty()) {
            problems.add(where.at(type.getName(), "the class " + type.getNameAsString() + " has no define() method",
                    "add @Override protected void define() { ... } declaring its dependencies and operations"));
            return Optional.empty();
        }
        return define.get().getBody();
    }
}
