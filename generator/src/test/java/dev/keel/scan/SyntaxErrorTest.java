package dev.keel.scan;

import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A syntax error in an entity is the one error reported, at the line and column javac gives (each
 * expected place below is what {@code javac -XDrawDiagnostics} printed for the same file), and the
 * entities that use the broken one add nothing to it.
 */
class SyntaxErrorTest {
    @TempDir
    Path dir;

    private static final String HEADER = """
            package com.acme.forum;

            import jakarta.persistence.*;

            @Entity
            public class Topic {
                @Id
            """;

    /** Topic.java with {@code body} after its id annotation; Post and Reply refer to Topic. */
    private List<String> problems(String body) throws IOException {
        write("Topic.java", HEADER + body);
        write("Post.java", """
                package com.acme.forum;

                import jakarta.persistence.*;

                @Entity
                public class Post {
                    @Id @GeneratedValue private Long id;
                    @ManyToOne(optional = false) private Topic topic;
                    @Column(nullable = false) private String body;
                }
                """);
        write("Reply.java", """
                package com.acme.forum;

                import jakarta.persistence.*;

                @Entity
                public class Reply {
                    @Id @GeneratedValue private Long id;
                    @ManyToOne private Post post;
                    @ManyToOne private Topic topic;
                    private java.util.Optional<String> unsupportedToo;
                }
                """);
        Files.writeString(dir.resolve("keel.json"), "{\"apps\": [{\"label\": \"forum\", \"package\": \"com.acme.forum\"}]}");
        KeelException e = assertThrows(KeelException.class, () -> EntityScanner.scan(dir, KeelConfig.read(dir)));
        assertEquals(ErrorKind.UNREADABLE_SOURCE, e.kind());
        return e.problems();
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve("src/main/java/com/acme/forum").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String topic() {
        return Path.of("src/main/java/com/acme/forum/Topic.java").toString();
    }

    /** The one problem, about Topic.java at line:column, with javac's words, the source line and a caret. */
    private static void onlyAt(List<String> problems, int line, int column, String words, String sourceLine, int caret) {
        assertEquals(1, problems.size(), String.join("\n", problems));
        String p = problems.get(0);
        assertTrue(p.contains(topic() + ":" + line + ":" + column + ": does not parse as Java 17: " + words + ". To fix: "), p);
        assertTrue(p.endsWith("\n  " + sourceLine + "\n  " + " ".repeat(caret - 1) + "^"), p);
        assertFalse(p.contains("Post.java") || p.contains("Reply.java") || p.contains("cannot be found"), p);
    }

    @Test
    void aMissingSemicolonBeforeAnAnnotationIsWhereJavacSaysNotAtTheLastGoodToken() throws IOException {
        // javac: Topic.java:10:5: compiler.err.illegal.start.of.type (the @ of @Column, two lines after "id")
        onlyAt(problems("""
                    private Long id

                    @Column(nullable = false, length = 200)
                    private String title;
                }
                """), 10, 5, "illegal start of type", "    @Column(nullable = false, length = 200)", 5);
    }

    @Test
    void aMissingParenthesisIsRightAfterTheLastGoodToken() throws IOException {
        // javac: Topic.java:9:41: compiler.err.expected: ')'
        onlyAt(problems("""
                    private Long id;
                    @Column(name = "title", length = 200
                    private String title;
                }
                """), 9, 41, "')' expected", "    @Column(name = \"title\", length = 200", 41);
    }

    @Test
    void aBrokenExpressionIsAtTheOffendingToken() throws IOException {
        // javac: Topic.java:9:37: compiler.err.illegal.start.of.expr
        onlyAt(problems("""
                    private Long id;
                    private String slug = "topic-" +;
                }
                """), 9, 37, "illegal start of expression", "    private String slug = \"topic-\" +;", 37);
    }

    @Test
    void aMissingBraceIsAtTheEndOfTheFile() throws IOException {
        // javac: Topic.java:11:2: compiler.err.premature.eof
        onlyAt(problems("""
                    private Long id;
                    public String getTitle() {
                        return "x";
                }
                """), 11, 2, "reached end of file while parsing", "}", 2);
    }
}
