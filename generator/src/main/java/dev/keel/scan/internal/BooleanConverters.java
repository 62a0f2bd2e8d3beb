package dev.keel.scan.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hibernate's own converters of a {@code boolean} ({@code org.hibernate.type}): they are not in the scanned sources, so
 * keel knows what each stores. {@code YesNoConverter} and {@code TrueFalseConverter} store {@code char(1)}, checked to
 * hold {@code 'N'}/{@code 'Y'} or {@code 'F'}/{@code 'T'}; {@code NumericBooleanConverter} an {@code integer} checked
 * to hold 0 or 1. Used by {@code @Convert(converter = ...)} and {@code @SoftDelete(converter = ...)}.
 */
final class BooleanConverters {
    private record Stored(SqlType type, String values) {}

    private static final Map<String, Stored> KNOWN = Map.of(
            "org.hibernate.type.YesNoConverter", new Stored(SqlType.chars(1), "'N','Y'"),
            "org.hibernate.type.TrueFalseConverter", new Stored(SqlType.chars(1), "'F','T'"),
            "org.hibernate.type.NumericBooleanConverter", new Stored(SqlType.fixed("integer", 4), "0,1"));

    private BooleanConverters() {}

    /** The column type and check of Hibernate's converter {@code fqn} in {@code column}; empty for another converter. */
    static Optional<ColumnTypes.Typed> typed(String fqn, Ident column) {
        Stored s = KNOWN.get(fqn);
        return s == null ? Optional.empty()
                : Optional.of(new ColumnTypes.Typed(s.type(), List.of(column.sql() + " in (" + s.values() + ")")));
    }
}
