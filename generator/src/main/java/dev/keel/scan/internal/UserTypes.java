package dev.keel.scan.internal;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.stmt.ReturnStmt;

import java.util.List;
import java.util.Optional;

/**
 * {@code @Type(SomeUserType.class)}: a Hibernate {@code UserType} (hypersistence-utils' {@code JsonType}, or the
 * application's own) decides how values are stored. Its column type is what {@code @Column(columnDefinition)} says;
 * without one, it is what the type's {@code getSqlType()} returns when the type is in the scanned sources and returns
 * a constant ({@link JdbcTypes} maps it), else keel reports what to add. The column's place in the table follows the
 * same code (a type keel cannot read counts as unbounded, like the JSON types that report {@code Types.OTHER}).
 */
final class UserTypes {
    private final ScanContext ctx;

    UserTypes(ScanContext ctx) {
        this.ctx = ctx;
    }

    /** The column of attribute {@code a} holding {@code valueType} through the user type {@code type}. */
    ColumnTypes.Typed typed(Attribute a, TypeRef valueType, AnnotationView type, Ident column, ColumnShape shape) {
        List<String> classes = type.classNames("value");
        String userType = classes.isEmpty() ? type.toString() : classes.get(0);
        Optional<String> code = sqlType(userType);
        if (shape.columnDefinition() != null) {
            long size = code.map(c -> JdbcTypes.orderingSize(c, shape)).orElse(SqlType.UNBOUNDED);
            return new ColumnTypes.Typed(new SqlType(shape.columnDefinition(), size), List.of());
        }
        String simple = userType.substring(userType.lastIndexOf('.') + 1);
        if (code.isEmpty() || code.get().equals("OTHER")) {
            throw new MappingProblem(type.node(), "@Type(" + simple + ".class) on field " + a.name() + " stores it through a "
                    + "custom Hibernate type" + (code.isPresent() ? " that reports SqlTypes.OTHER, which Hibernate cannot create"
                    : " whose column type keel cannot know"), "say the column type with @Column(columnDefinition = \"jsonb\") "
                    + "(or whatever type the column holds)");
        }
        JdbcTypes.Mapped mapped = JdbcTypes.mapUserType(code.get(), valueType, shape, column, a);
        return new ColumnTypes.Typed(mapped.type(), mapped.checks());
    }

    /** The method of a user type whose body the mapping reads ({@link #sqlType}); {@link Outline} keeps its body. */
    static final String SQL_TYPE_METHOD = "getSqlType";

    /** The code {@code getSqlType()} of a scanned user type returns, when it returns a constant. */
    private Optional<String> sqlType(String userType) {
        for (Optional<TypeInfo> t = ctx.index().type(userType); t.isPresent(); t = ctx.superclass(t.get())) {
            for (MethodDeclaration m : t.get().decl().getMethodsByName(SQL_TYPE_METHOD)) {
                if (!m.getParameters().isEmpty() || m.getBody().isEmpty()) {
                    continue;
                }
                var statements = m.getBody().get().getStatements();
                if (statements.size() == 1 && statements.get(0) instanceof ReturnStmt r && r.getExpression().isPresent()) {
                    try {
                        return JdbcTypes.codeName(ctx.values().eval(r.getExpression().get(), t.get()));
                    } catch (Values.Unresolved u) {
                        return Optional.empty();
                    }
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
