package dev.keel.scan.internal;

import java.util.Map;
import java.util.Optional;

/**
 * Java types Hibernate 6.6 maps to a single column on PostgreSQL, with their default type and
 * whether {@code length}, {@code precision} and {@code scale} shape them. Measured against Hibernate's
 * schema export (see the oracle tests).
 */
public final class BasicTypes {
    private BasicTypes() {}

    /** How {@code @Column(length, precision, scale)} shapes a type. */
    public enum Shape {
        /** A fixed type; length, precision and scale do not matter. */
        FIXED,
        /** {@code varchar(length)}, 255 by default. */
        VARCHAR,
        /** {@code numeric(precision, scale)}; without a precision {@code numeric(38,2)}, whatever the scale. */
        DECIMAL,
        /** {@code numeric(precision, 0)}, 38 by default. */
        INTEGRAL_DECIMAL,
        /** {@code bytea}; length only orders it. */
        BYTEA,
        /** Timestamps and times: always {@code (6)} (JPA 3.1 has no way to ask for another precision). */
        TEMPORAL,
        /** {@code double} and {@code float}: precision in decimal digits chooses real or double ({@link FloatingPoint}). */
        FLOATING
    }

    /** A basic type: its default SQL type and how the column annotation shapes it. */
    public record Basic(SqlType type, Shape shape) {}

    private static final SqlType TS = SqlType.fixed("timestamp(6)", 8);
    private static final SqlType TSTZ = SqlType.fixed("timestamp(6) with time zone", 8);
    private static final SqlType DATE = SqlType.fixed("date", 4);
    private static final SqlType TIME = SqlType.fixed("time(6)", 4);

    private static final Map<String, Basic> TYPES = Map.ofEntries(
            Map.entry("java.lang.String", new Basic(SqlType.varchar(255), Shape.VARCHAR)),
            Map.entry("char", new Basic(SqlType.chars(1), Shape.FIXED)),
            Map.entry("java.lang.Character", new Basic(SqlType.chars(1), Shape.FIXED)),
            Map.entry("int", fixed("integer", 4)),
            Map.entry("java.lang.Integer", fixed("integer", 4)),
            Map.entry("long", fixed("bigint", 8)),
            Map.entry("java.lang.Long", fixed("bigint", 8)),
            Map.entry("short", fixed("smallint", 2)),
            Map.entry("java.lang.Short", fixed("smallint", 2)),
            Map.entry("byte", fixed("smallint", 1)),
            Map.entry("java.lang.Byte", fixed("smallint", 1)),
            Map.entry("boolean", fixed("boolean", 1)),
            Map.entry("java.lang.Boolean", fixed("boolean", 1)),
            Map.entry("double", floating("float(53)")),
            Map.entry("java.lang.Double", floating("float(53)")),
            Map.entry("float", floating("real")),
            Map.entry("java.lang.Float", floating("real")),
            Map.entry("java.math.BigDecimal", new Basic(SqlType.numeric(38, 2), Shape.DECIMAL)),
            Map.entry("java.math.BigInteger", new Basic(SqlType.numeric(38, 0), Shape.INTEGRAL_DECIMAL)),
            Map.entry("java.time.Instant", new Basic(TSTZ, Shape.TEMPORAL)),
            Map.entry("java.time.OffsetDateTime", new Basic(TSTZ, Shape.TEMPORAL)),
            Map.entry("java.time.ZonedDateTime", new Basic(TSTZ, Shape.TEMPORAL)),
            Map.entry("java.time.LocalDateTime", new Basic(TS, Shape.TEMPORAL)),
            Map.entry("java.util.Date", new Basic(TS, Shape.TEMPORAL)),
            Map.entry("java.util.Calendar", new Basic(TS, Shape.TEMPORAL)),
            Map.entry("java.sql.Timestamp", new Basic(TS, Shape.TEMPORAL)),
            Map.entry("java.time.LocalDate", new Basic(DATE, Shape.FIXED)),
            Map.entry("java.sql.Date", new Basic(DATE, Shape.FIXED)),
            Map.entry("java.time.LocalTime", new Basic(TIME, Shape.TEMPORAL)),
            Map.entry("java.time.OffsetTime", new Basic(TIME, Shape.TEMPORAL)),
            Map.entry("java.sql.Time", new Basic(TIME, Shape.TEMPORAL)),
            Map.entry("java.time.Duration", new Basic(SqlType.numeric(21, 0), Shape.FIXED)),
            Map.entry("java.time.Year", fixed("integer", 4)),
            Map.entry("java.time.ZoneOffset", new Basic(SqlType.varchar(255), Shape.VARCHAR)),
            Map.entry("java.time.ZoneId", new Basic(SqlType.varchar(255), Shape.VARCHAR)),
            Map.entry("java.util.UUID", fixed("uuid", 16)),
            Map.entry("java.net.InetAddress", fixed("inet", 19)),
            Map.entry("java.util.Locale", new Basic(SqlType.varchar(255), Shape.VARCHAR)),
            Map.entry("java.util.TimeZone", new Basic(SqlType.varchar(255), Shape.VARCHAR)),
            Map.entry("java.util.Currency", new Basic(SqlType.varchar(3), Shape.FIXED)),
            Map.entry("java.net.URL", new Basic(SqlType.varchar(255), Shape.VARCHAR)),
            Map.entry("java.lang.Class", new Basic(SqlType.varchar(255), Shape.VARCHAR)),
            Map.entry("byte[]", new Basic(SqlType.bytea(255), Shape.BYTEA)),
            Map.entry("char[]", new Basic(SqlType.varchar(255), Shape.VARCHAR)));

    /** JDK enums Hibernate maps by ordinal, with their number of constants. */
    private static final Map<String, Integer> JDK_ENUMS = Map.of("java.time.DayOfWeek", 7, "java.time.Month", 12);

    private static Basic fixed(String ddl, long size) {
        return new Basic(SqlType.fixed(ddl, size), Shape.FIXED);
    }

    private static Basic floating(String ddl) {
        return new Basic(SqlType.fixed(ddl, 4), Shape.FLOATING);
    }

    /** The binary digits of a floating type when no precision is written: 24 for {@code real}, else 53. */
    public static long defaultBits(Basic floating) {
        return floating.type().ddl().equals("real") ? 24 : 53;
    }

    /** The basic mapping of a Java type ({@code java.lang.String}, {@code int}, {@code byte[]}). */
    public static Optional<Basic> of(TypeRef type) {
        String key = type.arrayDepth() == 1 && (type.name().equals("byte") || type.name().equals("char"))
                ? type.name() + "[]" : type.arrayDepth() == 0 ? type.name() : null;
        return key == null ? Optional.empty() : Optional.ofNullable(TYPES.get(key));
    }

    /** The number of constants of a JDK enum Hibernate maps by ordinal, if {@code fqn} is one. */
    public static Optional<Integer> jdkEnumSize(String fqn) {
        return Optional.ofNullable(JDK_ENUMS.get(fqn));
    }

    /** Whether a type is a basic (single-column) Java type, or an array of one. */
    public static boolean isBasic(TypeRef type) {
        return of(type).isPresent() || type.arrayDepth() > 0 && of(type.component()).isPresent();
    }

    /**
     * The SQL type for the basic type shaped by {@code @Column}: {@code length} (0 = default),
     * {@code precision} and {@code scale} (0 = default). Floating types keep their default here: their precision
     * is {@link FloatingPoint}'s, which needs the attribute to report what Hibernate refuses.
     */
    public static SqlType shape(Basic basic, long length, long precision, long scale) {
        return switch (basic.shape()) {
            case VARCHAR -> SqlType.varchar(length > 0 ? length : SqlType.DEFAULT_LENGTH);
            case DECIMAL -> precision > 0 ? SqlType.numeric(precision, scale) : SqlType.numeric(38, 2);
            case INTEGRAL_DECIMAL -> SqlType.numeric(precision > 0 ? precision : 38, 0);
            case BYTEA -> SqlType.bytea(length > 0 ? length : SqlType.DEFAULT_LENGTH);
            case TEMPORAL, FIXED, FLOATING -> basic.type();
        };
    }
}
