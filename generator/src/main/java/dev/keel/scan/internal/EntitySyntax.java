package dev.keel.scan.internal;

import com.github.javaparser.Position;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.PackageDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MarkerAnnotationExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.utils.LineSeparator;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * A fast reader for the declarative shape of an entity file, in front of JavaParser.
 *
 * <p>Why: a cold scan's parse of the entity files is JavaParser's generated parser, run interpreted and then
 * compiled by the JIT (most of the JIT's work in a cold check), although an entity file is often nothing but a
 * package, imports and a class of annotated fields. This class reads exactly that shape with a small tokenizer
 * and a recursive descent, and builds the tree JavaParser's lean parse (language level RAW, comments not
 * attributed) builds for the same text, every node with the same range (begin and end, line and column): the
 * scan's results, its messages and the {@link Outline} carry them.
 *
 * <p>JavaParser stays the reference: on anything outside that shape {@link #parse} declines and the caller
 * parses with JavaParser as before, so that every file with a syntax error, and its message, is JavaParser's
 * (and javac's). It declines liberally: any character outside ASCII, unicode escapes, text blocks, char,
 * floating, hex, octal, binary and underscored number literals, octal escapes, operators (other than a minus
 * before a number), methods, constructors and initializer blocks, enums, interfaces, records, annotation types,
 * generic types of the class, wildcards, arrays, several variables in one declaration, {@code new}, calls,
 * keywords (and contextual keywords) used as names, modifiers other than the access ones, {@code static},
 * {@code final}, {@code abstract}, {@code transient} and {@code volatile}. Comments are skipped, as the lean
 * parse leaves them out of the tree. {@code EntitySyntaxTest} compares its trees with JavaParser's on every
 * source file of the repository and of the benchmark's generator, and on tricky cases.
 */
final class EntitySyntax {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "_",
            // contextual keywords: JavaParser reads most of them as names, but not everywhere
            "var", "yield", "record", "sealed", "permits", "when", "module", "open", "opens", "requires", "exports",
            "to", "uses", "provides", "with", "transitive", "non");

    private enum Kind { NAME, STRING, NUMBER, PUNCT, END }

    private final String text;
    /** The offset at which each line starts (lines end at {@code \n}, {@code \r\n} or {@code \r}, as JavaParser counts). */
    private final int[] lineStarts;
    private int pos;
    private Kind kind;
    /** The current token: a name, a number's digits (with any L), a string's content as written. */
    private String image;
    /** The current punctuation character. */
    private char punct;
    /** Where the current token starts, and where the token before it ends (exclusive). */
    private int tokenStart;
    private int previousEnd;
    private int tokenEnd;

    private EntitySyntax(String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
    }

    /**
     * The lean JavaParser tree of {@code text}, with every node's range, when it has the declarative shape of an
     * entity file; empty when it has not (or may not have), to be parsed by JavaParser instead.
     */
    static Optional<CompilationUnit> parse(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || c == '\\' && i + 1 < n && text.charAt(i + 1) == 'u' || c == 0x1a) {
                return Optional.empty(); // JavaParser translates unicode escapes before lexing; columns of non-ASCII
            }
        }
        CompilationUnit unit;
        try {
            unit = new EntitySyntax(text).unit();
        } catch (Decline d) {
            return Optional.empty();
        }
        unit.setData(Node.LINE_SEPARATOR_KEY, lineSeparator(text));
        return Optional.of(unit);
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[64];
        int lines = 1;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n')) {
                if (lines == starts.length) {
                    starts = Arrays.copyOf(starts, lines * 2);
                }
                starts[lines++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, lines);
    }

    /** The line separator JavaParser notes on the tree (its printer uses it), counted as JavaParser counts. */
    private static LineSeparator lineSeparator(String text) {
        if (text.indexOf('\r') < 0) {
            return LineSeparator.getLineEnding(0, text.indexOf('\n') < 0 ? 0 : 1, 0);
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

    // ---- positions --------------------------------------------------------------------------

    /** JavaParser's position of the character at {@code offset}: line and column from 1, a tab one column. */
    private Position at(int offset) {
        int low = 0;
        int high = lineStarts.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return new Position(low + 1, offset - lineStarts[low] + 1);
    }

    /** Gives {@code node} the range from {@code begin} to the end of the last token read; returns it. */
    private <N extends Node> N ranged(N node, int begin) {
        node.setRange(new Range(at(begin), at(previousEnd - 1)));
        return node;
    }

    // ---- grammar ----------------------------------------------------------------------------

    private CompilationUnit unit() {
        next();
        PackageDeclaration pkg = null;
        if (isWord("package")) {
            int start = tokenStart;
            next();
            Name name = qualifiedName(false);
            expect(';');
            pkg = ranged(new PackageDeclaration(new NodeList<>(), name), start);
        }
        var imports = new NodeList<ImportDeclaration>();
        while (isWord("import")) {
            int start = tokenStart;
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
            imports.add(ranged(new ImportDeclaration(name, isStatic, asterisk), start));
        }
        var types = new NodeList<TypeDeclaration<?>>();
        types.add(classDeclaration(tokenStart, modifiersAndAnnotations()));
        if (kind != Kind.END) {
            throw Decline.INSTANCE;
        }
        // JavaParser's unit spans the whole text, from its first character to its last
        CompilationUnit unit = new CompilationUnit(pkg, imports, types, null);
        unit.setRange(new Range(at(0), at(text.length() - 1)));
        return unit;
    }

    /** {@code a.b.c}; with {@code asterisk}, stops before a {@code *} after a dot. */
    private Name qualifiedName(boolean asterisk) {
        int begin = tokenStart;
        Name name = ranged(new Name(null, identifier()), begin);
        while (isPunct('.')) {
            next();
            if (asterisk && isPunct('*')) {
                return name;
            }
            name = ranged(new Name(name, identifier()), begin);
        }
        return name;
    }

    private record Modifiers(NodeList<Modifier> modifiers, NodeList<AnnotationExpr> annotations) {}

    private Modifiers modifiersAndAnnotations() {
        var modifiers = new NodeList<Modifier>();
        var annotations = new NodeList<AnnotationExpr>();
        while (true) {
            if (isPunct('@')) {
                annotations.add(annotation());
                continue;
            }
            if (kind != Kind.NAME) {
                break;
            }
            Modifier.Keyword keyword = switch (image) {
                case "public" -> Modifier.Keyword.PUBLIC;
                case "protected" -> Modifier.Keyword.PROTECTED;
                case "private" -> Modifier.Keyword.PRIVATE;
                case "static" -> Modifier.Keyword.STATIC;
                case "final" -> Modifier.Keyword.FINAL;
                case "abstract" -> Modifier.Keyword.ABSTRACT;
                case "transient" -> Modifier.Keyword.TRANSIENT;
                case "volatile" -> Modifier.Keyword.VOLATILE;
                default -> null;
            };
            if (keyword == null) {
                break;
            }
            int start = tokenStart;
            next();
            modifiers.add(ranged(new Modifier(keyword), start));
        }
        return new Modifiers(modifiers, annotations);
    }

    private ClassOrInterfaceDeclaration classDeclaration(int begin, Modifiers modifiers) {
        expectWord("class");
        SimpleName name = simpleName();
        var extended = new NodeList<ClassOrInterfaceType>();
        var implemented = new NodeList<ClassOrInterfaceType>();
        if (isWord("extends")) {
            next();
            extended.add(classType());
        }
        if (isWord("implements")) {
            next();
            implemented.add(classType());
            while (isPunct(',')) {
                next();
                implemented.add(classType());
            }
        }
        expect('{');
        var members = new NodeList<BodyDeclaration<?>>();
        while (!isPunct('}')) {
            members.add(member());
        }
        next();
        return ranged(new ClassOrInterfaceDeclaration(modifiers.modifiers(), modifiers.annotations(), false, name,
                new NodeList<>(), extended, implemented, new NodeList<>(), members), begin);
    }

    /** A field of one variable, or a nested class. */
    private BodyDeclaration<?> member() {
        int begin = tokenStart;
        Modifiers modifiers = modifiersAndAnnotations();
        if (isWord("class")) {
            return classDeclaration(begin, modifiers);
        }
        Type type = type();
        int nameStart = tokenStart;
        SimpleName name = simpleName();
        Expression initializer = null;
        if (isPunct('=')) {
            next();
            initializer = expression();
        }
        VariableDeclarator variable = ranged(new VariableDeclarator(type, name, initializer), nameStart);
        expect(';');
        return ranged(new FieldDeclaration(modifiers.modifiers(), modifiers.annotations(), new NodeList<>(variable)), begin);
    }

    private AnnotationExpr annotation() {
        int begin = tokenStart;
        expect('@');
        if (isWord("interface")) {
            throw Decline.INSTANCE;
        }
        Name name = qualifiedName(false);
        if (!isPunct('(')) {
            return ranged(new MarkerAnnotationExpr(name), begin);
        }
        next();
        if (isPunct(')')) {
            next();
            return ranged(new NormalAnnotationExpr(name, new NodeList<>()), begin);
        }
        if (kind == Kind.NAME && !KEYWORDS.contains(image) && peekPunct() == '=') {
            var pairs = new NodeList<MemberValuePair>();
            pairs.add(memberValuePair());
            while (isPunct(',')) {
                next();
                pairs.add(memberValuePair());
            }
            expect(')');
            return ranged(new NormalAnnotationExpr(name, pairs), begin);
        }
        Expression value = elementValue();
        expect(')');
        return ranged(new SingleMemberAnnotationExpr(name, value), begin);
    }

    private MemberValuePair memberValuePair() {
        int begin = tokenStart;
        SimpleName name = simpleName();
        expect('=');
        Expression value = elementValue();
        return ranged(new MemberValuePair(name, value), begin);
    }

    /** An annotation's value: an annotation, {@code {values}}, or an expression. */
    private Expression elementValue() {
        if (isPunct('@')) {
            return annotation();
        }
        if (isPunct('{')) {
            int begin = tokenStart;
            next();
            var values = new NodeList<Expression>();
            while (!isPunct('}')) {
                values.add(elementValue());
                if (!isPunct(',')) {
                    break;
                }
                next();
            }
            expect('}');
            return ranged(new ArrayInitializerExpr(values), begin);
        }
        return expression();
    }

    private Type type() {
        if (kind == Kind.NAME) {
            PrimitiveType.Primitive primitive = switch (image) {
                case "boolean" -> PrimitiveType.Primitive.BOOLEAN;
                case "byte" -> PrimitiveType.Primitive.BYTE;
                case "short" -> PrimitiveType.Primitive.SHORT;
                case "int" -> PrimitiveType.Primitive.INT;
                case "long" -> PrimitiveType.Primitive.LONG;
                case "char" -> PrimitiveType.Primitive.CHAR;
                case "float" -> PrimitiveType.Primitive.FLOAT;
                case "double" -> PrimitiveType.Primitive.DOUBLE;
                default -> null;
            };
            if (primitive != null) {
                int begin = tokenStart;
                next();
                if (isPunct('[')) {
                    throw Decline.INSTANCE;
                }
                return ranged(new PrimitiveType(primitive), begin);
            }
        }
        ClassOrInterfaceType type = classType();
        if (isPunct('[') || isPunct('.')) {
            throw Decline.INSTANCE; // arrays, varargs
        }
        return type;
    }

    /** {@code BigDecimal}, {@code java.util.List<Item>}: a chain of scopes, each with type arguments or none. */
    private ClassOrInterfaceType classType() {
        int begin = tokenStart;
        ClassOrInterfaceType type = null;
        while (true) {
            SimpleName name = simpleName();
            NodeList<Type> arguments = null;
            if (isPunct('<')) {
                next();
                arguments = new NodeList<>();
                arguments.add(referenceType());
                while (isPunct(',')) {
                    next();
                    arguments.add(referenceType());
                }
                expect('>');
            }
            type = ranged(new ClassOrInterfaceType(type, name, arguments), begin);
            if (!isPunct('.') || !peekName() || peekWord("class")) {
                return type;
            }
            next();
        }
    }

    /** A type argument: a class type (no primitive, array or wildcard). */
    private ClassOrInterfaceType referenceType() {
        ClassOrInterfaceType type = classType();
        if (isPunct('[')) {
            throw Decline.INSTANCE;
        }
        return type;
    }

    /** A literal, {@code -} before a number, a name, a field access or {@code Type.class}. */
    private Expression expression() {
        Expression e = primary();
        if (kind == Kind.PUNCT && "+-*/%?:<>!&|^=[(".indexOf(punct) >= 0) {
            throw Decline.INSTANCE; // operators, calls, arrays
        }
        return e;
    }

    private Expression primary() {
        int begin = tokenStart;
        if (kind == Kind.STRING) {
            return ranged(new StringLiteralExpr(null, take()), begin);
        }
        if (isPunct('-')) {
            next();
            if (kind != Kind.NUMBER) {
                throw Decline.INSTANCE;
            }
            Expression number = number();
            return ranged(new UnaryExpr(number, UnaryExpr.Operator.MINUS), begin);
        }
        if (kind == Kind.NUMBER) {
            return number();
        }
        if (kind == Kind.NAME) {
            switch (image) {
                case "true", "false" -> {
                    return ranged(new BooleanLiteralExpr(take().equals("true")), begin);
                }
                case "null" -> {
                    next();
                    return ranged(new NullLiteralExpr(), begin);
                }
                default -> { }
            }
        }
        // a.b.C, or a.b.C.class (the type a.b.C)
        int save = pos;
        Kind saveKind = kind;
        String saveImage = image;
        char savePunct = punct;
        int saveStart = tokenStart;
        int savePrevious = previousEnd;
        int saveEnd = tokenEnd;
        Expression e = ranged(new NameExpr(simpleName()), begin);
        while (isPunct('.')) {
            next();
            if (isWord("class")) {
                // read again as a type: Name.class is a ClassExpr of a ClassOrInterfaceType
                pos = save;
                kind = saveKind;
                image = saveImage;
                punct = savePunct;
                tokenStart = saveStart;
                previousEnd = savePrevious;
                tokenEnd = saveEnd;
                ClassOrInterfaceType type = classType();
                if (!isPunct('.')) {
                    throw Decline.INSTANCE;
                }
                next();
                expectWord("class");
                return ranged(new ClassExpr(type), begin);
            }
            e = ranged(new FieldAccessExpr(e, null, simpleName()), begin);
        }
        return e;
    }

    private Expression number() {
        int begin = tokenStart;
        String digits = take();
        char last = digits.charAt(digits.length() - 1);
        return ranged(last == 'L' || last == 'l' ? new LongLiteralExpr(null, digits) : new IntegerLiteralExpr(null, digits),
                begin);
    }

    private SimpleName simpleName() {
        int begin = tokenStart;
        return ranged(new SimpleName(identifier()), begin);
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

    /** The punctuation character that starts the token after the current one, or 0. */
    private char peekPunct() {
        int p = skip(pos);
        return p < text.length() ? text.charAt(p) : 0;
    }

    /** Whether the token after the current one is a name (or keyword). */
    private boolean peekName() {
        int p = skip(pos);
        if (p >= text.length()) {
            return false;
        }
        char c = text.charAt(p);
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
    }

    /** Whether the token after the current one is {@code word}. */
    private boolean peekWord(String word) {
        int p = skip(pos);
        int end = p + word.length();
        return text.startsWith(word, p) && (end >= text.length() || !isNamePart(text.charAt(end)));
    }

    // ---- tokens -----------------------------------------------------------------------------

    /** Reads the next token, skipping white space and comments. */
    private void next() {
        previousEnd = tokenEnd;
        pos = skip(pos);
        tokenStart = pos;
        int n = text.length();
        if (pos >= n) {
            kind = Kind.END;
            tokenEnd = pos;
            return;
        }
        char c = text.charAt(pos);
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$') {
            int start = pos;
            while (pos < n && isNamePart(text.charAt(pos))) {
                pos++;
            }
            kind = Kind.NAME;
            image = text.substring(start, pos);
        } else if (c >= '0' && c <= '9') {
            number(c);
        } else if (c == '"') {
            string();
        } else if ("(){};,.=-@<>[]+*/%?:!&|^~".indexOf(c) >= 0) {
            if (c == '.' && pos + 1 < n && text.charAt(pos + 1) >= '0' && text.charAt(pos + 1) <= '9') {
                throw Decline.INSTANCE; // .5
            }
            kind = Kind.PUNCT;
            punct = c;
            pos++;
        } else {
            throw Decline.INSTANCE;
        }
        tokenEnd = pos;
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
        if (pos < n && (isNamePart(text.charAt(pos)) || text.charAt(pos) == '.')) {
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

    /** The offset of the first character from {@code p} on that is not white space or in a comment. */
    private int skip(int p) {
        int n = text.length();
        while (p < n) {
            char c = text.charAt(p);
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
                p++;
            } else if (c == '/' && p + 1 < n && text.charAt(p + 1) == '/') {
                while (p < n && text.charAt(p) != '\n' && text.charAt(p) != '\r') {
                    p++;
                }
            } else if (c == '/' && p + 1 < n && text.charAt(p + 1) == '*') {
                int end = text.indexOf("*/", p + 2);
                if (end < 0) {
                    throw Decline.INSTANCE;
                }
                p = end + 2;
            } else {
                return p;
            }
        }
        return p;
    }
}
