package dev.keel.load;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.PackageDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MarkerAnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VoidType;
import dev.keel.load.JavaLexer.Decline;
import dev.keel.load.JavaLexer.Kind;

import java.util.Optional;

/**
 * A fast reader for the common shape of a migration file, in front of JavaParser.
 *
 * <p>Why: reading a project's migrations cold is dominated by JavaParser's generated parser (and by
 * the JIT compiling it), although almost every file is the plain shape keel's writer produces: a
 * package, imports, one class extending Migration with {@code static final} constants and
 * {@code define()} made of calls whose arguments are names, string and integer literals and builder
 * chains. This class reads exactly that shape with a small tokenizer ({@link JavaLexer}) and a recursive descent, and
 * builds the nodes JavaParser's lean parse (language level RAW, comments not attributed) builds for
 * the same text, so that {@link DefineEvaluator} cannot tell them apart.
 *
 * <p>JavaParser stays the reference: on anything outside that shape {@link #parse} declines and the
 * caller parses with JavaParser as before. It declines liberally: unicode escapes ({@code \}{@code u})
 * anywhere, text blocks, char, floating, hex, octal, binary and underscored number literals, octal
 * escapes in strings, operators (other than a minus before a number), lambdas, method references,
 * generics, arrays, casts, {@code new}, {@code this}, annotations (other than {@code @Override} on a
 * method), methods other than {@code void define()}, several variables in one field declaration,
 * nested or further types, keywords (and contextual keywords) used as names, non-ASCII outside
 * strings and comments. Comments are skipped, as the lean parse leaves them out of the tree. Nodes
 * carry no source positions: a file whose reading finds a problem is parsed again by JavaParser's full
 * parser, which gives the messages their positions.
 */
final class MigrationSyntax {
    /** The punctuation of the shape: a minus only before a number, {@code *} only in an import. */
    static final String PUNCTUATION = "(){};,.=-@*";

    private final JavaLexer tokens;

    private MigrationSyntax(String text) {
        this.tokens = new JavaLexer(text, PUNCTUATION, JavaLexer.KEYWORDS, true);
    }

    /**
     * The lean JavaParser tree of {@code text} when it has the common shape of a migration file;
     * empty when it has not (or may not have), to be parsed by JavaParser instead.
     */
    static Optional<CompilationUnit> parse(String text) {
        if (text.contains("\\u")) {
            return Optional.empty(); // JavaParser translates unicode escapes before lexing
        }
        CompilationUnit unit;
        try {
            unit = new MigrationSyntax(text).unit();
        } catch (Decline d) {
            return Optional.empty();
        }
        unit.setData(Node.LINE_SEPARATOR_KEY, JavaLexer.lineSeparator(text));
        return Optional.of(unit);
    }

    // ---- grammar ----------------------------------------------------------------------------

    private CompilationUnit unit() {
        tokens.next();
        PackageDeclaration pkg = null;
        if (tokens.isWord("package")) {
            tokens.next();
            pkg = new PackageDeclaration(new NodeList<>(), qualifiedName(false));
            tokens.expect(';');
        }
        var imports = new NodeList<ImportDeclaration>();
        while (tokens.isWord("import")) {
            tokens.next();
            boolean isStatic = tokens.isWord("static");
            if (isStatic) {
                tokens.next();
            }
            Name name = qualifiedName(true);
            boolean asterisk = tokens.isPunct('*');
            if (asterisk) {
                tokens.next();
            }
            tokens.expect(';');
            imports.add(new ImportDeclaration(name, isStatic, asterisk));
        }
        ClassOrInterfaceDeclaration type = classDeclaration();
        if (tokens.kind() != Kind.END) {
            throw Decline.INSTANCE;
        }
        return new CompilationUnit(pkg, imports, new NodeList<>(type), null);
    }

    /** {@code a.b.c}; with {@code asterisk}, stops before a {@code *} after a dot. */
    private Name qualifiedName(boolean asterisk) {
        Name name = new Name(null, tokens.identifier());
        while (tokens.isPunct('.')) {
            tokens.next();
            if (asterisk && tokens.isPunct('*')) {
                return name;
            }
            name = new Name(name, tokens.identifier());
        }
        return name;
    }

    private ClassOrInterfaceDeclaration classDeclaration() {
        NodeList<Modifier> modifiers = modifiers();
        tokens.expectWord("class");
        SimpleName name = simpleName();
        var extended = new NodeList<ClassOrInterfaceType>();
        if (tokens.isWord("extends")) {
            tokens.next();
            extended.add(classType());
        }
        tokens.expect('{');
        var members = new NodeList<BodyDeclaration<?>>();
        while (!tokens.isPunct('}')) {
            members.add(member());
        }
        tokens.next();
        return new ClassOrInterfaceDeclaration(modifiers, new NodeList<>(), false, name, new NodeList<>(), extended,
                new NodeList<>(), new NodeList<>(), members);
    }

    /** A {@code static final} constant (or any other field of a plain type), or {@code void define()}. */
    private BodyDeclaration<?> member() {
        var annotations = new NodeList<AnnotationExpr>();
        while (tokens.isPunct('@')) {
            tokens.next();
            tokens.expectWord("Override");
            if (tokens.isPunct('(') || tokens.isPunct('.')) {
                throw Decline.INSTANCE;
            }
            annotations.add(new MarkerAnnotationExpr(new Name(null, "Override")));
        }
        NodeList<Modifier> modifiers = modifiers();
        if (tokens.isWord("void")) {
            tokens.next();
            tokens.expectWord("define");
            tokens.expect('(');
            tokens.expect(')');
            return new MethodDeclaration(modifiers, annotations, new NodeList<>(), new VoidType(),
                    new SimpleName("define"), new NodeList<>(), new NodeList<>(), block(), null);
        }
        if (!annotations.isEmpty()) {
            throw Decline.INSTANCE;
        }
        Type type = type();
        SimpleName name = simpleName();
        Expression initializer = null;
        if (tokens.isPunct('=')) {
            tokens.next();
            initializer = expression();
        }
        tokens.expect(';');
        return new FieldDeclaration(modifiers, new NodeList<>(), new NodeList<>(new VariableDeclarator(type, name, initializer)));
    }

    private NodeList<Modifier> modifiers() {
        var modifiers = new NodeList<Modifier>();
        while (tokens.kind() == Kind.NAME) {
            Modifier.Keyword keyword = switch (tokens.image()) {
                case "public" -> Modifier.Keyword.PUBLIC;
                case "protected" -> Modifier.Keyword.PROTECTED;
                case "private" -> Modifier.Keyword.PRIVATE;
                case "static" -> Modifier.Keyword.STATIC;
                case "final" -> Modifier.Keyword.FINAL;
                default -> null;
            };
            if (keyword == null) {
                break;
            }
            modifiers.add(new Modifier(keyword));
            tokens.next();
        }
        return modifiers;
    }

    private Type type() {
        if (tokens.kind() == Kind.NAME) {
            PrimitiveType.Primitive primitive = switch (tokens.image()) {
                case "boolean" -> PrimitiveType.Primitive.BOOLEAN;
                case "byte" -> PrimitiveType.Primitive.BYTE;
                case "short" -> PrimitiveType.Primitive.SHORT;
                case "int" -> PrimitiveType.Primitive.INT;
                case "long" -> PrimitiveType.Primitive.LONG;
                default -> null;
            };
            if (primitive != null) {
                tokens.next();
                return new PrimitiveType(primitive);
            }
        }
        return classType();
    }

    /** {@code Migration}, {@code java.lang.String}: a chain of scopes, without type arguments. */
    private ClassOrInterfaceType classType() {
        var type = new ClassOrInterfaceType(null, simpleName(), null);
        while (tokens.isPunct('.')) {
            tokens.next();
            type = new ClassOrInterfaceType(type, simpleName(), null);
        }
        return type;
    }

    private BlockStmt block() {
        tokens.expect('{');
        var statements = new NodeList<Statement>();
        while (!tokens.isPunct('}')) {
            if (!(expression() instanceof MethodCallExpr call)) {
                throw Decline.INSTANCE;
            }
            tokens.expect(';');
            statements.add(new ExpressionStmt(call));
        }
        tokens.next();
        return new BlockStmt(statements);
    }

    /** A literal, {@code -} before a number, or a name or call followed by {@code .name} and {@code .call(...)}. */
    private Expression expression() {
        if (tokens.kind() == Kind.STRING) {
            return new StringLiteralExpr(null, tokens.take());
        }
        if (tokens.isPunct('-')) {
            tokens.next();
            if (tokens.kind() != Kind.NUMBER) {
                throw Decline.INSTANCE;
            }
            return new UnaryExpr(number(), UnaryExpr.Operator.MINUS);
        }
        if (tokens.kind() == Kind.NUMBER) {
            return number();
        }
        if (tokens.kind() == Kind.NAME) {
            switch (tokens.image()) {
                case "true", "false" -> {
                    return new BooleanLiteralExpr(tokens.take().equals("true"));
                }
                case "null" -> {
                    tokens.next();
                    return new NullLiteralExpr();
                }
                default -> { }
            }
        }
        SimpleName first = simpleName();
        Expression e = tokens.isPunct('(') ? new MethodCallExpr(null, null, first, arguments()) : new NameExpr(first);
        while (tokens.isPunct('.')) {
            tokens.next();
            SimpleName name = simpleName();
            e = tokens.isPunct('(') ? new MethodCallExpr(e, null, name, arguments()) : new FieldAccessExpr(e, null, name);
        }
        return e;
    }

    private Expression number() {
        String digits = tokens.take();
        char last = digits.charAt(digits.length() - 1);
        return last == 'L' || last == 'l' ? new LongLiteralExpr(null, digits) : new IntegerLiteralExpr(null, digits);
    }

    private NodeList<Expression> arguments() {
        tokens.expect('(');
        var arguments = new NodeList<Expression>();
        if (!tokens.isPunct(')')) {
            arguments.add(expression());
            while (tokens.isPunct(',')) {
                tokens.next();
                arguments.add(expression());
            }
        }
        tokens.expect(')');
        return arguments;
    }

    private SimpleName simpleName() {
        return new SimpleName(tokens.identifier());
    }
}
