package dev.keel.scan.internal;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.metamodel.JavaParserMetaModel;
import com.github.javaparser.metamodel.PropertyMetaModel;
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
 * The fast reader of declarative entity files against JavaParser, its reference: whenever it accepts a file,
 * its tree is the tree of the lean JavaParser parse keel used before it (language level RAW, comments not
 * attributed, tokens kept), node for node, with every property and every node's range (begin and end line and
 * column), and the same {@link Outline}; it accepts the benchmark's entities; it declines what it does not handle.
 * The scan's own parse ({@link SourceTrees#parse}) is held to the same tree on every
 * source file of the repository.
 */
class EntitySyntaxTest {
    private static final Path REPOSITORY = Path.of("..");

    /** keel's lean parse of entity files before the fast reader (it also kept the tokens). */
    private final JavaParser reference = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW).setAttributeComments(false));

    /** keel's full parse, used when the lean one fails. */
    private final JavaParser full = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17).setAttributeComments(false));

    @TempDir
    Path dir;

    // ---- real files ------------------------------------------------------------------------------

    @Test
    void everySourceFileOfTheRepositoryIsReadAsJavaParserReadsItOrDeclined() throws IOException {
        List<Path> files = javaFiles(REPOSITORY);
        var accepted = new ArrayList<Path>();
        for (Path file : files) {
            String text = Files.readString(file);
            if (sameAsJavaParser(file.toString(), text)) {
                accepted.add(file);
            }
            // the scan's parse (fast reader or JavaParser without tokens) gives the reference's tree too
            ParseResult<CompilationUnit> expected = reference.parse(text);
            if (!expected.isSuccessful()) {
                expected = full.parse(text); // as before, a file the lean parse rejects is parsed by the full one
            }
            // (with the bodies it never reads blanked: MethodBodies, held to the same outline by MethodBodiesTest)
            ParseResult<CompilationUnit> actual = SourceTrees.parse(text);
            if (!expected.isSuccessful() && actual.isSuccessful()) {
                // JavaParser fails inside a body the scan does not read (a construct it does not know): blanked, it parses
                assertTrue(!MethodBodies.blanked(text).equals(text), file.toString());
                continue;
            }
            assertEquals(expected.isSuccessful(), actual.isSuccessful(), file.toString());
            if (expected.isSuccessful() && MethodBodies.blanked(text).equals(text)) {
                assertSamePrint(print(expected.getResult().orElseThrow()), print(actual.getResult().orElseThrow()), file.toString());
            }
        }
        // the samples hold dozens of entities of annotated fields only
        assertTrue(accepted.size() > 20, "accepted only " + accepted.size() + " of " + files.size() + " files");
    }

    @Test
    void acceptsTheBenchmarkProjectsEntities() throws Exception {
        assumeTrue(python3(), "python3 runs bench/gen_keel_project.py");
        Process gen = new ProcessBuilder("python3", REPOSITORY.resolve("bench/gen_keel_project.py").toString(),
                dir.toString(), "30", "40").redirectErrorStream(true).start();
        String output = new String(gen.getInputStream().readAllBytes());
        assertTrue(gen.waitFor(60, TimeUnit.SECONDS) && gen.exitValue() == 0, output);
        List<Path> files = javaFiles(dir).stream().filter(p -> !p.toString().contains("/migrations/")).toList();
        assertEquals(30, files.size(), files.toString());
        for (Path file : files) {
            assertTrue(sameAsJavaParser(file.toString(), Files.readString(file)), "declined " + file + ":\n" + Files.readString(file));
        }
    }

    // ---- tricky cases ----------------------------------------------------------------------------

    @Test
    void readsAnnotationsOfEveryShapeAsJavaParserDoes() {
        accepts("""
                package a.b;

                import jakarta.persistence.*;
                import static a.b.Names.TABLE;
                import java.util.List;

                @jakarta.persistence.Entity
                @Table(name = TABLE, schema = "s", uniqueConstraints = {@UniqueConstraint(columnNames = {"a", "b",}), },
                       indexes = @Index(columnList = "a, b"))
                @SuppressWarnings("unchecked") @Cacheable() @NamedQuery(name = "q", query = "select x from X x where x.a = '{'")
                public abstract class Thing extends a.b.Base implements java.io.Serializable, Cloneable {
                    public static final String TABLE = "thing";
                    private static final long serialVersionUID = -42L;
                    protected static final int MAX = -1;
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                    @Convert(converter = Converters.Money.class) private java.math.BigDecimal price;
                    @ManyToOne(targetEntity = a.b.Other.class, optional = true) @JoinColumn(name = "o") Other other;
                    @OneToMany(mappedBy = "thing") private java.util.Map<String, List<Part>> parts;
                    private transient volatile boolean seen = false;
                    private char c; private double d; private float f; private short s; private byte b; private Object o = null;
                    @Column(length = 0, precision = 10, scale = 2L, name = "\\"quoted\\"\\t\\\\")
                    private String name = "a } b { \\" c";

                    @Embeddable
                    public static class Key {
                        @Column(nullable = false) private int a;

                        static final class Deeper { }
                    }
                }
                """);
    }

    @Test
    void readsCommentsAndLineEndsAndTabsAsJavaParserDoes() {
        String text = """
                /* a header with "quotes" and { braces */
                package a; // a comment with a quote "
                /** javadoc with '@Entity' and } */
                @Entity /* between */ public class\tThing { // end
                \t@Column(name = /* inline */ "x") private String x; /* a comment ending the line
                   on two lines */ private int y;
                    // @Transient private int z;
                }
                // the end, without a new line""";
        accepts(text);
        accepts(text.replace("\n", "\r\n"));
        accepts(text.replace("\n", "\r"));
        accepts(text.replace("\n", "\n\f"));
        accepts(text.replaceFirst("without a new line", "with one\n"));
    }

    @Test
    void readsDefaultPackagesAndWildcardImportsAsJavaParserDoes() {
        accepts("import java.util.*;\nimport static java.lang.Math.*;\n\nclass A { int x; }\n");
        accepts("class A {}");
        accepts("\n\n   class A {\n}\n\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "private String s = \"\\u0041\";",          // unicode escape
            "private String s = \"é\";",                // non-ASCII
            "private String s = \"\"\"\n  x\"\"\";",    // text block
            "private char c = 'x';",                    // char literal
            "private double d = 1.5;",                  // floating point
            "private int i = 0x1F;",                    // hex
            "private int i = 1_000;",                   // underscores
            "private int i = 010;",                     // octal
            "private int i = 1 + 2;",                   // an operator
            "private String s = A + \"b\";",            // concatenation
            "private java.util.List<String> l = new java.util.ArrayList<>();", // new
            "private int[] a;",                          // arrays
            "private String[] a;",
            "private java.util.List<?> l;",              // wildcards
            "private int a, b;",                         // several variables
            "public int getA() { return 1; }",           // methods
            "public Thing() { }",                        // constructors
            "{ }",                                        // initializers
            "static { }",
            "enum E { A, B }",                           // enums
            "interface I { }",
            "record R(int a) { }",
            "@interface Ann { }",
            ";",
            "private synchronized int s;",
            "private String s = \"\\0\";",               // octal escape
            "private String s = f();",                    // calls
            "private int i = (1);",
    })
    void declinesWhatItDoesNotHandle(String member) {
        declines("package a;\n\n@Entity\npublic class Thing {\n    " + member + "\n}\n");
    }

    @Test
    void declinesClassesItDoesNotHandle() {
        declines("package a;\nclass A<T> { T t; }\n");
        declines("package a;\nclass A { }\nclass B { }\n");
        declines("@Deprecated package a;\nclass A { }\n");
        declines("package a;\nimport a.b.*;\nenum A { X }\n");
        declines("package a;\nrecord A(int x) { }\n");
        declines("module a { }\n");
        declines("package a;\nsealed class A permits B { }\n");
    }

    @Test
    void declinesWhatDoesNotParseSoThatJavaParserReportsIt() {
        for (String broken : List.of("package a\nclass A { }", "package a;\nclass A { int x }", "package a;\nclass A { int x;",
                "package a;\nclass A { @Column(name = ) int x; }", "package a;\nclass A { String s = \"open; }\n",
                "package a;\nclass A { /* open int x; }\n", "package a;\nclass A { int class; }\n")) {
            assertEquals(Optional.empty(), EntitySyntax.parse(broken), broken);
            assertTrue(!SourceTrees.parse(broken).isSuccessful(), broken);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private void accepts(String text) {
        assertTrue(sameAsJavaParser("case", text), "declined:\n" + text);
    }

    private void declines(String text) {
        ParseResult<CompilationUnit> parsed = reference.parse(text);
        assertTrue(parsed.isSuccessful(), "the case does not parse: " + parsed.getProblems() + "\n" + text);
        assertEquals(Optional.empty(), EntitySyntax.parse(text), "accepted:\n" + text);
    }

    /**
     * Whether the fast reader accepts {@code text}; when it does, asserts that JavaParser parses it too, to the
     * same tree: every node's class, properties and range, the parent links, the outline, the printed source.
     */
    private boolean sameAsJavaParser(String where, String text) {
        Optional<CompilationUnit> fast = EntitySyntax.parse(text);
        if (fast.isEmpty()) {
            return false;
        }
        ParseResult<CompilationUnit> parsed = reference.parse(text);
        assertTrue(parsed.isSuccessful(), "accepted a file JavaParser rejects: " + where + " " + parsed.getProblems());
        CompilationUnit expected = parsed.getResult().orElseThrow();
        assertSamePrint(print(expected), print(fast.get()), where);
        assertEquals(expected, fast.get(), where);
        assertEquals(expected.toString(), fast.get().toString(), where);
        assertEquals(Outline.text(expected), Outline.text(fast.get()), where);
        assertEquals(expected.getData(Node.LINE_SEPARATOR_KEY), fast.get().getData(Node.LINE_SEPARATOR_KEY), where);
        fast.get().walk(node -> node.getChildNodes().forEach(child ->
                assertSame(node, child.getParentNode().orElseThrow(), where + ": " + child)));
        return true;
    }

    /** Asserts that two prints are equal, showing the first line where they differ and the lines around it. */
    private static void assertSamePrint(String expected, String actual, String where) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<end>";
            String al = i < a.length ? a[i] : "<end>";
            if (!el.equals(al)) {
                int from = Math.max(0, i - 8);
                String context = String.join("\n", List.of(e).subList(from, Math.min(e.length, i + 1)));
                throw new AssertionError(where + ": the trees differ at line " + (i + 1) + " of their prints:\n" + context
                        + "\n  expected: " + el + "\n  actual:   " + al);
            }
        }
    }

    /** Every node: its class, its range, each property of the metamodel (the comment too), one node a line. */
    static String print(Node node) {
        var out = new StringBuilder();
        print(node, out, 0);
        return out.toString();
    }

    private static void print(Node node, StringBuilder out, int depth) {
        out.append("  ".repeat(depth)).append(node.getClass().getSimpleName()).append(' ')
                .append(node.getRange().map(Object::toString).orElse("no range")).append('\n');
        var model = JavaParserMetaModel.getNodeMetaModel(node.getClass()).orElseThrow();
        for (PropertyMetaModel p : model.getAllPropertyMetaModels()) {
            Object value = p.getValue(node);
            out.append("  ".repeat(depth + 1)).append(p.getName()).append(": ");
            if (value instanceof NodeList<?> list) {
                out.append('[').append(list.size()).append("]\n");
                for (Node child : list) {
                    print(child, out, depth + 2);
                }
            } else if (value instanceof Node child) {
                out.append('\n');
                print(child, out, depth + 2);
            } else {
                out.append(value).append('\n');
            }
        }
    }

    static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".java"))
                    .filter(p -> Files.isRegularFile(p) && !p.toString().contains("/target/") && !p.toString().contains("/."))
                    .sorted().toList();
        }
    }

    private static boolean python3() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
