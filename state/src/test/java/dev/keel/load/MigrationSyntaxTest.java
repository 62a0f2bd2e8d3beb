package dev.keel.load;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fast reader of common migration files against JavaParser, its reference: whenever it accepts a
 * file, its tree equals the lean JavaParser tree (and reads to the same migration); it accepts what
 * keel writes; it declines what it does not handle.
 */
class MigrationSyntaxTest {
    private static final Path REPOSITORY = Path.of("..");
    private static final String HEADER = """
            package com.example.shop.migrations;

            import dev.keel.migration.Migration;
            import dev.keel.operations.RunSql;

            import static dev.keel.migration.Operations.*;

            public final class M0002_case extends Migration {
            """;

    /** The same configuration as {@link SourceMigrationReader}'s lean parser. */
    private final JavaParser lean = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW).setAttributeComments(false).setStoreTokens(false));

    @TempDir
    Path dir;

    // ---- real files ------------------------------------------------------------------------------

    @Test
    void everyMigrationFileOfTheRepositoryIsReadAsJavaParserReadsItOrDeclined() throws IOException {
        List<Path> files = migrationFiles(REPOSITORY);
        var accepted = new ArrayList<Path>();
        var declined = new ArrayList<Path>();
        for (Path file : files) {
            (sameAsJavaParser(file) ? accepted : declined).add(file);
        }
        for (Path file : declined) {
            String text = Files.readString(file);
            if (writtenByKeel(file, text)) {
                assertTrue(text.contains("\"\"\""), "declined a file keel's writer wrote (and without a text block): "
                        + file);
            }
        }
        // the repository holds some two hundred migration files; most of them are keel's writer's output
        assertTrue(accepted.size() > 150, "accepted only " + accepted.size() + " of " + files.size() + " files");
    }

    @Test
    void acceptsTheBenchmarkProjectsMigrations() throws Exception {
        assumeTrue(python3(), "python3 runs bench/gen_keel_project.py");
        Process gen = new ProcessBuilder("python3", REPOSITORY.resolve("bench/gen_keel_project.py").toString(),
                dir.toString(), "12", "40").redirectErrorStream(true).start();
        String output = new String(gen.getInputStream().readAllBytes());
        assertTrue(gen.waitFor(60, TimeUnit.SECONDS) && gen.exitValue() == 0, output);
        List<Path> files = migrationFiles(dir);
        assertEquals(40, files.size());
        for (Path file : files) {
            assertTrue(sameAsJavaParser(file), "declined " + file + ":\n" + Files.readString(file));
        }
    }

    // ---- small cases -----------------------------------------------------------------------------

    @Test
    void readsTrickyStringsAsJavaParserDoes() {
        accepts("""
                    @Override
                    protected void define() {
                        operations(runSql("SELECT '\\"x\\"', '\\\\', E'a\\nb\\tc\\r\\f\\b\\s\\'' -- // not a comment /* nor this */",
                                "/* */ // \\\\\\" */"),
                                runSql("", RunSql.NOOP));
                    }
                }
                """);
    }

    @Test
    void skipsCommentsAsTheLeanParserDoes() {
        accepts("""
                    /** A constant. */
                    private static final String TABLE = /* inline */ "shop_order"; // trailing "quote
                    // @Override public void other() {}
                    /* "unclosed string in a comment */
                    /**/
                    @Override /* between */ protected /* * / */ void define() {
                        operations(addIndex(TABLE, index("idx", "a")) // .concurrently()
                                );
                    }
                }
                // after the class
                """);
    }

    @Test
    void readsConstantsNumbersAndNamesAsJavaParserDoes() {
        accepts("""
                    private static final int LENGTH = 12;
                    private static final long START = -1000L;
                    static final long SMALL = 5l;
                    public static final boolean ATOMIC = false;
                    private static final java.lang.String NOTHING = null;
                    private static final short ZERO = 0;
                    private static final int MIN = -2147483648;
                    private static final dev.keel.operations.RunSql.Kind$ WEIRD = RunSql.NOOP;

                    @Override
                    protected final void define() {
                        atomic(ATOMIC);
                        createSequence(sequence("s").startWith(START).incrementBy(-50));
                        operations(runSql("x", dev.keel.operations.RunSql.NOOP), runSql(NOTHING, RunSql.NOOP));
                        operations();
                    }
                }
                """);
    }

    @Test
    void readsImportsOfEveryKindAndTheDefaultPackageAsJavaParserDoes() {
        String define = "    @Override\n    protected void define() {\n        safeRemoveField(\"a\", \"b\", LATER);\n    }\n}\n";
        String header = HEADER.replace("import dev.keel.operations.RunSql;", """
                import dev.keel.operations.*;
                import static dev.keel.operations.DeletionAction.MOVE_TO_PENDING;""");
        acceptsFile(header + "    private static final DeletionAction LATER = MOVE_TO_PENDING;\n" + define);
        acceptsFile(header.replace("package com.example.shop.migrations;", "")
                + "    private static final DeletionAction LATER = DeletionAction.DELETE;\n" + define);
    }

    @Test
    void aProblemInAnAcceptedFileIsReportedWithItsPositionFromJavaParser() throws IOException {
        String text = HEADER + "    @Override\n    protected void define() {\n        operations(Helpers.dropPost());\n    }\n}\n";
        assertTrue(MigrationSyntax.parse(text).isPresent());
        Path file = Files.writeString(dir.resolve("M0002_case.java"), text);

        List<String> problems = new SourceMigrationReader().read(file, text, "shop", null).problems();

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(file + ":11:20: unknown name Helpers"), problems.get(0));
    }

    @Test
    void readsOtherLineEndsAndWhiteSpaceAsJavaParserDoes() {
        String text = (HEADER + "\t@Override\f\n    protected void define() {\n        initial();\n    }\n}\n")
                .replace("\n", "\r\n");
        acceptsFile(text);
        acceptsFile(text.replace("\r\n", "\r"));
        acceptsFile(text.replaceFirst("\r\n", "\n"));
        acceptsFile(text.replace("\r\n", "").replace("@Override\f", "@Override\f/* no line end */"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // text blocks, unicode escapes, char and other literals
            "private static final String SQL = \"\"\"\n        SELECT 1\n        \"\"\";\n",
            "private static final String CAFE = \"caf\\u00e9\";\n",
            "// caf\\u00e9\n",
            "private static final char QUOTE = '\\'';\n",
            "private static final int MASK = 0x1F;\n",
            "private static final int OCTAL = 017;\n",
            "private static final int THOUSAND = 1_000;\n",
            "private static final double HALF = 0.5;\n",
            "private static final float F = 1f;\n",
            "private static final String OCTAL_ESCAPE = \"\\0\";\n",
            "private static final String NAME = \"a\" + \"s\";\n",
            "private static final int NEGATIVE = -LENGTH;\n",
            // other members
            "void forward(Object context) {\n}\n",
            "private static final String[] NAMES = {\"a\"};\n",
            "private static final java.util.List<String> NAMES = java.util.List.of(\"a\");\n",
            "@Deprecated private static final String OLD = \"x\";\n",
            "static class Nested {\n}\n",
            "static {\n}\n",
            "private static final int A = 1, B = 2;\n",
            "private static final String caf\u00e9 = \"x\";\n",
            ";\n",
    })
    void declinesMembersItDoesNotHandle(String member) {
        declines(HEADER + "    " + member + "    @Override\n    protected void define() {\n        initial();\n    }\n}\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "runJava(context -> { });",
            "runJava(M0002_case::forward);",
            "runSql(\"a\" + \"b\");",
            "runSql(this.toString());",
            "this.initial();",
            "runSql(new String(\"x\"));",
            "runSql((String) null);",
            "runSql(NAMES[0]);",
            "operations(Operations.<Object>ops());",
            "String x = \"a\";",
            "initial(); ;",
            "if (true) initial();",
            "runSql(String.class.getName());",
            "runSql(\"x\".trim());",
            "atomic(!true);",
            "atomic(1 < 2);",
            "dependsOn(\"shop\", \"0001\")\n;; initial();",
            "var x = 1;",
            "yield(1);",
    })
    void declinesStatementsItDoesNotHandle(String statement) {
        declines(HEADER + "    @Override\n    protected void define() {\n        " + statement + "\n    }\n}\n");
    }

    @Test
    void declinesAnnotationsOnTheClassAndFurtherTypes() {
        String define = "    @Override\n    protected void define() {\n        initial();\n    }\n}\n";
        declines(HEADER.replace("public final class", "@Deprecated\npublic final class") + define);
        declines(HEADER.replace("public final class", "/** doc */\n@SuppressWarnings(\"x\") public final class") + define);
        declines(HEADER + define + "class Helper {\n}\n");
        declines(HEADER + define + "record Helper() {\n}\n");
        declines(HEADER + define + "interface Helper {\n}\n");
        declines(HEADER.replace("public final class", "interface Helper {\n}\npublic final class") + define);
    }

    @Test
    void readsNonAsciiTextInStringsAndComments() {
        accepts("""
                    /** Cafés — and über. */
                    @Override
                    protected void define() {
                        operations(alterModelComment("order", "café — über"));
                    }
                }
                """);
    }

    @Test
    void declinesAModuleOrAClassWithGenericsOrInterfaces() {
        declines("module com.example.shop {\n}\n");
        declines(HEADER.replace("extends Migration", "extends Migration implements Runnable")
                + "    public void run() {\n    }\n}\n");
        declines(HEADER.replace("M0002_case", "M0002_case<T>") + "}\n");
        declines(HEADER.replace("package com.example.shop.migrations;", "@Deprecated\npackage com.example.shop.migrations;")
                + "}\n");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private void accepts(String members) {
        acceptsFile(HEADER + members);
    }

    private void acceptsFile(String text) {
        try {
            Path file = Files.writeString(dir.resolve("M0002_case.java"), text);
            assertTrue(sameAsJavaParser(file), "declined:\n" + text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Asserts that JavaParser reads {@code text} (so the case is Java) and that the fast reader declines it. */
    private void declines(String text) {
        ParseResult<CompilationUnit> parsed = lean.parse(text);
        assertTrue(parsed.isSuccessful(), "the case does not parse: " + parsed.getProblems() + "\n" + text);
        assertEquals(Optional.empty(), MigrationSyntax.parse(text), "accepted:\n" + text);
    }

    /**
     * Whether the fast reader accepts {@code file}; when it does, asserts that its tree equals the lean
     * JavaParser tree (structurally, and as printed), that its parent links are those of a tree, and that
     * both trees read to the same migration (or the same problems).
     */
    private boolean sameAsJavaParser(Path file) throws IOException {
        String text = Files.readString(file);
        Optional<CompilationUnit> fast = MigrationSyntax.parse(text);
        ParseResult<CompilationUnit> parsed = lean.parse(text);
        if (fast.isEmpty()) {
            return false;
        }
        assertTrue(parsed.isSuccessful(), "accepted a file JavaParser rejects: " + file + " " + parsed.getProblems());
        CompilationUnit reference = parsed.getResult().orElseThrow();
        assertEquals(reference.toString(), fast.get().toString(), file.toString());
        assertEquals(reference, fast.get(), file.toString());
        fast.get().walk(node -> node.getChildNodes().forEach(child -> assertSame(node, parentOf(child), file + ": " + child)));
        // problems differ in their positions (the fast tree has none), and lead to a full parse anyway
        var reader = new SourceMigrationReader();
        SourceMigrationReader.Outcome expected = reader.evaluate(file, text, reference, "app", null);
        SourceMigrationReader.Outcome actual = reader.evaluate(file, text, fast.get(), "app", null);
        assertEquals(expected.spec(), actual.spec(), file.toString());
        assertEquals(expected.problems().isEmpty(), actual.problems().isEmpty(), file + ": " + actual.problems());
        return true;
    }

    private static Node parentOf(Node child) {
        return child.getParentNode().orElseThrow();
    }

    /** Files of keel's writer: golden expectations, the benchmark's files, the samples but their data migrations. */
    static boolean writtenByKeel(Path file, String text) {
        return text.contains("Generated by keel makemigrations") || text.contains("Generated by bench/gen_keel_project.py")
                || file.normalize().startsWith(Path.of("..", "src-samples").normalize()) && !text.contains("data migration");
    }

    static List<Path> migrationFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().matches("M\\d{4}\\w*\\.java"))
                    .filter(p -> Files.isRegularFile(p) && !p.toString().contains("/target/") && !p.toString().contains("/."))
                    .sorted().toList();
        }
    }

    static boolean python3() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
