package dev.keel.scan.internal;

import java.util.Map;
import java.util.Set;

/**
 * Names of library types the scanner recognises when a source imports their package with {@code *}
 * (or, for {@code java.lang}, not at all). Types outside this list must be imported by name.
 */
final class KnownTypes {
    private KnownTypes() {}

    static final Map<String, Set<String>> BY_PACKAGE = Map.ofEntries(
            Map.entry("java.lang", Set.of("String", "Integer", "Long", "Short", "Byte", "Boolean", "Double", "Float",
                    "Character", "Object", "Class", "Enum", "Number", "Record", "Deprecated", "Override",
                    "SuppressWarnings", "Comparable", "Iterable", "Void")),
            Map.entry("java.util", Set.of("List", "Set", "Map", "Collection", "SortedSet", "SortedMap", "ArrayList", "HashSet",
                    "LinkedHashSet", "TreeSet", "HashMap", "LinkedHashMap", "TreeMap", "UUID", "Date", "Calendar",
                    "Locale", "Currency", "TimeZone", "Optional", "Objects")),
            Map.entry("java.time", Set.of("Instant", "LocalDate", "LocalDateTime", "LocalTime", "OffsetDateTime", "OffsetTime",
                    "ZonedDateTime", "Duration", "Year", "YearMonth", "MonthDay", "Month", "DayOfWeek", "ZoneId",
                    "ZoneOffset", "Period")),
            Map.entry("java.math", Set.of("BigDecimal", "BigInteger")),
            Map.entry("java.sql", Set.of("Timestamp", "Date", "Time", "Blob", "Clob")),
            Map.entry("java.net", Set.of("URL", "URI", "InetAddress")),
            Map.entry("java.io", Set.of("Serializable")),
            Map.entry("jakarta.persistence", JpaNames.ALL),
            Map.entry("org.hibernate.annotations", Set.of("Check", "Checks", "Comment", "ColumnDefault", "JdbcTypeCode",
                    "Formula", "Immutable", "DynamicUpdate", "DynamicInsert", "CreationTimestamp", "UpdateTimestamp",
                    "NaturalId", "BatchSize", "Cache", "Fetch", "FetchMode", "OnDelete", "OnDeleteAction", "Type",
                    "JdbcType", "Generated", "GeneratedColumn", "Where", "SQLRestriction", "SoftDelete", "TenantId", "Nationalized",
                    "Array", "UuidGenerator", "GenericGenerator", "GenericGenerators", "Table", "Index", "ForeignKey",
                    "MapKeyJdbcTypeCode", "SoftDeleteType")),
            Map.entry("org.hibernate", Set.of("Length")),
            Map.entry("org.hibernate.type", Set.of("SqlTypes", "YesNoConverter", "TrueFalseConverter", "NumericBooleanConverter")),
            Map.entry("jakarta.validation.constraints", Set.of("NotNull", "NotBlank", "NotEmpty", "Size", "Min", "Max",
                    "Digits", "Email", "Pattern", "Positive", "PositiveOrZero", "Negative", "NegativeOrZero",
                    "Past", "PastOrPresent", "Future", "FutureOrPresent", "DecimalMin", "DecimalMax", "Null",
                    "AssertTrue", "AssertFalse")),
            Map.entry("org.hibernate.validator.constraints", Set.of("Length", "Range", "URL", "UUID")),
            Map.entry("jakarta.validation", Set.of("Valid")),
            Map.entry("jakarta.validation.groups", Set.of("Default")),
            Map.entry("lombok.experimental", Set.of("UtilityClass", "FieldNameConstants", "SuperBuilder", "Accessors",
                    "FieldDefaults", "Delegate")));

    /** Whether {@code pkg.simpleName} is a type keel knows to exist. */
    static boolean exists(String pkg, String simpleName) {
        Set<String> names = BY_PACKAGE.get(pkg);
        return names != null && names.contains(simpleName);
    }
}
