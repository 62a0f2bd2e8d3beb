package dev.keel.scan.internal;

import com.github.javaparser.ast.Node;

import java.util.List;
import java.util.Optional;

/**
 * A persistent attribute of a class: a field, a getter (property access) or a record component, as
 * {@link AccessRules} finds them.
 *
 * @param name        the attribute name (a getter's property name)
 * @param type        its declared type (a getter's return type), resolved
 * @param annotations its annotations
 * @param owner       the class that declares it
 * @param node        the declaration, for messages
 */
public record Attribute(String name, TypeRef type, List<AnnotationView> annotations, TypeInfo owner, Node node) {

    /** The annotation of this type, if present. */
    public Optional<AnnotationView> ann(String fqn) {
        for (AnnotationView a : annotations) { // a loop: asked for every annotation type by every rule, per attribute
            if (a.fqn().equals(fqn)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Whether an annotation of this type is present. */
    public boolean has(String fqn) {
        for (AnnotationView a : annotations) {
            if (a.fqn().equals(fqn)) {
                return true;
            }
        }
        return false;
    }

    /** The line of the declaration. */
    public int line() {
        return node.getBegin().map(p -> p.line).orElse(0);
    }
}
