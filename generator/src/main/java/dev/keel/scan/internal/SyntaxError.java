package dev.keel.scan.internal;

import com.github.javaparser.JavaToken;
import com.github.javaparser.Problem;
import com.github.javaparser.TokenRange;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The first syntax error of a source file, placed where javac places it: the line and column of the
 * offending token, or, for "X expected", just after the last token that was right.
 *
 * <p>The file is parsed again with javac's own parser (parse only: nothing else is read or compiled),
 * so that the place and the words are javac's. Where the Java runtime has no compiler (a JRE), the
 * place is worked out from JavaParser's problem the way javac would put it.
 *
 * @param line    1-based line
 * @param column  1-based column, as javac counts it
 * @param offset  0-based character offset in the text, for the excerpt (-1 when unknown)
 * @param message what is wrong, in javac's words when javac said it ({@code ';' expected})
 */
public record SyntaxError(int line, int column, int offset, String message) {

    /** The first syntax error of {@code text}: javac's, else worked out from JavaParser's {@code problems}. */
    static SyntaxError of(Path file, String text, List<Problem> problems) {
        return javac(file, text).orElseGet(() -> fromJavaParser(text, problems));
    }

    /** javac's first error in {@code text}, parsed as Java 17; empty without a compiler or when javac finds none. */
    static Optional<SyntaxError> javac(Path file, String text) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            return Optional.empty();
        }
        try {
            var diagnostics = new DiagnosticCollector<JavaFileObject>();
            JavaFileObject source = new SimpleJavaFileObject(file.toUri(), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                }
            };
            var task = (com.sun.source.util.JavacTask) compiler.getTask(null, null, diagnostics,
                    List.of("-proc:none", "--release", "17", "-Xlint:none"), null, List.of(source));
            task.parse();
            return diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR && d.getLineNumber() > 0)
                    .findFirst()
                    .map(d -> new SyntaxError((int) d.getLineNumber(), (int) d.getColumnNumber(), (int) d.getPosition(),
                            d.getMessage(Locale.ROOT).lines().findFirst().orElse("")));
        } catch (java.io.IOException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** Tokens after which javac says "X expected" rather than pointing at the next token. */
    private static final Pattern CLOSERS = Pattern.compile("\"(;|\\)|\\]|,|\\})\"");

    /**
     * Where javac would put JavaParser's first problem. JavaParser places it at the last token it read;
     * javac says "X expected" just after that token when a separator or closing bracket was missing, and
     * otherwise points at the token it found there.
     */
    static SyntaxError fromJavaParser(String text, List<Problem> problems) {
        if (problems.isEmpty()) {
            return new SyntaxError(0, 0, -1, "");
        }
        Problem problem = problems.get(0);
        String message = problem.getMessage().lines().findFirst().orElse("");
        Optional<JavaToken> last = problem.getLocation().map(TokenRange::getBegin);
        if (last.isEmpty() || last.get().getRange().isEmpty()) {
            return new SyntaxError(0, 0, -1, message);
        }
        int expectedAt = message.indexOf(", expected");
        String expected = expectedAt < 0 ? "" : message.substring(expectedAt);
        var lastRange = last.get().getRange().get();
        if (CLOSERS.matcher(expected).find()) {
            return at(text, lastRange.end.line, lastRange.end.column + 1, message);
        }
        JavaToken found = last.get().getNextToken().orElse(null);
        while (found != null && (found.getCategory().isWhitespaceOrComment() || found.getRange().isEmpty())) {
            found = found.getNextToken().orElse(null);
        }
        return found == null ? at(text, lastRange.end.line, lastRange.end.column + 1, message)
                : at(text, found.getRange().get().begin.line, found.getRange().get().begin.column, message);
    }

    /** JavaParser's place (a tab is one column) with javac's column: tabs move to the next multiple of 8, plus 1. */
    private static SyntaxError at(String text, int line, int column, String message) {
        int offset = offset(text, line, column);
        if (offset < 0) {
            return new SyntaxError(line, column, -1, message);
        }
        int start = offset - (column - 1);
        int javacColumn = 0;
        for (int i = start; i < offset; i++) {
            javacColumn = text.charAt(i) == '\t' ? (javacColumn / TAB + 1) * TAB : javacColumn + 1;
        }
        return new SyntaxError(line, javacColumn + 1, offset, message);
    }

    /** javac's tab stops. */
    private static final int TAB = 8;

    /** The offset of a 1-based line and column, -1 when the text has no such place. */
    private static int offset(String text, int line, int column) {
        int start = 0;
        for (int l = 1; l < line; l++) {
            start = text.indexOf('\n', start);
            if (start < 0) {
                return -1;
            }
            start++;
        }
        int offset = start + column - 1;
        return offset <= text.length() ? offset : -1;
    }

    /** The line of the error and a caret under its column, as javac shows them; empty when unknown. */
    String excerpt(String text) {
        if (offset < 0 || offset > text.length()) {
            return "";
        }
        int start = text.lastIndexOf('\n', offset - 1) + 1;
        int end = text.indexOf('\n', start);
        String source = text.substring(start, end < 0 ? text.length() : end).replace("\r", "");
        var caret = new StringBuilder();
        for (int i = start; i < offset && i - start < source.length(); i++) {
            caret.append(source.charAt(i - start) == '\t' ? '\t' : ' ');
        }
        return source + "\n" + caret + "^";
    }
}
