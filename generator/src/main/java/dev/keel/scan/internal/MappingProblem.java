package dev.keel.scan.internal;

import com.github.javaparser.ast.Node;

/** A mapping the scanner cannot turn into a schema; caught per attribute and reported with file:line. */
public final class MappingProblem extends RuntimeException {
    private final transient Node node;
    private final String fix;

    public MappingProblem(Node node, String what, String fix) {
        super(what);
        this.node = node;
        this.fix = fix;
    }

    /** Where the problem is. */
    public Node node() {
        return node;
    }

    /** What the user can do about it. */
    public String fix() {
        return fix;
    }
}
