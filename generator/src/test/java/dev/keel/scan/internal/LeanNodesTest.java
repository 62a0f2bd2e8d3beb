package dev.keel.scan.internal;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.comments.LineComment;
import com.github.javaparser.ast.observer.AstObserverAdapter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast reader's nodes share one empty list of orphan comments and observers ({@link LeanNodes}): the trees are the
 * ones JavaParser makes (EntitySyntaxTest compares them), every node's lists are empty, and a comment or an observer
 * added to any node fails at once instead of reaching every other node.
 */
class LeanNodesTest {
    private static final String ENTITY = """
            package com.acme;

            import jakarta.persistence.*;

            @Entity
            @Table(name = "orders", indexes = @Index(columnList = "placed"))
            public class Order {
                @Id @GeneratedValue private Long id;
                @Column(length = 40) private String reference = "none";
                private java.time.Instant placed;
                @ManyToOne private Customer customer;
            }
            """;

    private static List<Node> nodes(CompilationUnit unit) {
        var all = new ArrayList<Node>();
        unit.walk(all::add);
        return all;
    }

    @Test
    void everyNodeButTheUnitSharesOneEmptyListThatRefusesToBeFilled() {
        CompilationUnit unit = EntitySyntax.parse(ENTITY).orElseThrow();
        List<Node> nodes = nodes(unit);
        assertTrue(nodes.size() > 40, nodes.size() + " nodes");
        for (Node n : nodes) {
            assertTrue(n.getOrphanComments().isEmpty(), n.toString());
        }
        Node field = unit.getType(0).getMember(1);
        assertThrows(UnsupportedOperationException.class, () -> field.addOrphanComment(new LineComment("x")));
        assertThrows(UnsupportedOperationException.class, () -> field.register(new AstObserverAdapter() {}));
        Node other = unit.getType(0).getMember(2);
        assertTrue(other.getOrphanComments().isEmpty(), "nothing reached another node");
        // a copy of a lean tree reads the lists (a copy has no ranges: JavaParser's clone) and leaves them empty
        CompilationUnit copy = unit.clone();
        assertEquals(unit, copy);
        assertTrue(nodes(unit).stream().allMatch(n -> n.getOrphanComments().isEmpty()));
    }

    @Test
    void theLeanTreeIsTheTreeJavaParserMakes() {
        CompilationUnit fast = EntitySyntax.parse(ENTITY).orElseThrow();
        CompilationUnit full = new com.github.javaparser.JavaParser().parse(ENTITY).getResult().orElseThrow();
        assertEquals(full, fast);
        assertEquals(full.toString(), fast.toString());
        assertEquals(Outline.text(full), Outline.text(fast));
        assertEquals(nodes(full).size(), nodes(fast).size());
    }
}
