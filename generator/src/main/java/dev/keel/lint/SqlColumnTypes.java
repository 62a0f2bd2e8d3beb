package dev.keel.lint;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column types plain SQL declares, read well enough for lint to tell an in-place type change from a rewrite
 * where keel's state knows nothing of the table: the columns of {@code CREATE TABLE t (...)}, and the type of a
 * column definition ({@code ADD COLUMN c varchar(20) NOT NULL}), written as keel's state writes types.
 */
public final class SqlColumnTypes {
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "^CREATE\\s+(?:(?:GLOBAL\\s+|LOCAL\\s+)?(?:TEMP|TEMPORARY)\\s+|UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?("
                    + SqlStatement.NAME + ")\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern ELEMENT = Pattern.compile(
            "^(?!(?:CONSTRAINT|PRIMARY|UNIQUE|CHECK|FOREIGN|EXCLUDE|LIKE)\\b)(" + SqlStatement.NAME + ")\\s+(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** What ends the type in a column definition: the first column constraint or option. */
    private static final Pattern AFTER_TYPE = Pattern.compile(
            "\\s+(?:NOT|NULL|DEFAULT|PRIMARY|UNIQUE|CHECK|REFERENCES|CONSTRAINT|COLLATE|GENERATED|USING|COMPRESSION|STORAGE)\\b.*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private SqlColumnTypes() {}

    /** A column type as keel's state writes it: {@code character varying(20)} gives {@code varchar(20)}. */
    public static String normal(String written) {
        return written.strip().toLowerCase(Locale.ROOT).replaceAll("\\s*([(),])\\s*", "$1")
                .replaceAll("\\s+", " ").replace("character varying", "varchar");
    }

    /** The type a column definition ({@code varchar(20) NOT NULL DEFAULT ''}) declares. */
    public static String ofDefinition(String definition) {
        return normal(AFTER_TYPE.matcher(definition.strip()).replaceFirst(""));
    }

    /** The table a {@code CREATE TABLE t (...)} statement creates, with its columns' types by name; empty for other statements. */
    public static Optional<Map.Entry<String, Map<String, String>>> ofCreateTable(SqlStatement statement) {
        Matcher m = CREATE_TABLE.matcher(statement.shape());
        if (!m.find()) {
            return Optional.empty();
        }
        var columns = new LinkedHashMap<String, String>();
        String body = statement.shape().substring(m.end());
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length() && depth >= 0; i++) {
            char c = body.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' || c == ',' && depth == 0) {
                if (c == ')' && depth-- > 0) {
                    continue;
                }
                Matcher e = ELEMENT.matcher(body.substring(start, i).strip());
                if (e.matches()) {
                    columns.put(SqlStatement.tableName(e.group(1)), ofDefinition(e.group(2)));
                }
                start = i + 1;
            }
        }
        return Optional.of(Map.entry(SqlStatement.tableName(m.group(1)), columns));
    }
}
