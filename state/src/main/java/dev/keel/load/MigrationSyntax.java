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
import com.github.javaparser.utils.LineSeparator;

import java.util.Optional;
import java.util.Set;

/**
 * A fast reader for the common shape of a migration file, in front of JavaParser.
 *
 * <p>Why: reading a project's migrations cold is dominated by JavaParser's generated parser (and by
 * the JIT compiling it), although almost every file is the plain shape keel's writer produces: a
 * package, imports, one class extending Migration with {@code static final} constants and
 * {@code define()} made of calls whose arguments are names, string and integer literals and builder
 * chains. This class reads exactly that shape with a small tokenizer and a recursive descent, and
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
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "_",
            // contextual keywords: JavaParser reads most of them as names, but not everywhere
            "var", "yield", "record", "sealed", "permits", "when", "module", "open", "opens", "requires", "exports",
            "to", "uses", "provides", "with", "transitive");

    private enum Kind { NAME, STRING, NUMBER, PUNCT, END }

    private final String text;
    private int pos;
    private Kind kind;
    /** The current token: a name, a number's digits (with any L), a string's escaped content. */
    private String image;
    /** The current punctuation character. */
    private char punct;

    private MigrationSyntax(String text) {
        this.text = text;
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
        unit.setData(Node.LINE_SEPARATOR_KEY, lineSeparator(text));
        return Optional.of(unit);
    }

    /** The line separator JavaParser notes on the tree (its printer uses it), counted as JavaParser counts. */
    private static LineSeparator lineSeparator(String text) {
        if (text.indexOf('\r') < 0) {
            return LineSeparator.getLineEnding(0, text.indexOf('\n') < 0 ? 0 : 1, 0); // the common case, fast
        }
        int cr = 0;
        int lf = 0;
        int crlf = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                cr++;
            } else if (c == '\n') {
                lf++;
                if (i > 0 && text.charAt(i - 1) == '\r') {
                    crlf++;
                }
            }
        }
        return LineSeparator.getLineEnding(cr, lf, crlf);
    }

    /** The text is outside the shape this class reads. */
    private static final class Decline extends RuntimeException {
        static final Decline INSTANCE = new Decline();

        private Decline() {
            super(null, null, false, false);
        }
    }

    // ---- grammar ----------------------------------------------------------------------------

    private CompilationUnit unit() {
        next();
        PackageDeclaration pkg = null;
        if (isWord("package")) {
            next();
            pkg = new PackageDeclaration(new NodeList<>(), qualifiedName(false));
            expect(';');
        }
        var imports = new NodeList<ImportDeclaration>();
        while (isWord("import")) {
            next();
            boolean isStatic = isWord("static");
            if (isStatic) {
                next();
            }
            Name name = qualifiedName(true);
            boolean asterisk = isPunct('*');
            if (asterisk) {
                next();
            }
            expect(';');
            imports.add(new ImportDeclaration(name, isStatic, asterisk));
        }
        ClassOrInterfaceDeclaration type = classDeclaration();
        if (kind != Kind.END) {
            throw Decline.INSTANCE;
        }
        return new CompilationUnit(pkg, imports, new NodeList<>(type), null);
    }

    /** {@code a.b.c}; with {@code asterisk}, stops before a {@code *} after a dot. */
    private Name qualifiedName(boolean asterisk) {
        Name name = new Name(null, identifier());
        while (isPunct('.')) {
            next();
            if (asterisk && isPunct('*')) {
                return name;
            }
            name = new Name(name, identifier());
        }
        return name;
    }

    private ClassOrInterfaceDeclaration classDeclaration() {
        NodeList<Modifier> modifiers = modifiers();
        expectWord("class");
        SimpleName name = simpleName();
        var extended = new NodeList<ClassOrInterfaceType>();
        if (isWord("extends")) {
            next();
            extended.add(classType());
        }
        expect('{');
        var members = new NodeList<BodyDeclaration<?>>();
        while (!isPunct('}')) {
            members.add(member());
        }
        next();
        return new ClassOrInterfaceDeclaration(modifiers, new NodeList<>(), false, name, new NodeList<>(), extended,
                new NodeList<>(), new NodeList<>(), members);
    }

    /** A {@code static final} constant (or any other field of a plain type), or {@code void define()}. */
    private BodyDeclaration<?> member() {
        var annotations = new NodeList<AnnotationExpr>();
        while (isPunct('@')) {
            next();
            expectWord("Override");
            if (isPunct('(') || isPunct('.')) {
                throw Decline.INSTANCE;
            }
            annotations.add(new MarkerAnnotationExpr(new Name(null, "Override")));
        }
        NodeList<Modifier> modifiers = modifiers();
        if (isWord("void")) {
            next();
            expectWord("define");
            expect('(');
            expect(')');
            return new MethodDeclaration(modifiers, annotations, new NodeList<>(), new VoidType(),
                    new SimpleName("define"), new NodeList<>(), new NodeList<>(), block(), null);
        }
        if (!annotations.isEmpty()) {
            throw Decline.INSTANCE;
        }
        Type type = type();
        SimpleName name = simpleName();
        Expression initializer = null;
        if (isPunct('=')) {
            next();
            initializer = expression();
        }
        expect(';');
        return new FieldDeclaration(modifiers, new NodeList<>(), new NodeList<>(new VariableDeclarator(type, name, initializer)));
    }

    private NodeList<Modifier> modifiers() {
        var modifiers = new NodeList<Modifier>();
        while (kind == Kind.NAME) {
            Modifier.Keyword keyword = switch (image) {
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
            next();
        }
        return modifiers;
    }

    private Type type() {
        if (kind == Kind.NAME) {
            PrimitiveType.Primitive primitive = switch (image) {
                case "boolean" -> PrimitiveType.Primitive.BOOLEAN;
                case "byte" -> PrimitiveType.Primitive.BYTE;
                case "short" -> PrimitiveType.Primitive.SHORT;
                case "int" -> PrimitiveType.Primitive.INT;
                case "long" -> PrimitiveType.Primitive.LONG;
                default -> null;
            };
            if (primitive != null) {
                next();
                return new PrimitiveType(primitive);
            }
        }
        return classType();
    }

    /** {@code Migration}, {@code java.lang.String}: a chain of scopes, without type arguments. */
    private ClassOrInterfaceType classType() {
        var type = new ClassOrInterfaceType(null, simpleName(), null);
        while (isPunct('.')) {
            next();
            type = new ClassOrInterfaceType(type, simpleName(), null);
        }
        return type;
    }

    private BlockStmt block() {
        expect('{');
        var statements = new NodeList<Statement>();
        while (!isPunct('}')) {
            if (!(expression() instanceof MethodCallExpr call)) {
                throw Decline.INSTANCE;
            }
            expect(';');
            statements.add(new ExpressionStmt(call));
        }
        next();
        return new BlockStmt(statements);
    }

    /** A literal, {@code -} before a number, or a name or call followed by {@code .name} and {@code .call(...)}. */
    private Expression expression() {
        if (kind == Kind.STRING) {
            return new StringLiteralExpr(null, take());
        }
        if (isPunct('-')) {
            next();
            if (kind != Kind.NUMBER) {
                throw Decline.INSTANCE;
            }
            return new UnaryExpr(number(), UnaryExpr.Operator.MINUS);
        }
        if (kind == Kind.NUMBER) {
            return number();
        }
        if (kind == Kind.NAME) {
            switch (image) {
                case "true", "false" -> {
                    return new BooleanLiteralExpr(take().equals("true"));
                }
                case "null" -> {
                    next();
                    return new NullLiteralExpr();
                }
                default -> { }
            }
        }
        SimpleName first = simpleName();
        Expression e = isPunct('(') ? new MethodCallExpr(null, null, first, arguments()) : new NameExpr(first);
        while (isPunct('.')) {
            next();
            SimpleName name = simpleName();
            e = isPunct('(') ? new MethodCallExpr(e, null, name, arguments()) : new FieldAccessExpr(e, null, name);
        }
        return e;
    }

    private Expression number() {
        String digits = take();
        char last = digits.charAt(digits.length() - 1);
        return last == 'L' || last == 'l' ? new LongLiteralExpr(null, digits) : new IntegerLiteralExpr(null, digits);
    }

    private NodeList<Expression> arguments() {
        expect('(');
        var arguments = new NodeList<Expression>();
        if (!isPunct(')')) {
            arguments.add(expression());
            while (isPunct(',')) {
                next();
                arguments.add(expression());
            }
        }
        expect(')');
        return arguments;
    }

    private SimpleName simpleName() {
        return new SimpleName(identifier());
    }

    /** A name that is no keyword. */
    private String identifier() {
        if (kind != Kind.NAME || KEYWORDS.contains(image)) {
            throw Decline.INSTANCE;
        }
        return take();
    }

    private boolean isWord(String word) {
        return kind == Kind.NAME && image.equals(word);
    }

    private boolean isPunct(char c) {
        return kind == Kind.PUNCT && punct == c;
    }

    private void expectWord(String word) {
        if (!isWord(word)) {
            throw Decline.INSTANCE;
        }
        next();
    }

    private void expect(char c) {
        if (!isPunct(c)) {
            throw Decline.INSTANCE;
        }
        next();
    }

    /** The current token's image; moves to the next token. */
    private String take() {
        String taken = image;
        next();
        return taken;
    }

    // ---- tokens -----------------------------------------------------------------------------

    /** Reads the next token, skipping white space and comments. */
    private void next() {
        skipSpaceAndComments();
        int n = text.length();
        if (pos >= n) {
            kind = Kind.END;
            return;
        }
        char c = text.charAt(pos);
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$') {
            int start = pos;
            while (pos < n && isNamePart(text.charAt(pos))) {
                pos++;
            }
            if (pos < n && text.charAt(pos) >= 0x80) {
                throw Decline.INSTANCE; // a non-ASCII letter may continue the name
            }
            kind = Kind.NAME;
            image = text.substring(start, pos);
        } else if (c >= '0' && c <= '9') {
            number(c);
        } else if (c == '"') {
            string();
        } else if ("(){};,.=-@*".indexOf(c) >= 0) {
            if (c == '.' && pos + 1 < n && text.charAt(pos + 1) >= '0' && text.charAt(pos + 1) <= '9') {
                throw Decline.INSTANCE; // .5
            }
            kind = Kind.PUNCT;
            punct = c;
            pos++;
        } else {
            throw Decline.INSTANCE;
        }
    }

    private static boolean isNamePart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$';
    }

    /** A decimal int or long literal; anything else that starts with a digit declines. */
    private void number(char first) {
        int start = pos;
        int n = text.length();
        while (pos < n && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (first == '0' && pos - start > 1) {
            throw Decline.INSTANCE; // octal
        }
        if (pos < n && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l')) {
            pos++;
        }
        if (pos < n && (isNamePart(text.charAt(pos)) || text.charAt(pos) == '.' || text.charAt(pos) >= 0x80)) {
            throw Decline.INSTANCE; // 0x1F, 1_000, 1.5, 2e3, 1f
        }
        kind = Kind.NUMBER;
        image = text.substring(start, pos);
    }

    /** A one-line string literal; its image is its text between the quotes, escapes as written. */
    private void string() {
        int n = text.length();
        if (text.startsWith("\"\"\"", pos)) {
            throw Decline.INSTANCE; // a text block
        }
        int start = ++pos;
        while (true) {
            if (pos >= n) {
                throw Decline.INSTANCE;
            }
            char c = text.charAt(pos);
            if (c == '"') {
                break;
            }
            if (c == '\n' || c == '\r') {
                throw Decline.INSTANCE;
            }
            if (c == '\\') {
                if (pos + 1 >= n || "btnfrs\"'\\".indexOf(text.charAt(pos + 1)) < 0) {
                    throw Decline.INSTANCE; // octal escapes and invalid ones
                }
                pos++;
            }
            pos++;
        }
        kind = Kind.STRING;
        image = text.substring(start, pos);
        pos++;
    }

    private void skipSpaceAndComments() {
        int n = text.length();
        while (pos < n) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '/' && pos + 1 < n && text.charAt(pos + 1) == '/') {
                while (pos < n && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (c == '/' && pos + 1 < n && text.charAt(pos + 1) == '*') {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw Decline.INSTANCE;
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }
}
