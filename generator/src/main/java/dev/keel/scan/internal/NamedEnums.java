package dev.keel.scan.internal;

import dev.keel.state.EnumType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The PostgreSQL enum types the mapping makes Hibernate 6.6 create: an enum attribute stored with
 * {@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)} or {@code @JdbcType(PostgreSQLEnumJdbcType.class)} (its constants sorted,
 * as Hibernate's {@code PostgreSQLEnumJdbcType} sorts them), or with {@code SqlTypes.NAMED_ORDINAL_ENUM} (in declaration
 * order). The type is named after the enum class's simple name, which Hibernate writes unquoted: PostgreSQL folds it to
 * lower case. Its columns are of that type, ordered as unbounded ones, with no check. One registry per mapping.
 */
public final class NamedEnums {
    /** A type and where it was first asked for. */
    private record Entry(EnumType type, String enumClass, String code, Path file, int line, String field) {}

    private final Map<String, Entry> byName = new TreeMap<>();

    /**
     * PostgreSQL's own type names (pg_catalog comes first on every search path): an enum class named like one makes
     * Hibernate create a type its columns never get ({@code point} is pg_catalog's geometric point).
     */
    private static final java.util.Set<String> BUILT_IN = java.util.Set.of("bigint", "bit", "bool", "boolean", "box",
            "bytea", "char", "character", "cidr", "circle", "date", "decimal", "float4", "float8", "inet", "int", "int2",
            "int4", "int8", "integer", "interval", "json", "jsonb", "line", "lseg", "macaddr", "macaddr8", "money", "name",
            "numeric", "oid", "path", "point", "polygon", "real", "record", "smallint", "text", "time", "timestamp",
            "timestamptz", "timetz", "tsquery", "tsvector", "uuid", "varbit", "varchar", "xml");

    /** Forgets every type: a new mapping starts. */
    public synchronized void clear() {
        byName.clear();
    }

    /** Whether the mapping asked for any enum type. */
    public synchronized boolean isEmpty() {
        return byName.isEmpty();
    }

    /** The types, sorted by name, in the default database (the schema builder routes them). */
    public synchronized List<EnumType> types() {
        return byName.values().stream().map(Entry::type).toList();
    }

    /** Where the type {@code name} was first asked for: {@code file:line}, for messages. */
    public synchronized String site(String name) {
        Entry e = byName.get(name);
        return e == null ? "" : e.file() + ":" + e.line();
    }

    /** The file and line that first asked for the type {@code name}. */
    public synchronized Path file(String name) {
        return byName.get(name).file();
    }

    public synchronized int line(String name) {
        return byName.get(name).line();
    }

    /**
     * The column type of attribute {@code a}, an enum {@code enumClass} with {@code constants} (in declaration order)
     * stored as {@code code} ({@code NAMED_ENUM} or {@code NAMED_ORDINAL_ENUM}); the type is registered.
     *
     * @throws MappingProblem when keel cannot know the type's values, or another enum (or the same enum stored the
     *                        other way) claims the same type name: Hibernate would create only one of them
     */
    public SqlType column(Attribute a, String code, TypeRef enumClass, List<String> constants) {
        if (constants.isEmpty() || constants.get(0).startsWith("#")) {
            throw new MappingProblem(a.node(), "field " + a.name() + " stores the JDK enum " + enumClass.name()
                    + " as a PostgreSQL enum type (SqlTypes." + code + "), whose values keel does not read",
                    "store it as text with @Enumerated(EnumType.STRING), or map an enum of your own sources");
        }
        String simple = enumClass.name().substring(enumClass.name().lastIndexOf('.') + 1);
        simple = simple.substring(simple.lastIndexOf('$') + 1);
        String name = fold(simple);
        if (BUILT_IN.contains(name)) {
            throw new MappingProblem(a.node(), "field " + a.name() + " stores enum " + enumClass.name() + " as the PostgreSQL"
                    + " enum type " + name + ", the name of a PostgreSQL type: its columns would be of PostgreSQL's " + name,
                    "rename the enum class, or store it with @Enumerated(EnumType.STRING) alone");
        }
        List<String> values = new ArrayList<>(constants);
        if (code.equals("NAMED_ENUM")) {
            values.sort(null);
        }
        EnumType type = new EnumType(name, values, null);
        Path file = a.owner().file();
        synchronized (this) {
            Entry known = byName.get(name);
            if (known == null) {
                byName.put(name, new Entry(type, enumClass.name(), code, file, a.line(), a.name()));
            } else if (!known.enumClass().equals(enumClass.name()) || !known.type().equals(type)) {
                String other = known.enumClass().equals(enumClass.name())
                        ? "the same enum stored as SqlTypes." + known.code() + " by field " + known.field() + " (" + known.file()
                                + ":" + known.line() + "), whose values are in another order " + known.type().values()
                        : "enum " + known.enumClass() + " of field " + known.field() + " (" + known.file() + ":" + known.line()
                                + ") has the same simple name";
                throw new MappingProblem(a.node(), "field " + a.name() + " stores enum " + enumClass.name() + " as the PostgreSQL"
                        + " enum type " + name + " (SqlTypes." + code + "), but " + other + "; Hibernate would create only one"
                        + " type " + name + " for both", known.enumClass().equals(enumClass.name())
                        ? "store the enum the same way (SqlTypes.NAMED_ENUM or NAMED_ORDINAL_ENUM) in every field"
                        : "rename one of the enum classes, or store one of them with @Enumerated(EnumType.STRING) alone");
            }
        }
        return SqlType.fixed(name, SqlType.UNBOUNDED);
    }

    /** PostgreSQL's folding of an unquoted name: ASCII letters to lower case. */
    static String fold(String name) {
        var sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return sb.toString();
    }
}
