package dev.keel.scan.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.Range;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * keel's hash codes of constraint annotations equal the JVM's (which Hibernate Validator's descriptors use), and the
 * order keel derives from them is the iteration order of a {@code HashSet} of those annotations.
 */
class ConstraintOrderTest {
    @SuppressWarnings("unused")
    static class Samples {
        @Min(1) @Max(5) int stars;
        @Max(100) @Min(0) int score;
        @Min(value = 18, message = "adults only") @Max(value = 120, message = "implausible") int age;
        @Min(-5) @Max(1_000_000_007L) long wide;
        @Range(min = 1, max = 9) @Max(8) int bucket;
        @Min(3) @Range(max = 40) int size;
    }

    @Test
    void annotationHashesEqualTheJvms() throws Exception {
        for (var field : Samples.class.getDeclaredFields()) {
            for (Annotation a : field.getDeclaredAnnotations()) {
                assertEquals(OptionalInt.of(a.hashCode()), ConstraintOrder.annotationHash(members(a)), field.getName() + " " + a);
            }
        }
    }

    @Test
    void theOrderIsAHashSetsOfTheAnnotations() throws Exception {
        for (var field : Samples.class.getDeclaredFields()) {
            Annotation[] annotations = field.getDeclaredAnnotations();
            Set<Object> set = new HashSet<>();
            var inSource = new ArrayList<ConstraintOrder.Constraint<String>>();
            for (Annotation a : annotations) {
                set.add(new Identity(a));
                inSource.add(new ConstraintOrder.Constraint<>(ConstraintOrder.annotationHash(members(a)), a.toString()));
            }
            List<String> jvm = set.stream().map(o -> ((Identity) o).annotation().toString()).toList();
            assertEquals(jvm, ConstraintOrder.order(inSource), field.getName());
        }
    }

    @Test
    void anUnknowableHashKeepsTheSourceOrder() {
        var withGroups = new ConstraintOrder.Constraint<>(ConstraintOrder.annotationHash(
                Map.of("value", 1L, "groups", List.of("app.Strict"))), "a");
        var plain = new ConstraintOrder.Constraint<>(ConstraintOrder.annotationHash(Map.of("value", 2L)), "b");
        assertEquals(OptionalInt.empty(), withGroups.hash());
        assertEquals(List.of("a", "b"), ConstraintOrder.order(List.of(withGroups, plain)));
    }

    /** An annotation in a HashSet by its own hash code but never equal to another (as descriptors of one field). */
    private record Identity(Annotation annotation) {
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return annotation.hashCode();
        }
    }

    /** The members of an annotation as keel reads them: strings, longs, and class arrays as name lists. */
    private static Map<String, Object> members(Annotation a) throws Exception {
        var result = new LinkedHashMap<String, Object>();
        for (var m : a.annotationType().getDeclaredMethods()) {
            Object v = m.invoke(a);
            if (v instanceof Class<?>[] classes) {
                result.put(m.getName(), java.util.Arrays.stream(classes).map(Class::getName).toList());
            } else if (v instanceof Number n) {
                result.put(m.getName(), n.longValue());
            } else {
                result.put(m.getName(), v);
            }
        }
        return result;
    }
}
