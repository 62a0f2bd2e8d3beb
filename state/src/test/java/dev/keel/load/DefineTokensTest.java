package dev.keel.load;

import dev.keel.migration.MigrationSpec;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The reading of a migration straight from its tokens ({@link DefineTokens}) against the reading through a tree
 * ({@link SourceMigrationReader#readFromTree}), its reference: whenever it answers, the tree's reading finds no
 * problem and the same migration (key, dependencies, operations, flags, origin); whenever the tree's reading finds a
 * problem, it does not answer (so every message still comes from the tree's reading); it answers for what keel's
 * writer and the benchmark write.
 */
class DefineTokensTest {
    private static final Path REPOSITORY = Path.of("..");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private static final String HEADER = """
            package com.example.shop.migrations;

            import dev.keel.migration.Migration;
            import dev.keel.operations.RunSql;
            import dev.keel.state.Identity;

            import static dev.keel.migration.Operations.*;

            public final class M0002_case extends Migration {
            """;

    @TempDir
    Path dir;

    // ---- real files ------------------------------------------------------------------------------

    @Test
    void everyMigrationFileOfTheRepositoryReadsToTheSameMigrationOrIsLeftToTheTree() throws IOException {
        List<Path> files = MigrationSyntaxTest.migrationFiles(REPOSITORY);
        var answered = new ArrayList<Path>();
        var left = new ArrayList<Path>();
        for (Path file : files) {
            String text = Files.readString(file);
            Matcher declared = PACKAGE.matcher(text);
            String pkg = declared.find() ? declared.group(1) : "";
            // as a project reads it (its package expected), without a package check, and in the wrong folder
            (agrees(file, text, pkg) ? answered : left).add(file);
            agrees(file, text, null);
            assertFalse(agrees(file, text, pkg + ".elsewhere"), file.toString());
        }
        for (Path file : left) {
            String text = Files.readString(file);
            if (MigrationSyntaxTest.writtenByKeel(file, text) && !text.contains("\"\"\"")) {
                // keel's writer's files are the common shape: left to the tree only when they hold a problem
                assertFalse(new SourceMigrationReader().readFromTree(file, text, "app", null).problems().isEmpty(),
                        "left a file keel's writer wrote to the tree: " + file);
            }
        }
        assertTrue(answered.size() > 150, "answered only " + answered.size() + " of " + files.size() + " files");
    }

    @Test
    void answersForEveryMigrationOfTheBenchmarkProject() throws Exception {
        assumeTrue(MigrationSyntaxTest.python3(), "python3 runs bench/gen_keel_project.py");
        Process gen = new ProcessBuilder("python3", REPOSITORY.resolve("bench/gen_keel_project.py").toString(),
                dir.toString(), "30", "120").redirectErrorStream(true).start();
        String output = new String(gen.getInputStream().readAllBytes());
        assertTrue(gen.waitFor(60, TimeUnit.SECONDS) && gen.exitValue() == 0, output);
        List<Path> files = MigrationSyntaxTest.migrationFiles(dir);
        assertEquals(120, files.size());
        for (Path file : files) {
            String text = Files.readString(file);
            Matcher declared = PACKAGE.matcher(text);
            assertTrue(declared.find(), file.toString());
            assertTrue(agrees(file, text, declared.group(1)), "left to the tree: " + file + ":\n" + text);
        }
    }

    // ---- small cases -----------------------------------------------------------------------------

    @Test
    void readsConstantsNumbersStringsAndNamesAsTheTreeDoes() {
        answers("""
                    private static final int LENGTH = 12;
                    private static final long START = -1000L;
                    static final long SMALL = 5;
                    static final short TINY = 7;
                    static final byte BYTE = -3;
                    public static final boolean ATOMIC = false;
                    private static final java.lang.String NOTHING = null;
                    private static final String TABLE = M0002_case.OTHER;
                    private static final String OTHER = "shop_order";
                    private static final int MIN = -2147483647;
                    private static final Identity KIND = Identity.ALWAYS;

                    @Override
                    protected final void define() {
                        atomic(ATOMIC);
                        dependsOn("shop", "0001_initial");
                        createSequence(sequence("s").startWith(START).incrementBy(-50));
                        createSequence(sequence("t").startWith(SMALL).incrementBy(MIN));
                        createSequence(sequence("u").startWith(TINY).incrementBy(BYTE));
                        operations(runSql("x", dev.keel.operations.RunSql.NOOP), runSql("y", NOTHING), alterModelComment("order", NOTHING),
                                runSql("SELECT '\\"x\\"', '\\\\', E'a\\nb\\tc\\r\\f\\b\\s\\''", RunSql.NOOP));
                        operations(addField(TABLE, "f", column("f", "varchar(12)").identity(KIND)),
                                addField(M0002_case.TABLE, "g", column("g", "bigint").identity(dev.keel.state.Identity.BY_DEFAULT)),
                                addField(com.example.shop.migrations.M0002_case.TABLE, "h", column("h", "int").nullable()));
                        operations();
                        postDeployment();
                    }
                }
                """);
    }

    @Test
    void readsImportsOfEveryKindAndTheDefaultPackageAsTheTreeDoes() {
        String define = "    @Override\n    protected void define() {\n        safeRemoveField(\"a\", \"b\", LATER);\n    }\n}\n";
        String header = HEADER.replace("import dev.keel.operations.RunSql;", """
                import dev.keel.operations.*;
                import static dev.keel.operations.DeletionAction.MOVE_TO_PENDING;""");
        answersFile(header + "    private static final DeletionAction LATER = MOVE_TO_PENDING;\n" + define);
        answersFile(header.replace("package com.example.shop.migrations;", "")
                + "    private static final DeletionAction LATER = DeletionAction.DELETE;\n" + define);
        answersFile(header.replace("import dev.keel.migration.Migration;", "import dev.keel.migration.*;")
                + "    private static final DeletionAction LATER = DeletionAction.DELETE;\n" + define);
        answersFile(header.replace("import dev.keel.migration.Migration;", "")
                .replace("extends Migration", "extends dev.keel.migration.Migration")
                + "    private static final DeletionAction LATER = DeletionAction.DELETE;\n" + define);
    }

    /** Each a problem the tree's reading reports: the tokens' reading must leave the file to it. */
    @ParameterizedTest
    @ValueSource(strings = {
            "operations(Helpers.dropPost());",
            "runSql(UNKNOWN, RunSql.NOOP);",
            "runSql(NOT_FINAL, RunSql.NOOP);",
            "runSql(NO_VALUE, RunSql.NOOP);",
            "runSql(SELF, RunSql.NOOP);",
            "runSql(RunSql.NOTHING_SUCH, RunSql.NOOP);",
            "runSql(RunSql.NOOP.sql, RunSql.NOOP);",
            "runSql(column(\"a\", \"b\").name, RunSql.NOOP);",
            "runSql(initial(), RunSql.NOOP);",
            "runSql(Identity, RunSql.NOOP);",
            "runSql(String.valueOf(1), RunSql.NOOP);",
            "runSql(\"x\", \"y\", \"z\", 1);",
            "noSuchFactory(\"x\");",
            "helper();",
            "M0002_case.helper();",
            "RunSql.noSuchMethod();",
            "column(\"a\", \"b\").noSuchMethod();",
            "NOTHING.length();",
            "operations(addField(\"t\", \"f\", column(\"f\", \"\")));",
            "dependsOn(\"shop\", 2147483647);",
            "createSequence(sequence(\"s\").incrementBy(0));",
            "operations(runSql(\"x\", RunSql.NOOP), 5);",
    })
    void leavesEveryProblemToTheTree(String statement) throws IOException {
        String text = HEADER + """
                    private static String NOT_FINAL = "x";
                    private static final String NO_VALUE;
                    private static final String SELF = SELF;
                    private static final String NOTHING = null;

                    void helper() {
                    }

                    @Override
                    protected void define() {
                        initial();
                        %s
                    }
                }
                """.formatted(statement);
        Path file = Files.writeString(dir.resolve("M0002_case.java"), text);
        assertEquals(Optional.empty(), DefineTokens.read(file, text, "shop", null), statement);
        SourceMigrationReader.Outcome outcome = new SourceMigrationReader().read(file, text, "shop", null);
        assertFalse(outcome.problems().isEmpty(), statement);
        assertEquals(new SourceMigrationReader().readFromTree(file, text, "shop", null), outcome, statement);
    }

    @Test
    void leavesTheClassAndFileProblemsToTheTree() throws IOException {
        String define = "    @Override\n    protected void define() {\n        initial();\n    }\n}\n";
        leaves("M0002_case.java", HEADER.replace("class M0002_case", "class M0003_other") + define);
        leaves("M0002_case.java", HEADER.replace("extends Migration", "extends Object") + define);
        leaves("M0002_case.java", HEADER.replace("extends Migration", "") + define);
        leaves("M0002_case.java", HEADER.replace("import dev.keel.migration.Migration;", "") + define);
        leaves("M0002_case.java", HEADER + "    private static final String A = \"a\";\n}\n");
        leaves("m0002_case.java", HEADER.replace("M0002_case", "m0002_case") + define);
        leaves("M0002_case.java", HEADER + define.replace("initial();", "initial(); initial(;"));
        // unicode escapes are JavaParser's to translate
        String escaped = HEADER + define.replace("initial();", "runSql(\"caf\\u00e9\", RunSql.NOOP);");
        Path escapedFile = Files.writeString(dir.resolve("M0002_case.java"), escaped);
        assertEquals(Optional.empty(), DefineTokens.read(escapedFile, escaped, "shop", null));
        assertTrue(new SourceMigrationReader().read(escapedFile, escaped, "shop", null).spec().isPresent());
        // the wrong package for its folder
        String text = HEADER + define;
        Path file = Files.writeString(dir.resolve("M0002_case.java"), text);
        assertEquals(Optional.empty(), DefineTokens.read(file, text, "shop", "com.example.other.migrations"));
        assertTrue(DefineTokens.read(file, text, "shop", "com.example.shop.migrations").isPresent());
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private void answers(String members) {
        answersFile(HEADER + members);
    }

    private void answersFile(String text) {
        try {
            Path file = Files.writeString(dir.resolve("M0002_case.java"), text);
            SourceMigrationReader.Outcome tree = new SourceMigrationReader().readFromTree(file, text, "app", null);
            assertEquals(List.of(), tree.problems(), "the case has problems:\n" + text);
            assertTrue(agrees(file, text, null), "left to the tree:\n" + text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void leaves(String name, String text) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        assertEquals(Optional.empty(), DefineTokens.read(file, text, "shop", null), text);
        assertFalse(new SourceMigrationReader().read(file, text, "shop", null).problems().isEmpty(), text);
        Files.delete(file);
    }

    /**
     * Whether the tokens' reading answers for {@code file}; when it does, asserts that the tree's reading finds no
     * problem and the same migration; when the tree's reading finds a problem, asserts that it does not answer.
     */
    private static boolean agrees(Path file, String text, String expectedPackage) {
        Optional<MigrationSpec> fast = DefineTokens.read(file, text, "app", expectedPackage);
        SourceMigrationReader.Outcome tree = new SourceMigrationReader().readFromTree(file, text, "app", expectedPackage);
        if (!tree.problems().isEmpty()) {
            assertEquals(Optional.empty(), fast, file + " has problems: " + tree.problems());
            return false;
        }
        if (fast.isEmpty()) {
            return false;
        }
        assertEquals(tree.spec(), fast, file.toString());
        assertEquals(tree.spec().orElseThrow().toString(), fast.get().toString(), file.toString());
        return true;
    }
}
