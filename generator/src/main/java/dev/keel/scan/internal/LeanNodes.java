package dev.keel.scan.internal;

import com.github.javaparser.ast.Node;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;

/**
 * The entity trees of the fast reader ({@link EntitySyntax}) without two empty lists per node. JavaParser gives every
 * node a list of orphan comments and a list of observers of its own, which no tree of the scan ever fills (the scan
 * attributes no comments and registers no observers): two of the seven or so objects a node is made of, about a fifth
 * of a tree's bytes, which the collector copies while the trees live (the whole mapping). Each node made by the fast
 * reader is given one shared empty list for both instead, which refuses to be filled: a future reader that would add a
 * comment or an observer fails at once (keel's bug, exit 70) instead of sharing it with every other node.
 */
final class LeanNodes {
    private LeanNodes() {}

    /** The one empty list of every lean node; adding to it throws. */
    private static final ArrayList<Object> NONE = new Empty();

    private static final Field ORPHAN_COMMENTS = field("orphanComments");
    private static final Field OBSERVERS = field("observers");

    /** Gives {@code node} the shared empty lists (when this JavaParser has those fields: otherwise leaves it as it is). */
    static <N extends Node> N lean(N node) {
        if (ORPHAN_COMMENTS != null && OBSERVERS != null) {
            try {
                ORPHAN_COMMENTS.set(node, NONE);
                OBSERVERS.set(node, NONE);
            } catch (IllegalAccessException | IllegalArgumentException e) {
                // a JavaParser whose fields are of another kind: the node keeps its own lists
            }
        }
        return node;
    }

    private static Field field(String name) {
        try {
            Field f = Node.class.getDeclaredField(name);
            if (!f.getType().isAssignableFrom(ArrayList.class) || java.lang.reflect.Modifier.isFinal(f.getModifiers())) {
                return null;
            }
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }

    /** An empty list that stays empty. */
    private static final class Empty extends ArrayList<Object> {
        Empty() {
            super(0);
        }

        private static UnsupportedOperationException refused() {
            return new UnsupportedOperationException("keel bug: a comment or observer added to a node of an entity tree"
                    + " (LeanNodes: the fast reader's nodes share one empty list)");
        }

        @Override
        public boolean add(Object o) {
            throw refused();
        }

        @Override
        public void add(int index, Object o) {
            throw refused();
        }

        @Override
        public boolean addAll(Collection<?> c) {
            if (c.isEmpty()) {
                return false;
            }
            throw refused();
        }

        @Override
        public boolean addAll(int index, Collection<?> c) {
            if (c.isEmpty()) {
                return false;
            }
            throw refused();
        }

        @Override
        public Object set(int index, Object o) {
            throw refused();
        }
    }
}
