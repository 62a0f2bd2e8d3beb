package dev.keel.scan.internal;

/**
 * What {@code @Column} (or an {@code @AttributeOverride}'s column) says about a column's type:
 * length, precision and scale (0 = not given) and a columnDefinition (null = none).
 */
public record ColumnShape(long length, long precision, long scale, String columnDefinition) {
    /** Nothing said. */
    public static final ColumnShape NONE = new ColumnShape(0, 0, 0, null);

    /** The shape written on a {@code @Column} (or {@code @JoinColumn}) annotation. */
    public static ColumnShape of(AnnotationView column) {
        if (column == null) {
            return NONE;
        }
        String definition = column.string("columnDefinition", "");
        long length = column.integer("length", 255);
        return new ColumnShape(length == 255 ? 0 : length, column.integer("precision", 0), column.integer("scale", 0),
                definition.isBlank() ? null : definition.strip());
    }

    /** This shape with {@code definition} as its columnDefinition. */
    public ColumnShape withDefinition(String definition) {
        return new ColumnShape(length, precision, scale, definition);
    }

    public ColumnShape withLength(long l) {
        return new ColumnShape(l, precision, scale, columnDefinition);
    }

    public ColumnShape withPrecision(long p, long s) {
        return new ColumnShape(length, p, s, columnDefinition);
    }
}
