package dev.keel.scan.internal;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A class, enum, record or interface of the application's class path ({@link ClassPath}), as its class file says
 * it: what the entity scan asks of a type the source roots do not declare. Read with ASM, without the methods'
 * code: the kind of type, its supertypes (and the generic ones, from the {@code Signature} attribute), its enum
 * constants in declaration order, its static fields with their constant values (the {@code ConstantValue}
 * attribute javac writes for every {@code static final} field initialised by a constant expression), its member
 * types, and the annotations on it that the mapping reads.
 *
 * @param fqn          the canonical name ({@code com.acme.Outer.Inner})
 * @param superclass   the superclass's canonical name, null for an interface or {@code java.lang.Object}
 * @param interfaces   the direct superinterfaces' canonical names
 * @param signature    the generic signature of the class, null when it has none
 * @param enumConstants the enum constants in declaration order (empty when not an enum)
 * @param constants    each static field initialised by a constant: {@code Long}, {@code Double}, {@code Boolean},
 *                     {@code Character} or {@code String}, as {@link Values} gives source constants
 * @param staticFields every static field's name (a constant or not)
 * @param memberTypes  the simple names of the member types it declares
 * @param annotations  the canonical names of the annotations on it, with their values where the mapping reads them
 *                     ({@code autoApply} of {@code @Converter})
 */
public record LibraryType(String fqn, int access, String superclass, List<String> interfaces, String signature,
                          List<String> enumConstants, Map<String, Object> constants, Set<String> staticFields,
                          List<String> memberTypes, Map<String, Map<String, Object>> annotations, boolean record) {

    /** Whether it is an enum. */
    public boolean isEnum() {
        return (access & Opcodes.ACC_ENUM) != 0;
    }

    /** Whether it is an interface (annotation types included). */
    public boolean isInterface() {
        return (access & Opcodes.ACC_INTERFACE) != 0;
    }

    /** Whether an annotation of this canonical name is on the type. */
    public boolean annotated(String annotationFqn) {
        return annotations.containsKey(annotationFqn);
    }

    /** The canonical name of a class file's internal name ({@code a/b/Outer$Inner} is {@code a.b.Outer.Inner}). */
    static String canonical(String internalName) {
        if (internalName == null) {
            return null;
        }
        var out = new StringBuilder(internalName.length());
        for (int i = 0; i < internalName.length(); i++) {
            char c = internalName.charAt(i);
            if (c == '/') {
                out.append('.');
            } else if (c == '$' && i > 0 && internalName.charAt(i - 1) != '/' && i + 1 < internalName.length()
                    && Character.isJavaIdentifierStart(internalName.charAt(i + 1))) {
                out.append('.'); // a member type; a '$' that begins a name, or precedes a digit (local classes), stays
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Reads a class file; empty when it is not one ASM can read. */
    static Optional<LibraryType> read(byte[] classFile) {
        try {
            var reader = new Reader();
            new ClassReader(classFile).accept(reader, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return Optional.of(reader.type());
        } catch (RuntimeException e) {
            return Optional.empty(); // a damaged or future class file: to the scan, a type that is not there
        }
    }

    /** The visitor that collects what {@link LibraryType} holds. */
    private static final class Reader extends ClassVisitor {
        private String internalName;
        private int access;
        private String superName;
        private final List<String> interfaces = new ArrayList<>();
        private String signature;
        private final List<String> enumConstants = new ArrayList<>();
        private final Map<String, Object> constants = new LinkedHashMap<>();
        private final Set<String> staticFields = new LinkedHashSet<>();
        private final List<String> memberTypes = new ArrayList<>();
        private final Map<String, Map<String, Object>> annotations = new LinkedHashMap<>();
        private boolean record;

        Reader() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.internalName = name;
            this.access = access;
            this.signature = signature;
            this.superName = superName;
            if (interfaces != null) {
                for (String i : interfaces) {
                    this.interfaces.add(canonical(i));
                }
            }
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
            if (innerName != null && internalName.equals(outerName)) {
                memberTypes.add(innerName);
            }
            if (name.equals(internalName)) {
                this.access |= access & (Opcodes.ACC_STATIC | Opcodes.ACC_ENUM | Opcodes.ACC_INTERFACE);
            }
        }

        @Override
        public org.objectweb.asm.RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
            record = true;
            return null;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            if (!descriptor.startsWith("L") || !descriptor.endsWith(";")) {
                return null;
            }
            var values = new LinkedHashMap<String, Object>();
            annotations.put(canonical(descriptor.substring(1, descriptor.length() - 1)), values);
            return new AnnotationVisitor(Opcodes.ASM9) {
                @Override
                public void visit(String name, Object value) {
                    values.put(name, value);
                }
            };
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            if ((access & Opcodes.ACC_ENUM) != 0) {
                enumConstants.add(name);
            }
            if ((access & Opcodes.ACC_STATIC) != 0) {
                staticFields.add(name);
                if (value != null && (access & Opcodes.ACC_FINAL) != 0) {
                    constants.put(name, value(descriptor, value));
                }
            }
            return null;
        }

        /** A {@code ConstantValue} as {@link Values} gives the same constant written in a source. */
        private static Object value(String descriptor, Object value) {
            return switch (descriptor) {
                case "Z" -> ((Integer) value) != 0;
                case "C" -> (char) ((Integer) value).intValue();
                case "B", "S", "I", "J" -> ((Number) value).longValue();
                case "F", "D" -> ((Number) value).doubleValue();
                default -> value; // String
            };
        }

        LibraryType type() {
            boolean isRecord = record || "java/lang/Record".equals(superName);
            String superclass = (access & Opcodes.ACC_INTERFACE) != 0 || superName == null ? null : canonical(superName);
            return new LibraryType(canonical(internalName), access, superclass, List.copyOf(interfaces), signature,
                    List.copyOf(enumConstants), java.util.Collections.unmodifiableMap(constants), Set.copyOf(staticFields),
                    List.copyOf(memberTypes), java.util.Collections.unmodifiableMap(annotations), isRecord);
        }
    }

    /**
     * The type arguments with which this type's generic signature implements or extends {@code genericFqn}
     * ({@code AttributeConverter<Money, String>} gives [Money, String]); empty when its signature does not name it.
     * A type variable comes back unresolved, by its name.
     */
    public Optional<List<TypeRef>> typeArguments(String genericFqn) {
        if (signature == null) {
            return Optional.empty();
        }
        var parser = new SignatureParser(signature);
        parser.skipTypeParameters();
        while (parser.more()) {
            TypeRef supertype = parser.fieldType();
            if (supertype.name().equals(genericFqn)) {
                return Optional.of(supertype.args());
            }
        }
        return Optional.empty();
    }

    /** The names of the type's type parameters, in order ({@code K, V} of {@code Base<K, V>}). */
    public List<String> typeVariables() {
        return signature == null ? List.of() : new SignatureParser(signature).typeParameters();
    }

    /** A reader of JVM generic signatures (JVMS 4.7.9.1) into {@link TypeRef}s. */
    static final class SignatureParser {
        private final String s;
        private int at;

        SignatureParser(String s) {
            this.s = s;
        }

        boolean more() {
            return at < s.length();
        }

        /** The names of the formal type parameters at the start of a class signature (none when it has none). */
        List<String> typeParameters() {
            var names = new ArrayList<String>();
            if (at >= s.length() || s.charAt(at) != '<') {
                return names;
            }
            at++;
            while (s.charAt(at) != '>') {
                int colon = s.indexOf(':', at);
                names.add(s.substring(at, colon));
                at = colon;
                while (s.charAt(at) == ':') { // the class bound (possibly empty), then each interface bound
                    at++;
                    if (s.charAt(at) != ':' && s.charAt(at) != '>' && "LT[".indexOf(s.charAt(at)) >= 0) {
                        fieldType();
                    }
                }
            }
            at++;
            return names;
        }

        void skipTypeParameters() {
            if (at < s.length() && s.charAt(at) == '<') {
                int depth = 0;
                do {
                    char c = s.charAt(at++);
                    depth += c == '<' ? 1 : c == '>' ? -1 : 0;
                } while (depth > 0);
            }
        }

        TypeRef fieldType() {
            char c = s.charAt(at++);
            switch (c) {
                case 'L': {
                    var name = new StringBuilder();
                    List<TypeRef> args = List.of();
                    while (true) {
                        char d = s.charAt(at++);
                        if (d == ';') {
                            break;
                        }
                        if (d == '<') {
                            args = typeArguments();
                        } else if (d == '.') {
                            name.append('$');
                            args = List.of();
                        } else {
                            name.append(d);
                        }
                    }
                    return new TypeRef(canonical(name.toString()), args, 0, true);
                }
                case 'T': {
                    int end = s.indexOf(';', at);
                    String variable = s.substring(at, end);
                    at = end + 1;
                    return new TypeRef(variable, List.of(), 0, false);
                }
                case '[': {
                    TypeRef component = fieldType();
                    return new TypeRef(component.name(), component.args(), component.arrayDepth() + 1, component.resolved());
                }
                default:
                    return TypeRef.of(switch (c) {
                        case 'Z' -> "boolean";
                        case 'B' -> "byte";
                        case 'C' -> "char";
                        case 'S' -> "short";
                        case 'I' -> "int";
                        case 'J' -> "long";
                        case 'F' -> "float";
                        case 'D' -> "double";
                        default -> throw new IllegalArgumentException("not a signature: " + s);
                    });
            }
        }

        private List<TypeRef> typeArguments() {
            var args = new ArrayList<TypeRef>();
            while (s.charAt(at) != '>') {
                char c = s.charAt(at);
                if (c == '*') {
                    at++;
                    args.add(new TypeRef("?", List.of(), 0, false));
                } else {
                    if (c == '+' || c == '-') {
                        at++;
                    }
                    args.add(fieldType());
                }
            }
            at++;
            return List.copyOf(args);
        }
    }
}
