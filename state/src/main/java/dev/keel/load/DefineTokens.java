package dev.keel.load;

import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.utils.StringEscapeUtils;
import dev.keel.load.JavaLexer.Decline;
import dev.keel.load.JavaLexer.Kind;
import dev.keel.migration.Migration;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationNames;
import dev.keel.migration.MigrationSpec;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a migration file of the common shape straight from its tokens: {@code define()} is evaluated while its
 * tokens are read, without building a tree first ({@link MigrationSyntax} builds JavaParser's nodes, which
 * {@link DefineEvaluator} then walks: most of the allocation of a cold read of a project's history).
 *
 * <p>The fast path of {@link SourceMigrationReader}, never the reference: it reads exactly the grammar
 * {@link MigrationSyntax} reads (the same {@link JavaLexer}, the same choices) and gives the meaning
 * {@link DefineEvaluator} and {@link SourceScope} give each name, literal and call, invoking keel's methods through
 * the same {@link Invoker}. It answers only when the whole file reads without a single problem; on anything else
 * (a shape outside {@link MigrationSyntax}'s, a name that does not resolve, a call that fails, any exception) it
 * gives nothing, and the reader reads the file as before, so that every problem is reported by the same code, with
 * the same message and position. {@code DefineTokensTest} holds both paths to the same spec on every migration
 * file of the repository and of the benchmark's generator.
 */
final class DefineTokens {
    private static final String MIGRATION = Migration.class.getName();
    private static final String MIGRATION_PACKAGE = MIGRATION.substring(0, MIGRATION.lastIndexOf('.'));
    private static final Set<String> DEFINE_ONLY = Set.of("define");

    private final JavaLexer tokens;
    /** A field of the class: its modifiers, its type as written, where its initializer starts (-1: none). */
    private record Constant(boolean isStatic, boolean isFinal, Class<?> primitive, String typeName, int start,
                            int previousEnd) {}

    private final Map<String, Constant> fields = new HashMap<>();
    private final Map<String, Typed> values = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    private SourceScope scope;
    private Migration target;

    private DefineTokens(String text) {
        this.tokens = new JavaLexer(text, MigrationSyntax.PUNCTUATION, JavaLexer.KEYWORDS, true);
    }

    /**
     * The migration {@code text} declares, when it has the common shape and reads without any problem; empty
     * otherwise (then the file is to be read by JavaParser's tree, which reports every problem).
     */
    static Optional<MigrationSpec> read(Path file, String text, String app, String expectedPackage) {
        if (text.contains("\\u")) {
            return Optional.empty(); // JavaParser translates unicode escapes before lexing
        }
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(".java")) {
            return Optional.empty();
        }
        String className = fileName.substring(0, fileName.length() - ".java".length());
        if (!MigrationNames.isMigrationClassName(className)) {
            return Optional.empty();
        }
        DefineTokens t = new DefineTokens(text);
        try {
            return Optional.of(t.unit(file, className, app, expectedPackage));
        } catch (RuntimeException e) {
            // Decline, Unreadable, or whatever the tree's reading meets again and reports (or throws) as before
            return Optional.empty();
        }
    }

    // ---- the file, as MigrationSyntax reads it ------------------------------------------------

    private MigrationSpec unit(Path file, String className, String app, String expectedPackage) {
        tokens.next();
        String pkg = null;
        if (tokens.isWord("package")) {
            tokens.next();
            pkg = qualifiedName(false);
            tokens.expect(';');
        }
        var imports = new ArrayList<SourceScope.Import>();
        boolean importsMigration = false;
        while (tokens.isWord("import")) {
            tokens.next();
            boolean isStatic = tokens.isWord("static");
            if (isStatic) {
                tokens.next();
            }
            String name = qualifiedName(true);
            boolean asterisk = tokens.isPunct('*');
            if (asterisk) {
                tokens.next();
            }
            tokens.expect(';');
            imports.add(new SourceScope.Import(name, isStatic, asterisk, 0));
            importsMigration |= !isStatic && (name.equals(MIGRATION) || asterisk && name.equals(MIGRATION_PACKAGE));
        }
        // the class
        modifiers();
        tokens.expectWord("class");
        String name = tokens.identifier();
        String extended = null;
        if (tokens.isWord("extends")) {
            tokens.next();
            extended = dotted();
        }
        tokens.expect('{');
        int defineStart = -1;
        int definePreviousEnd = -1;
        while (!tokens.isPunct('}')) {
            boolean annotated = false;
            while (tokens.isPunct('@')) {
                tokens.next();
                tokens.expectWord("Override");
                if (tokens.isPunct('(') || tokens.isPunct('.')) {
                    throw Decline.INSTANCE;
                }
                annotated = true;
            }
            int modifiers = modifiers();
            if (tokens.isWord("void")) {
                tokens.next();
                tokens.expectWord("define");
                tokens.expect('(');
                tokens.expect(')');
                if (defineStart >= 0) {
                    throw Decline.INSTANCE; // two define() methods: for JavaParser's reading to report
                }
                defineStart = tokens.start();
                definePreviousEnd = tokens.previousEnd();
                block(false);
                continue;
            }
            if (annotated) {
                throw Decline.INSTANCE;
            }
            Class<?> primitive = primitive();
            String typeName = primitive == null ? dotted() : null;
            String field = tokens.identifier();
            int start = -1;
            int previousEnd = -1;
            if (tokens.isPunct('=')) {
                tokens.next();
                start = tokens.start();
                previousEnd = tokens.previousEnd();
                expression(false);
            }
            tokens.expect(';');
            if (fields.containsKey(field)) {
                throw Decline.INSTANCE; // the first of two fields of one name would be read: for JavaParser's reading
            }
            fields.put(field, new Constant((modifiers & STATIC) != 0, (modifiers & FINAL) != 0, primitive, typeName,
                    start, previousEnd));
        }
        tokens.next();
        if (tokens.kind() != Kind.END) {
            throw Decline.INSTANCE;
        }
        // what SourceMigrationReader.evaluate checks, each a problem (declined) when it does not hold
        if (!name.equals(className) || extended == null
                || !(extended.equals(MIGRATION) || extended.equals("Migration") && importsMigration)) {
            throw Decline.INSTANCE;
        }
        if (expectedPackage != null && !expectedPackage.equals(pkg == null ? "" : pkg)) {
            throw Decline.INSTANCE;
        }
        if (defineStart < 0) {
            throw Decline.INSTANCE;
        }
        scope = new SourceScope(pkg, List.copyOf(imports), className, fields.keySet(), DEFINE_ONLY);
        int bodyStart = defineStart;
        int bodyPreviousEnd = definePreviousEnd;
        var replay = new ReplayMigration(m -> {
            target = m;
            tokens.rewind(bodyStart, bodyPreviousEnd);
            block(true);
        });
        return replay.spec(new MigrationKey(app, MigrationNames.nameOfClass(className)), file.toString());
    }

    private static final int STATIC = 1;
    private static final int FINAL = 2;

    /** The modifiers MigrationSyntax reads, as bits (only static and final matter here). */
    private int modifiers() {
        int bits = 0;
        while (tokens.kind() == Kind.NAME) {
            switch (tokens.image()) {
                case "public", "protected", "private" -> { }
                case "static" -> bits |= STATIC;
                case "final" -> bits |= FINAL;
                default -> {
                    return bits;
                }
            }
            tokens.next();
        }
        return bits;
    }

    /** A primitive type MigrationSyntax reads, or null (the current token is then a class type). */
    private Class<?> primitive() {
        if (tokens.kind() == Kind.NAME) {
            Class<?> primitive = switch (tokens.image()) {
                case "boolean" -> boolean.class;
                case "byte" -> byte.class;
                case "short" -> short.class;
                case "int" -> int.class;
                case "long" -> long.class;
                default -> null;
            };
            if (primitive != null) {
                tokens.next();
            }
            return primitive;
        }
        return null;
    }

    /** {@code a.b.c}; with {@code asterisk}, stops before a {@code *} after a dot. */
    private String qualifiedName(boolean asterisk) {
        String name = tokens.identifier();
        while (tokens.isPunct('.')) {
            tokens.next();
            if (asterisk && tokens.isPunct('*')) {
                return name;
            }
            name = name + "." + tokens.identifier();
        }
        return name;
    }

    /** A class type as MigrationSyntax reads it: names joined by dots. */
    private String dotted() {
        String name = tokens.identifier();
        while (tokens.isPunct('.')) {
            tokens.next();
            name = name + "." + tokens.identifier();
        }
        return name;
    }

    /**
     * {@code { call; call; }}: each statement a call (checked by the first reading); evaluated in order (against
     * {@link #target}) when {@code eval}.
     */
    private void block(boolean eval) {
        tokens.expect('{');
        while (!tokens.isPunct('}')) {
            if (expression(eval) != CALL && !eval) {
                throw Decline.INSTANCE;
            }
            tokens.expect(';');
        }
        tokens.next();
    }

    /** What {@link #expression} read when not evaluating: a call, or something else. */
    private static final Typed CALL = new Typed(null, void.class);
    private static final Typed OTHER = new Typed(null, null);

    /**
     * Reads an expression of MigrationSyntax's grammar; with {@code eval}, its value (a statement's call may be
     * void), else {@link #CALL} or {@link #OTHER} for what it was.
     */
    private Typed expression(boolean eval) {
        if (tokens.kind() == Kind.STRING) {
            String image = tokens.take();
            return eval ? new Typed(image.indexOf('\\') < 0 ? image : StringEscapeUtils.unescapeJava(image), String.class) : OTHER;
        }
        if (tokens.isPunct('-')) {
            tokens.next();
            if (tokens.kind() != Kind.NUMBER) {
                throw Decline.INSTANCE;
            }
            Typed n = number(eval);
            return eval ? ConstantFolding.unary(UnaryExpr.Operator.MINUS, n, null) : OTHER;
        }
        if (tokens.kind() == Kind.NUMBER) {
            return number(eval);
        }
        if (tokens.kind() == Kind.NAME) {
            switch (tokens.image()) {
                case "true", "false" -> {
                    boolean b = tokens.take().equals("true");
                    return eval ? new Typed(b, boolean.class) : OTHER;
                }
                case "null" -> {
                    tokens.next();
                    return eval ? Typed.NULL : OTHER;
                }
                default -> { }
            }
        }
        // a chain of names and calls: names stay unresolved (dotted) until what follows them says what they are
        String dotted = tokens.identifier();
        Typed value = null;
        boolean call = false;
        if (tokens.isPunct('(')) {
            value = eval ? unqualifiedCall(dotted) : skipArguments();
            dotted = null;
            call = true;
        }
        while (tokens.isPunct('.')) {
            tokens.next();
            String name = tokens.identifier();
            if (tokens.isPunct('(')) {
                value = eval ? qualifiedCall(dotted, value, name) : skipArguments();
                dotted = null;
                call = true;
            } else if (dotted != null) {
                dotted = dotted + "." + name;
                call = false;
            } else {
                if (eval) {
                    throw Decline.INSTANCE; // reads the field of a value: a problem
                }
                call = false;
            }
        }
        if (!eval) {
            return call ? CALL : OTHER;
        }
        return dotted != null ? valueOf(dotted) : value;
    }

    private Typed skipArguments() {
        arguments(false);
        return null;
    }

    private Typed number(boolean eval) {
        String digits = tokens.take();
        if (!eval) {
            return OTHER;
        }
        char last = digits.charAt(digits.length() - 1);
        if (last == 'L' || last == 'l') {
            return new Typed(Long.parseLong(digits.substring(0, digits.length() - 1)), long.class);
        }
        return new Typed(Integer.parseInt(digits), int.class); // 2147483648 throws: declined
    }

    /** The values of a call's arguments (each used as a value), or null when not evaluating. */
    private List<Typed> arguments(boolean eval) {
        tokens.expect('(');
        List<Typed> values = eval ? new ArrayList<>(4) : null;
        if (!tokens.isPunct(')')) {
            argument(values, eval);
            while (tokens.isPunct(',')) {
                tokens.next();
                argument(values, eval);
            }
        }
        tokens.expect(')');
        return values;
    }

    private void argument(List<Typed> values, boolean eval) {
        Typed t = expression(eval);
        if (eval) {
            values.add(value(t));
        }
    }

    /** A value used as a value: not the result of a void call. */
    private static Typed value(Typed t) {
        if (t.isVoid()) {
            throw Decline.INSTANCE;
        }
        return t;
    }

    // ---- meaning, as DefineEvaluator gives it --------------------------------------------------

    /** A name or a dotted name used as a value (DefineEvaluator's name and fieldAccess, where they succeed). */
    private Typed valueOf(String dotted) {
        int dot = dotted.lastIndexOf('.');
        if (dot < 0) {
            if (fields.containsKey(dotted)) {
                return constant(dotted);
            }
            Optional<Field> imported = scope.staticField(dotted, null);
            if (imported.isPresent()) {
                return read(imported.get());
            }
            throw Decline.INSTANCE; // a local, a type or an unknown name: a problem
        }
        String qualifier = dotted.substring(0, dot);
        String id = dotted.substring(dot + 1);
        if (!startsWithValue(qualifier)) {
            if (scope.isOwnClass(qualifier)) {
                if (!fields.containsKey(id)) {
                    throw Decline.INSTANCE;
                }
                return constant(id);
            }
            Optional<Class<?>> type = scope.type(qualifier, null);
            if (type.isPresent()) {
                return read(KeelTypes.staticField(type.get(), id).orElseThrow(() -> Decline.INSTANCE));
            }
        }
        throw Decline.INSTANCE; // reads the field of a value: a problem
    }

    private boolean startsWithValue(String dotted) {
        int dot = dotted.indexOf('.');
        return scope.isValueName(dot < 0 ? dotted : dotted.substring(0, dot), null);
    }

    private static Typed read(Field f) {
        try {
            return new Typed(f.get(null), f.getType());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("public keel field " + f + " is not readable", e);
        }
    }

    /** A field of the class used as a value: a static final constant with an initializer, evaluated once. */
    private Typed constant(String id) {
        Constant c = fields.get(id);
        if (!c.isStatic() || !c.isFinal() || c.start() < 0) {
            throw Decline.INSTANCE;
        }
        Typed cached = values.get(id);
        if (cached != null) {
            return cached;
        }
        if (!evaluating.add(id)) {
            throw Decline.INSTANCE; // refers to itself
        }
        // the lexer reads the initializer, then goes back to where the body was
        int start = tokens.start();
        int previousEnd = tokens.previousEnd();
        Typed value;
        try {
            tokens.rewind(c.start(), c.previousEnd());
            value = value(expression(true));
        } finally {
            evaluating.remove(id);
        }
        tokens.rewind(start, previousEnd);
        Optional<Class<?>> declared = declaredType(c);
        Typed typed = declared.isPresent() ? ConstantFolding.coerce(value, declared.get()) : value;
        values.put(id, typed);
        return typed;
    }

    /** As DefineEvaluator.declaredType: a primitive, {@code String}, or a keel type by its written name. */
    private static Optional<Class<?>> declaredType(Constant c) {
        if (c.primitive() != null) {
            return Optional.of(c.primitive());
        }
        String name = c.typeName();
        if (name.equals("String")) {
            return Optional.of(String.class);
        }
        if (KeelTypes.isKeelName(name)) {
            return KeelTypes.load(name);
        }
        return Optional.empty();
    }

    /** {@code name(...)}: a method of Migration on the migration, else a statically imported keel factory. */
    private Typed unqualifiedCall(String name) {
        List<Method> own = ReplayMigration.declarations(name);
        if (!own.isEmpty()) {
            return Invoker.invoke(own, target, arguments(true), null, name);
        }
        if (scope.declaresMethod(name)) {
            throw Decline.INSTANCE;
        }
        List<Method> factories = scope.staticMethods(name, null);
        if (factories.isEmpty()) {
            throw Decline.INSTANCE;
        }
        return Invoker.invoke(factories, null, arguments(true), null, name);
    }

    /**
     * {@code receiver.name(...)}: a static method of the keel type {@code dotted} names, else a method of the value
     * {@code dotted} or {@code value} (the receiver's value when it was a call) is.
     */
    private Typed qualifiedCall(String dotted, Typed value, String name) {
        Typed on = value;
        if (dotted != null) {
            if (!startsWithValue(dotted)) {
                if (scope.isOwnClass(dotted)) {
                    throw Decline.INSTANCE;
                }
                Optional<Class<?>> type = scope.type(dotted, null);
                if (type.isPresent()) {
                    List<Method> methods = KeelTypes.staticMethods(type.get(), name);
                    if (methods.isEmpty()) {
                        throw Decline.INSTANCE;
                    }
                    return Invoker.invoke(methods, null, arguments(true), null, name);
                }
            }
            on = valueOf(dotted);
        }
        on = value(on);
        if (on.value() == null || !KeelTypes.isKeel(on.type())) {
            throw Decline.INSTANCE;
        }
        List<Method> methods = KeelTypes.instanceMethods(on.type(), name);
        if (methods.isEmpty()) {
            throw Decline.INSTANCE;
        }
        return Invoker.invoke(methods, on.value(), arguments(true), null, name);
    }
}
