package dev.keel.scan.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What Hibernate's {@code TypeSafeActivator} makes of Bean Validation constraints when the validator is on
 * the class path: {@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty} make columns NOT NULL;
 * {@code @Size(max)} and Hibernate Validator's {@code @Length(max)} set a String column's length;
 * {@code @Digits} sets precision and scale; {@code @Min}, {@code @Max} and {@code @Range} add checks.
 */
public final class BeanValidation {
    private static final String HV = "org.hibernate.validator.constraints.";

    private BeanValidation() {}

    /** Whether a NOT NULL constraint annotation is present. */
    public static boolean notNull(Attribute a) {
        return a.has(JpaNames.BV + "NotNull") || a.has(JpaNames.BV + "NotBlank") || a.has(JpaNames.BV + "NotEmpty");
    }

    /** The shape with the sizes Bean Validation sets. */
    public static ColumnShape shape(Attribute a, TypeRef valueType, ColumnShape shape) {
        ColumnShape result = shape;
        if (valueType.arrayDepth() == 0 && valueType.name().equals("java.lang.String")) {
            for (String size : List.of(JpaNames.BV + "Size", HV + "Length")) {
                long max = a.ann(size).map(s -> s.integer("max", Integer.MAX_VALUE)).orElse((long) Integer.MAX_VALUE);
                if (max < Integer.MAX_VALUE) {
                    result = result.withLength(max);
                }
            }
        }
        var digits = a.ann(JpaNames.BV + "Digits");
        if (digits.isPresent()) {
            long integer = digits.get().integer("integer", 0);
            long fraction = digits.get().integer("fraction", 0);
            result = result.withPrecision(integer + fraction, fraction);
        }
        return result;
    }

    /** The checks Bean Validation adds on a column, in the order Hibernate 6.6 was measured to write them. */
    public static List<String> checks(Attribute a, Ident column) {
        var result = new ArrayList<String>();
        String col = column.sql();
        a.ann(JpaNames.BV + "Max").ifPresent(m -> result.add(col + "<=" + m.integer("value", 0)));
        a.ann(JpaNames.BV + "Min").ifPresent(m -> result.add(col + ">=" + m.integer("value", 0)));
        a.ann(HV + "Range").ifPresent(r -> {
            result.add(col + "<=" + r.integer("max", Long.MAX_VALUE));
            result.add(col + ">=" + r.integer("min", 0));
        });
        return result;
    }
}
