package dev.keel.state;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canonical spelling of PostgreSQL column types, so that {@code int8}, {@code bigint} and
 * {@code BIGINT} compare equal. keel writes the short SQL-standard forms:
 * {@code varchar(255)}, {@code timestamp(6) with time zone}, {@code numeric(38,2)}.
 */
public final class PgTypes {
    private PgTypes() {}

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"),
            Map.entry("int4", "integer"),
            Map.entry("int8", "bigint"),
            Map.entry("int2", "smallint"),
            Map.entry("bool", "boolean"),
            Map.entry("float8", "float(53)"),
            Map.entry("double precision", "float(53)"),
            Map.entry("float4", "real"),
            Map.entry("float(24)", "real"),
            Map.entry("float", "float(53)"),
            Map.entry("character varying", "varchar"),
            Map.entry("char", "char(1)"),
            Map.entry("character", "char(1)"),
            Map.entry("bpchar", "char(1)"),
            Map.entry("decimal", "numeric"),
            Map.entry("timestamptz", "timestamp(6) with time zone"),
            Map.entry("timestamp with time zone", "timestamp(6) with time zone"),
            Map.entry("timestamp", "timestamp(6)"),
            Map.entry("timestamp without time zone", "timestamp(6)"),
            Map.entry("time", "time(6)"),
            Map.entry("time without time zone", "time(6)"),
            Map.entry("timetz", "time(6) with time zone"),
            Map.entry("time with time zone", "time(6) with time zone"),
            Map.entry("serial", "integer"),
            Map.entry("bigserial", "bigint"));

    private static final Map<String, String> SERIAL = Map.of("serial", "integer", "serial4", "integer",
            "bigserial", "bigint", "serial8", "bigint", "smallserial", "smallint", "serial2", "smallint");

    /**
     * The type a serial shorthand ({@code serial}, {@code bigserial}, {@code smallserial}, {@code serial4}...) stands
     * for, or null when {@code type} is none: PostgreSQL makes such a column that type, NOT NULL, with a sequence of its
     * own as default, which a column of keel's state cannot say by its type alone.
     */
    public static String serialType(String type) {
        return SERIAL.get(type.strip().toLowerCase(Locale.ROOT));
    }

    private static final Pattern PARAMETERISED = Pattern.compile(
            "(character varying|varchar|character|char|bpchar|numeric|decimal|float|timestamp|time|bit varying|varbit|bit)"
                    + "\\s*\\(([^)]*)\\)(.*)");

    /**
     * Returns the canonical spelling of a type: lower case, single spaces, aliases resolved,
     * default precisions written out ({@code timestamp} is {@code timestamp(6)} as PostgreSQL stores it).
     */
    public static String canonical(String type) {
        String cached = CANONICAL.get(type);
        if (cached != null) {
            return cached;
        }
        String result = spell(type);
        if (CANONICAL.size() < CACHE_LIMIT) {
            CANONICAL.put(type, result);
        }
        return result;
    }

    /*
     * Every column of every state goes through canonical(), with a handful of distinct spellings in a
     * project; the regular expressions cost more than the rest of building a column.
     */
    private static final int CACHE_LIMIT = 10_000;
    private static final Map<String, String> CANONICAL = new java.util.concurrent.ConcurrentHashMap<>();

    private static String spell(String type) {
        String t = type.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        boolean array = false;
        while (t.endsWith("[]")) {
            t = t.substring(0, t.length() - 2).trim();
            array = true;
        }
        String result;
        Matcher m = PARAMETERISED.matcher(t);
        if (m.matches()) {
            String base = switch (m.group(1)) {
                case "character varying" -> "varchar";
                case "character", "bpchar" -> "char";
                case "decimal" -> "numeric";
                case "varbit" -> "bit varying";
                default -> m.group(1);
            };
            String args = m.group(2).replaceAll("\\s", "");
            String rest = m.group(3).trim();
            if (base.equals("float")) {
                int p = Integer.parseInt(args);
                result = p <= 24 ? "real" : "float(53)";
            } else if ((base.equals("timestamp") || base.equals("time"))) {
                String zone = rest.equals("with time zone") ? " with time zone" : "";
                result = base + "(" + args + ")" + zone;
            } else {
                result = base + "(" + args + ")" + (rest.isEmpty() ? "" : " " + rest);
            }
        } else {
            result = ALIASES.getOrDefault(t, t);
        }
        return array ? result + "[]" : result;
    }
}
