package dev.keel.scan.internal;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;

import java.util.Optional;

/**
 * What Lombok adds to a class that annotations of other classes can name, which javac sees after
 * Lombok ran and the sources do not show: {@code @UtilityClass} makes every field static, and
 * {@code @FieldNameConstants} adds a nested type ({@code Fields} unless {@code innerTypeName} says
 * otherwise) with one constant per field, its value the field's name ({@code mappedBy = Order.Fields.customer}).
 */
final class Lombok {
    static final String UTILITY_CLASS = "lombok.experimental.UtilityClass";
    static final String FIELD_NAME_CONSTANTS = "lombok.experimental.FieldNameConstants";

    private Lombok() {}

    /** Whether the class is a {@code @UtilityClass} (its fields are static). */
    static boolean isUtilityClass(TypeInfo type, TypeNames names) {
        return annotation(type, names, UTILITY_CLASS).isPresent();
    }

    /** The simple name of the nested type {@code @FieldNameConstants} adds to the class, if it has one. */
    static Optional<String> fieldNamesType(TypeInfo type, TypeNames names) {
        return annotation(type, names, FIELD_NAME_CONSTANTS).map(a -> literal(a, "innerTypeName")
                .filter(v -> v instanceof String s && !s.isEmpty()).map(String.class::cast).orElse("Fields"));
    }

    /**
     * The value of constant {@code field} of the {@code @FieldNameConstants} type of {@code type}: the
     * field's name ({@link Values.EnumConst} when the type is an enum, {@code asEnum = true}), if the
     * class declares such an instance field.
     */
    static Optional<Object> fieldName(TypeInfo type, String field, TypeNames names) {
        Optional<AnnotationExpr> a = annotation(type, names, FIELD_NAME_CONSTANTS);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        boolean declared = type.decl().getFields().stream().filter(f -> !f.isStatic())
                .flatMap(f -> f.getVariables().stream()).anyMatch(v -> v.getNameAsString().equals(field));
        if (!declared) {
            return Optional.empty();
        }
        boolean asEnum = literal(a.get(), "asEnum").map(Boolean.TRUE::equals).orElse(false);
        String typeName = type.fqn() + "." + fieldNamesType(type, names).orElse("Fields");
        return Optional.of(asEnum ? new Values.EnumConst(typeName, field) : field);
    }

    /** Whether a field is a constant only because Lombok makes it static. */
    static boolean isStaticByLombok(TypeInfo owner, FieldDeclaration field, TypeNames names) {
        return !field.isStatic() && isUtilityClass(owner, names);
    }

    private static Optional<AnnotationExpr> annotation(TypeInfo type, TypeNames names, String fqn) {
        if (!type.mayCarry(fqn)) {
            return Optional.empty(); // no annotation on the class has that simple name: answered without its tree
        }
        return type.decl().getAnnotations().stream()
                .filter(a -> names.resolveImported(a.getNameAsString(), type).orElse("").equals(fqn)).findFirst();
    }

    private static Optional<Object> literal(AnnotationExpr a, String member) {
        if (!(a instanceof NormalAnnotationExpr n)) {
            return Optional.empty();
        }
        for (MemberValuePair p : n.getPairs()) {
            if (p.getNameAsString().equals(member)) {
                if (p.getValue() instanceof StringLiteralExpr s) {
                    return Optional.of(s.asString());
                }
                if (p.getValue() instanceof BooleanLiteralExpr b) {
                    return Optional.of(b.getValue());
                }
            }
        }
        return Optional.empty();
    }
}
