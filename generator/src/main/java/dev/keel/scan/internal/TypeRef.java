package dev.keel.scan.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Java type as a field declares it, resolved: {@code java.util.List<com.acme.Tag>} is
 * {@code TypeRef("java.util.List", [TypeRef("com.acme.Tag")], 0)}. Primitives keep their keyword
 * ({@code int}); {@code arrayDepth} counts {@code []}. An unresolvable name keeps the text as written
 * with {@code resolved} false.
 */
public record TypeRef(String name, List<TypeRef> args, int arrayDepth, boolean resolved) {
    public TypeRef {
        args = List.copyOf(args);
    }

    static TypeRef of(String name) {
        return new TypeRef(name, List.of(), 0, true);
    }

    /** Whether this is a Java primitive (not an array of them). */
    public boolean isPrimitive() {
        return arrayDepth == 0 && switch (name) {
            case "int", "long", "short", "byte", "boolean", "double", "float", "char" -> true;
            default -> false;
        };
    }

    /** The element type of an array. */
    public TypeRef component() {
        return new TypeRef(name, args, arrayDepth - 1, resolved);
    }

    /** Whether this is one of the JDK collection interfaces or classes. */
    public boolean isCollection() {
        return arrayDepth == 0 && switch (name) {
            case "java.util.List", "java.util.Set", "java.util.Collection", "java.util.SortedSet", "java.util.ArrayList",
                    "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet" -> true;
            default -> false;
        };
    }

    /** Whether this is a JDK map type. */
    public boolean isMap() {
        return arrayDepth == 0 && switch (name) {
            case "java.util.Map", "java.util.SortedMap", "java.util.HashMap", "java.util.LinkedHashMap",
                    "java.util.TreeMap" -> true;
            default -> false;
        };
    }

    /** Whether Hibernate treats the collection as a set (a primary key on its table) rather than a bag. */
    public boolean isSet() {
        return name.endsWith("Set");
    }

    /**
     * This type with the type variables of {@code bindings} replaced by what they stand for
     * ({@code List<T>} with {@code T = Tag} is {@code List<Tag>}). A type variable is a name that does not
     * resolve to a class (type variables shadow classes), so only unresolved simple names are replaced.
     */
    public TypeRef substitute(Map<String, TypeRef> bindings) {
        if (bindings.isEmpty()) {
            return this;
        }
        if (!resolved && args.isEmpty() && bindings.containsKey(name)) {
            TypeRef bound = bindings.get(name);
            return new TypeRef(bound.name, bound.args, bound.arrayDepth + arrayDepth, bound.resolved);
        }
        if (args.isEmpty()) {
            return this;
        }
        return new TypeRef(name, args.stream().map(a -> a.substitute(bindings)).toList(), arrayDepth, resolved);
    }

    /** The first of {@code variables} this type still mentions (unresolved, as itself or in an argument), if any. */
    public Optional<String> mentions(Set<String> variables) {
        if (!resolved && variables.contains(name)) {
            return Optional.of(name);
        }
        return args.stream().map(a -> a.mentions(variables)).flatMap(Optional::stream).findFirst();
    }

    @Override
    public String toString() {
        return name + (args.isEmpty() ? "" : "<" + String.join(", ", args.stream().map(TypeRef::toString).toList()) + ">")
                + "[]".repeat(arrayDepth);
    }

    /*
     * equals and hashCode written out, as Java's record methods define them (the same components, the same hash:
     * RecordMethodsTest compares them with java.lang.runtime.ObjectMethods'): those are linked through method
     * handles on first use, a few milliseconds of a short command each, which no class-data archive keeps.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof TypeRef other
                && arrayDepth == other.arrayDepth
                && resolved == other.resolved
                && java.util.Objects.equals(name, other.name)
                && java.util.Objects.equals(args, other.args);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + java.util.Objects.hashCode(name);
        h = 31 * h + java.util.Objects.hashCode(args);
        h = 31 * h + Integer.hashCode(arrayDepth);
        h = 31 * h + Boolean.hashCode(resolved);
        return h;
    }
}
