package dev.keel.scan.internal;

/**
 * A column type as Hibernate writes it for PostgreSQL, with the size in bytes that Hibernate's
 * {@code ColumnOrderingStrategyStandard} gives it when it orders a table's columns at start-up.
 *
 * @param ddl  the type in the DDL ({@code varchar(255)}, {@code numeric(38,2)}, a columnDefinition)
 * @param size the ordering size: fixed types their width, varchar its length (255 counts as
 *             PostgreSQL's maximum, 10485760), unbounded types {@link Integer#MAX_VALUE}
 */
public record SqlType(String ddl, long size) {
    /** Hibernate's {@code Size.DEFAULT_LENGTH}. */
    public static final long DEFAULT_LENGTH = 255;
    /** {@code PostgreSQLDialect.getMaxVarcharLength()}. */
    public static final long MAX_VARCHAR = 10_485_760;
    /** The size of types without a bound (arrays, JSON, LOBs, PostgreSQL's bytea). */
    public static final long UNBOUNDED = Integer.MAX_VALUE;

    private static final double DECIMAL_TO_BYTES = Math.log(10) / Math.log(2) * 8;

    public static SqlType fixed(String ddl, long size) {
        return new SqlType(ddl, size);
    }

    /** {@code varchar(n)}; over PostgreSQL's maximum it is {@code text}. */
    public static SqlType varchar(long length) {
        if (length > MAX_VARCHAR) {
            return new SqlType("text", length);
        }
        return new SqlType("varchar(" + length + ")", length == DEFAULT_LENGTH ? MAX_VARCHAR : length);
    }

    /** {@code char(n)}. */
    public static SqlType chars(long length) {
        return new SqlType("char(" + length + ")", length == DEFAULT_LENGTH ? MAX_VARCHAR : length);
    }

    /** {@code numeric(p,s)}. */
    public static SqlType numeric(long precision, long scale) {
        return new SqlType("numeric(" + precision + "," + scale + ")", (long) Math.ceil(precision / DECIMAL_TO_BYTES));
    }

    /** {@code bytea} with a length (255, the default, counts as unbounded). */
    public static SqlType bytea(long length) {
        return new SqlType("bytea", length == DEFAULT_LENGTH ? UNBOUNDED : length);
    }

    /** This type written differently in the DDL ({@code columnDefinition}), ordered as before. */
    public SqlType withDdl(String text) {
        return new SqlType(text, size);
    }

    /** An array of this type ({@code integer[]}). */
    public SqlType array() {
        return new SqlType(ddl + "[]", UNBOUNDED);
    }

    /**
     * The text Java gives a record ({@code SqlType[...]}), written out: Java's is linked through method handles on
     * first use (the mapping hashes every entity's key columns as text). RecordMethodsTest compares the two.
     */
    @Override
    public String toString() {
        return new StringBuilder(64).append("SqlType[")
                .append("ddl=").append(ddl)
                .append(", size=").append(size)
                .append(']').toString();
    }
}
