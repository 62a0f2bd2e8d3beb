package dev.keel.scan.internal;

/**
 * The column of a floating-point value ({@code double}, {@code float} and their boxes, or a {@code FLOAT} code) as
 * Hibernate 6.6 writes it on PostgreSQL. {@code @Column(precision = p)} (or Bean Validation's {@code @Digits}) asks for
 * {@code p} decimal digits, which Hibernate turns into {@code ceil(p * log2(10))} binary digits: up to 24 bits the
 * column is {@code real}, up to 53 {@code double precision} ({@code float(53)}); more is a {@code float(n)} PostgreSQL
 * refuses. A precision together with a scale makes Hibernate refuse to start ("scale has no meaning for SQL floating
 * point types"); a scale alone is ignored.
 */
public final class FloatingPoint {
    private static final double BITS_PER_DIGIT = Math.log(10) / Math.log(2);
    private static final long MAX_BITS = 53;
    private static final long REAL_BITS = 24;

    private FloatingPoint() {}

    /**
     * The column of attribute {@code a} shaped by {@code shape}, its Java type having {@code defaultBits} binary digits
     * when no precision is written (53 for {@code double}, 24 for {@code float}).
     */
    public static SqlType type(Attribute a, ColumnShape shape, long defaultBits) {
        if (shape.precision() > 0 && shape.scale() > 0) {
            throw new MappingProblem(a.node(), "field " + a.name() + " is a floating-point number with precision "
                    + shape.precision() + " and scale " + shape.scale() + " (from @Column or @Digits): Hibernate 6.6 refuses "
                    + "to start (scale has no meaning for SQL floating point types)",
                    "remove the scale, or use BigDecimal for a fixed number of decimals");
        }
        long bits = shape.precision() > 0 ? bits(shape.precision()) : defaultBits;
        if (bits > MAX_BITS) {
            throw new MappingProblem(a.node(), "field " + a.name() + " is a floating-point number with precision "
                    + shape.precision() + ": Hibernate 6.6 writes float(" + bits + "), which PostgreSQL refuses (at most 53 "
                    + "binary digits, precision 15)", "use a precision of at most 15, or BigDecimal with precision and scale");
        }
        return bits <= REAL_BITS ? SqlType.fixed("real", 4) : SqlType.fixed("float(53)", 4);
    }

    /** The binary digits Hibernate asks for when a floating-point column has {@code digits} decimal digits. */
    static long bits(long digits) {
        return (long) Math.ceil(digits * BITS_PER_DIGIT);
    }
}
