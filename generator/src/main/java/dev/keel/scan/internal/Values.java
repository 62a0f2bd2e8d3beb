package dev.keel.scan.internal;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates the constant expressions found in annotations as javac does: literals, string concatenation,
 * arithmetic, shifts and casts (with Java's {@code int} and {@code long} typing: {@code Integer.MAX_VALUE + 1}
 * wraps, {@code 1 << 33} is 2), {@code static final} constants of any scanned class (also inherited from
 * superclasses and superinterfaces, and through static imports), the JDK's and Hibernate's constants of
 * {@link LibraryConstants}, enum constants and class literals. Values are {@code String}, {@code Long}
 * (every integral value), {@code Double}, {@code Boolean}, {@code Character}, {@link EnumConst}, {@link ClassRef},
 * {@link AnnotationView} or a {@code List} of these.
 */
public final class Values {
    /** An enum constant (or a library constant such as {@code SqlTypes.JSON}) by type and name. */
    public record EnumConst(String type, String name) {}

    /** A class literal, {@code Foo.class}. */
    public record ClassRef(String fqn) {}

    /** An expression that is not a constant keel can evaluate. */
    public static final class Unresolved extends RuntimeException {
        private final transient Node node;
        private final String fix;

        Unresolved(Node node, String message) {
            this(node, message, null);
        }

        Unresolved(Node node, String message, String fix) {
            super(message);
            this.node = node;
            this.fix = fix;
        }

        /** What to do about it: this problem's own fix, or {@code general} when it has none. */
        public String fixOr(String general) {
            return fix != null ? fix : general;
        }

        /** Where the expression is. */
        public Node node() {
            return node;
        }
    }

    private final TypeNames names;

    public Values(TypeNames names) {
        this.names = names;
    }

    /** The resolver this evaluator uses. */
    public TypeNames names() {
        return names;
    }

    /** The value of {@code expr}, written inside {@code context}. */
    public Object eval(Expression expr, TypeInfo context) {
        return widen(eval(expr, context, 0));
    }

    /**
     * An evaluated value as callers see it: an {@code int} is a {@code Long} like every integral value (inside the
     * evaluation {@code Integer} and {@code Long} stay apart, for Java's arithmetic).
     */
    private static Object widen(Object v) {
        if (v instanceof Integer i) {
            return (long) i;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Values::widen).toList();
        }
        return v;
    }

    private Object eval(Expression expr, TypeInfo ctx, int depth) {
        if (depth > 32) {
            throw new Unresolved(expr, "constant " + expr + " refers to itself");
        }
        if (expr instanceof StringLiteralExpr s) {
            return s.asString();
        }
        if (expr instanceof TextBlockLiteralExpr t) {
            return t.asString();
        }
        if (expr instanceof IntegerLiteralExpr i) {
            return i.asNumber(); // an Integer; a Long only for 2147483648, written after a minus
        }
        if (expr instanceof LongLiteralExpr l) {
            return l.asNumber().longValue();
        }
        if (expr instanceof BooleanLiteralExpr b) {
            return b.getValue();
        }
        if (expr instanceof CharLiteralExpr c) {
            return c.asChar();
        }
        if (expr instanceof DoubleLiteralExpr d) {
            return d.asDouble();
        }
        if (expr instanceof EnclosedExpr e) {
            return eval(e.getInner(), ctx, depth + 1);
        }
        if (expr instanceof CastExpr c) {
            return cast(c, eval(c.getExpression(), ctx, depth + 1));
        }
        if (expr instanceof ConditionalExpr c) {
            Object condition = eval(c.getCondition(), ctx, depth + 1);
            if (!(condition instanceof Boolean b)) {
                throw new Unresolved(c, "\"" + c + "\" is not a constant keel can read");
            }
            return eval(b ? c.getThenExpr() : c.getElseExpr(), ctx, depth + 1);
        }
        if (expr instanceof UnaryExpr u) {
            if (u.getOperator() == UnaryExpr.Operator.MINUS && u.getExpression() instanceof IntegerLiteralExpr i
                    && i.asNumber() instanceof Long) {
                return Integer.MIN_VALUE; // -2147483648, the one int literal written as a negation
            }
            return unary(u, known(u, eval(u.getExpression(), ctx, depth + 1)));
        }
        if (expr instanceof BinaryExpr b) {
            return binary(b, known(b, eval(b.getLeft(), ctx, depth + 1)), known(b, eval(b.getRight(), ctx, depth + 1)));
        }
        if (expr instanceof ArrayInitializerExpr a) {
            var list = new ArrayList<Object>();
            a.getValues().forEach(v -> list.add(eval(v, ctx, depth + 1)));
            return list;
        }
        if (expr instanceof ClassExpr c) {
            TypeRef ref = names.typeRef(c.getType(), ctx);
            if (!ref.resolved()) {
                throw new Unresolved(expr, "class " + c.getType() + " cannot be found");
            }
            return new ClassRef(ref.name());
        }
        if (expr instanceof AnnotationExpr a) {
            return AnnotationView.of(a, ctx, this);
        }
        if (expr instanceof NameExpr n) {
            return name(n, n.getNameAsString(), ctx, depth);
        }
        if (expr instanceof FieldAccessExpr f) {
            return fieldAccess(f, ctx, depth);
        }
        throw new Unresolved(expr, "\"" + expr + "\" is not a constant keel can read");
    }

    /**
     * A simple name, looked up as javac does: among the constants of the class and of its enclosing
     * classes (each with those it inherits from its superclasses and superinterfaces), then the single
     * static imports, then the static on-demand imports.
     */
    private Object name(Node node, String name, TypeInfo ctx, int depth) {
        for (TypeInfo t = ctx; t != null; t = t.outerFqn() == null ? null : names.index().type(t.outerFqn()).orElse(null)) {
            Optional<Object> v = member(t, name, node, depth);
            if (v.isPresent()) {
                return v.get();
            }
        }
        for (boolean onDemand : new boolean[] {false, true}) {
            for (ImportDeclaration imp : ctx.unit().getImports()) {
                if (!imp.isStatic() || imp.isAsterisk() != onDemand
                        || !onDemand && !imp.getName().getIdentifier().equals(name)) {
                    continue;
                }
                String typeName = names.canonical(onDemand ? imp.getNameAsString()
                        : imp.getName().getQualifier().map(Object::toString).orElse(""));
                Optional<TypeInfo> owner = names.index().type(typeName);
                if (owner.isPresent()) {
                    Optional<Object> v = member(owner.get(), name, node, depth);
                    if (v.isPresent()) {
                        return v.get();
                    }
                } else {
                    Optional<Object> v = LibraryConstants.value(typeName, name);
                    if (v.isEmpty()) {
                        v = library(node, typeName, name);
                    }
                    if (v.isPresent()) {
                        return v.get();
                    }
                    if (!onDemand) {
                        return new EnumConst(typeName, name);
                    }
                }
            }
        }
        throw new Unresolved(node, "constant " + name + " cannot be found in the scanned sources (looked in "
                + ctx.simpleName() + ", its enclosing, super- and superinterface types, and its static imports) nor on "
                + names.classPath().described(), "declare it, import it, or " + MISSING_FIX);
    }

    /**
     * The scope of a field access as the printer writes it: a dotted name ({@code Limits}, {@code com.acme.Limits})
     * joined here, since printing a node builds a printer for it; anything else printed.
     */
    static String scopeText(Expression scope) {
        if (scope instanceof NameExpr n) {
            return n.getNameAsString();
        }
        if (scope instanceof FieldAccessExpr f && f.getTypeArguments().isEmpty()
                && (f.getScope() instanceof NameExpr || f.getScope() instanceof FieldAccessExpr)) {
            String outer = scopeText(f.getScope());
            if (outer != null) {
                return outer + "." + f.getNameAsString();
            }
        }
        return scope.toString();
    }

    private Object fieldAccess(FieldAccessExpr f, TypeInfo ctx, int depth) {
        String scope = scopeText(f.getScope());
        String name = f.getNameAsString();
        Optional<String> typeName = names.resolve(scope, ctx);
        if (typeName.isEmpty()) {
            throw new Unresolved(f, "type " + scope + " of constant " + f + " cannot be found in the source roots nor on "
                    + names.classPath().described(), MISSING_FIX);
        }
        Optional<TypeInfo> owner = names.index().type(typeName.get());
        if (owner.isEmpty()) {
            Optional<Object> v = LibraryConstants.value(typeName.get(), name);
            if (v.isEmpty()) {
                v = library(f, typeName.get(), name);
            }
            if (v.isPresent()) {
                return v.get();
            }
            return lombokFieldName(f, typeName.get(), name).orElse(new EnumConst(typeName.get(), name));
        }
        return member(owner.get(), name, f, depth)
                .orElseThrow(() -> new Unresolved(f, "constant " + f + " cannot be found in " + typeName.get()
                        + " or its super- and superinterface types (in the source roots and on " + names.classPath().described() + ")",
                        "declare it, or " + MISSING_FIX));
    }

    /** A constant of the type Lombok's {@code @FieldNameConstants} adds to a scanned class ({@code Order.Fields.customer}). */
    private Optional<Object> lombokFieldName(Node node, String typeName, String name) {
        int dot = typeName.lastIndexOf('.');
        Optional<TypeInfo> outer = dot < 0 ? Optional.empty() : names.index().type(typeName.substring(0, dot))
                .filter(o -> Lombok.fieldNamesType(o, names).filter(typeName.substring(dot + 1)::equals).isPresent());
        if (outer.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Lombok.fieldName(outer.get(), name, names).orElseThrow(() -> new Unresolved(node,
                "constant " + name + " of Lombok's " + typeName + " cannot be found: " + outer.get().simpleName()
                        + " declares no instance field " + name)));
    }

    /** A static constant or enum constant that {@code owner} declares or inherits from a scanned supertype. */
    private Optional<Object> member(TypeInfo owner, String name, Node node, int depth) {
        return member(owner, name, node, depth, new HashSet<>());
    }

    private Optional<Object> member(TypeInfo owner, String name, Node node, int depth, Set<String> seen) {
        if (!seen.add(owner.fqn())) {
            return Optional.empty();
        }
        Optional<Object> own = declared(owner, name, node, depth);
        if (own.isPresent()) {
            return own;
        }
        for (TypeInfo s : names.supertypes(owner)) {
            Optional<Object> inherited = member(s, name, node, depth, seen);
            if (inherited.isPresent()) {
                return inherited;
            }
        }
        for (String s : names.librarySupertypes(owner)) {
            Optional<Object> inherited = library(node, s, name);
            if (inherited.isPresent()) {
                return inherited;
            }
        }
        return Optional.empty();
    }

    /**
     * The static member {@code name} of {@code owner}, a type of the class path (declared or inherited there): an enum
     * constant, or a constant's value from its class file; empty when the class path has no such type or member.
     */
    private Optional<Object> library(Node node, String owner, String name) {
        Optional<Object> v = names.classPath().member(owner, name);
        if (v.isPresent() && v.get() == ClassPath.NOT_CONSTANT) {
            throw new Unresolved(node, name + " in " + owner + " (on the class path) is not a static final constant"
                    + " initialised by a constant expression, so its value is not in the class file");
        }
        return v;
    }

    /** A static constant or enum constant declared by {@code owner} itself. */
    private Optional<Object> declared(TypeInfo owner, String name, Node node, int depth) {
        if (owner.decl() instanceof EnumDeclaration e
                && e.getEntries().stream().anyMatch(c -> c.getNameAsString().equals(name))) {
            return Optional.of(new EnumConst(owner.fqn(), name));
        }
        for (FieldDeclaration field : owner.decl().getFields()) {
            for (VariableDeclarator v : field.getVariables()) {
                if (v.getNameAsString().equals(name)) {
                    if (!isConstant(owner, field) || v.getInitializer().isEmpty()) {
                        throw new Unresolved(node, name + " in " + owner.fqn() + " is not a static final constant");
                    }
                    return Optional.of(declaredAs(v.getType().asString(), eval(v.getInitializer().get(), owner, depth + 1)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a field is a constant: {@code static final}, a field of an interface (implicitly so), or a
     * {@code final} field of a Lombok {@code @UtilityClass} (which makes every field static).
     */
    private boolean isConstant(TypeInfo owner, FieldDeclaration field) {
        if (owner.decl() instanceof ClassOrInterfaceDeclaration c && c.isInterface()) {
            return true;
        }
        return (field.isStatic() || Lombok.isStaticByLombok(owner, field, names)) && field.isFinal();
    }

    /**
     * {@code v}, unless it is a constant of a type that neither the sources nor the class path declare (kept as an
     * {@link EnumConst} as written): then whatever {@code expr} computes from it is unknown, and the problem says where
     * its type must come from.
     */
    private Object known(Node expr, Object v) {
        String missing = missingOwner(v);
        if (missing != null) {
            throw new Unresolved(expr, "\"" + expr + "\" is not a constant keel can read: " + missing, MISSING_FIX);
        }
        return v;
    }

    /**
     * When {@code v} is a constant (kept by name) of a type that neither the sources nor the class path declare and
     * keel does not model itself: what to say of it, with the fix; else null.
     */
    public String missingOwner(Object v) {
        if (!(v instanceof EnumConst c) || names.index().type(c.type()).isPresent() || ClassPath.modeledByKeel(c.type())
                || names.classPath().type(c.type()).isPresent()) {
            return null;
        }
        return c.type() + "." + c.name() + " is a constant of " + c.type() + ", which is neither in the source roots nor"
                + " on " + names.classPath().described();
    }

    /** The fix of a constant whose type neither the sources nor the class path declare ({@link #missingOwner}). */
    public static final String MISSING_FIX = "add the jar or class folder that declares it to keel.json \"libraries\""
            + " (\"lib/*.jar\", \"../core/target/classes\"; the Maven plugin passes the compile class path itself), or"
            + " write the value as a literal";

    /** A constant's value as its declared type holds it ({@code static final long X = 1} is a long). */
    private static Object declaredAs(String type, Object v) {
        return switch (type) {
            case "long", "Long", "int", "Integer", "short", "Short", "byte", "Byte", "char", "Character", "double", "Double",
                 "float", "Float" -> convert(type, v);
            default -> v;
        };
    }

    /** A cast, as Java converts ({@code (int) 2.5} is 2, {@code (short) 70000} is 4464); other casts keep the value. */
    private static Object cast(CastExpr c, Object v) {
        return convert(c.getType().asString(), v);
    }

    private static Object convert(String type, Object v) {
        Object n = v instanceof Character ch ? (Object) (int) ch : v;
        if (!(n instanceof Number number)) {
            return v;
        }
        return switch (type) {
            case "int", "Integer" -> number.intValue();
            case "long", "Long" -> number.longValue();
            case "short", "Short" -> (int) (short) number.intValue();
            case "byte", "Byte" -> (int) (byte) number.intValue();
            case "char", "Character" -> (char) number.intValue();
            case "float", "Float" -> (double) number.floatValue();
            case "double", "Double" -> number.doubleValue();
            default -> v;
        };
    }

    /** A char in arithmetic is an int. */
    private static Object promote(Object v) {
        return v instanceof Character c ? (Object) (int) c : v;
    }

    private static boolean integral(Object v) {
        return v instanceof Integer || v instanceof Long;
    }

    private static Object unary(UnaryExpr u, Object operand) {
        Object v = promote(operand);
        return switch (u.getOperator()) {
            case MINUS -> v instanceof Integer i ? (Object) (-i) : v instanceof Long l ? (Object) (-l)
                    : v instanceof Double d ? (Object) (-d) : fail(u);
            case PLUS -> v instanceof Number ? v : fail(u);
            case LOGICAL_COMPLEMENT -> v instanceof Boolean b ? (Object) (!b) : fail(u);
            case BITWISE_COMPLEMENT -> v instanceof Integer i ? (Object) (~i) : v instanceof Long l ? (Object) (~l) : fail(u);
            default -> fail(u);
        };
    }

    private static Object binary(BinaryExpr b, Object left, Object right) {
        BinaryExpr.Operator op = b.getOperator();
        for (Object v : new Object[] {left, right}) {
            if (v instanceof EnumConst e && !(op == BinaryExpr.Operator.EQUALS || op == BinaryExpr.Operator.NOT_EQUALS)) {
                throw new Unresolved(b, "\"" + b + "\" uses " + e.type() + "." + e.name()
                        + ", a constant of a library type that is not in the scanned sources");
            }
        }
        if (op == BinaryExpr.Operator.PLUS && (left instanceof String || right instanceof String)) {
            return String.valueOf(left) + right;
        }
        Object l = promote(left);
        Object r = promote(right);
        if (l instanceof Boolean x && r instanceof Boolean y) {
            return switch (op) {
                case AND, BINARY_AND -> x && y;
                case OR, BINARY_OR -> x || y;
                case XOR -> x ^ y;
                case EQUALS -> x.equals(y);
                case NOT_EQUALS -> !x.equals(y);
                default -> fail(b);
            };
        }
        if (integral(l) && integral(r)) {
            long distance = ((Number) r).longValue();
            // a shift has the type of its left operand; Java uses the low 5 (int) or 6 (long) bits of the distance
            if (l instanceof Integer x && (op == BinaryExpr.Operator.LEFT_SHIFT || op == BinaryExpr.Operator.SIGNED_RIGHT_SHIFT
                    || op == BinaryExpr.Operator.UNSIGNED_RIGHT_SHIFT)) {
                return switch (op) {
                    case LEFT_SHIFT -> x << distance;
                    case SIGNED_RIGHT_SHIFT -> x >> distance;
                    default -> x >>> distance;
                };
            }
            if (l instanceof Integer x && r instanceof Integer y) {
                return switch (op) {
                    case PLUS -> x + y;
                    case MINUS -> x - y;
                    case MULTIPLY -> x * y;
                    case DIVIDE -> y == 0 ? fail(b) : x / y;
                    case REMAINDER -> y == 0 ? fail(b) : x % y;
                    case BINARY_AND -> x & y;
                    case BINARY_OR -> x | y;
                    case XOR -> x ^ y;
                    default -> compare(b, Integer.compare(x, y));
                };
            }
            long x = ((Number) l).longValue();
            long y = distance;
            return switch (op) {
                case PLUS -> x + y;
                case MINUS -> x - y;
                case MULTIPLY -> x * y;
                case DIVIDE -> y == 0 ? fail(b) : x / y;
                case REMAINDER -> y == 0 ? fail(b) : x % y;
                case LEFT_SHIFT -> x << y;
                case SIGNED_RIGHT_SHIFT -> x >> y;
                case UNSIGNED_RIGHT_SHIFT -> x >>> y;
                case BINARY_AND -> x & y;
                case BINARY_OR -> x | y;
                case XOR -> x ^ y;
                default -> compare(b, Long.compare(x, y));
            };
        }
        if (l instanceof Number x && r instanceof Number y) {
            double dx = x.doubleValue();
            double dy = y.doubleValue();
            return switch (op) {
                case PLUS -> dx + dy;
                case MINUS -> dx - dy;
                case MULTIPLY -> dx * dy;
                case DIVIDE -> dx / dy;
                case REMAINDER -> dx % dy;
                default -> compare(b, Double.compare(dx, dy));
            };
        }
        if (op == BinaryExpr.Operator.EQUALS || op == BinaryExpr.Operator.NOT_EQUALS) {
            return (op == BinaryExpr.Operator.EQUALS) == java.util.Objects.equals(l, r);
        }
        return fail(b);
    }

    private static Object compare(BinaryExpr b, int c) {
        return switch (b.getOperator()) {
            case EQUALS -> c == 0;
            case NOT_EQUALS -> c != 0;
            case LESS -> c < 0;
            case LESS_EQUALS -> c <= 0;
            case GREATER -> c > 0;
            case GREATER_EQUALS -> c >= 0;
            default -> fail(b);
        };
    }

    private static Object fail(Node node) {
        throw new Unresolved(node, "\"" + node + "\" is not a constant keel can read");
    }

    /** The values of {@code v} as a list: a single value is a list of one. */
    public static List<Object> list(Object v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return List.copyOf(l);
        }
        return List.of(v);
    }
}
