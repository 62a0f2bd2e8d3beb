package dev.keel.scan.internal;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bodies the scan never reads, blanked before the parse: on every source file of the repository the blanked
 * text parses to the same {@link Outline} (what the scan reads, with every kept node's line and column) as the file
 * as written, and keeps its length and line ends; what is blanked and what is left as written, case by case; text it
 * cannot place is given back unchanged.
 */
class MethodBodiesTest {
    private final JavaParser lean = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW).setAttributeComments(false));

    @Test
    void everySourceFileOfTheRepositoryKeepsItsOutline() throws IOException {
        List<Path> files = EntitySyntaxTest.javaFiles(Path.of(".."));
        int blanked = 0;
        for (Path file : files) {
            String text = Files.readString(file);
            String skimmed = MethodBodies.blanked(text);
            ParseResult<CompilationUnit> original = lean.parse(text);
            if (!original.isSuccessful()) {
                continue; // test resources that do not parse on purpose
            }
            sameShape(text, skimmed, file.toString());
            if (!skimmed.equals(text)) {
                blanked++;
                ParseResult<CompilationUnit> parsed = lean.parse(skimmed);
                assertTrue(parsed.isSuccessful(), file + ": the blanked text does not parse: " + parsed.getProblems());
                assertEquals(Outline.text(original.getResult().orElseThrow()), Outline.text(parsed.getResult().orElseThrow()),
                        file.toString());
            }
        }
        // keel's own sources are mostly methods: nearly every file has a body to blank
        assertTrue(blanked > files.size() / 2, "blanked " + blanked + " of " + files.size() + " files");
    }

    @Test
    void blanksMethodConstructorAndInitializerBodies() {
        String text = """
                package a;
                public class Service {
                    static { init(); }
                    { count = 1; }
                    public Service(int x) { this.x = x; }
                    public <T> T pick(List<T> xs) throws java.io.IOException, IllegalStateException {
                        if (xs.isEmpty()) { return null; }
                        Runnable r = () -> { class Local { int y; } };
                        return xs.get(0);
                    }
                    default void never() { }
                    int[] dims()[] { return null; }
                    void record(int r) { r++; }
                }
                """;
        String out = MethodBodies.blanked(text);
        sameShape(text, out, "case");
        for (String gone : List.of("init()", "count = 1", "this.x", "isEmpty", "Local", "return null", "r++")) {
            assertTrue(!out.contains(gone), gone + " is left in:\n" + out);
        }
        for (String kept : List.of("static {", "public Service(int x) {", "throws java.io.IOException, IllegalStateException {",
                "void record(int r) {")) {
            assertTrue(out.contains(kept), kept + " is gone from:\n" + out);
        }
    }

    @Test
    void leavesWhatTheScanReadsAsWritten() {
        String text = """
                package a;
                @Table(name = "t", indexes = { @Index(columnList = "a"), @Index(columnList = "b") })
                public class Thing implements UserType<Object> {
                    static final int[] SIZES = { 1, 2 };
                    static final Comparator<Thing> ORDER = new Comparator<>() { public int compare(Thing a, Thing b) { return 0; } };
                    static final Runnable R = () -> { go(); };
                    private String s = "{ not a brace }", c = "}";
                    private char open = '{', close = '}', quote = '\\'';
                    private String block = \"""
                        { text } \\\""" }
                        \""";
                    // a comment with { a brace
                    /* and } another */
                    public int getSqlType() { return Types.VARCHAR; }
                    public record Pair(int a, int b) { public Pair { check(a); } int sum() { return a + b; } }
                    enum Kind { A(1) { int weight() { return 5; } }, B(2) { }; Kind(int w) { this.w = w; } int w; }
                    @interface Flag { String[] value() default { "x", "y" }; int size() default 3; }
                    interface Named { default String name() { return "n"; } String KEY = "k"; }
                }
                """;
        String out = MethodBodies.blanked(text);
        sameShape(text, out, "case");
        for (String kept : List.of("indexes = { @Index(columnList = \"a\"), @Index(columnList = \"b\") }", "{ 1, 2 }",
                "{ public int compare(Thing a, Thing b) { return 0; } }", "() -> { go(); }", "\"{ not a brace }\"",
                "'{', close = '}'", "{ text } \\\"\"\" }", "{ return Types.VARCHAR; }", "public Pair { check(a); }",
                "default { \"x\", \"y\" }", "String KEY = \"k\";")) {
            assertTrue(out.contains(kept), kept + " is gone from:\n" + out);
        }
        for (String gone : List.of("return a + b", "return 5", "this.w = w", "return \"n\"")) {
            assertTrue(!out.contains(gone), gone + " is left in:\n" + out);
        }
        ParseResult<CompilationUnit> original = lean.parse(text);
        assertTrue(original.isSuccessful(), original.getProblems().toString());
        assertEquals(Outline.text(original.getResult().orElseThrow()), Outline.text(lean.parse(out).getResult().orElseThrow()));
    }

    @Test
    void givesTheTextBackWhenInDoubt() {
        for (String text : List.of(
                "package a;\nclass A { void m() { int x = 1; }\n", // the class's brace is missing
                "package a;\nclass A { void m() { String s = \"\\u007d\"; } }\n", // a unicode escape
                "package a;\nclass A { void m() { /* open\n } }\n", // a comment that does not end
                "package a;\nclass A { void m() { String s = \"open; } }\n", // a string that does not end
                "package a;\n}\nclass A { void m() { go(); } }\n", // a brace that closes nothing
                "package a;\nclass A { int x; }\n")) { // nothing to blank
            assertSame(text, MethodBodies.blanked(text), text);
        }
    }

    @Test
    void keepsLineEndsAndTabsSoThatPositionsStay() {
        String text = "package a;\r\nclass A {\r\n\tvoid m() {\r\n\t\tgo();\r\n\t} int after;\r\n}\r\n";
        String out = MethodBodies.blanked(text);
        assertEquals("package a;\r\nclass A {\r\n\tvoid m() {\r\n\t\t/* */\r\n\t} int after;\r\n}\r\n", out);
        // a body too short for a comment: spaces
        assertEquals("class A { void m() {  } }", MethodBodies.blanked("class A { void m() {go} }"));
    }

    @Test
    void aSyntaxErrorInsideABodyIsLeftToTheCompilerOneOutsideIsReportedAsBefore() {
        String inBody = "package a;\n@Entity\nclass A {\n    @Id Long id;\n    void m() { int x = ; }\n}\n";
        assertTrue(SourceTrees.parse(inBody).isSuccessful());
        String outside = "package a;\n@Entity\nclass A {\n    @Id Long id\n    void m() { go(); }\n}\n";
        ParseResult<CompilationUnit> broken = SourceTrees.parse(outside);
        assertTrue(!broken.isSuccessful());
        // the full parser's message on the text as written (the scan's SyntaxError then places it as javac does)
        assertEquals(new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                .setAttributeComments(false)).parse(outside).getProblems().get(0).getVerboseMessage(),
                broken.getProblems().get(0).getVerboseMessage());
    }

    /** The same length, and the same line ends and tabs at the same offsets. */
    private static void sameShape(String text, String out, String where) {
        assertEquals(text.length(), out.length(), where);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                assertEquals(c, out.charAt(i), where + " at offset " + i);
            }
        }
    }
}
