package dev.keel.load;

import com.github.javaparser.ast.Node;

/**
 * Something in a migration's {@code define()} that the source reader does not understand: where
 * ({@code node}), what, and how to fix it. Thrown while evaluating one statement and collected, so
 * that every statement of every file is reported.
 */
final class Unreadable extends RuntimeException {
    private final transient Node node;
    private final String fix;

    Unreadable(Node node, String what, String fix) {
        super(what, null, false, false);
        this.node = node;
        this.fix = fix;
    }

    Node node() {
        return node;
    }

    String what() {
        return getMessage();
    }

    String fix() {
        return fix;
    }
}
