package dev.keel.scan.internal;

import java.util.Comparator;

/**
 * Hibernate 6.6's {@code ColumnOrderingStrategyStandard}, which a SessionFactory applies to every table
 * (and to composite primary keys) when it creates the schema: by {@code max(size, 4)}, then whether
 * the size is over 2048, then by name.
 */
public final class ColumnOrdering {
    private ColumnOrdering() {}

    /** The order Hibernate gives the columns of a table. */
    public static final Comparator<ColumnSpec> COLUMNS = Comparator
            .comparingLong((ColumnSpec c) -> Math.max(c.type().size(), 4))
            .thenComparing(c -> c.type().size() > 2048)
            .thenComparing(c -> c.name().text());
}
