package dev.keel.load;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import dev.keel.migration.Migration;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates the body of a migration's {@code define()} from source, without compiling it: each
 * statement must be a call, and each value a literal, a {@code static final} constant of the
 * class, a keel constant ({@code DeletionAction.DELETE}, {@code RunSql.NOOP}) or a call of keel's
 * factories and builders, found by reflection. Calls that the migration makes on itself are
 * replayed on a real {@link Migration}, so both ways of reading a migration share its semantics.
 */
final class DefineEvaluator {
    private final SourceScope scope;
    private final Map<String, Typed> constants = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    /** The local variables declared anywhere in the body, by name: found when a name is not otherwise known. */
    private Map<String, Node> locals;
    private BlockStmt body;
    private final List<Unreadable> problems = new ArrayList<>();
    private Migration target;

    DefineEvaluator(SourceScope scope) {
        this.scope = scope;
    }

    /** Runs every statement of {@code body} against {@code migration}; returns what it could not read. */
    List<Unreadable> run(BlockStmt body, Migration migration) {
        this.target = migration;
        this.body = body;
        this.locals = null;
        problems.clear();
        for (Statement s : body.getStatements()) {
            try {
                statement(s);
            } catch (Unreadable u) {
                problems.add(u);
            } catch (AlreadyReported r) {
                // the arguments' problems are in the list already
            }
        }
        problems.sort(Comparator.comparing((Unreadable u) -> u.node().getBegin().map(p -> p.line).orElse(0))
                .thenComparing(u -> u.node().getBegin().map(p -> p.column).orElse(0)));
        return List.copyOf(problems);
    }

    private void statement(Statement s) {
        if (s instanceof EmptyStmt) {
            return;
        }
        if (s instanceof ExpressionStmt es) {
            Expression e = es.getExpression();
            if (e instanceof MethodCallExpr call) {
                call(call);
                return;
            }
            if (e instanceof VariableDeclarationExpr v) {
                throw new Unreadable(v, "a local variable (" + v + "): keel reads define() without running it",
                        Fixes.INLINE);
            }
        }
        throw new Unreadable(s, Fixes.describe(s) + ": keel reads define() as a list of calls without running it",
                Fixes.statementsOnly());
    }

    /** The value of an expression. */
    Typed eval(Expression e) {
        Optional<Typed> literal = ConstantFolding.literal(e);
        if (literal.isPresent()) {
            return literal.get();
        }
        if (e instanceof EnclosedExpr en) {
            return eval(en.getInner());
        }
        if (e instanceof UnaryExpr u) {
            return ConstantFolding.unary(u.getOperator(), value(u.getExpression()), u);
        }
        if (e instanceof BinaryExpr b) {
            return ConstantFolding.binary(b.getOperator(), value(b.getLeft()), value(b.getRight()), b);
        }
        if (e instanceof NameExpr n) {
            return name(n);
        }
        if (e instanceof FieldAccessExpr f) {
            return fieldAccess(f);
        }
        if (e instanceof MethodCallExpr m) {
            return call(m);
        }
        if (e instanceof ObjectCreationExpr o) {
            throw new Unreadable(o, "creates an object with new " + o.getType().asString() + "(...)", Fixes.FACTORIES);
        }
        throw new Unreadable(e, Fixes.describe(e) + ", which keel cannot evaluate without running the code",
                Fixes.VALUES);
    }

    /** The value of an expression that is used as a value (not a void call). */
    private Typed value(Expression e) {
        Typed t = eval(e);
        if (t.isVoid()) {
            throw new Unreadable(e, "uses the result of a call that returns nothing", Fixes.VALUES);
        }
        return t;
    }

    // ---- names ------------------------------------------------------------------------------

    private Typed name(NameExpr n) {
        String id = n.getNameAsString();
        Optional<VariableDeclarator> field = scope.field(id);
        if (field.isPresent()) {
            return constant(field.get(), n);
        }
        Optional<Field> imported = scope.staticField(id, n);
        if (imported.isPresent()) {
            return read(imported.get());
        }
        Node local = locals().get(id);
        if (local != null) {
            throw new Unreadable(n, "uses the local variable " + id + " (declared at line "
                    + local.getBegin().map(p -> p.line).orElse(0) + ")", Fixes.INLINE);
        }
        if (scope.isOwnClass(id) || scope.type(id, n).isPresent()) {
            throw new Unreadable(n, id + " is a type, not a value", Fixes.VALUES);
        }
        throw unknownName(n, id);
    }

    /** The body's local variables (walked once, and only for a name that is no field: a plain body has none). */
    private Map<String, Node> locals() {
        if (locals == null) {
            locals = new HashMap<>();
            body.findAll(VariableDeclarationExpr.class)
                    .forEach(v -> v.getVariables().forEach(d -> locals.putIfAbsent(d.getNameAsString(), d)));
        }
        return locals;
    }

    private Unreadable unknownName(Node at, String id) {
        List<String> foreign = scope.foreignStaticImports();
        String maybe = foreign.isEmpty() ? "" : " (it may come from " + String.join(", ", foreign)
                + ", which keel does not read: migrations use keel's API only)";
        return new Unreadable(at, "unknown name " + id + maybe, Fixes.VALUES);
    }

    /** A field of the migration class, which must be a {@code static final} constant with an initializer. */
    private Typed constant(VariableDeclarator v, Node use) {
        String id = v.getNameAsString();
        FieldDeclaration declaration = (FieldDeclaration) v.getParentNode().orElseThrow();
        int line = v.getBegin().map(p -> p.line).orElse(0);
        if (!declaration.isStatic() || !declaration.isFinal() || v.getInitializer().isEmpty()) {
            throw new Unreadable(use, "uses the field " + id + " (line " + line + "), which is not a static final"
                    + " constant with an initializer: its value is only known when the code runs",
                    "declare it as private static final " + v.getTypeAsString() + " " + id
                            + " = <literal>;, or write the value inline");
        }
        Typed cached = constants.get(id);
        if (cached != null) {
            return cached;
        }
        if (!evaluating.add(id)) {
            throw new Unreadable(use, "the constant " + id + " refers to itself", "give it a value that does not");
        }
        try {
            Typed value = value(v.getInitializer().get());
            Typed typed = declaredType(v.getType()).map(t -> ConstantFolding.coerce(value, t)).orElse(value);
            constants.put(id, typed);
            return typed;
        } finally {
            evaluating.remove(id);
        }
    }

    private Optional<Class<?>> declaredType(Type type) {
        if (type instanceof PrimitiveType p) {
            return Optional.of(primitive(p.getType()));
        }
        if (type instanceof ClassOrInterfaceType c && !c.getNameWithScope().contains(".") && c.getNameAsString().equals("String")) {
            return Optional.of(String.class);
        }
        if (type instanceof ClassOrInterfaceType c && KeelTypes.isKeelName(c.getNameWithScope())) {
            return KeelTypes.load(c.getNameWithScope());
        }
        return Optional.empty();
    }

    private static Class<?> primitive(PrimitiveType.Primitive p) {
        return switch (p) {
            case BOOLEAN -> boolean.class;
            case CHAR -> char.class;
            case BYTE -> byte.class;
            case SHORT -> short.class;
            case INT -> int.class;
            case LONG -> long.class;
            case FLOAT -> float.class;
            case DOUBLE -> double.class;
        };
    }

    private Typed fieldAccess(FieldAccessExpr f) {
        String id = f.getNameAsString();
        Optional<String> qualifier = dottedName(f.getScope());
        if (qualifier.isPresent() && !startsWithValue(qualifier.get(), f)) {
            if (scope.isOwnClass(qualifier.get())) {
                return constant(scope.field(id).orElseThrow(() -> new Unreadable(f, "this class has no field " + id,
                        Fixes.VALUES)), f);
            }
            Optional<Class<?>> type = scope.type(qualifier.get(), f);
            if (type.isPresent()) {
                return read(KeelTypes.staticField(type.get(), id).orElseThrow(() -> new Unreadable(f,
                        type.get().getSimpleName() + " has no constant " + id, Fixes.VALUES)));
            }
        }
        Typed owner = value(f.getScope());
        throw new Unreadable(f, "reads the field " + id + " of a " + typeName(owner) + " value",
                "call its accessor " + id + "() instead, or write the value inline");
    }

    private static Typed read(Field f) {
        try {
            return new Typed(f.get(null), f.getType());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("public keel field " + f + " is not readable", e);
        }
    }

    // ---- calls ------------------------------------------------------------------------------

    private Typed call(MethodCallExpr m) {
        String name = m.getNameAsString();
        if (m.getScope().isEmpty()) {
            return unqualifiedCall(m, name);
        }
        Expression receiver = m.getScope().get();
        if (receiver instanceof ThisExpr) {
            return migrationCall(m, name).orElseThrow(() -> notAMigrationMethod(m, name));
        }
        Optional<String> qualifier = dottedName(receiver);
        if (qualifier.isPresent() && !startsWithValue(qualifier.get(), m)) {
            if (scope.isOwnClass(qualifier.get())) {
                throw ownMethod(m, name);
            }
            Optional<Class<?>> type = scope.type(qualifier.get(), m);
            if (type.isPresent()) {
                List<Method> methods = KeelTypes.staticMethods(type.get(), name);
                if (methods.isEmpty()) {
                    throw new Unreadable(m, type.get().getSimpleName() + " has no static method " + name, Fixes.FACTORIES);
                }
                return Invoker.invoke(methods, null, arguments(m), m, type.get().getSimpleName() + "." + name + "(...)");
            }
        }
        Typed on = value(receiver);
        if (on.value() == null) {
            throw new Unreadable(m, "calls " + name + "(...) on null", Fixes.VALUES);
        }
        if (!KeelTypes.isKeel(on.type())) {
            throw new Unreadable(m, "calls " + name + "(...) on a " + typeName(on) + ", which is not a keel type",
                    "build values with keel's factories and their builder methods (column(...).nullable(),"
                            + " table(...).field(...)), or write the value as a literal");
        }
        List<Method> methods = KeelTypes.instanceMethods(on.type(), name);
        if (methods.isEmpty()) {
            throw new Unreadable(m, on.type().getSimpleName() + " has no method " + name + ". Its methods: "
                    + String.join(", ", KeelTypes.instanceMethodNames(on.type())), "call one of those");
        }
        return Invoker.invoke(methods, on.value(), arguments(m), m, on.type().getSimpleName() + "." + name + "(...)");
    }

    private Typed unqualifiedCall(MethodCallExpr m, String name) {
        Optional<Typed> own = migrationCall(m, name);
        if (own.isPresent()) {
            return own.get();
        }
        if (scope.declaresMethod(name)) {
            throw ownMethod(m, name);
        }
        List<Method> factories = scope.staticMethods(name, m);
        if (!factories.isEmpty()) {
            return Invoker.invoke(factories, null, arguments(m), m, name + "(...)");
        }
        throw new Unreadable(m, "calls " + name + "(...), which is neither a keel factory nor a method of Migration",
                Fixes.FACTORIES + ". define() itself may call " + String.join(", ", ReplayMigration.declarationNames()));
    }

    private Optional<Typed> migrationCall(MethodCallExpr m, String name) {
        List<Method> methods = ReplayMigration.declarations(name);
        if (methods.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Invoker.invoke(methods, target, arguments(m), m, name + "(...)"));
    }

    /** The values of a call's arguments; every argument is evaluated, so that each problem is reported. */
    private List<Typed> arguments(MethodCallExpr m) {
        var values = new ArrayList<Typed>();
        boolean failed = false;
        for (Expression argument : m.getArguments()) {
            try {
                values.add(value(argument));
            } catch (Unreadable u) {
                problems.add(u);
                failed = true;
            } catch (AlreadyReported r) {
                failed = true;
            }
        }
        if (failed) {
            throw AlreadyReported.INSTANCE;
        }
        return values;
    }

    /** Unwinds a statement whose problems are already in the list. */
    private static final class AlreadyReported extends RuntimeException {
        static final AlreadyReported INSTANCE = new AlreadyReported();

        private AlreadyReported() {
            super(null, null, false, false);
        }
    }

    private static Unreadable notAMigrationMethod(MethodCallExpr m, String name) {
        return new Unreadable(m, "calls this." + name + "(...), which is not a method of Migration",
                "define() may call " + String.join(", ", ReplayMigration.declarationNames()));
    }

    private static Unreadable ownMethod(MethodCallExpr m, String name) {
        return new Unreadable(m, "calls " + name + "(...), a method of this file: keel reads define() without"
                + " running it and does not follow calls into other methods", "write the calls out in define()");
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** {@code a.b.C} for a chain of plain names; empty for anything else. */
    private static Optional<String> dottedName(Expression e) {
        if (e instanceof NameExpr n) {
            return Optional.of(n.getNameAsString());
        }
        if (e instanceof FieldAccessExpr f) {
            return dottedName(f.getScope()).map(s -> s + "." + f.getNameAsString());
        }
        return Optional.empty();
    }

    /** Whether the first name of {@code a.b.c} is a value, which hides a type of that name (JLS 6.5.2). */
    private boolean startsWithValue(String dotted, Node at) {
        int dot = dotted.indexOf('.');
        return scope.isValueName(dot < 0 ? dotted : dotted.substring(0, dot), at);
    }

    private static String typeName(Typed t) {
        return t.type() == null ? "null" : t.type().getSimpleName();
    }
}
