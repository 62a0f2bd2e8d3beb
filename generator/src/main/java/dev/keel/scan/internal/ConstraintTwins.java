package dev.keel.scan.internal;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bean Validation reads a property's constraints from its field and from its getter, whichever of the two
 * JPA maps: a {@code @NotNull} on the getter of a field-access attribute (or on the field of a
 * property-access one) still makes Hibernate's column NOT NULL. The getters Hibernate Validator sees are
 * {@code getX()}, and {@code isX()} or {@code hasX()} returning {@code boolean}.
 */
final class ConstraintTwins {
    private ConstraintTwins() {}

    /**
     * The annotations of attribute member {@code member} (named {@code name}) of {@code type}, with the
     * Bean Validation annotations of its twin (the field of a getter, the getter of a field) it lacks.
     */
    static List<AnnotationView> merged(ScanContext ctx, TypeInfo type, Node member, String name, List<AnnotationView> own) {
        Optional<Node> twin = member instanceof MethodDeclaration ? field(type, name) : getter(type, name);
        if (twin.isEmpty()) {
            return own;
        }
        var result = new ArrayList<>(own);
        var twinAnnotations = twin.get() instanceof FieldDeclaration f ? AnnotationView.on(f, type, ctx.values())
                : AnnotationView.on((MethodDeclaration) twin.get(), type, ctx.values());
        for (AnnotationView a : twinAnnotations) {
            if (isConstraint(a) && result.stream().noneMatch(o -> o.fqn().equals(a.fqn()))) {
                result.add(a);
            }
        }
        return result.size() == own.size() ? own : List.copyOf(result);
    }

    private static boolean isConstraint(AnnotationView a) {
        return a.fqn().startsWith("jakarta.validation.") || a.fqn().startsWith("org.hibernate.validator.constraints.");
    }

    private static Optional<Node> field(TypeInfo type, String name) {
        for (BodyDeclaration<?> m : type.decl().getMembers()) {
            if (m instanceof FieldDeclaration f && !f.isStatic()) {
                for (VariableDeclarator v : f.getVariables()) {
                    if (v.getNameAsString().equals(name)) {
                        return Optional.of(f);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Node> getter(TypeInfo type, String name) {
        for (BodyDeclaration<?> m : type.decl().getMembers()) {
            if (m instanceof MethodDeclaration method && !method.isStatic() && method.getParameters().isEmpty()
                    && name.equals(propertyName(method).orElse(null))) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    /** The property Hibernate Validator reads from a getter, if it is one. */
    private static Optional<String> propertyName(MethodDeclaration m) {
        String n = m.getNameAsString();
        boolean bool = m.getType().isPrimitiveType() && m.getType().asString().equals("boolean");
        String rest = n.startsWith("get") && !m.getType().isVoidType() ? n.substring(3)
                : n.startsWith("is") && bool ? n.substring(2) : n.startsWith("has") && bool ? n.substring(3) : "";
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        if (rest.length() > 1 && Character.isUpperCase(rest.charAt(0)) && Character.isUpperCase(rest.charAt(1))) {
            return Optional.of(rest);
        }
        return Optional.of(Character.toLowerCase(rest.charAt(0)) + rest.substring(1));
    }
}
