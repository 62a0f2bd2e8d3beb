package dev.keel.scan.internal;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A persistent attribute of a class: a field (or a record component) that is not static, not
 * {@code transient} and not {@code @Transient}.
 *
 * @param name        the field name
 * @param type        its declared type, resolved
 * @param annotations its annotations
 * @param owner       the class that declares it
 * @param node        the declaration, for messages
 */
public record Attribute(String name, TypeRef type, List<AnnotationView> annotations, TypeInfo owner, Node node) {

    /** The annotation of this type, if present. */
    public Optional<AnnotationView> ann(String fqn) {
        return annotations.stream().filter(a -> a.fqn().equals(fqn)).findFirst();
    }

    /** Whether an annotation of this type is present. */
    public boolean has(String fqn) {
        return ann(fqn).isPresent();
    }

    /** The line of the declaration. */
    public int line() {
        return node.getBegin().map(p -> p.line).orElse(0);
    }

    /**
     * The persistent attributes a class declares, in source order. Mapping annotations on methods
     * (property access) are reported: keel reads field mappings only.
     */
    public static List<Attribute> declared(TypeInfo type, Values values, Problems problems) {
        return declared(type, Map.of(), values, problems);
    }

    /**
     * The persistent attributes a class declares, with the type variables of {@code bindings} replaced by
     * what they stand for in the subclass being mapped ({@code T id} of {@code BaseEntity<T>} is a
     * {@code Long} in {@code Product extends BaseEntity<Long>}).
     */
    public static List<Attribute> declared(TypeInfo type, Map<String, TypeRef> bindings, Values values, Problems problems) {
        var result = new ArrayList<Attribute>();
        if (type.decl() instanceof RecordDeclaration record) {
            for (Parameter p : record.getParameters()) {
                var anns = AnnotationView.on(p, type, values);
                if (anns.stream().noneMatch(a -> a.fqn().equals(JpaNames.TRANSIENT))) {
                    result.add(new Attribute(p.getNameAsString(), values.names().typeRef(p.getType(), type).substitute(bindings), anns, type, p));
                }
            }
        }
        for (FieldDeclaration field : type.decl().getFields()) {
            if (field.isStatic() || field.isTransient()) {
                continue;
            }
            var anns = AnnotationView.on(field, type, values);
            if (anns.stream().anyMatch(a -> a.fqn().equals(JpaNames.TRANSIENT))) {
                continue;
            }
            for (VariableDeclarator v : field.getVariables()) {
                result.add(new Attribute(v.getNameAsString(), values.names().typeRef(v.getType(), type).substitute(bindings), anns, type, field));
            }
        }
        for (MethodDeclaration method : type.decl().getMethods()) {
            boolean mapped = AnnotationView.on(method, type, values).stream()
                    .anyMatch(a -> a.fqn().startsWith(JpaNames.JPA) && !a.fqn().equals(JpaNames.TRANSIENT)
                            && !a.fqn().startsWith(JpaNames.JPA + "Pre") && !a.fqn().startsWith(JpaNames.JPA + "Post"));
            if (mapped) {
                problems.add(type.file(), method, "mapping annotations on method " + method.getNameAsString()
                        + "() (property access) are not supported", "put the mapping annotations on the field");
            }
        }
        return result;
    }
}
