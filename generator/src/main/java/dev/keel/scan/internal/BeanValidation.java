package dev.keel.scan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Hibernate's {@code TypeSafeActivator} makes of Bean Validation constraints when the validator is on
 * the class path: {@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty} make columns NOT NULL;
 * {@code @Size(max)} and Hibernate Validator's {@code @Length(max)} set a String column's length;
 * {@code @Digits} sets precision and scale; {@code @Min}, {@code @Max} and {@code @Range} add checks, in the
 * order {@link ConstraintOrder} gives. Only constraints of the {@code Default} group count (no {@code groups},
 * or groups naming {@code jakarta.validation.groups.Default}): Hibernate validates the DDL with that group.
 */
public final class BeanValidation {
    private static final String HV = "org.hibernate.validator.constraints.";
    private static final String MIN = JpaNames.BV + "Min";
    private static final String MAX = JpaNames.BV + "Max";
    private static final String RANGE = HV + "Range";
    private static final String DEFAULT_GROUP = "jakarta.validation.groups.Default";

    private BeanValidation() {}

    /** Whether a NOT NULL constraint annotation of the Default group is present. */
    public static boolean notNull(Attribute a) {
        return constraint(a, JpaNames.BV + "NotNull").isPresent() || constraint(a, JpaNames.BV + "NotBlank").isPresent()
                || constraint(a, JpaNames.BV + "NotEmpty").isPresent();
    }

    /** The shape with the sizes Bean Validation sets. */
    public static ColumnShape shape(Attribute a, TypeRef valueType, ColumnShape shape) {
        ColumnShape result = shape;
        if (valueType.arrayDepth() == 0 && valueType.name().equals("java.lang.String")) {
            for (String size : List.of(JpaNames.BV + "Size", HV + "Length")) {
                long max = constraint(a, size).map(s -> s.integer("max", Integer.MAX_VALUE)).orElse((long) Integer.MAX_VALUE);
                if (max < Integer.MAX_VALUE) {
                    result = result.withLength(max);
                }
            }
        }
        var digits = constraint(a, JpaNames.BV + "Digits");
        if (digits.isPresent()) {
            long integer = digits.get().integer("integer", 0);
            long fraction = digits.get().integer("fraction", 0);
            result = result.withPrecision(integer + fraction, fraction);
        }
        return result;
    }

    /**
     * The checks Bean Validation adds on a column: {@code @Min} and {@code @Max} one term each, {@code @Range} its
     * {@code >= min} then its {@code <= max} (the order its composing constraints are declared in).
     */
    public static List<String> checks(Attribute a, Ident column) {
        String col = column.sql();
        var found = new ArrayList<ConstraintOrder.Constraint<List<String>>>();
        for (AnnotationView ann : a.annotations()) {
            if (!inDefaultGroup(ann)) {
                continue;
            }
            switch (ann.fqn()) {
                case MIN -> {
                    long value = ann.integer("value", 0);
                    found.add(new ConstraintOrder.Constraint<>(hash(ann, MIN, Map.of("value", value)), List.of(col + ">=" + value)));
                }
                case MAX -> {
                    long value = ann.integer("value", 0);
                    found.add(new ConstraintOrder.Constraint<>(hash(ann, MAX, Map.of("value", value)), List.of(col + "<=" + value)));
                }
                case RANGE -> {
                    long min = ann.integer("min", 0);
                    long max = ann.integer("max", Long.MAX_VALUE);
                    found.add(new ConstraintOrder.Constraint<>(hash(ann, RANGE, Map.of("min", min, "max", max)),
                            List.of(col + ">=" + min, col + "<=" + max)));
                }
                default -> { }
            }
        }
        return ConstraintOrder.order(found).stream().flatMap(List::stream).toList();
    }

    /** The constraint annotation of this type, if present and of the Default group. */
    private static Optional<AnnotationView> constraint(Attribute a, String fqn) {
        return a.ann(fqn).filter(BeanValidation::inDefaultGroup);
    }

    private static boolean inDefaultGroup(AnnotationView constraint) {
        List<String> groups = constraint.classNames("groups");
        return groups.isEmpty() || groups.contains(DEFAULT_GROUP);
    }

    /** The hash code of a constraint annotation: its values, its message, groups and payload (defaults included). */
    private static java.util.OptionalInt hash(AnnotationView ann, String type, Map<String, Long> values) {
        var members = new java.util.HashMap<String, Object>(values);
        members.put("message", ann.string("message", "{" + type + ".message}"));
        members.put("groups", ann.classNames("groups"));
        members.put("payload", ann.classNames("payload"));
        return ConstraintOrder.annotationHash(members);
    }
}
