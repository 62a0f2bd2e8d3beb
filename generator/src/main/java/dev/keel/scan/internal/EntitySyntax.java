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
import dev.keel.load.JavaLexer;
import dev.keel.load.JavaLexer.Decline;
import dev.keel.load.JavaLexer.Kind;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * A fast reader for the declarative shape of an entity file, in front of JavaParser.
 *
 * <p>Why: a cold scan's parse of the entity files is JavaParser's generated parser, run interpreted and then
 * compiled by the JIT (most of the JIT's work in a cold check), although an entity file is often nothing but a
 * package, imports and a class of annotated fields. This class reads exactly that shape with a small tokenizer
 * (the migration reader's, {@link JavaLexer}) and a recursive descent, and builds the tree JavaParser's lean parse
 * (language level RAW, comments not attributed) builds for the same text, every node with the same range (begin
 * and end, line and column): the scan's results, its messages and the {@link Outline} carry them.
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
    /** Operators are tokens only to decline them (see {@link #expression}). */
    private static final String PUNCTUATION = "(){};,.=-@<>[]+*/%?:!&|^~";
    /** {@code non} of {@code non-sealed}, besides Java's keywords. */
    private static final Set<String> KEYWORDS = JavaLexer.keywordsAnd("non");

    private final String text;
    /** The offset at which each line starts (lines end at {@code \n}, {@code \r\n} or {@code \r}, as JavaParser counts). */
    private final int[] lineStarts;
    private final JavaLexer tokens;
    /**
     * The position of each offset, made once: a position is immutable, and nested nodes mostly begin or end where
     * their parent does (a name and its qualifier, an annotation and its name, a field and its first modifier), so the
     * tree shares them (fewer objects to allocate, and to copy while the trees survive young collections).
     */
    private final Position[] positions;

    private EntitySyntax(String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
        this.positions = new Position[text.length() + 1];
        // any non-ASCII text is declined before it is read
        this.tokens = new JavaLexer(text, PUNCTUATION, KEYWORDS, false);
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
        unit.setData(Node.LINE_SEPARATOR_KEY, JavaLexer.lineSeparator(text));
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

    // ---- positions --------------------------------------------------------------------------

    /** JavaParser's position of the character at {@code offset}: line and column from 1, a tab one column. */
    private Position at(int offset) {
        Position known = offset >= 0 && offset < positions.length ? positions[offset] : null;
        if (known != null) {
            return known;
        }
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
        Position made = new Position(low + 1, offset - lineStarts[low] + 1);
        if (offset >= 0 && offset < positions.length) {
            positions[offset] = made;
        }
        return made;
    }

    /** Gives {@code node} the range from {@code begin} to the end of the last token read; returns it. */
    private <N extends Node> N ranged(N node, int begin) {
        node.setRange(new Range(at(begin), at(tokens.previousEnd() - 1)));
        return LeanNodes.lean(node);
    }

    // ---- grammar ----------------------------------------------------------------------------

    private CompilationUnit unit() {
        tokens.next();
        PackageDeclaration pkg = null;
        if (tokens.isWord("package")) {
            int start = tokens.start();
            tokens.next();
            Name name = qualifiedName(false);
            tokens.expect(';');
            pkg = ranged(new PackageDeclaration(new NodeList<>(), name), start);
        }
        var imports = new NodeList<ImportDeclaration>();
        while (tokens.isWord("import")) {
            int start = tokens.start();
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
            imports.add(ranged(new ImportDeclaration(name, isStatic, asterisk), start));
        }
        var types = new NodeList<TypeDeclaration<?>>();
        types.add(classDeclaration(tokens.start(), modifiersAndAnnotations()));
        if (tokens.kind() != Kind.END) {
            throw Decline.INSTANCE;
        }
        // JavaParser's unit spans the whole text, from its first character to its last
        CompilationUnit unit = new CompilationUnit(pkg, imports, types, null);
        unit.setRange(new Range(at(0), at(text.length() - 1)));
        return unit;
    }

    /** {@code a.b.c}; with {@code asterisk}, stops before a {@code *} after a dot. */
    private Name qualifiedName(boolean asterisk) {
        int begin = tokens.start();
        Name name = ranged(new Name(null, tokens.identifier()), begin);
        while (tokens.isPunct('.')) {
            tokens.next();
            if (asterisk && tokens.isPunct('*')) {
                return name;
            }
            name = ranged(new Name(name, tokens.identifier()), begin);
        }
        return name;
    }

    private record Modifiers(NodeList<Modifier> modifiers, NodeList<AnnotationExpr> annotations) {}

    private Modifiers modifiersAndAnnotations() {
        var modifiers = new NodeList<Modifier>();
        var annotations = new NodeList<AnnotationExpr>();
        while (true) {
            if (tokens.isPunct('@')) {
                annotations.add(annotation());
                continue;
            }
            if (tokens.kind() != Kind.NAME) {
                break;
            }
            Modifier.Keyword keyword = switch (tokens.image()) {
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
            int start = tokens.start();
            tokens.next();
            modifiers.add(ranged(new Modifier(keyword), start));
        }
        return new Modifiers(modifiers, annotations);
    }

    private ClassOrInterfaceDeclaration classDeclaration(int begin, Modifiers modifiers) {
        tokens.expectWord("class");
        SimpleName name = simpleName();
        var extended = new NodeList<ClassOrInterfaceType>();
        var implemented = new NodeList<ClassOrInterfaceType>();
        if (tokens.isWord("extends")) {
            tokens.next();
            extended.add(classType());
        }
        if (tokens.isWord("implements")) {
            tokens.next();
            implemented.add(classType());
            while (tokens.isPunct(',')) {
                tokens.next();
                implemented.add(classType());
            }
        }
        tokens.expect('{');
        var members = new NodeList<BodyDeclaration<?>>();
        while (!tokens.isPunct('}')) {
            members.add(member());
        }
        tokens.next();
        return ranged(new ClassOrInterfaceDeclaration(modifiers.modifiers(), modifiers.annotations(), false, name,
                new NodeList<>(), extended, implemented, new NodeList<>(), members), begin);
    }

    /** A field of one variable, or a nested class. */
    private BodyDeclaration<?> member() {
        int begin = tokens.start();
        Modifiers modifiers = modifiersAndAnnotations();
        if (tokens.isWord("class")) {
            return classDeclaration(begin, modifiers);
        }
        Type type = type();
        int nameStart = tokens.start();
        SimpleName name = simpleName();
        Expression initializer = null;
        if (tokens.isPunct('=')) {
            tokens.next();
            initializer = expression();
        }
        VariableDeclarator variable = ranged(new VariableDeclarator(type, name, initializer), nameStart);
        tokens.expect(';');
        return ranged(new FieldDeclaration(modifiers.modifiers(), modifiers.annotations(), new NodeList<>(variable)), begin);
    }

    private AnnotationExpr annotation() {
        int begin = tokens.start();
        tokens.expect('@');
        if (tokens.isWord("interface")) {
            throw Decline.INSTANCE;
        }
        Name name = qualifiedName(false);
        if (!tokens.isPunct('(')) {
            return ranged(new MarkerAnnotationExpr(name), begin);
        }
        tokens.next();
        if (tokens.isPunct(')')) {
            tokens.next();
            return ranged(new NormalAnnotationExpr(name, new NodeList<>()), begin);
        }
        if (tokens.isIdentifier() && tokens.peekPunct() == '=') {
            var pairs = new NodeList<MemberValuePair>();
            pairs.add(memberValuePair());
            while (tokens.isPunct(',')) {
                tokens.next();
                pairs.add(memberValuePair());
            }
            tokens.expect(')');
            return ranged(new NormalAnnotationExpr(name, pairs), begin);
        }
        Expression value = elementValue();
        tokens.expect(')');
        return ranged(new SingleMemberAnnotationExpr(name, value), begin);
    }

    private MemberValuePair memberValuePair() {
        int begin = tokens.start();
        SimpleName name = simpleName();
        tokens.expect('=');
        Expression value = elementValue();
        return ranged(new MemberValuePair(name, value), begin);
    }

    /** An annotation's value: an annotation, {@code {values}}, or an expression. */
    private Expression elementValue() {
        if (tokens.isPunct('@')) {
            return annotation();
        }
        if (tokens.isPunct('{')) {
            int begin = tokens.start();
            tokens.next();
            var values = new NodeList<Expression>();
            while (!tokens.isPunct('}')) {
                values.add(elementValue());
                if (!tokens.isPunct(',')) {
                    break;
                }
                tokens.next();
            }
            tokens.expect('}');
            return ranged(new ArrayInitializerExpr(values), begin);
        }
        return expression();
    }

    private Type type() {
        if (tokens.kind() == Kind.NAME) {
            PrimitiveType.Primitive primitive = switch (tokens.image()) {
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
                int begin = tokens.start();
                tokens.next();
                if (tokens.isPunct('[')) {
                    throw Decline.INSTANCE;
                }
                return ranged(new PrimitiveType(primitive), begin);
            }
        }
        ClassOrInterfaceType type = classType();
        if (tokens.isPunct('[') || tokens.isPunct('.')) {
            throw Decline.INSTANCE; // arrays, varargs
        }
        return type;
    }

    /** {@code BigDecimal}, {@code java.util.List<Item>}: a chain of scopes, each with type arguments or none. */
    private ClassOrInterfaceType classType() {
        int begin = tokens.start();
        ClassOrInterfaceType type = null;
        while (true) {
            SimpleName name = simpleName();
            NodeList<Type> arguments = null;
            if (tokens.isPunct('<')) {
                tokens.next();
                arguments = new NodeList<>();
                arguments.add(referenceType());
                while (tokens.isPunct(',')) {
                    tokens.next();
                    arguments.add(referenceType());
                }
                tokens.expect('>');
            }
            type = ranged(new ClassOrInterfaceType(type, name, arguments), begin);
            if (!tokens.isPunct('.') || !tokens.peekName() || tokens.peekWord("class")) {
                return type;
            }
            tokens.next();
        }
    }

    /** A type argument: a class type (no primitive, array or wildcard). */
    private ClassOrInterfaceType referenceType() {
        ClassOrInterfaceType type = classType();
        if (tokens.isPunct('[')) {
            throw Decline.INSTANCE;
        }
        return type;
    }

    /** A literal, {@code -} before a number, a name, a field access or {@code Type.class}. */
    private Expression expression() {
        Expression e = primary();
        if (tokens.kind() == Kind.PUNCT && "+-*/%?:<>!&|^=[(".indexOf(tokens.punct()) >= 0) {
            throw Decline.INSTANCE; // operators, calls, arrays
        }
        return e;
    }

    private Expression primary() {
        int begin = tokens.start();
        if (tokens.kind() == Kind.STRING) {
            return ranged(new StringLiteralExpr(null, tokens.take()), begin);
        }
        if (tokens.isPunct('-')) {
            tokens.next();
            if (tokens.kind() != Kind.NUMBER) {
                throw Decline.INSTANCE;
            }
            Expression number = number();
            return ranged(new UnaryExpr(number, UnaryExpr.Operator.MINUS), begin);
        }
        if (tokens.kind() == Kind.NUMBER) {
            return number();
        }
        if (tokens.kind() == Kind.NAME) {
            switch (tokens.image()) {
                case "true", "false" -> {
                    return ranged(new BooleanLiteralExpr(tokens.take().equals("true")), begin);
                }
                case "null" -> {
                    tokens.next();
                    return ranged(new NullLiteralExpr(), begin);
                }
                default -> { }
            }
        }
        // a.b.C, or a.b.C.class (the type a.b.C)
        int savePrevious = tokens.previousEnd();
        Expression e = ranged(new NameExpr(simpleName()), begin);
        while (tokens.isPunct('.')) {
            tokens.next();
            if (tokens.isWord("class")) {
                // read again as a type: Name.class is a ClassExpr of a ClassOrInterfaceType
                tokens.rewind(begin, savePrevious);
                ClassOrInterfaceType type = classType();
                if (!tokens.isPunct('.')) {
                    throw Decline.INSTANCE;
                }
                tokens.next();
                tokens.expectWord("class");
                return ranged(new ClassExpr(type), begin);
            }
            e = ranged(new FieldAccessExpr(e, null, simpleName()), begin);
        }
        return e;
    }

    private Expression number() {
        int begin = tokens.start();
        String digits = tokens.take();
        char last = digits.charAt(digits.length() - 1);
        return ranged(last == 'L' || last == 'l' ? new LongLiteralExpr(null, digits) : new IntegerLiteralExpr(null, digits),
                begin);
    }

    private SimpleName simpleName() {
        int begin = tokens.start();
        return ranged(new SimpleName(tokens.identifier()), begin);
    }
}
