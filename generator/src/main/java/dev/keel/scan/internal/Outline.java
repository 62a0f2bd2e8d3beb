package dev.keel.scan.internal;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.metamodel.PropertyMetaModel;
import dev.keel.cache.ContentHash;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A source file's mapping fingerprint: its syntax tree with what the entity scan never reads taken out, printed
 * canonically and hashed. Two versions of a file with the same outline give the same scan, whatever the other
 * files are, so that an edit that keeps every file's outline can reuse the scan made before it.
 *
 * <p>Taken out: the bodies of methods (but {@code getSqlType()}, whose returned constant {@link UserTypes} reads),
 * constructors (compact ones included) and initializer blocks; comments and
 * javadoc (the parser does not attach them); and the methods of a type that are neither annotated nor shaped like
 * a getter. A method counts as getter-shaped when it has no parameters and its name starts with {@code get},
 * {@code is} or {@code has}, whatever its modifiers and return type: a superset of the getters property access maps
 * ({@link AccessRules}: {@code getX}/{@code isX}, not static, returning a value) and of those Hibernate Validator
 * reads constraints from ({@link ConstraintTwins}: also {@code hasX}). Everything else is kept, with every
 * property of every node (names, modifiers, literals, operators, flags): the package, the imports, every
 * annotation with its values, fields with their initializers (constants feed annotation values, and initializers
 * give defaults), enum constants with their arguments and bodies, nested types, type parameters, supertypes,
 * records' components, the kept methods' signatures. Each kept node is printed with the line and column where it
 * begins, since the scan's results and messages carry lines and its attributes follow source order: a
 * declaration moved by an edit above it changes the outline.
 */
public final class Outline {
    private Outline() {}

    /** The hash of the outline of {@code unit}. */
    public static String hash(CompilationUnit unit) {
        return ContentHash.of(text(unit));
    }

    /** The hash of the outline of a file's content as the scan parses it; empty when it does not parse. */
    public static Optional<String> hashOf(byte[] content) {
        ParseResult<CompilationUnit> result = SourceTrees.parse(new String(content, StandardCharsets.UTF_8));
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(hash(result.getResult().get()));
    }

    /** The canonical text of the outline of {@code unit} (what {@link #hash} hashes). */
    static String text(CompilationUnit unit) {
        var out = new StringBuilder(8192);
        write(unit, out);
        return out.toString();
    }

    /*
     * The canonical text: a node is '(' its class's number, '@' line ':' column where it begins, then the value of each
     * of its class's properties in the metamodel's order, then ')'; a list is '[' its nodes ']', an absent node '-',
     * a body left out '#', any other value its length, ':' and its text. Each value says where it ends, and a class's
     * number says which properties follow, so two different outlines never print the same.
     */
    private static void write(Node node, StringBuilder out) {
        NodeClass type = CLASSES.get(node.getClass());
        out.append('(').append(type.number());
        com.github.javaparser.Range range = node.getRange().orElse(null);
        if (range != null) {
            out.append('@').append(range.begin.line).append(':').append(range.begin.column);
        }
        boolean bodyless = node instanceof CallableDeclaration<?> c && !c.getNameAsString().equals(UserTypes.SQL_TYPE_METHOD)
                || node instanceof InitializerDeclaration || node instanceof CompactConstructorDeclaration;
        for (Property p : type.properties()) {
            if (bodyless && p.body()) {
                out.append('#');
                continue;
            }
            Object value;
            try {
                value = p.field().get(node);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("keel bug: JavaParser's property " + p.name() + " cannot be read", e);
            }
            if (value == null) {
                out.append('-');
            } else if (value instanceof NodeList<?> list) {
                out.append('[');
                for (int i = 0, n = list.size(); i < n; i++) { // by index: no iterator per list
                    Node child = list.get(i);
                    if (kept(node, child)) {
                        write(child, out);
                    }
                }
                out.append(']');
            } else if (value instanceof Node child) {
                write(child, out);
            } else {
                String text = value.toString();
                out.append(text.length()).append(':').append(text);
            }
        }
        out.append(')');
    }

    /** Whether {@code child} of {@code parent} can be read by the mapping (a type's plain methods cannot). */
    private static boolean kept(Node parent, Node child) {
        if (!(parent instanceof TypeDeclaration<?>) || !(child instanceof MethodDeclaration m)) {
            return true;
        }
        if (!m.getAnnotations().isEmpty()) {
            return true;
        }
        String name = m.getNameAsString();
        return m.getParameters().isEmpty() && (name.startsWith("get") || name.startsWith("is") || name.startsWith("has"));
    }

    /** One property of a node class, as JavaParser's metamodel names it, and the field that holds it. */
    private record Property(String name, Field field, boolean body) {
        Property(String name, Field field) {
            this(name, field, name.equals("body"));
        }
    }

    /** A node class: its number among JavaParser's node classes, and its properties but the comment, in the metamodel's order. */
    private record NodeClass(int number, List<Property> properties) {}

    private static final List<com.github.javaparser.metamodel.BaseNodeMetaModel> MODELS =
            com.github.javaparser.metamodel.JavaParserMetaModel.getNodeMetaModels();

    private static final ClassValue<NodeClass> CLASSES = new ClassValue<>() {
        @Override
        protected NodeClass computeValue(Class<?> type) {
            var model = metaModel(type);
            var result = new ArrayList<Property>();
            for (PropertyMetaModel p : model.getAllPropertyMetaModels()) {
                if (p.getName().equals("comment")) {
                    continue;
                }
                result.add(new Property(p.getName(), field(type, p.getName())));
            }
            return new NodeClass(MODELS.indexOf(model), List.copyOf(result));
        }
    };

    private static com.github.javaparser.metamodel.BaseNodeMetaModel metaModel(Class<?> type) {
        return com.github.javaparser.metamodel.JavaParserMetaModel.getNodeMetaModel(type)
                .orElseThrow(() -> new IllegalStateException("keel bug: no JavaParser metamodel for " + type.getName()));
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    f.setAccessible(true);
                    return f;
                }
            }
        }
        throw new IllegalStateException("keel bug: JavaParser's " + type.getName() + " has no field " + name);
    }
}
