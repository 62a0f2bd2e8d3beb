package dev.keel.scan.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The column type Hibernate 6.6 writes on PostgreSQL for a JDBC type code chosen with {@code @JdbcTypeCode},
 * {@code @JdbcType} or a {@code UserType}'s {@code getSqlType()}, given the Java type the column holds (the
 * converter's database type when a converter applies) and the {@code @Column} shape. Measured against Hibernate's
 * schema export for every code and Java type; the combinations where Hibernate's answer depends on internals keel
 * does not model (a temporal Java type in a character or numeric column, a number in a timestamp column, arrays,
 * a named enum type over a converter) are refused with the fix to write; an enum stored as a PostgreSQL enum type is
 * {@link NamedEnums}'.
 *
 * <p>The ordering size follows Hibernate's {@code ColumnOrderingStrategyStandard} for the type's DDL code: only
 * sizes above 4 bytes matter there (bigint and timestamps 8, uuid 16, inet 19, lengths, unbounded types).
 */
public final class JdbcTypes {
    /** A column type with the checks that come with it. */
    public record Mapped(SqlType type, List<String> checks) {}

    /** {@code org.hibernate.type.SqlTypes} (and {@code java.sql.Types}) codes by value. */
    private static final Map<Long, String> BY_VALUE = Map.ofEntries(
            Map.entry(-16L, "LONGNVARCHAR"), Map.entry(-15L, "NCHAR"), Map.entry(-9L, "NVARCHAR"), Map.entry(-7L, "BIT"),
            Map.entry(-6L, "TINYINT"), Map.entry(-5L, "BIGINT"), Map.entry(-4L, "LONGVARBINARY"), Map.entry(-3L, "VARBINARY"),
            Map.entry(-2L, "BINARY"), Map.entry(-1L, "LONGVARCHAR"), Map.entry(1L, "CHAR"), Map.entry(2L, "NUMERIC"),
            Map.entry(3L, "DECIMAL"), Map.entry(4L, "INTEGER"), Map.entry(5L, "SMALLINT"), Map.entry(6L, "FLOAT"),
            Map.entry(7L, "REAL"), Map.entry(8L, "DOUBLE"), Map.entry(12L, "VARCHAR"), Map.entry(16L, "BOOLEAN"),
            Map.entry(91L, "DATE"), Map.entry(92L, "TIME"), Map.entry(93L, "TIMESTAMP"), Map.entry(1111L, "OTHER"),
            Map.entry(2003L, "ARRAY"), Map.entry(2004L, "BLOB"), Map.entry(2005L, "CLOB"), Map.entry(2009L, "SQLXML"),
            Map.entry(2011L, "NCLOB"), Map.entry(2013L, "TIME_WITH_TIMEZONE"), Map.entry(2014L, "TIMESTAMP_WITH_TIMEZONE"),
            Map.entry(3000L, "UUID"), Map.entry(3001L, "JSON"), Map.entry(3002L, "INET"), Map.entry(3003L, "TIMESTAMP_UTC"),
            Map.entry(3007L, "TIME_UTC"), Map.entry(3015L, "DURATION"), Map.entry(3100L, "INTERVAL_SECOND"),
            Map.entry(4001L, "LONG32VARCHAR"), Map.entry(4002L, "LONG32NVARCHAR"), Map.entry(4003L, "LONG32VARBINARY"),
            Map.entry(6000L, "ENUM"), Map.entry(6001L, "NAMED_ENUM"), Map.entry(6002L, "ORDINAL_ENUM"),
            Map.entry(6003L, "NAMED_ORDINAL_ENUM"));

    /** The DDL code of the {@code JdbcType} classes Hibernate can instantiate for {@code @JdbcType}, by class name. */
    private static final Map<String, String> JDBC_TYPE_CLASSES = Map.ofEntries(
            Map.entry("org.hibernate.dialect.PostgreSQLJsonPGObjectJsonbType", "JSON"),
            Map.entry("org.hibernate.dialect.PostgreSQLJsonPGObjectJsonType", "JSON"),
            Map.entry("org.hibernate.dialect.PostgreSQLInetJdbcType", "INET"),
            Map.entry("org.hibernate.dialect.PostgreSQLCastingInetJdbcType", "INET"),
            Map.entry("org.hibernate.dialect.PostgreSQLIntervalSecondJdbcType", "INTERVAL_SECOND"),
            Map.entry("org.hibernate.dialect.PostgreSQLCastingIntervalSecondJdbcType", "INTERVAL_SECOND"),
            Map.entry("org.hibernate.dialect.PostgreSQLUUIDJdbcType", "UUID"),
            Map.entry("org.hibernate.dialect.PostgreSQLEnumJdbcType", "NAMED_ENUM"),
            Map.entry("org.hibernate.dialect.PostgreSQLOrdinalEnumJdbcType", "NAMED_ORDINAL_ENUM"),
            Map.entry("org.hibernate.type.descriptor.jdbc.UUIDJdbcType", "UUID"),
            Map.entry("org.hibernate.type.descriptor.jdbc.VarcharJdbcType", "VARCHAR"),
            Map.entry("org.hibernate.type.descriptor.jdbc.NVarcharJdbcType", "NVARCHAR"),
            Map.entry("org.hibernate.type.descriptor.jdbc.CharJdbcType", "CHAR"),
            Map.entry("org.hibernate.type.descriptor.jdbc.NCharJdbcType", "NCHAR"),
            Map.entry("org.hibernate.type.descriptor.jdbc.LongVarcharJdbcType", "LONGVARCHAR"),
            Map.entry("org.hibernate.type.descriptor.jdbc.LongNVarcharJdbcType", "LONGNVARCHAR"),
            Map.entry("org.hibernate.type.descriptor.jdbc.BinaryJdbcType", "BINARY"),
            Map.entry("org.hibernate.type.descriptor.jdbc.VarbinaryJdbcType", "VARBINARY"),
            Map.entry("org.hibernate.type.descriptor.jdbc.LongVarbinaryJdbcType", "LONGVARBINARY"),
            Map.entry("org.hibernate.type.descriptor.jdbc.BooleanJdbcType", "BOOLEAN"),
            Map.entry("org.hibernate.type.descriptor.jdbc.TinyIntJdbcType", "TINYINT"),
            Map.entry("org.hibernate.type.descriptor.jdbc.TinyIntAsSmallIntJdbcType", "SMALLINT"),
            Map.entry("org.hibernate.type.descriptor.jdbc.SmallIntJdbcType", "SMALLINT"),
            Map.entry("org.hibernate.type.descriptor.jdbc.IntegerJdbcType", "INTEGER"),
            Map.entry("org.hibernate.type.descriptor.jdbc.BigIntJdbcType", "BIGINT"),
            Map.entry("org.hibernate.type.descriptor.jdbc.DoubleJdbcType", "FLOAT"),
            Map.entry("org.hibernate.type.descriptor.jdbc.FloatJdbcType", "FLOAT"),
            Map.entry("org.hibernate.type.descriptor.jdbc.RealJdbcType", "REAL"),
            Map.entry("org.hibernate.type.descriptor.jdbc.NumericJdbcType", "NUMERIC"),
            Map.entry("org.hibernate.type.descriptor.jdbc.DecimalJdbcType", "DECIMAL"),
            Map.entry("org.hibernate.type.descriptor.jdbc.DurationJdbcType", "NUMERIC"),
            Map.entry("org.hibernate.type.descriptor.jdbc.DateJdbcType", "DATE"),
            Map.entry("org.hibernate.type.descriptor.jdbc.LocalDateJdbcType", "DATE"),
            Map.entry("org.hibernate.type.descriptor.jdbc.TimeJdbcType", "TIME"),
            Map.entry("org.hibernate.type.descriptor.jdbc.LocalTimeJdbcType", "TIME"),
            Map.entry("org.hibernate.type.descriptor.jdbc.TimeWithTimeZoneJdbcType", "TIME_WITH_TIMEZONE"),
            Map.entry("org.hibernate.type.descriptor.jdbc.OffsetTimeJdbcType", "TIME_WITH_TIMEZONE"),
            Map.entry("org.hibernate.type.descriptor.jdbc.TimeAsTimestampWithTimeZoneJdbcType", "TIME_WITH_TIMEZONE"),
            Map.entry("org.hibernate.type.descriptor.jdbc.TimeUtcAsJdbcTimeJdbcType", "TIME_UTC"),
            Map.entry("org.hibernate.type.descriptor.jdbc.TimeUtcAsOffsetTimeJdbcType", "TIME_UTC"),
            Map.entry("org.hibernate.type.descriptor.jdbc.TimestampJdbcType", "TIMESTAMP"),
            Map.entry("org.hibernate.type.descriptor.jdbc.LocalDateTimeJdbcType", "TIMESTAMP"),
            Map.entry("org.hibernate.type.descriptor.jdbc.InstantJdbcType", "TIMESTAMP"),
            Map.entry("org.hibernate.type.descriptor.jdbc.TimestampWithTimeZoneJdbcType", "TIMESTAMP_WITH_TIMEZONE"),
            Map.entry("org.hibernate.type.descriptor.jdbc.OffsetDateTimeJdbcType", "TIMESTAMP_WITH_TIMEZONE"),
            Map.entry("org.hibernate.type.descriptor.jdbc.ZonedDateTimeJdbcType", "TIMESTAMP_WITH_TIMEZONE"),
            Map.entry("org.hibernate.type.descriptor.jdbc.InstantAsTimestampJdbcType", "TIMESTAMP_UTC"),
            Map.entry("org.hibernate.type.descriptor.jdbc.InstantAsTimestampWithTimeZoneJdbcType", "TIMESTAMP_UTC"),
            Map.entry("org.hibernate.type.descriptor.jdbc.TimestampUtcAsInstantJdbcType", "TIMESTAMP_UTC"),
            Map.entry("org.hibernate.type.descriptor.jdbc.TimestampUtcAsJdbcTimestampJdbcType", "TIMESTAMP_UTC"),
            Map.entry("org.hibernate.type.descriptor.jdbc.TimestampUtcAsOffsetDateTimeJdbcType", "TIMESTAMP_UTC"),
            Map.entry("org.hibernate.type.descriptor.jdbc.EnumJdbcType", "ENUM"),
            Map.entry("org.hibernate.type.descriptor.jdbc.OrdinalEnumJdbcType", "ORDINAL_ENUM"));

    /** The package of Hibernate 7's PostgreSQL JdbcTypes, in {@code org.hibernate.dialect} under 6.6. */
    private static final String MOVED_IN_7 = "org.hibernate.dialect.type.";

    /** {@code JdbcType} classes Hibernate cannot instantiate for {@code @JdbcType} (no public constructor), with the code to use. */
    private static final Map<String, String> NOT_INSTANTIABLE = Map.of(
            "org.hibernate.type.descriptor.jdbc.JsonJdbcType", "JSON",
            "org.hibernate.type.descriptor.jdbc.JsonAsStringJdbcType", "JSON",
            "org.hibernate.dialect.PostgreSQLCastingJsonJdbcType", "JSON",
            "org.hibernate.type.descriptor.jdbc.XmlJdbcType", "SQLXML",
            "org.hibernate.type.descriptor.jdbc.XmlAsStringJdbcType", "SQLXML");

    private static final Set<String> CHARACTER = Set.of("CHAR", "NCHAR", "VARCHAR", "NVARCHAR", "LONGVARCHAR", "LONGNVARCHAR",
            "LONG32VARCHAR", "LONG32NVARCHAR", "CLOB", "NCLOB");
    private static final Set<String> BINARY = Set.of("BINARY", "VARBINARY", "LONGVARBINARY", "LONG32VARBINARY");
    private static final Set<String> INTEGRAL = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT");
    private static final Set<String> TIMES = Set.of("TIME", "TIME_UTC", "TIME_WITH_TIMEZONE", "TIMESTAMP", "TIMESTAMP_UTC",
            "TIMESTAMP_WITH_TIMEZONE");
    /** Java types whose @Column length, precision and scale Hibernate does not apply (keel refuses them in character and numeric columns). */
    private static final Set<String> TEMPORAL = Set.of("java.time.Instant", "java.time.LocalDate", "java.time.LocalDateTime",
            "java.time.LocalTime", "java.time.OffsetDateTime", "java.time.OffsetTime", "java.time.ZonedDateTime",
            "java.util.Date", "java.util.Calendar", "java.sql.Date", "java.sql.Time", "java.sql.Timestamp");

    /** Hibernate's default length of a Java type in a character (or binary) column; others 255. */
    private static final Map<String, Long> DEFAULT_LENGTH = Map.ofEntries(
            Map.entry("java.lang.Integer", 11L), Map.entry("java.lang.Long", 20L), Map.entry("java.lang.Short", 6L),
            Map.entry("java.lang.Byte", 1L), Map.entry("java.lang.Boolean", 1L), Map.entry("java.lang.Character", 1L),
            Map.entry("java.lang.Double", 24L), Map.entry("java.lang.Float", 14L), Map.entry("java.math.BigDecimal", 40L),
            Map.entry("java.math.BigInteger", 39L), Map.entry("java.util.UUID", 36L));

    /** Hibernate's default precision and scale of a Java type in a numeric column; others (19, 2). */
    private static final Map<String, long[]> DEFAULT_PRECISION = Map.ofEntries(
            Map.entry("java.lang.Boolean", new long[] {1, 0}), Map.entry("java.lang.Byte", new long[] {3, 0}),
            Map.entry("java.lang.Character", new long[] {3, 0}), Map.entry("java.lang.Short", new long[] {5, 0}),
            Map.entry("java.lang.Integer", new long[] {10, 0}), Map.entry("java.lang.Long", new long[] {19, 0}),
            Map.entry("java.math.BigInteger", new long[] {38, 0}), Map.entry("java.math.BigDecimal", new long[] {38, 2}),
            Map.entry("java.lang.Double", new long[] {53, 2}), Map.entry("java.lang.Float", new long[] {24, 2}),
            Map.entry("java.time.Duration", new long[] {21, 0}));

    private static final Map<String, String> BOXES = Map.of("int", "java.lang.Integer", "long", "java.lang.Long",
            "short", "java.lang.Short", "byte", "java.lang.Byte", "boolean", "java.lang.Boolean", "char", "java.lang.Character",
            "double", "java.lang.Double", "float", "java.lang.Float");

    private static final long LONG_LENGTH = 32_600;

    private JdbcTypes() {}

    /** The code name of a {@code @JdbcTypeCode} value: a {@code SqlTypes} or {@code java.sql.Types} constant, or its number. */
    public static Optional<String> codeName(Object value) {
        if (value instanceof Values.EnumConst c) {
            return Optional.of(c.name());
        }
        if (value instanceof Long number) {
            return Optional.ofNullable(BY_VALUE.get(number));
        }
        return Optional.empty();
    }

    /** The code name of a {@code @JdbcType} class, or a problem naming the fix. */
    public static String jdbcTypeClass(String written, Attribute a) {
        String named = written.contains(".") ? written : JDBC_TYPE_CLASSES.keySet().stream()
                .filter(k -> k.endsWith("." + written)).findFirst().orElse(written);
        // Hibernate 7 moved the PostgreSQL JdbcTypes from org.hibernate.dialect to org.hibernate.dialect.type
        String fqn = named.startsWith(MOVED_IN_7) ? "org.hibernate.dialect." + named.substring(MOVED_IN_7.length()) : named;
        String code = JDBC_TYPE_CLASSES.get(fqn);
        if (code != null) {
            return code;
        }
        String instead = NOT_INSTANTIABLE.get(fqn);
        if (instead != null) {
            throw new MappingProblem(a.node(), "@JdbcType(" + simple(fqn) + ".class) on field " + a.name()
                    + " names a JdbcType Hibernate 6.6 cannot instantiate (it has no public constructor)",
                    "write @JdbcTypeCode(SqlTypes." + instead + ") instead");
        }
        throw new MappingProblem(a.node(), "@JdbcType(" + simple(fqn) + ".class) on field " + a.name()
                + " is a JdbcType keel does not know the column type of",
                "say the column type with @Column(columnDefinition = \"...\"), or use @JdbcTypeCode(SqlTypes...)");
    }

    /**
     * The column for {@code code} holding values of {@code javaType} ({@code enumConstants} when it is an enum
     * stored as such, empty when a converter stores it), shaped by {@code shape}.
     */
    public static Mapped map(String code, TypeRef javaType, Optional<List<String>> enumConstants, ColumnShape shape,
                             Ident column, Attribute a) {
        return map(code, javaType, false, enumConstants, shape, column, a);
    }

    /**
     * The column for {@code code} written by a {@code UserType} of {@code javaType}: Hibernate sizes it with its own
     * defaults (length 255, precision 19 and scale 2), whatever the Java type.
     */
    public static Mapped mapUserType(String code, TypeRef javaType, ColumnShape shape, Ident column, Attribute a) {
        return map(code, javaType, true, Optional.empty(), shape, column, a);
    }

    private static Mapped map(String code, TypeRef javaType, boolean userType, Optional<List<String>> enumConstants,
                              ColumnShape shape, Ident column, Attribute a) {
        String java = userType ? "" : javaType.arrayDepth() == 0 ? BOXES.getOrDefault(javaType.name(), javaType.name())
                : javaType.name() + "[]";
        boolean temporal = TEMPORAL.contains(java);
        if (CHARACTER.contains(code)) {
            if (temporal || !userType && !knownValue(javaType) && enumConstants.isEmpty()) {
                throw unknown(code, javaType, a);
            }
            long length = shape.length() > 0 ? shape.length() : code.startsWith("LONG") && !code.startsWith("LONG32") ? LONG_LENGTH
                    : DEFAULT_LENGTH.getOrDefault(java, SqlType.DEFAULT_LENGTH);
            SqlType type = switch (code) {
                case "CHAR", "NCHAR" -> SqlType.chars(length);
                case "LONG32VARCHAR", "LONG32NVARCHAR" -> new SqlType("text", shape.length() > 0 ? length : SqlType.MAX_VARCHAR);
                case "CLOB", "NCLOB" -> SqlType.fixed("oid", SqlType.UNBOUNDED);
                default -> SqlType.varchar(length);
            };
            List<String> checks = enumConstants.filter(c -> !code.startsWith("LONG32"))
                    .map(c -> List.of(column.sql() + " in (" + String.join(",", c.stream().map(n -> "'" + n.replace("'", "''") + "'").toList()) + ")"))
                    .orElse(List.of());
            return new Mapped(type, checks);
        }
        if (BINARY.contains(code)) {
            long written = temporal ? 0 : shape.length();
            long length = written > 0 ? written : switch (code) {
                case "LONGVARBINARY" -> LONG_LENGTH;
                case "LONG32VARBINARY" -> SqlType.DEFAULT_LENGTH;
                default -> java.equals("java.util.UUID") ? 16 : DEFAULT_LENGTH.getOrDefault(java, SqlType.DEFAULT_LENGTH);
            };
            return new Mapped(SqlType.bytea(length), List.of());
        }
        if (INTEGRAL.contains(code)) {
            SqlType type = switch (code) {
                case "BIGINT" -> SqlType.fixed("bigint", 8);
                case "INTEGER" -> SqlType.fixed("integer", 4);
                default -> SqlType.fixed("smallint", 2);
            };
            List<String> checks = enumConstants.map(c -> List.of(column.sql() + " between 0 and " + (c.size() - 1))).orElse(List.of());
            return new Mapped(type, checks);
        }
        if (TIMES.contains(code)) {
            if (!temporal || java.equals("java.time.LocalDate") || java.equals("java.sql.Date")) {
                throw unknown(code, javaType, a);
            }
            String zone = code.endsWith("WITH_TIMEZONE") || code.equals("TIMESTAMP_UTC") ? " with time zone" : "";
            return new Mapped(code.startsWith("TIMESTAMP") ? SqlType.fixed("timestamp(6)" + zone, 8)
                    : SqlType.fixed("time(6)" + zone, 4), List.of());
        }
        return new Mapped(switch (code) {
            case "BOOLEAN", "BIT" -> SqlType.fixed("boolean", 1);
            case "REAL" -> SqlType.fixed("real", 4);
            case "FLOAT", "DOUBLE" -> {
                if (temporal) {
                    throw unknown(code, javaType, a);
                }
                yield FloatingPoint.type(a, shape, DEFAULT_PRECISION.getOrDefault(java, new long[] {19, 2})[0]);
            }
            case "NUMERIC", "DECIMAL" -> {
                if (temporal) {
                    throw unknown(code, javaType, a);
                }
                long[] dflt = DEFAULT_PRECISION.getOrDefault(java, new long[] {19, 2});
                yield shape.precision() > 0 ? SqlType.numeric(shape.precision(), shape.scale()) : SqlType.numeric(dflt[0], dflt[1]);
            }
            case "DURATION" -> {
                if (!java.equals("java.time.Duration")) {
                    throw unknown(code, javaType, a);
                }
                yield shape.precision() > 0 ? SqlType.numeric(shape.precision(), shape.scale()) : SqlType.numeric(21, 0);
            }
            case "INTERVAL_SECOND" -> {
                if (!java.equals("java.time.Duration")) {
                    throw unknown(code, javaType, a);
                }
                yield SqlType.fixed("interval second(" + (shape.precision() > 0 ? shape.scale() : 6) + ")", 8);
            }
            case "DATE" -> SqlType.fixed("date", 4);
            case "JSON" -> SqlType.fixed("jsonb", SqlType.UNBOUNDED);
            case "SQLXML" -> SqlType.fixed("xml", SqlType.UNBOUNDED);
            case "UUID" -> SqlType.fixed("uuid", 16);
            case "INET" -> SqlType.fixed("inet", 19);
            case "BLOB" -> SqlType.fixed("oid", SqlType.UNBOUNDED);
            // an enum of the sources without a converter is a named enum type (NamedEnums); these are the rest
            case "NAMED_ENUM", "NAMED_ORDINAL_ENUM" -> throw new MappingProblem(a.node(),
                    "field " + a.name() + " stores a " + javaType + " as a PostgreSQL enum type (SqlTypes." + code + "), which keel"
                            + " maps only for an enum whose constants it reads, without a converter",
                    "map the enum itself (no @Convert), or store the value as text with @Enumerated(EnumType.STRING)");
            case "ENUM", "ORDINAL_ENUM" -> throw new MappingProblem(a.node(),
                    "field " + a.name() + " is mapped to a database enum type (SqlTypes." + code + "), which keel does not create",
                    "for a PostgreSQL enum type write @JdbcTypeCode(SqlTypes.NAMED_ENUM); else store the enum as text with"
                            + " @Enumerated(EnumType.STRING), or as a number with @Enumerated(EnumType.ORDINAL)");
            default -> throw new MappingProblem(a.node(), "the JDBC type code " + code + " of field " + a.name()
                    + " is not one keel maps", "use one of " + new TreeSet<>(supported())
                    + ", or say the column type with @Column(columnDefinition = \"...\")");
        }, List.of());
    }

    /**
     * The size {@code ColumnOrderingStrategyStandard} gives a column of {@code code} whose type a columnDefinition
     * says: character and binary codes their length (255, the default, as PostgreSQL's maximum), numbers and times
     * their width, other codes (JSON, OTHER...) unbounded.
     */
    public static long orderingSize(String code, ColumnShape shape) {
        long length = shape.length() > 0 ? shape.length() : SqlType.DEFAULT_LENGTH;
        if (CHARACTER.contains(code) && !code.endsWith("CLOB")) {
            return SqlType.varchar(length).size();
        }
        if (BINARY.contains(code)) {
            return SqlType.bytea(length).size();
        }
        return switch (code) {
            case "BIGINT", "TIMESTAMP", "TIMESTAMP_UTC", "TIMESTAMP_WITH_TIMEZONE", "INTERVAL_SECOND" -> 8;
            case "BOOLEAN", "BIT", "TINYINT", "SMALLINT", "INTEGER", "REAL", "FLOAT", "DOUBLE", "NUMERIC", "DECIMAL",
                 "DATE", "TIME", "TIME_UTC", "TIME_WITH_TIMEZONE" -> 4;
            case "UUID" -> 16;
            case "INET" -> 19;
            default -> SqlType.UNBOUNDED;
        };
    }

    /** Whether the column of {@code code} depends on the Java type it holds (its length, precision or kind). */
    public static boolean dependsOnJavaType(String code) {
        return CHARACTER.contains(code) || BINARY.contains(code) || TIMES.contains(code)
                || Set.of("FLOAT", "DOUBLE", "NUMERIC", "DECIMAL", "DURATION", "INTERVAL_SECOND").contains(code);
    }

    private static boolean knownValue(TypeRef type) {
        return BasicTypes.of(type).isPresent();
    }

    private static MappingProblem unknown(String code, TypeRef javaType, Attribute a) {
        return new MappingProblem(a.node(), "field " + a.name() + " stores a " + javaType + " as SqlTypes." + code
                + ", a combination whose column type keel does not know", "say the column type with @Column(columnDefinition = \"...\")");
    }

    private static Set<String> supported() {
        var all = new TreeSet<String>();
        all.addAll(CHARACTER);
        all.addAll(BINARY);
        all.addAll(INTEGRAL);
        all.addAll(TIMES);
        all.addAll(List.of("BOOLEAN", "BIT", "REAL", "FLOAT", "DOUBLE", "NUMERIC", "DECIMAL", "DURATION", "INTERVAL_SECOND",
                "DATE", "JSON", "SQLXML", "UUID", "INET", "BLOB"));
        return all;
    }

    private static String simple(String fqn) {
        return fqn.substring(fqn.lastIndexOf('.') + 1);
    }
}
