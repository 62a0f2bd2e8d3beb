package dev.keel.scan.internal;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The Java source of a class path {@code @MappedSuperclass} or {@code @Embeddable}, written from its class file, so
 * that the scanner maps it as it maps the same class in the sources: its package, type parameters and generic
 * superclass (the {@code Signature} attribute), its fields with their generic types and their annotations (every
 * element value: strings, numbers, booleans, characters, enum constants, classes, nested annotations, arrays), its
 * constants, and, when the class uses property access, its getters and setters with their annotations.
 *
 * <p>Only the classes the mapping asks for by name are written ({@link SourceIndex#type}): the superclasses the
 * entities extend and the types they embed. A class's source is a function of its class file alone, and the class
 * path's content salts the keys of the cached scan ({@link ClassPath#fingerprint}).
 */
public final class LibrarySources {
    /** Hibernate 6 reads Jakarta Persistence's annotations only (a javax-annotated class maps nothing, as in the sources). */
    private static final List<String> MAPPED = List.of("jakarta.persistence.MappedSuperclass", "jakarta.persistence.Embeddable");
    /** javax.persistence's annotations, which Hibernate 6 does not read. */
    private static final String JAVAX = "javax.persistence.";

    private LibrarySources() {}

    /** A written source: the path it is reported at ({@code lib.jar!/a/b/C.java}) and its text. */
    public record Written(Path file, String text) {}

    /** The source of this class path type when it is a mapped superclass or an embeddable; empty otherwise. */
    public static Optional<Written> of(ClassPath classPath, String fqn) {
        Optional<LibraryType> type = classPath.type(fqn);
        if (type.isEmpty() || MAPPED.stream().noneMatch(type.get()::annotated)) {
            return Optional.empty();
        }
        return classPath.classFile(fqn).map(f -> {
            String source = f.entry().substring(0, f.entry().length() - ".class".length()) + ".java";
            Path file = f.container().toString().endsWith(".jar") || !java.nio.file.Files.isDirectory(f.container())
                    ? Path.of(f.container() + "!", source) : f.container().resolve(source);
            return new Written(file, write(f.bytes(), fqn));
        });
    }

    /** The source text of the class file {@code bytes}, whose canonical name is {@code fqn}. */
    static String write(byte[] bytes, String fqn) {
        var reader = new Reader();
        new ClassReader(bytes).accept(reader, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        return reader.source(fqn);
    }

    /** An annotation as its class file gives it: its type and element values in order. */
    private record Ann(String type, List<Map.Entry<String, Object>> values) {}

    /** An enum constant among an annotation's values. */
    private record EnumValue(String type, String name) {}

    /** An array among an annotation's values. */
    private record ArrayValue(List<Object> values) {}

    private record Field(int access, String name, String descriptor, String signature, Object constant, List<Ann> annotations) {}

    private record Method(int access, String name, String descriptor, String signature, List<Ann> annotations) {}

    private static final class Reader extends ClassVisitor {
        private int access;
        private String internalName;
        private String signature;
        private String superName;
        private final List<Ann> annotations = new ArrayList<>();
        private final List<Field> fields = new ArrayList<>();
        private final List<Method> methods = new ArrayList<>();

        Reader() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.access = access;
            this.internalName = name;
            this.signature = signature;
            this.superName = superName;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return visible ? collect(descriptor, annotations::add) : null;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            if ((access & Opcodes.ACC_SYNTHETIC) != 0) {
                return null;
            }
            var list = new ArrayList<Ann>();
            fields.add(new Field(access, name, descriptor, signature, value, list));
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String d, boolean visible) {
                    return visible ? collect(d, list::add) : null;
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            if ((access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE | Opcodes.ACC_STATIC)) != 0 || !isAccessor(name, descriptor)) {
                return null;
            }
            var list = new ArrayList<Ann>();
            methods.add(new Method(access, name, descriptor, signature, list));
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String d, boolean visible) {
                    return visible ? collect(d, list::add) : null;
                }
            };
        }

        private static boolean isAccessor(String name, String descriptor) {
            Type t = Type.getMethodType(descriptor);
            boolean getter = t.getArgumentTypes().length == 0 && t.getReturnType() != Type.VOID_TYPE
                    && (name.startsWith("get") && name.length() > 3 || name.startsWith("is") && name.length() > 2);
            boolean setter = t.getArgumentTypes().length == 1 && name.startsWith("set") && name.length() > 3;
            return getter || setter;
        }

        /** Whether the class's mapping is read from its getters: {@code @Access(PROPERTY)}, or an id on a getter. */
        private boolean propertyAccess() {
            for (Ann a : annotations) {
                if (a.type().endsWith("persistence.Access")) {
                    return a.values().stream().anyMatch(e -> e.getValue() instanceof EnumValue v && v.name().equals("PROPERTY"));
                }
            }
            boolean fieldId = fields.stream().anyMatch(f -> f.annotations().stream().anyMatch(Reader::isId));
            boolean getterId = methods.stream().anyMatch(m -> m.annotations().stream().anyMatch(Reader::isId));
            return getterId && !fieldId;
        }

        private static boolean isId(Ann a) {
            return a.type().endsWith("persistence.Id") || a.type().endsWith("persistence.EmbeddedId");
        }

        String source(String fqn) {
            var names = new Names(fqn);
            String pkg = fqn.contains(".") ? internalName.substring(0, Math.max(0, internalName.lastIndexOf('/'))).replace('/', '.') : "";
            // the member type a.b.Outer.Inner is written inside shells of its enclosing classes
            String binary = internalName.substring(internalName.lastIndexOf('/') + 1);
            String[] nesting = binary.split("\\$");
            var body = new StringBuilder();
            for (Ann a : annotations) {
                body.append(annotation(a, names)).append('\n');
            }
            String kind = (access & Opcodes.ACC_ABSTRACT) != 0 ? "public abstract class " : "public class ";
            String simple = nesting[nesting.length - 1];
            body.append(nesting.length > 1 ? kind.replace("public ", "public static ") : kind).append(simple);
            String superclass = null;
            if (signature != null) {
                var p = new Sig(signature, names);
                String params = p.typeParameters();
                body.append(params);
                superclass = p.type();
            } else if (superName != null) {
                superclass = names.use(LibraryType.canonical(superName));
            }
            if (superclass != null && !superclass.equals("java.lang.Object") && !superclass.equals("Object")) {
                body.append(" extends ").append(superclass);
            }
            body.append(" {\n");
            for (Field f : fields) {
                for (Ann a : f.annotations()) {
                    body.append("    ").append(annotation(a, names)).append('\n');
                }
                body.append("    ").append(modifiers(f.access()));
                body.append(f.signature() != null ? new Sig(f.signature(), names).type() : names.type(Type.getType(f.descriptor())));
                body.append(' ').append(f.name());
                if (f.constant() != null && (f.access() & Opcodes.ACC_STATIC) != 0 && (f.access() & Opcodes.ACC_FINAL) != 0) {
                    body.append(" = ").append(constant(f.descriptor(), f.constant()));
                }
                body.append(";\n");
            }
            if (propertyAccess()) {
                for (Method m : methods) {
                    for (Ann a : m.annotations()) {
                        body.append("    ").append(annotation(a, names)).append('\n');
                    }
                    Type t = Type.getMethodType(m.descriptor());
                    String ret;
                    String param = null;
                    if (m.signature() != null) {
                        var p = new Sig(m.signature(), names);
                        p.typeParameters();
                        var params = p.methodParameters();
                        param = params.isEmpty() ? null : params.get(0);
                        ret = p.type();
                    } else {
                        ret = names.type(t.getReturnType());
                        param = t.getArgumentTypes().length == 0 ? null : names.type(t.getArgumentTypes()[0]);
                    }
                    body.append("    ").append(modifiers(m.access() & ~Opcodes.ACC_ABSTRACT & ~Opcodes.ACC_NATIVE)).append(ret)
                            .append(' ').append(m.name()).append(param == null ? "()" : "(" + param + " value)")
                            .append(ret.equals("void") ? " {}\n" : " { return " + defaultValue(ret) + "; }\n");
                }
            }
            body.append("}\n");
            String text = body.toString();
            for (int i = nesting.length - 2; i >= 0; i--) {
                text = (i == 0 ? "public class " : "public static class ") + nesting[i] + " {\n" + text + "}\n";
            }
            var out = new StringBuilder();
            if (!pkg.isEmpty()) {
                out.append("package ").append(pkg).append(";\n\n");
            }
            for (String i : names.imports()) {
                out.append("import ").append(i).append(";\n");
            }
            return out.append('\n').append(text).toString();
        }

        private static String modifiers(int access) {
            var m = new StringBuilder();
            if ((access & Opcodes.ACC_PUBLIC) != 0) {
                m.append("public ");
            } else if ((access & Opcodes.ACC_PROTECTED) != 0) {
                m.append("protected ");
            } else if ((access & Opcodes.ACC_PRIVATE) != 0) {
                m.append("private ");
            }
            if ((access & Opcodes.ACC_STATIC) != 0) {
                m.append("static ");
            }
            if ((access & Opcodes.ACC_FINAL) != 0) {
                m.append("final ");
            }
            if ((access & Opcodes.ACC_TRANSIENT) != 0) {
                m.append("transient ");
            }
            if ((access & Opcodes.ACC_VOLATILE) != 0) {
                m.append("volatile ");
            }
            return m.toString();
        }

        private static String defaultValue(String type) {
            return switch (type) {
                case "boolean" -> "false";
                case "char" -> "'\\0'";
                case "byte", "short", "int", "long", "float", "double" -> "0";
                default -> "null";
            };
        }
    }

    /** Collects an annotation's element values, nested annotations and arrays included. */
    private static AnnotationVisitor collect(String descriptor, java.util.function.Consumer<Ann> sink) {
        String type = Type.getType(descriptor).getClassName().replace('$', '.');
        if (type.startsWith(JAVAX)) {
            // a class built for both namespaces (Axon's) carries javax.persistence's annotations beside Jakarta's: Hibernate 6
            // reads only Jakarta's, so the javax ones are left out of the source rather than reported as the user's javax imports
            return null;
        }
        var values = new ArrayList<Map.Entry<String, Object>>();
        sink.accept(new Ann(type, values));
        return valuesVisitor(v -> values.add(Map.entry(v.getKey(), v.getValue())));
    }

    private static AnnotationVisitor valuesVisitor(java.util.function.Consumer<Map.Entry<String, Object>> sink) {
        return new AnnotationVisitor(Opcodes.ASM9) {
            @Override
            public void visit(String name, Object value) {
                if (value != null && value.getClass().isArray()) {
                    var list = new ArrayList<Object>();
                    for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
                        list.add(java.lang.reflect.Array.get(value, i));
                    }
                    sink.accept(Map.entry(key(name), new ArrayValue(list)));
                } else {
                    sink.accept(Map.entry(key(name), value));
                }
            }

            @Override
            public void visitEnum(String name, String descriptor, String value) {
                sink.accept(Map.entry(key(name), new EnumValue(Type.getType(descriptor).getClassName().replace('$', '.'), value)));
            }

            @Override
            public AnnotationVisitor visitAnnotation(String name, String descriptor) {
                var values = new ArrayList<Map.Entry<String, Object>>();
                sink.accept(Map.entry(key(name), new Ann(Type.getType(descriptor).getClassName().replace('$', '.'), values)));
                return valuesVisitor(v -> values.add(Map.entry(v.getKey(), v.getValue())));
            }

            @Override
            public AnnotationVisitor visitArray(String name) {
                var list = new ArrayList<Object>();
                sink.accept(Map.entry(key(name), new ArrayValue(list)));
                return valuesVisitor(v -> list.add(v.getValue()));
            }
        };
    }

    /** An array element's name is null in ASM: kept as "" (never written). */
    private static String key(String name) {
        return name == null ? "" : name;
    }

    private static String annotation(Ann a, Names names) {
        var out = new StringBuilder("@").append(names.use(a.type()));
        if (!a.values().isEmpty()) {
            out.append('(');
            boolean first = true;
            for (var e : a.values()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                out.append(e.getKey()).append(" = ").append(value(e.getValue(), names));
            }
            out.append(')');
        }
        return out.toString();
    }

    private static String value(Object v, Names names) {
        if (v instanceof Ann a) {
            return annotation(a, names);
        }
        if (v instanceof EnumValue e) {
            return names.use(e.type()) + "." + e.name();
        }
        if (v instanceof ArrayValue array) {
            var parts = new ArrayList<String>();
            array.values().forEach(x -> parts.add(value(x, names)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof Type t) {
            return names.type(t) + ".class";
        }
        if (v instanceof String s) {
            return quote(s, '"');
        }
        if (v instanceof Character c) {
            return quote(String.valueOf(c), '\'');
        }
        if (v instanceof Long l) {
            return l + "L";
        }
        if (v instanceof Float f) {
            return f.isNaN() ? "(0.0f / 0.0f)" : f.isInfinite() ? (f > 0 ? "(1.0f / 0.0f)" : "(-1.0f / 0.0f)") : f + "f";
        }
        if (v instanceof Double d) {
            return d.isNaN() ? "(0.0 / 0.0)" : d.isInfinite() ? (d > 0 ? "(1.0 / 0.0)" : "(-1.0 / 0.0)") : d.toString();
        }
        if (v instanceof Byte || v instanceof Short) {
            return String.valueOf(((Number) v).intValue());
        }
        return String.valueOf(v); // Integer, Boolean
    }

    /** A {@code ConstantValue} as a literal of the field's type. */
    private static String constant(String descriptor, Object value) {
        return switch (descriptor) {
            case "Z" -> ((Integer) value) != 0 ? "true" : "false";
            case "C" -> quote(String.valueOf((char) ((Integer) value).intValue()), '\'');
            case "B", "S" -> String.valueOf(value);
            default -> value(value, null);
        };
    }

    private static String quote(String s, char q) {
        var out = new StringBuilder().append(q);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '"' -> out.append(q == '"' ? "\\\"" : "\"");
                case '\'' -> out.append(q == '\'' ? "\\'" : "'");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append(q).toString();
    }

    /** The imports of a written source: a type by its simple name when that names no other, else by its canonical name. */
    private static final class Names {
        private final Map<String, String> bySimple = new HashMap<>();
        private final TreeSet<String> imports = new TreeSet<>();

        Names(String self) {
            bySimple.put(self.substring(self.lastIndexOf('.') + 1), self);
        }

        /** How the source names the type of this canonical name. */
        String use(String canonical) {
            if (!canonical.contains(".")) {
                return canonical;
            }
            String simple = canonical.substring(canonical.lastIndexOf('.') + 1);
            String taken = bySimple.putIfAbsent(simple, canonical);
            if (taken != null && !taken.equals(canonical)) {
                return canonical;
            }
            if (taken == null) {
                imports.add(canonical);
            }
            return simple;
        }

        /** A descriptor's type as source names it. */
        String type(Type t) {
            return switch (t.getSort()) {
                case Type.ARRAY -> type(t.getElementType()) + "[]".repeat(t.getDimensions());
                case Type.OBJECT -> use(t.getClassName().replace('$', '.'));
                default -> t.getClassName(); // primitives and void
            };
        }

        List<String> imports() {
            return List.copyOf(imports);
        }
    }

    /** Reads a generic signature (JVMS 4.7.9.1) into the source text of its types. */
    private static final class Sig {
        private final String s;
        private final Names names;
        private int i;

        Sig(String s, Names names) {
            this.s = s;
            this.names = names;
        }

        /** {@code <K extends Bound & Other, V>}, or "" when the signature declares none. */
        String typeParameters() {
            if (i >= s.length() || s.charAt(i) != '<') {
                return "";
            }
            i++;
            var params = new ArrayList<String>();
            while (s.charAt(i) != '>') {
                int colon = s.indexOf(':', i);
                String name = s.substring(i, colon);
                i = colon;
                var bounds = new ArrayList<String>();
                while (i < s.length() && s.charAt(i) == ':') {
                    i++;
                    if (s.charAt(i) != ':' && s.charAt(i) != '>') {
                        String bound = type();
                        if (!bound.equals("Object") && !bound.equals("java.lang.Object")) {
                            bounds.add(bound);
                        }
                    }
                }
                params.add(bounds.isEmpty() ? name : name + " extends " + String.join(" & ", bounds));
            }
            i++;
            return "<" + String.join(", ", params) + ">";
        }

        /** A method signature's parameter types, leaving the reader at its return type. */
        List<String> methodParameters() {
            var result = new ArrayList<String>();
            i++; // (
            while (s.charAt(i) != ')') {
                result.add(type());
            }
            i++;
            return result;
        }

        /** One type signature. */
        String type() {
            char c = s.charAt(i++);
            switch (c) {
                case 'B': return "byte";
                case 'C': return "char";
                case 'D': return "double";
                case 'F': return "float";
                case 'I': return "int";
                case 'J': return "long";
                case 'S': return "short";
                case 'Z': return "boolean";
                case 'V': return "void";
                case '[': return type() + "[]";
                case 'T': {
                    int end = s.indexOf(';', i);
                    String name = s.substring(i, end);
                    i = end + 1;
                    return name;
                }
                case 'L': {
                    var binary = new StringBuilder();
                    String args = "";
                    while (true) {
                        char d = s.charAt(i);
                        if (d == ';') {
                            i++;
                            break;
                        } else if (d == '<') {
                            args = typeArguments();
                        } else if (d == '.') {
                            binary.append('$'); // an inner class of a parameterized outer: the member type's name
                            args = "";
                            i++;
                        } else {
                            binary.append(d);
                            i++;
                        }
                    }
                    return names.use(LibraryType.canonical(binary.toString()).replace('$', '.')) + args;
                }
                default:
                    throw new IllegalArgumentException("not a type signature at " + (i - 1) + ": " + s);
            }
        }

        private String typeArguments() {
            i++; // <
            var args = new ArrayList<String>();
            while (s.charAt(i) != '>') {
                char c = s.charAt(i);
                if (c == '*') {
                    i++;
                    args.add("?");
                } else if (c == '+') {
                    i++;
                    args.add("? extends " + type());
                } else if (c == '-') {
                    i++;
                    args.add("? super " + type());
                } else {
                    args.add(type());
                }
            }
            i++;
            return "<" + String.join(", ", args) + ">";
        }
    }
}
