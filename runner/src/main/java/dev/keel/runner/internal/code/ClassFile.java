package dev.keel.runner.internal.code;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A class file as keel reads it to hash the code of a migration's {@code RunJava} methods: its constant
 * pool, its name, superclass, methods with their bytecode, and its bootstrap methods. Everything else
 * (fields, debug attributes, annotations) is skipped. The format is that of the JVM specification,
 * chapter 4; any version of it reads, as only its stable parts are used.
 */
public final class ClassFile {
    /** Access flag of a static method. */
    public static final int ACC_STATIC = 0x0008;
    /** Access flag of a synchronized method. */
    public static final int ACC_SYNCHRONIZED = 0x0020;
    /** Access flag of a method the compiler made (a lambda body, an accessor). */
    public static final int ACC_SYNTHETIC = 0x1000;

    private final Object[] pool;
    private final byte[] tags;
    private final String name;
    private final String superName;
    private final List<Method> methods;
    private final List<Bootstrap> bootstraps;

    /**
     * A method: access flags, name, descriptor, and, unless it is abstract or native, its code.
     *
     * @param code       the bytecode, or null when the method has none
     * @param exceptions the exception table: try-block start, end, handler (byte offsets), and the caught
     *                   class (null: any)
     */
    public record Method(int access, String name, String descriptor, byte[] code, List<Handler> exceptions) {}

    /** One entry of a method's exception table. */
    public record Handler(int start, int end, int handler, String catchType) {}

    /** A bootstrap method of the class: a method handle and its static arguments (constant pool indexes). */
    public record Bootstrap(int handle, int[] arguments) {}

    /** A field or method reference: the owner class, the member's name and descriptor. */
    public record MemberRef(int tag, String owner, String name, String descriptor) {}

    /** A method handle constant: its kind (1 to 9) and the member it refers to. */
    public record Handle(int kind, MemberRef member) {}

    /** A dynamically computed constant or call site: a bootstrap method (index into the class's table), a name and a descriptor. */
    public record Dynamic(int tag, int bootstrap, String name, String descriptor) {}

    /** A class constant ({@code Foo.class}), by its internal name. */
    public record ClassRef(String name) {}

    /** A method type constant, by its descriptor. */
    public record MethodType(String descriptor) {}

    static final int UTF8 = 1, INTEGER = 3, FLOAT = 4, LONG = 5, DOUBLE = 6, CLASS = 7, STRING = 8, FIELD = 9,
            METHOD = 10, INTERFACE_METHOD = 11, NAME_AND_TYPE = 12, METHOD_HANDLE = 15, METHOD_TYPE = 16,
            DYNAMIC = 17, INVOKE_DYNAMIC = 18, MODULE = 19, PACKAGE = 20;

    private ClassFile(Object[] pool, byte[] tags, String name, String superName, List<Method> methods,
                      List<Bootstrap> bootstraps) {
        this.pool = pool;
        this.tags = tags;
        this.name = name;
        this.superName = superName;
        this.methods = List.copyOf(methods);
        this.bootstraps = List.copyOf(bootstraps);
    }

    /**
     * Reads a class file.
     *
     * @throws IllegalArgumentException when the bytes are not a class file
     */
    public static ClassFile parse(byte[] bytes) {
        try {
            return read(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a readable class file: " + e, e);
        }
    }

    private static ClassFile read(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("no CAFEBABE magic number");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        Object[] raw = new Object[count];
        byte[] tags = new byte[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            tags[i] = (byte) tag;
            switch (tag) {
                case UTF8 -> raw[i] = in.readUTF();
                case INTEGER -> raw[i] = in.readInt();
                case FLOAT -> raw[i] = Float.intBitsToFloat(in.readInt());
                case LONG -> raw[i++] = in.readLong();
                case DOUBLE -> raw[i++] = Double.longBitsToDouble(in.readLong());
                case CLASS, STRING, METHOD_TYPE, MODULE, PACKAGE -> raw[i] = new int[] {in.readUnsignedShort()};
                case FIELD, METHOD, INTERFACE_METHOD, NAME_AND_TYPE, DYNAMIC, INVOKE_DYNAMIC ->
                        raw[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case METHOD_HANDLE -> raw[i] = new int[] {in.readUnsignedByte(), in.readUnsignedShort()};
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        Object[] pool = resolve(raw, tags);
        in.readUnsignedShort(); // access flags
        String name = ((ClassRef) pool[in.readUnsignedShort()]).name();
        int superIndex = in.readUnsignedShort();
        String superName = superIndex == 0 ? null : ((ClassRef) pool[superIndex]).name();
        int interfaces = in.readUnsignedShort();
        for (int i = 0; i < interfaces; i++) {
            in.readUnsignedShort();
        }
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.readUnsignedShort();
            skipAttributes(in);
        }
        int methodCount = in.readUnsignedShort();
        var methods = new ArrayList<Method>();
        for (int i = 0; i < methodCount; i++) {
            int access = in.readUnsignedShort();
            String methodName = (String) pool[in.readUnsignedShort()];
            String descriptor = (String) pool[in.readUnsignedShort()];
            byte[] code = null;
            var handlers = new ArrayList<Handler>();
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = (String) pool[in.readUnsignedShort()];
                int length = in.readInt();
                if (attribute.equals("Code")) {
                    in.readUnsignedShort(); // max stack
                    in.readUnsignedShort(); // max locals
                    code = new byte[in.readInt()];
                    in.readFully(code);
                    int entries = in.readUnsignedShort();
                    for (int e = 0; e < entries; e++) {
                        int start = in.readUnsignedShort();
                        int end = in.readUnsignedShort();
                        int handler = in.readUnsignedShort();
                        int type = in.readUnsignedShort();
                        handlers.add(new Handler(start, end, handler, type == 0 ? null : ((ClassRef) pool[type]).name()));
                    }
                    skipAttributes(in); // line numbers, local variables, stack maps: not what the code does
                } else {
                    in.skipNBytes(length);
                }
            }
            methods.add(new Method(access, methodName, descriptor, code, handlers));
        }
        var bootstraps = new ArrayList<Bootstrap>();
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            String attribute = (String) pool[in.readUnsignedShort()];
            int length = in.readInt();
            if (attribute.equals("BootstrapMethods")) {
                int n = in.readUnsignedShort();
                for (int b = 0; b < n; b++) {
                    int handle = in.readUnsignedShort();
                    int[] args = new int[in.readUnsignedShort()];
                    for (int x = 0; x < args.length; x++) {
                        args[x] = in.readUnsignedShort();
                    }
                    bootstraps.add(new Bootstrap(handle, args));
                }
            } else {
                in.skipNBytes(length);
            }
        }
        return new ClassFile(pool, tags, name, superName, methods, bootstraps);
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        for (int i = 0; i < n; i++) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
        }
    }

    /** The constant pool with references between entries resolved to values and records. */
    private static Object[] resolve(Object[] raw, byte[] tags) {
        Object[] pool = new Object[raw.length];
        for (int i = 1; i < raw.length; i++) {
            pool[i] = resolve(raw, tags, i);
        }
        return pool;
    }

    private static Object resolve(Object[] raw, byte[] tags, int i) {
        Object v = raw[i];
        if (!(v instanceof int[] refs)) {
            return v;
        }
        return switch (tags[i]) {
            case CLASS -> new ClassRef((String) raw[refs[0]]);
            case STRING -> (String) raw[refs[0]];
            case METHOD_TYPE -> new MethodType((String) raw[refs[0]]);
            case MODULE, PACKAGE -> "module or package " + raw[refs[0]];
            case FIELD, METHOD, INTERFACE_METHOD -> {
                int[] nat = (int[]) raw[refs[1]];
                yield new MemberRef(tags[i], (String) raw[((int[]) raw[refs[0]])[0]], (String) raw[nat[0]], (String) raw[nat[1]]);
            }
            case NAME_AND_TYPE -> raw[refs[0]] + ":" + raw[refs[1]];
            case METHOD_HANDLE -> new Handle(refs[0], (MemberRef) resolve(raw, tags, refs[1]));
            case DYNAMIC, INVOKE_DYNAMIC -> {
                int[] nat = (int[]) raw[refs[1]];
                yield new Dynamic(tags[i], refs[0], (String) raw[nat[0]], (String) raw[nat[1]]);
            }
            default -> throw new IllegalStateException("unresolvable constant pool entry " + i);
        };
    }

    /** The class's internal name ({@code com/acme/M0001_initial}). */
    public String name() {
        return name;
    }

    /** The superclass's internal name, or null for {@code java/lang/Object}. */
    public String superName() {
        return superName;
    }

    /** Every method the class declares, in the order of the class file. */
    public List<Method> methods() {
        return methods;
    }

    /** The method {@code name} with {@code descriptor}, if the class declares it. */
    public Optional<Method> method(String name, String descriptor) {
        return methods.stream().filter(m -> m.name().equals(name) && m.descriptor().equals(descriptor)).findFirst();
    }

    /**
     * The constant at {@code index}: a {@code String}, a boxed number, or one of {@link ClassRef},
     * {@link MemberRef}, {@link Handle}, {@link MethodType}, {@link Dynamic}.
     */
    public Object constant(int index) {
        if (index <= 0 || index >= pool.length || pool[index] == null) {
            throw new IllegalArgumentException("no constant at index " + index + " of " + name);
        }
        return pool[index];
    }

    /** The bootstrap method {@code index} of the class. */
    public Bootstrap bootstrap(int index) {
        return bootstraps.get(index);
    }

    /** The tag of the constant at {@code index} (tells a string from a class name's UTF-8 text). */
    int tag(int index) {
        return tags[index];
    }
}
