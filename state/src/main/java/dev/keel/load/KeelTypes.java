package dev.keel.load;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classes a migration's {@code define()} may use when read from source: keel's own public
 * classes (packages {@code dev.keel.*}), found by name and inspected by reflection. Nothing else is
 * loaded, so reading a migration never runs application code.
 */
final class KeelTypes {
    private static final String ROOT = "dev.keel.";

    /*
     * Lookups are cached (a project's history makes the same few thousand lookups per migration file,
     * and Class.forName / getMethods copy or throw on every call). Keel's classes do not change while
     * the process runs, so the caches are never invalidated; they are safe for parallel readers.
     */
    private static final Map<String, Optional<Class<?>>> LOADED = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Method[]> PUBLIC_METHODS = new ConcurrentHashMap<>();
    private static final Map<String, List<Method>> METHODS = new ConcurrentHashMap<>();
    private static final Map<String, Optional<java.lang.reflect.Field>> FIELDS = new ConcurrentHashMap<>();

    private KeelTypes() {}

    /** Whether a qualified name lies in keel's packages. */
    static boolean isKeelName(String qualifiedName) {
        return qualifiedName.startsWith(ROOT);
    }

    /** Whether a class is one of keel's. */
    static boolean isKeel(Class<?> type) {
        return type != null && isKeelName(type.getName());
    }

    /**
     * The public keel class with this source name ({@code dev.keel.operations.RunSql}), also for
     * nested classes written with dots ({@code dev.keel.x.Outer.Inner}).
     */
    static Optional<Class<?>> load(String qualifiedName) {
        if (!isKeelName(qualifiedName)) {
            return Optional.empty();
        }
        return LOADED.computeIfAbsent(qualifiedName, KeelTypes::find);
    }

    private static Optional<Class<?>> find(String qualifiedName) {
        String binary = qualifiedName;
        while (true) {
            try {
                Class<?> c = Class.forName(binary, false, KeelTypes.class.getClassLoader());
                return Modifier.isPublic(c.getModifiers()) ? Optional.of(c) : Optional.empty();
            } catch (ClassNotFoundException | LinkageError e) {
                int dot = binary.lastIndexOf('.');
                if (dot <= ROOT.length()) {
                    return Optional.empty();
                }
                binary = binary.substring(0, dot) + '$' + binary.substring(dot + 1);
            }
        }
    }

    /** The public static methods called {@code name} that keel's class {@code type} offers. */
    static List<Method> staticMethods(Class<?> type, String name) {
        return methods(type, name, true);
    }

    /** The public instance methods called {@code name} that values of keel's type {@code type} offer. */
    static List<Method> instanceMethods(Class<?> type, String name) {
        return methods(type, name, false);
    }

    /** The names of the public instance methods of keel's type {@code type}, sorted. */
    static List<String> instanceMethodNames(Class<?> type) {
        return Arrays.stream(publicMethods(type)).filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> isKeel(m.getDeclaringClass())).map(Method::getName).distinct().sorted().toList();
    }

    private static Method[] publicMethods(Class<?> type) {
        // a lambda, not Class::getMethods: a method reference to a caller-sensitive method is linked through an
        // invoker class spun at run time
        return PUBLIC_METHODS.computeIfAbsent(type, t -> t.getMethods());
    }

    private static List<Method> methods(Class<?> type, String name, boolean isStatic) {
        return METHODS.computeIfAbsent(type.getName() + (isStatic ? "#static#" : "#") + name,
                k -> findMethods(type, name, isStatic));
    }

    private static List<Method> findMethods(Class<?> type, String name, boolean isStatic) {
        return Arrays.stream(publicMethods(type))
                .filter(m -> m.getName().equals(name) && !m.isBridge() && !m.isSynthetic())
                .filter(m -> Modifier.isStatic(m.getModifiers()) == isStatic)
                .filter(m -> isKeel(m.getDeclaringClass()))
                .toList();
    }

    /** The public static field {@code name} of keel's class {@code type} (a constant or enum constant). */
    static Optional<java.lang.reflect.Field> staticField(Class<?> type, String name) {
        return FIELDS.computeIfAbsent(type.getName() + "#" + name, k -> findStaticField(type, name));
    }

    private static Optional<java.lang.reflect.Field> findStaticField(Class<?> type, String name) {
        try {
            var f = type.getField(name);
            return Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()) && isKeel(f.getDeclaringClass())
                    ? Optional.of(f) : Optional.empty();
        } catch (NoSuchFieldException e) {
            return Optional.empty();
        }
    }
}
