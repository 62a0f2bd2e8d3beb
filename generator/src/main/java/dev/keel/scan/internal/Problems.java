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
