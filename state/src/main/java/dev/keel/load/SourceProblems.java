package dev.keel.load;

import com.github.javaparser.Position;
import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;

import java.nio.file.Path;
import java.util.List;

/**
 * Formats problems found in a source file the way a compiler does: {@code file:line:col: what},
 * the offending line with a caret underneath, then {@code To fix: ...}.
 */
final class SourceProblems {
    private final Path file;
    private final String text;
    private List<String> lines;

    SourceProblems(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    /** The file's lines, split only when a problem needs them (most files have none). */
    private List<String> lines() {
        if (lines == null) {
            lines = List.of(text.split("\r\n|\r|\n", -1));
        }
        return lines;
    }

    /** A problem about the file as a whole. */
    static String ofFile(Path file, String what, String fix) {
        return file + ": " + what + "\nTo fix: " + fix;
    }

    /** A problem at a node of the file. */
    String at(Node node, String what, String fix) {
        return node.getRange().map(r -> at(r, what, fix)).orElseGet(() -> ofFile(file, what, fix));
    }

    /** A problem at a range of the file. */
    String at(Range range, String what, String fix) {
        Position begin = range.begin;
        var sb = new StringBuilder();
        sb.append(file).append(':').append(begin.line).append(':').append(begin.column).append(": ").append(what);
        if (begin.line >= 1 && begin.line <= lines().size()) {
            String line = lines().get(begin.line - 1);
            String number = String.valueOf(begin.line);
            String gutter = " ".repeat(number.length());
            int endColumn = range.end.line == begin.line ? range.end.column : line.length();
            sb.append('\n').append(gutter).append(" |");
            sb.append('\n').append(number).append(" | ").append(line);
            sb.append('\n').append(gutter).append(" | ").append(caret(line, begin.column, endColumn));
        }
        return sb.append("\nTo fix: ").append(fix).toString();
    }

    /** Spaces up to {@code from} (keeping tabs, so the caret lines up) and {@code ^} up to {@code to}. */
    private static String caret(String line, int from, int to) {
        var sb = new StringBuilder();
        for (int i = 0; i < from - 1 && i < line.length(); i++) {
            sb.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        return sb.append("^".repeat(Math.max(1, to - from + 1))).toString();
    }
}
