package dev.keel.state;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * PostgreSQL identifiers as keel writes them, in the runner's statements and in the SQL text the
 * generator writes into migrations alike: quoted only when they must be, as {@code quote_ident} does —
 * when they are not lower-case plain identifiers or are keywords other than the unreserved ones.
 */
public final class SqlIdentifiers {
    private SqlIdentifiers() {}

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    /**
     * PostgreSQL's reserved, column-name and type/function-name keywords (everything that
     * {@code pg_get_keywords()} does not list as unreserved), up to PostgreSQL 17.
     */
    private static final Set<String> KEYWORDS = Set.of(
            // reserved
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
            "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
            "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
            "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
            "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
            "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
            "session_user", "some", "symmetric", "system_user", "table", "then", "to", "trailing", "true", "union",
            "unique", "user", "using", "variadic", "when", "where", "window", "with",
            // type or function names
            "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
            "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps",
            "right", "similar", "tablesample", "verbose",
            // column names
            "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists",
            "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval", "json", "json_array",
            "json_arrayagg", "json_exists", "json_object", "json_objectagg", "json_query", "json_scalar",
            "json_serialize", "json_table", "json_value", "least", "merge_action", "national", "nchar", "none",
            "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real", "row", "setof",
            "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar", "xmlattributes",
            "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
            "xmlserialize", "xmltable");

    /** Whether {@code name} must be written in double quotes. */
    public static boolean needsQuotes(String name) {
        return !PLAIN.matcher(name).matches() || KEYWORDS.contains(name);
    }

    /** {@code name} as an SQL identifier: {@code post}, {@code "order"}, {@code "UserId"}. */
    public static String quote(String name) {
        return needsQuotes(name) ? '"' + name.replace("\"", "\"\"") + '"' : name;
    }
}
