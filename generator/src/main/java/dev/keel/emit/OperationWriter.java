package dev.keel.emit;

import dev.keel.migration.Operations;
import dev.keel.operations.Operation;
import dev.keel.operations.Touches;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes any operation as a call of its factory in {@link Operations}, through the operation's record
 * components: {@code AddField(model, field, column)} becomes {@code addField("post", "slug", column(...))}.
 * A new operation needs no change here, only a factory named after it. Trailing components at their
 * default (null, false, an empty list) use the shorter overload when there is one: {@code runSql(sql)}. A trailing
 * {@link Touches} is written as the builder call that declares it ({@code .touches("post")}).
 */
final class OperationWriter {

    String write(Operation op, JavaValues values) {
        RecordComponent[] all = op.getClass().getRecordComponents();
        Touches touches = null;
        RecordComponent[] components = all;
        if (all.length > 0 && all[all.length - 1].getType() == Touches.class) {
            components = Arrays.copyOf(all, all.length - 1);
            try {
                touches = (Touches) all[all.length - 1].getAccessor().invoke(op);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            try {
                args[i] = components[i].getAccessor().invoke(op);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        String name = factoryName(op);
        int arity = shortestArity(name, args);
        var parts = new ArrayList<String>();
        for (int i = 0; i < arity; i++) {
            Object arg = args[i];
            if (arg instanceof dev.keel.state.Column c && c.field() != null && ownsField(components, args, c.field())) {
                arg = c.field(null); // the operation names the field itself
            }
            parts.add(values.write(arg));
        }
        return name + "(" + String.join(", ", parts) + ")" + touches(touches);
    }

    /** What hand-written code declares it touches, as the builder call that declares it: {@code .touches("post")}. */
    private static String touches(Touches touches) {
        if (touches == null) {
            return "";
        }
        if (touches.database() != null) {
            return ".database(" + JavaValues.string(touches.database()) + ")";
        }
        return ".touches(" + touches.tables().stream().map(JavaValues::string).collect(Collectors.joining(", ")) + ")";
    }

    private static boolean ownsField(RecordComponent[] components, Object[] args, String field) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals("field") && field.equals(args[i])) {
                return true;
            }
        }
        return false;
    }

    static String factoryName(Operation op) {
        String simple = op.getClass().getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    private static int shortestArity(String name, Object[] args) {
        List<Integer> arities = Arrays.stream(Operations.class.getMethods())
                .filter(m -> m.getName().equals(name) && Modifier.isStatic(m.getModifiers()))
                .map(Method::getParameterCount).sorted(Comparator.naturalOrder()).collect(Collectors.toList());
        if (!arities.contains(args.length)) {
            throw new IllegalStateException("Operations has no factory " + name + " with " + args.length
                    + " parameters; every operation needs one taking all its components");
        }
        for (int arity : arities) {
            boolean restIsDefault = true;
            for (int i = arity; i < args.length; i++) {
                restIsDefault &= args[i] == null || Boolean.FALSE.equals(args[i]) || args[i] instanceof List<?> l && l.isEmpty();
            }
            if (arity <= args.length && restIsDefault) {
                return arity;
            }
        }
        return args.length;
    }
}
