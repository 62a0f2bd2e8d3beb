package dev.keel.runner.internal.code;

import dev.keel.runner.internal.code.ClassFile.Bootstrap;
import dev.keel.runner.internal.code.ClassFile.ClassRef;
import dev.keel.runner.internal.code.ClassFile.Dynamic;
import dev.keel.runner.internal.code.ClassFile.Handle;
import dev.keel.runner.internal.code.ClassFile.MemberRef;
import dev.keel.runner.internal.code.ClassFile.Method;
import dev.keel.runner.internal.code.ClassFile.MethodType;
import dev.keel.runner.internal.code.Instructions.Instruction;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The code of a migration's {@code RunJava} methods as a text that says what the code does and nothing
 * else: each method's instructions with every constant, class, field and method they use written out,
 * branches as instruction numbers; without line numbers, local variable names, stack maps or anything a
 * comment, a blank line or an indentation changes. Two compilations of one source by one compiler give
 * the same text, whatever their debug options ({@code -g}, {@code -parameters}).
 *
 * <p>The text covers the named methods and, transitively, the code of the migration's own classes that
 * they reach: methods of the migration class, its superclasses below {@code Migration}, and their nested
 * classes (lambda bodies, anonymous and inner classes, helpers), with the static initialiser or the
 * constructors of a class whose fields the code reads or writes. Code of other classes (the application's,
 * libraries') is referred to by name only. The names javac gives lambda bodies and anonymous classes
 * ({@code lambda$fill$0}, {@code M0005$1}) depend on the code around them, so they are written by the order
 * in which the methods reach them.
 */
public final class CodeText {
    /** The class every migration extends; code from it up is keel's, not the migration's. */
    static final String MIGRATION = "dev/keel/migration/Migration";
    /** What a {@code RunJava} method takes. */
    static final String CONTEXT = "dev/keel/migration/MigrationContext";

    private final Function<String, Optional<byte[]>> classFiles;
    private final Map<String, Optional<ClassFile>> parsed = new HashMap<>();
    private final List<String> locals;
    /** The methods to write, in the order they were reached, with the name they are written under. */
    private final Map<String, String> reached = new LinkedHashMap<>();
    private final Deque<String[]> queue = new ArrayDeque<>();
    private final Map<String, String> classAliases = new HashMap<>();
    private int synthetic;

    private CodeText(Function<String, Optional<byte[]>> classFiles, List<String> locals) {
        this.classFiles = classFiles;
        this.locals = locals;
    }

    /**
     * The text of the {@code RunJava} methods {@code methods} of the migration class {@code className} (an
     * internal name, {@code com/acme/blog/migrations/M0005_fill}) and of what they reach. A method is found
     * as the runner finds it: by name, taking one {@code MigrationContext} (or {@code Object}), in the class
     * or a superclass; one that is not there is written as missing.
     *
     * @param classFiles the bytes of a class file by internal name; empty when there is no such class
     * @throws IllegalArgumentException when a class file cannot be read
     */
    public static String of(String className, List<String> methods, Function<String, Optional<byte[]>> classFiles) {
        var locals = new java.util.ArrayList<String>();
        var probe = new CodeText(classFiles, List.of());
        for (String c = className; c != null && !c.equals(MIGRATION) && !c.startsWith("java/"); ) {
            locals.add(c);
            c = probe.parse(c).map(ClassFile::superName).orElse(null);
        }
        var text = new CodeText(classFiles, List.copyOf(locals));
        text.parsed.putAll(probe.parsed);
        var out = new StringBuilder();
        if (text.parse(className).isEmpty()) {
            out.append("class ").append(className).append(": not found\n");
        }
        for (String m : methods) {
            String descriptor = text.runJavaDescriptor(className, m);
            if (descriptor == null) {
                out.append("method ").append(m).append(": not found\n");
            } else {
                text.reach(className, m, descriptor);
            }
        }
        while (!text.queue.isEmpty()) {
            String[] next = text.queue.removeFirst();
            text.write(next[0], next[1], next[2], out);
        }
        return out.toString();
    }

    /** The descriptor of the method {@code name} the runner would call, or null when there is none. */
    private String runJavaDescriptor(String className, String name) {
        for (String c = className; c != null && local(c); ) {
            Optional<ClassFile> file = parse(c);
            if (file.isEmpty()) {
                return null;
            }
            for (Method m : file.get().methods()) {
                if (m.name().equals(name) && (m.descriptor().startsWith("(L" + CONTEXT + ";)")
                        || m.descriptor().startsWith("(Ljava/lang/Object;)"))) {
                    return m.descriptor();
                }
            }
            c = file.get().superName();
        }
        return null;
    }

    /** Whether {@code owner} is the migration's own code: its classes up to {@code Migration}, and their nested classes. */
    private boolean local(String owner) {
        for (String l : locals) {
            if (owner.equals(l) || owner.startsWith(l + "$")) {
                return true;
            }
        }
        return false;
    }

    private Optional<ClassFile> parse(String internalName) {
        return parsed.computeIfAbsent(internalName, n -> classFiles.apply(n).map(ClassFile::parse));
    }

    /** The method as declared in {@code owner} or the nearest superclass of the migration's own code, with its declaring class. */
    private Optional<Map.Entry<ClassFile, Method>> declared(String owner, String name, String descriptor) {
        for (String c = owner; c != null && local(c); ) {
            Optional<ClassFile> file = parse(c);
            if (file.isEmpty()) {
                return Optional.empty();
            }
            Optional<Method> m = file.get().method(name, descriptor);
            if (m.isPresent()) {
                return Optional.of(Map.entry(file.get(), m.get()));
            }
            c = file.get().superName();
        }
        return Optional.empty();
    }

    /** Queues the method (once) and returns the name it is written under. */
    private String reach(String owner, String name, String descriptor) {
        var declared = declared(owner, name, descriptor);
        String where = declared.map(d -> d.getKey().name()).orElse(owner);
        String key = where + "." + name + descriptor;
        String alias = reached.get(key);
        if (alias != null) {
            return alias;
        }
        boolean generated = declared.isPresent() && (declared.get().getValue().access() & ClassFile.ACC_SYNTHETIC) != 0;
        alias = className(where) + "." + (generated ? "synthetic#" + ++synthetic : name) + descriptor;
        reached.put(key, alias);
        queue.addLast(new String[] {where, name, descriptor});
        if (name.equals("<init>") && !locals.contains(where)) {
            reachAll(where); // an instance of a nested class: whoever gets it may call any of its methods
        }
        return alias;
    }

    /** A local class by a name that does not change with the code around it: anonymous classes by the order they are reached. */
    private String className(String internalName) {
        if (!local(internalName)) {
            return internalName;
        }
        String simple = internalName.substring(internalName.lastIndexOf('$') + 1);
        if (!internalName.contains("$") || simple.isEmpty() || !simple.chars().allMatch(Character::isDigit)) {
            return internalName;
        }
        return classAliases.computeIfAbsent(internalName, n -> "anonymous#" + (classAliases.size() + 1));
    }

    /** Every method of a nested class of the migration's own code. */
    private void reachAll(String nested) {
        parse(nested).ifPresent(file -> file.methods().forEach(m -> reach(file.name(), m.name(), m.descriptor())));
    }

    /** The initialisers of a local class whose fields the code uses: its static initialiser and constructors. */
    private void reachInitialisers(String owner, boolean statics) {
        parse(owner).ifPresent(file -> {
            for (Method m : file.methods()) {
                if (statics ? m.name().equals("<clinit>") : m.name().equals("<init>")) {
                    reach(file.name(), m.name(), m.descriptor());
                }
            }
        });
    }

    private void write(String owner, String name, String descriptor, StringBuilder out) {
        String alias = reached.get(owner + "." + name + descriptor);
        var declared = declared(owner, name, descriptor);
        if (declared.isEmpty()) {
            out.append("method ").append(alias).append(": not found\n");
            return;
        }
        ClassFile file = declared.get().getKey();
        Method m = declared.get().getValue();
        out.append("method ").append(alias);
        if ((m.access() & ClassFile.ACC_STATIC) != 0) {
            out.append(" static");
        }
        if ((m.access() & ClassFile.ACC_SYNCHRONIZED) != 0) {
            out.append(" synchronized");
        }
        out.append('\n');
        if (m.code() == null) {
            out.append("  no code\n");
            return;
        }
        List<Instruction> code = Instructions.decode(m.code());
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < code.size(); i++) {
            index.put(code.get(i).offset(), i);
        }
        index.put(m.code().length, code.size());
        for (Instruction ins : code) {
            out.append("  ").append(ins.opcode());
            instruction(file, ins, index, out);
            out.append('\n');
        }
        for (ClassFile.Handler h : m.exceptions()) {
            out.append("  try ").append(target(index, h.start())).append('-').append(target(index, h.end()))
                    .append(" catch ").append(h.catchType() == null ? "any" : className(h.catchType()))
                    .append(" at ").append(target(index, h.handler())).append('\n');
        }
    }

    private void instruction(ClassFile file, Instruction ins, Map<Integer, Integer> index, StringBuilder out) {
        int op = ins.opcode();
        int[] operands = ins.operands();
        if (Instructions.takesConstant(op)) {
            Object c = file.constant(operands[0]);
            out.append(' ');
            if (op == Instructions.INVOKEDYNAMIC) {
                dynamic(file, (Dynamic) c, out);
            } else {
                constant(file, c, op, out);
            }
            for (int i = 1; i < operands.length; i++) {
                out.append(' ').append(operands[i]);
            }
            return;
        }
        if (op == Instructions.TABLESWITCH) {
            out.append(" default ").append(target(index, operands[0])).append(" ").append(operands[1]).append("..")
                    .append(operands[2]).append(" ->");
            for (int i = 3; i < operands.length; i++) {
                out.append(' ').append(target(index, operands[i]));
            }
            return;
        }
        if (op == Instructions.LOOKUPSWITCH) {
            out.append(" default ").append(target(index, operands[0]));
            for (int i = 1; i < operands.length; i += 2) {
                out.append(' ').append(operands[i]).append("->").append(target(index, operands[i + 1]));
            }
            return;
        }
        boolean branch = Instructions.branches(op);
        for (int operand : operands) {
            out.append(' ').append(branch ? "@" + target(index, operand) : String.valueOf(operand));
        }
    }

    private static int target(Map<Integer, Integer> index, int offset) {
        Integer i = index.get(offset);
        if (i == null) {
            throw new IllegalArgumentException("a branch to offset " + offset + ", which starts no instruction");
        }
        return i;
    }

    /** Writes a constant; a member of the migration's own code is reached (queued) as it is written. */
    private void constant(ClassFile file, Object c, int op, StringBuilder out) {
        if (c instanceof String s) {
            out.append('"').append(escape(s)).append('"');
        } else if (c instanceof Integer i) {
            out.append("int ").append(i);
        } else if (c instanceof Long l) {
            out.append("long ").append(l);
        } else if (c instanceof Float f) {
            out.append("float ").append(Integer.toHexString(Float.floatToRawIntBits(f)));
        } else if (c instanceof Double d) {
            out.append("double ").append(Long.toHexString(Double.doubleToRawLongBits(d)));
        } else if (c instanceof ClassRef ref) {
            out.append("class ").append(className(ref.name()));
        } else if (c instanceof MethodType t) {
            out.append("methodtype ").append(t.descriptor());
        } else if (c instanceof MemberRef ref) {
            member(ref, op, out);
        } else if (c instanceof Handle h) {
            out.append("handle ").append(h.kind()).append(' ');
            int kind = h.kind(); // 1 getField, 2 getStatic, 3 putField, 4 putStatic, 5 to 9 methods
            member(h.member(), kind == 2 || kind == 4 ? Instructions.GETSTATIC : kind <= 4 ? Instructions.GETSTATIC + 2
                    : Instructions.INVOKESTATIC, out);
        } else if (c instanceof Dynamic d) {
            out.append("condy ");
            dynamic(file, d, out);
        } else {
            out.append(c);
        }
    }

    private void member(MemberRef ref, int op, StringBuilder out) {
        boolean field = ref.tag() == ClassFile.FIELD;
        if (local(ref.owner())) {
            if (field) {
                reachInitialisers(ref.owner(), op == Instructions.GETSTATIC || op == Instructions.GETSTATIC + 1);
                out.append(className(ref.owner())).append('.').append(ref.name()).append(':').append(ref.descriptor());
            } else {
                out.append(reach(ref.owner(), ref.name(), ref.descriptor()));
            }
            return;
        }
        out.append(ref.owner()).append('.').append(ref.name()).append(field ? ":" : "").append(ref.descriptor());
    }

    private void dynamic(ClassFile file, Dynamic d, StringBuilder out) {
        Bootstrap b = file.bootstrap(d.bootstrap());
        out.append(d.name()).append(d.descriptor()).append(" bootstrap ");
        constant(file, file.constant(b.handle()), 0, out);
        out.append(" [");
        for (int i = 0; i < b.arguments().length; i++) {
            out.append(i == 0 ? "" : ", ");
            constant(file, file.constant(b.arguments()[i]), 0, out);
        }
        out.append(']');
    }

    private static String escape(String s) {
        var sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (ch < 0x20 || ch > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.toString();
    }
}
