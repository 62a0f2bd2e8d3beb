package dev.keel.scan.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The order in which Hibernate 6.6 meets the Bean Validation constraints of one field when it writes their checks.
 * Hibernate Validator hands a field's constraint descriptors over in a {@code HashSet} (16 buckets), and a
 * descriptor's hash code is its annotation's ({@link java.lang.annotation.Annotation#hashCode()}: the sum over
 * every member, defaults included, of {@code (127 * name.hashCode()) ^ valueHash}). So constraints come in the
 * order of their buckets, constraints of one bucket in source order. A constraint whose hash depends on a class
 * ({@code groups} or {@code payload} written) has no hash known before the JVM runs: then the field's constraints
 * keep their source order.
 */
public final class ConstraintOrder {
    /** What a constraint contributes, with its annotation's hash code (empty when it is not knowable). */
    public record Constraint<T>(OptionalInt hash, T value) {}

    private static final int BUCKETS = 16;

    private ConstraintOrder() {}

    /** The values of constraints given in source order, in the order Hibernate Validator iterates them. */
    public static <T> List<T> order(List<Constraint<T>> inSourceOrder) {
        var sorted = new ArrayList<>(inSourceOrder);
        if (sorted.stream().allMatch(c -> c.hash().isPresent())) {
            sorted.sort(Comparator.comparingInt(c -> bucket(c.hash().getAsInt())));
        }
        return sorted.stream().map(Constraint::value).toList();
    }

    /** The bucket of a hash code in a {@code HashMap} of 16 buckets. */
    static int bucket(int hash) {
        return (hash ^ (hash >>> 16)) & (BUCKETS - 1);
    }

    /**
     * The hash code of an annotation whose members have these values: {@code String}, {@code Long} (a {@code long}
     * member), or a {@code List} of class names (a {@code Class[]} member, knowable only when empty).
     */
    public static OptionalInt annotationHash(Map<String, Object> members) {
        int hash = 0;
        for (Map.Entry<String, Object> m : members.entrySet()) {
            int valueHash;
            if (m.getValue() instanceof String s) {
                valueHash = s.hashCode();
            } else if (m.getValue() instanceof Long l) {
                valueHash = Long.hashCode(l);
            } else if (m.getValue() instanceof List<?> classes && classes.isEmpty()) {
                valueHash = 1;
            } else {
                return OptionalInt.empty();
            }
            hash += (127 * m.getKey().hashCode()) ^ valueHash;
        }
        return OptionalInt.of(hash);
    }
}
