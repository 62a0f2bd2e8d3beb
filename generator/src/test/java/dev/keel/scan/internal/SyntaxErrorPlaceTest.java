package dev.keel.scan.internal;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a syntax error is placed: javac's place when the runtime has javac, and the same place worked
 * out from JavaParser's problem when it has not (a JRE). Each expected place is what
 * {@code javac -XDrawDiagnostics} printed for the same text.
 */
class SyntaxErrorPlaceTest {
    private static final String HEADER = "package com.acme.forum;\n\nimport jakarta.persistence.*;\n\n@Entity\npublic class Topic {\n    @Id\n";

    private static final String SEMICOLON = HEADER + "    private Long id\n\n    @Column(nullable = false, length = 200)\n"
            + "    private String title;\n}\n";                                      // javac 10:5 illegal start of type
    private static final String PARENTHESIS = HEADER + "    private Long id;\n    @Column(name = \"title\", length = 200\n"
            + "    private String title;\n}\n";                                      // javac 9:41 ')' expected
    private static final String EXPRESSION = HEADER + "    private Long id;\n    private String slug = \"topic-\" +;\n}\n";
                                                                                    // javac 9:37 illegal start of expression
    private static final String BRACE = HEADER + "    private Long id;\n    public String getTitle() {\n        return \"x\";\n}\n";
                                                                                    // javac 11:2 reached end of file while parsing
    private static final String TABS = "package com.acme.forum;\n\n@Entity\npublic class Topic {\n\t@Id\n\tprivate Long id;\n"
            + "\tprivate String title\t= ;\n}\n";                                    // javac 7:35 illegal start of expression

    private static SyntaxError fallback(String text) {
        var result = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parse(text);
        assertTrue(!result.isSuccessful(), "the text must not parse");
        return SyntaxError.fromJavaParser(text, result.getProblems());
    }

    private static void place(int line, int column, SyntaxError error) {
        assertEquals(line + ":" + column, error.line() + ":" + error.column(), error.toString());
    }

    @Test
    void withoutJavacThePlaceIsWorkedOutAsJavacWouldPutIt() {
        place(10, 5, fallback(SEMICOLON));
        place(9, 41, fallback(PARENTHESIS));
        place(9, 37, fallback(EXPRESSION));
        place(11, 2, fallback(BRACE));
        place(7, 35, fallback(TABS));
    }

    @Test
    void javacGivesItsPlaceAndWords() {
        Path file = Path.of("Topic.java");
        var semicolon = SyntaxError.javac(file, SEMICOLON).orElseThrow();
        place(10, 5, semicolon);
        assertEquals("illegal start of type", semicolon.message());
        assertEquals("    @Column(nullable = false, length = 200)\n    ^", semicolon.excerpt(SEMICOLON));
        var parenthesis = SyntaxError.javac(file, PARENTHESIS).orElseThrow();
        place(9, 41, parenthesis);
        assertEquals("')' expected", parenthesis.message());
        place(7, 35, SyntaxError.javac(file, TABS).orElseThrow());
        assertEquals("\tprivate String title\t= ;\n\t" + " ".repeat(20) + "\t  ^", SyntaxError.javac(file, TABS).orElseThrow().excerpt(TABS));
        assertTrue(SyntaxError.javac(file, "class Fine { int x; }").isEmpty());
    }
}
