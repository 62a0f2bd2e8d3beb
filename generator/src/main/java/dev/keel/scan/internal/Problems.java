package dev.keel.scan.internal;

import com.github.javaparser.ast.Node;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects what the scanner cannot map, one {@code file:line: what is wrong. To fix: ...} message per
 * problem, so that a scan reports every problem at once.
 */
public final class Problems {
    private record Entry(String file, int line, String message) {}

    private final List<Entry> entries = new ArrayList<>();
    private boolean syntaxErrors;

    /** Records a problem at a node of a source file. */
    public synchronized void add(Path file, Node node, String what, String fix) {
        int line = node == null ? 0 : node.getBegin().map(p -> p.line).orElse(0);
        add(file, line, what, fix);
    }

    /** Records a problem at a line of a source file (0 when the line is unknown). */
    public synchronized void add(Path file, int line, String what, String fix) {
        String where = file + (line > 0 ? ":" + line : "");
        entries.add(new Entry(file.toString(), line, where + ": " + what + ". To fix: " + fix + "."));
    }

    /**
     * Records a file that does not parse: {@code file:line:column: what. To fix: fix.} followed by the
     * source line and a caret under the column ({@code excerpt}, may be empty), as javac shows it.
     */
    public synchronized void addSyntaxError(Path file, int line, int column, String what, String fix, String excerpt) {
        String where = file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
        entries.add(new Entry(file.toString(), line, where + ": " + what + ". To fix: " + fix + "."
                + (excerpt.isEmpty() ? "" : "\n" + excerpt.indent(2).stripTrailing())));
        syntaxErrors = true;
    }

    /** Whether some file did not parse: what else the scan finds then follows from it, as with javac. */
    public synchronized boolean hasSyntaxErrors() {
        return syntaxErrors;
    }

    /** Whether nothing was recorded. */
    public synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The messages, sorted by file and line, without duplicates. */
    public synchronized List<String> messages() {
        return entries.stream().sorted(Comparator.comparing(Entry::file).thenComparingInt(Entry::line)
                        .thenComparing(Entry::message))
                .map(Entry::message).distinct().toList();
    }

    /** Throws {@code UNREADABLE_SOURCE} listing every problem, if there is any. */
    public void throwIfAny() {
        if (!isEmpty()) {
            throw new KeelException(ErrorKind.UNREADABLE_SOURCE, messages());
        }
    }
}
