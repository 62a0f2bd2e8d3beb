package dev.keel.load;

import com.github.javaparser.ast.Node;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses among overloaded methods as javac does (first without varargs expansion, then with it;
 * then the most specific), by the static types of the arguments, and invokes the choice.
 */
final class Invoker {
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            boolean.class, Boolean.class, byte.class, Byte.class, short.class, Short.class, char.class, Character.class,
            int.class, Integer.class, long.class, Long.class, float.class, Float.class, double.class, Double.class);
    private static final List<Class<?>> NUMERIC_WIDENING = List.of(
            byte.class, short.class, int.class, long.class, float.class, double.class);

    private Invoker() {}

    /**
     * Invokes the method of {@code candidates} that javac would choose for these arguments.
     *
     * @param target  the receiver, null for static methods
     * @param display how the call reads in messages ({@code column(...)})
     */
    static Typed invoke(List<Method> candidates, Object target, List<Typed> args, Node at, String display) {
        Method chosen = choose(candidates, args, at, display);
        Object[] actual = arguments(chosen, args);
        try {
            return new Typed(chosen.invoke(target, actual), chosen.getReturnType());
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new Unreadable(at, display + " rejects its arguments: " + why,
                    "correct the arguments; the compiled migration would fail the same way");
        } catch (IllegalAccessException e) {
            throw new Unreadable(at, display + " is not accessible: " + e.getMessage(), "call a public keel method");
        }
    }

    private static Method choose(List<Method> candidates, List<Typed> args, Node at, String display) {
        // loops, not streams: every call of every migration's define() is resolved here
        List<Class<?>> types = types(args);
        var applicable = new ArrayList<Method>(candidates.size());
        for (Method m : candidates) {
            if ((!m.isVarArgs() || m.getParameterCount() == types.size()) && applies(m.getParameterTypes(), types)) {
                applicable.add(m);
            }
        }
        boolean expanded = false;
        if (applicable.isEmpty()) {
            for (Method m : candidates) {
                if (m.isVarArgs() && types.size() >= m.getParameterCount() - 1 && applies(expand(m, types.size()), types)) {
                    applicable.add(m);
                }
            }
            expanded = true;
        }
        if (applicable.size() == 1) {
            return applicable.get(0); // more specific than every other, there being none
        }
        if (applicable.isEmpty()) {
            throw new Unreadable(at, display + " does not take arguments of types " + describe(types)
                    + ". It takes " + signatures(candidates), "pass arguments of those types");
        }
        for (Method m : applicable) {
            final boolean exp = expanded;
            if (applicable.stream().allMatch(o -> o == m || moreSpecific(m, o, types.size(), exp))) {
                return m;
            }
        }
        throw new Unreadable(at, display + " is ambiguous for arguments " + describe(types) + ": "
                + signatures(applicable), "change the arguments so that exactly one of these methods fits");
    }

    private static boolean moreSpecific(Method m, Method other, int arity, boolean expanded) {
        Class<?>[] a = expanded ? expand(m, arity) : m.getParameterTypes();
        Class<?>[] b = expanded ? expand(other, arity) : other.getParameterTypes();
        for (int i = 0; i < a.length; i++) {
            if (!assignable(b[i], a[i])) {
                return false;
            }
        }
        return true;
    }

    /** The parameter types of a varargs method, repeated out to {@code arity} arguments. */
    private static Class<?>[] expand(Method m, int arity) {
        Class<?>[] params = m.getParameterTypes();
        Class<?>[] result = new Class<?>[arity];
        int fixed = params.length - 1;
        for (int i = 0; i < arity; i++) {
            result[i] = i < fixed ? params[i] : params[fixed].getComponentType();
        }
        return result;
    }

    private static boolean applies(Class<?>[] params, List<Class<?>> types) {
        if (params.length != types.size()) {
            return false;
        }
        for (int i = 0; i < params.length; i++) {
            if (!assignable(params[i], types.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a value of static type {@code arg} (null: the null type) may be passed for {@code param}. */
    static boolean assignable(Class<?> param, Class<?> arg) {
        if (arg == null) {
            return !param.isPrimitive();
        }
        if (arg == void.class) {
            return false;
        }
        if (param.isPrimitive()) {
            Class<?> primitive = arg.isPrimitive() ? arg : unbox(arg);
            return primitive != null && (primitive == param || widens(primitive, param));
        }
        return param.isAssignableFrom(arg.isPrimitive() ? BOXES.get(arg) : arg);
    }

    private static Class<?> unbox(Class<?> type) {
        return BOXES.entrySet().stream().filter(e -> e.getValue() == type).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private static boolean widens(Class<?> from, Class<?> to) {
        if (from == char.class) {
            return NUMERIC_WIDENING.indexOf(to) >= NUMERIC_WIDENING.indexOf(int.class);
        }
        int f = NUMERIC_WIDENING.indexOf(from);
        int t = NUMERIC_WIDENING.indexOf(to);
        return f >= 0 && t > f;
    }

    private static Object[] arguments(Method m, List<Typed> args) {
        Class<?>[] params = m.getParameterTypes();
        boolean packVarargs = m.isVarArgs() && !(args.size() == params.length && applies(params, types(args)));
        if (!packVarargs) {
            Object[] values = new Object[args.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = args.get(i).value();
            }
            return values;
        }
        int fixed = params.length - 1;
        Object[] actual = new Object[params.length];
        for (int i = 0; i < fixed; i++) {
            actual[i] = args.get(i).value();
        }
        Object rest = Array.newInstance(params[fixed].getComponentType(), args.size() - fixed);
        for (int i = fixed; i < args.size(); i++) {
            Array.set(rest, i - fixed, args.get(i).value());
        }
        actual[fixed] = rest;
        return actual;
    }

    private static List<Class<?>> types(List<Typed> args) {
        var types = new ArrayList<Class<?>>(args.size());
        for (Typed a : args) {
            types.add(a.type());
        }
        return types;
    }

    private static String describe(List<Class<?>> types) {
        return "(" + String.join(", ", types.stream().map(t -> t == null ? "null" : t.getSimpleName()).toList()) + ")";
    }

    private static String signatures(List<Method> methods) {
        var result = new ArrayList<String>();
        for (Method m : methods) {
            var params = new ArrayList<String>();
            Class<?>[] types = m.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                boolean varargs = m.isVarArgs() && i == types.length - 1;
                params.add(varargs ? types[i].getComponentType().getSimpleName() + "..." : types[i].getSimpleName());
            }
            result.add(m.getName() + "(" + String.join(", ", params) + ")");
        }
        return String.join(" or ", result.stream().sorted().toList());
    }
}
