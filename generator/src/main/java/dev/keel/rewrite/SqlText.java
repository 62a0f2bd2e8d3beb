package dev.keel.rewrite;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Identifiers in the SQL text keel writes itself (check expressions, backfills), quoted only when
 * PostgreSQL needs it, as the runner's statements are: a name that is not a lower-case plain identifier,
 * or a keyword other than an unreserved one.
 */
public final class SqlText {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    /** PostgreSQL's keywords that are not unreserved (the runner's list, up to PostgreSQL 17). */
    static final Set<String> KEYWORDS = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
            "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
            "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
            "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
            "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
            "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
            "session_user", "some", "symmetric", "system_user", "table", "then", "to", "trailing", "true", "union",
            "unique", "user", "using", "variadic", "when", "where", "window", "with",
            "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
            "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps",
            "right", "similar", "tablesample", "verbose",
            "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists",
            "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval", "json", "json_array",
            "json_arrayagg", "json_exists", "json_object", "json_objectagg", "json_query", "json_scalar",
            "json_serialize", "json_table", "json_value", "least", "merge_action", "national", "nchar", "none",
            "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real", "row", "setof",
            "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar", "xmlattributes",
            "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
            "xmlserialize", "xmltable");

    private SqlText() {}

    /** {@code name} as an SQL identifier: {@code post}, {@code "order"}, {@code "UserId"}. */
    public static String quote(String name) {
        boolean bare = PLAIN.matcher(name).matches() && !KEYWORDS.contains(name);
        return bare ? name : '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A table name as keel's state writes it ({@code post}, {@code audit.event}), each part quoted as needed. */
    public static String table(String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        return dot < 0 ? quote(qualifiedName) : quote(qualifiedName.substring(0, dot)) + "." + quote(qualifiedName.substring(dot + 1));
    }

    /** The check that proves a column holds no null: {@code subtitle IS NOT NULL}. */
    public static String notNullCheck(String column) {
        return quote(column) + " IS NOT NULL";
    }
}
