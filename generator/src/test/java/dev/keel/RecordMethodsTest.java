package dev.keel;

import dev.keel.cache.FileHashes;
import dev.keel.config.AppConfig;
import dev.keel.diff.DiffHints;
import dev.keel.diff.FieldRef;
import dev.keel.migration.MigrationKey;
import dev.keel.scan.internal.EntityInfo;
import dev.keel.scan.internal.Ident;
import dev.keel.scan.internal.TypeRef;
import dev.keel.state.Column;
import dev.keel.state.ForeignKey;
import dev.keel.state.Index;
import dev.keel.state.PrimaryKey;
import dev.keel.state.Table;
import dev.keel.state.UniqueConstraint;
import org.junit.jupiter.api.Test;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.runtime.ObjectMethods;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The records whose {@code equals} and {@code hashCode} keel writes out (the cold check would otherwise link Java's
 * through method handles on first use) against Java's own, {@link ObjectMethods}' for the same record: for a base
 * instance and, for each component, an instance that differs from it in that component alone, the same answers and
 * the same hash (so hash maps keep their order). A component added to such a record and forgotten in its methods
 * fails here.
 */
class RecordMethodsTest {
    private static final List<Class<?>> WRITTEN_OUT = List.of(Ident.class, TypeRef.class, EntityInfo.class,
            FieldRef.class, DiffHints.class, MigrationKey.class, AppConfig.class, Column.class, Table.class, Index.class,
            ForeignKey.class, PrimaryKey.class, UniqueConstraint.class, fileHashesEntry());

    /** The records whose text keel writes out. */
    private static final List<Class<?>> TEXT_WRITTEN_OUT = List.of(dev.keel.scan.internal.ColumnSpec.class,
            dev.keel.scan.internal.SqlType.class);

    @Test
    void theTextIsJavasRecordText() throws Throwable {
        for (Class<?> type : TEXT_WRITTEN_OUT) {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            RecordComponent[] components = type.getRecordComponents();
            var getters = new MethodHandle[components.length];
            var names = new ArrayList<String>();
            for (int i = 0; i < components.length; i++) {
                getters[i] = lookup.unreflect(components[i].getAccessor());
                names.add(components[i].getName());
            }
            MethodHandle text = ((CallSite) ObjectMethods.bootstrap(lookup, "toString",
                    MethodType.methodType(String.class, type), type, String.join(";", names), getters)).dynamicInvoker();
            for (int i = -1; i < components.length; i++) {
                Object r = make(type, i, 0);
                if (r != null) {
                    assertEquals((String) text.invoke(r), r.toString(), type.getName() + " varied at " + i);
                }
            }
        }
    }

    @Test
    void equalsAndHashCodeAreJavasRecordMethods() throws Throwable {
        for (Class<?> type : WRITTEN_OUT) {
            assertTrue(type.isRecord(), type.getName());
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            RecordComponent[] components = type.getRecordComponents();
            var getters = new MethodHandle[components.length];
            var names = new ArrayList<String>();
            for (int i = 0; i < components.length; i++) {
                getters[i] = lookup.unreflect(components[i].getAccessor());
                names.add(components[i].getName());
            }
            MethodHandle equals = ((CallSite) ObjectMethods.bootstrap(lookup, "equals",
                    MethodType.methodType(boolean.class, type, Object.class), type, String.join(";", names), getters))
                    .dynamicInvoker();
            MethodHandle hashCode = ((CallSite) ObjectMethods.bootstrap(lookup, "hashCode",
                    MethodType.methodType(int.class, type), type, String.join(";", names), getters)).dynamicInvoker();

            Object base = make(type, -1, 0);
            Object same = make(type, -1, 0);
            assertEquals(true, base.equals(same), type.getName());
            assertEquals((boolean) equals.invoke(base, same), base.equals(same), type.getName());
            assertEquals((int) hashCode.invoke(base), base.hashCode(), type.getName());
            assertEquals(false, base.equals(null), type.getName());
            assertEquals(false, base.equals("other"), type.getName());
            int varied = 0;
            for (int i = 0; i < components.length; i++) {
                Object other = make(type, i, 0);
                if (other == null) {
                    continue; // the component takes no second value here (a class keel cannot make in a test)
                }
                varied++;
                String what = type.getName() + "." + components[i].getName();
                assertEquals((boolean) equals.invoke(base, other), base.equals(other), what);
                assertEquals((boolean) equals.invoke(other, base), other.equals(base), what);
                assertEquals(false, base.equals(other), what + ": the instances differ in it");
                assertEquals((int) hashCode.invoke(other), other.hashCode(), what);
            }
            assertTrue(varied >= components.length - 1, type.getName() + ": only " + varied + " components varied");
        }
    }

    /**
     * An instance of record {@code type} with the first value of each component's type (null where its constructor
     * refuses that value beside the others), but the second value for component {@code vary} (none when -1); null
     * when that component has no second value here, or none the constructor takes.
     */
    private static Object make(Class<?> type, int vary, int depth) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Constructor<?> canonical = type.getDeclaredConstructor(
                java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        canonical.setAccessible(true);
        var args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Object v = value(components[i].getType(), components[i].getGenericType(), 0, depth);
            args[i] = v == NONE ? null : v;
        }
        Object base = construct(canonical, args);
        for (int i = 0; base == null && i < components.length; i++) {
            if (!components[i].getType().isPrimitive()) {
                Object keep = args[i];
                args[i] = null;
                base = construct(canonical, args);
                if (base == null) {
                    args[i] = keep;
                }
            }
        }
        if (base == null) {
            throw new AssertionError("cannot make a " + type.getName() + " from " + java.util.Arrays.toString(args));
        }
        if (vary < 0) {
            return base;
        }
        Object v = value(components[vary].getType(), components[vary].getGenericType(), 1, depth);
        if (v == NONE) {
            return null;
        }
        args[vary] = v;
        return construct(canonical, args);
    }

    private static Object construct(Constructor<?> canonical, Object[] args) throws Exception {
        try {
            return canonical.newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            return null;
        }
    }

    private static final Object NONE = new Object();

    private static Object value(Class<?> c, Type generic, int which, int depth) throws Exception {
        if (c == String.class) {
            return which == 0 ? "alpha" : "beta";
        }
        if (c == boolean.class) {
            return which != 0;
        }
        if (c == int.class) {
            return which == 0 ? 3 : 4;
        }
        if (c == long.class) {
            return which == 0 ? 5L : 6L;
        }
        if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return constants.length > which ? constants[which] : NONE;
        }
        if (c == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Object e = element(element, depth);
            Object second = element(element, depth, 1);
            if (e == NONE) {
                return which == 0 ? List.of() : NONE;
            }
            return which == 0 ? List.of(e) : second == NONE ? List.of() : List.of(second);
        }
        if (c == Map.class) {
            Type[] kv = ((ParameterizedType) generic).getActualTypeArguments();
            Object k = element(kv[0], depth);
            Object v = element(kv[1], depth);
            return which == 0 ? Map.of() : k == NONE || v == NONE ? NONE : Map.of(k, v);
        }
        if (c == dev.keel.state.Constraint.class) {
            return make(UniqueConstraint.class, which == 0 ? -1 : 0, depth + 1);
        }
        if (c.isRecord() && depth < 3) {
            // a record component (the same type too: a parent): none, then one
            if (which == 0) {
                return c == EntityInfo.class ? null : make(c, -1, depth + 1);
            }
            for (int j = 0; j < c.getRecordComponents().length; j++) {
                Object r = make(c, j, depth + 1);
                if (r != null) {
                    return r;
                }
            }
            return NONE;
        }
        return NONE;
    }

    private static Object element(Type t, int depth) throws Exception {
        return element(t, depth, 0);
    }

    private static Object element(Type t, int depth, int which) throws Exception {
        Class<?> c = t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
        return value(c, t, which, depth + 1);
    }

    private static Class<?> fileHashesEntry() {
        for (Class<?> c : FileHashes.class.getDeclaredClasses()) {
            if (c.getSimpleName().equals("Entry")) {
                return c;
            }
        }
        throw new AssertionError("no FileHashes.Entry");
    }
}
