package dev.keel.scan.oracle;

import dev.keel.state.CheckConstraint;
import dev.keel.state.EnumType;
import dev.keel.state.Column;
import dev.keel.state.ForeignKey;
import dev.keel.state.Identity;
import dev.keel.state.Index;
import dev.keel.state.PrimaryKey;
import dev.keel.state.Sequence;
import dev.keel.state.Table;
import dev.keel.state.UniqueConstraint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the DDL script Hibernate 6.6 exports for PostgreSQL back into keel's state records, so that the
 * scanner's result can be compared with Hibernate's without a database. It understands exactly the
 * statement forms Hibernate writes (create sequence/table/index, comment on, alter table add
 * constraint) and fails on anything else. Unnamed constraints get placeholder names ({@code ?unique1});
 * {@link SchemaShape} compares them by content.
 */
public final class HibernateDdl {
    private static final Pattern SCHEMA = Pattern.compile("create schema (\\S+)");
    private static final Pattern SEQUENCE = Pattern.compile("create sequence (\\S+) start with (-?\\d+) increment by (-?\\d+)");
    private static final Pattern TABLE = Pattern.compile("create table (\\S+) \\((.*)\\)", Pattern.DOTALL);
    private static final Pattern COMMENT_TABLE = Pattern.compile("comment on table (\\S+) is '(.*)'", Pattern.DOTALL);
    private static final Pattern COMMENT_COLUMN = Pattern.compile("comment on column (\\S+)\\.(\\S+) is '(.*)'", Pattern.DOTALL);
    private static final Pattern INDEX = Pattern.compile("create (unique )?index (\\S+) on (\\S+) \\((.*)\\)");
    private static final Pattern FOREIGN_KEY = Pattern.compile(
            "alter table if exists (\\S+) add constraint (\\S+) foreign key \\(([^)]*)\\) references (\\S+)(?: \\(([^)]*)\\))?(.*)");
    private static final Pattern ENUM_TYPE = Pattern.compile("create type (\\S+) as enum \\((.*)\\)", Pattern.DOTALL);
    private static final Pattern CAST = Pattern.compile("create cast \\((\\S+) as (\\S+)\\) with inout as implicit");
    private static final Pattern ADD_UNIQUE = Pattern.compile("alter table if exists (\\S+) add constraint (\\S+) unique \\(([^)]*)\\)");

    private static final Pattern INIT_ROW = Pattern.compile("insert into \\S+\\(\\S+, \\S+\\) values \\('[^']*',-?\\d+\\)");

    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final List<Sequence> sequences = new ArrayList<>();
    private final List<EnumType> enumTypes = new ArrayList<>();
    private final java.util.Set<String> casts = new java.util.HashSet<>();
    private final java.util.Set<String> schemas = new java.util.TreeSet<>();
    private int anonymous;

    /** Parses the statements. */
    public static HibernateDdl parse(List<String> statements) {
        var ddl = new HibernateDdl();
        statements.forEach(ddl::statement);
        return ddl;
    }

    /** The tables, with foreign keys resolved against their targets' primary keys. */
    public List<Table> tables() {
        return List.copyOf(tables.values());
    }

    public List<Sequence> sequences() {
        return List.copyOf(sequences);
    }

    /**
     * The enum types the script creates ({@code create type ... as enum}), by name; each must come with the two implicit
     * casts from and to varchar Hibernate creates with it (keel creates them too).
     */
    public List<EnumType> enumTypes() {
        for (EnumType t : enumTypes) {
            if (!casts.contains("varchar>" + t.name()) || !casts.contains(t.name() + ">varchar")) {
                throw new IllegalArgumentException("enum type " + t.name() + " without its two casts from and to varchar: " + casts);
            }
        }
        return enumTypes.stream().sorted(java.util.Comparator.comparing(EnumType::name)).toList();
    }

    /** The schemas the script creates ({@code hibernate.hbm2ddl.create_namespaces}) other than public, sorted. */
    public java.util.Set<String> schemas() {
        return java.util.Collections.unmodifiableSet(schemas);
    }

    private void statement(String sql) {
        Matcher m;
        if ((m = SCHEMA.matcher(sql)).matches()) {
            // public is in every database (the script names it for schema = "public"; on a database Hibernate sees it exists)
            if (!fold(m.group(1)).equals("public")) {
                schemas.add(fold(m.group(1)));
            }
        } else if ((m = ENUM_TYPE.matcher(sql)).matches()) {
            var values = new ArrayList<String>();
            for (String v : splitTopLevel(m.group(2))) {
                String q = v.strip();
                values.add(q.substring(1, q.length() - 1).replace("''", "'"));
            }
            enumTypes.add(new EnumType(relation(m.group(1)), values, null));
        } else if ((m = CAST.matcher(sql)).matches()) {
            casts.add(relation(m.group(1)) + ">" + relation(m.group(2)));
        } else if ((m = SEQUENCE.matcher(sql)).matches()) {
            sequences.add(new Sequence(relation(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
        } else if ((m = TABLE.matcher(sql)).matches()) {
            createTable(relation(m.group(1)), m.group(2));
        } else if ((m = COMMENT_TABLE.matcher(sql)).matches()) {
            String text = m.group(2).replace("''", "'");
            update(m.group(1), t -> t.comment(text));
        } else if ((m = COMMENT_COLUMN.matcher(sql)).matches()) {
            String col = fold(m.group(2));
            String note = m.group(3).replace("''", "'");
            update(m.group(1), t -> t.replaceColumn(col, t.findColumn(col).orElseThrow().comment(note)));
        } else if ((m = INDEX.matcher(sql)).matches()) {
            String name = fold(m.group(2));
            List<String> cols = Arrays.stream(m.group(4).split(",")).map(String::strip).map(HibernateDdl::indexColumn).toList();
            boolean unique = m.group(1) != null;
            String tableName = m.group(3);
            update(tableName, t -> t.index(unique ? new Index(name, cols, true, null, null) : new Index(name, cols, false, null, null)));
        } else if ((m = FOREIGN_KEY.matcher(sql)).matches()) {
            foreignKey(m);
        } else if ((m = ADD_UNIQUE.matcher(sql)).matches()) {
            String name = fold(m.group(2));
            List<String> cols = columns(m.group(3));
            String tableName = m.group(1);
            update(tableName, t -> t.constraint(new UniqueConstraint(name, cols, false, false)));
        } else if (INIT_ROW.matcher(sql).matches()) {
            // a table generator's first row (its segment and initial value): data, not schema; Hibernate inserts it on
            // first use when it is missing, so keel's migrations create the table only
        } else {
            throw new IllegalArgumentException("statement the oracle parser does not know: " + sql);
        }
    }

    private void foreignKey(Matcher m) {
        String targetName = relation(m.group(4));
        Table target = tables.get(targetName);
        List<String> targetCols = m.group(5) != null ? columns(m.group(5)) : target.primaryKey().columns();
        String name = fold(m.group(2));
        List<String> cols = columns(m.group(3));
        String rest = m.group(6).strip();
        String onDelete = rest.startsWith("on delete ") ? rest.substring("on delete ".length()) : null;
        String tableName = m.group(1);
        update(tableName, t -> t.constraint(new ForeignKey(name, cols, targetName, targetCols, onDelete, true, true)));
    }

    private void update(String table, java.util.function.UnaryOperator<Table> change) {
        String name = relation(table);
        Table t = tables.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no table " + name);
        }
        tables.put(name, change.apply(t));
    }

    private void createTable(String name, String body) {
        Table t = Table.named(name);
        for (String def : splitTopLevel(body)) {
            String d = def.strip();
            String lower = d.toLowerCase(Locale.ROOT);
            if (lower.startsWith("primary key (")) {
                t = t.withPrimaryKey(new PrimaryKey(name + "_pkey", columns(inParens(d, "primary key".length()))));
            } else if (lower.startsWith("unique (")) {
                t = t.constraint(new UniqueConstraint("?unique" + (++anonymous), columns(inParens(d, "unique".length())), false, false));
            } else if (lower.startsWith("check (")) {
                t = t.constraint(CheckConstraint.of("?check" + (++anonymous), inParens(d, "check".length())));
            } else if (lower.startsWith("constraint ")) {
                t = namedConstraint(t, d);
            } else {
                t = column(t, d);
            }
        }
        tables.put(name, t);
    }

    private Table namedConstraint(Table t, String d) {
        String[] words = d.split("\\s+", 4);
        String name = fold(words[1]);
        if (words[2].equalsIgnoreCase("unique")) {
            return t.constraint(new UniqueConstraint(name, columns(inParens(d, d.indexOf("unique") + "unique".length())), false, false));
        }
        if (words[2].equalsIgnoreCase("primary")) {
            // a unique constraint over exactly the key's columns names the key (Hibernate drops the constraint)
            return t.withPrimaryKey(new PrimaryKey(name, columns(inParens(d, d.indexOf("key") + "key".length()))));
        }
        if (words[2].equalsIgnoreCase("check")) {
            return t.constraint(CheckConstraint.of(name, inParens(d, d.indexOf("check") + "check".length())));
        }
        throw new IllegalArgumentException("table constraint the oracle parser does not know: " + d);
    }

    /** A column definition: name, type, then default / generated / not null / unique / check clauses. */
    /** PostgreSQL's serial shorthands and the types they stand for. */
    private static final java.util.Map<String, String> SERIAL = java.util.Map.of("serial", "integer", "serial4", "integer",
            "bigserial", "bigint", "serial8", "bigint", "smallserial", "smallint", "serial2", "smallint");

    private Table column(Table t, String d) {
        String name;
        String rest;
        if (d.startsWith("\"")) {
            int end = d.indexOf('"', 1);
            name = d.substring(1, end);
            rest = d.substring(end + 1).strip();
        } else {
            int space = d.indexOf(' ');
            name = fold(d.substring(0, space));
            rest = d.substring(space + 1).strip();
        }
        int typeEnd = firstClause(rest);
        String type = rest.substring(0, typeEnd).strip();
        String clauses = rest.substring(typeEnd).strip();
        if (type.endsWith(" array")) {
            type = type.substring(0, type.length() - " array".length()) + "[]";
        }
        String serialType = SERIAL.get(type.toLowerCase(Locale.ROOT));
        Column c = Column.of(name, serialType != null ? serialType : type).nullable();
        if (serialType != null) {
            // as PostgreSQL expands it: NOT NULL, the next value of the column's own sequence table_column_seq by default
            String table = t.name();
            int dot = table.indexOf('.');
            String bare = dot < 0 ? table : table.substring(dot + 1);
            int tableChars = bare.length();
            int columnChars = name.length();
            while (tableChars + columnChars > 63 - 5) {
                if (tableChars > columnChars) {
                    tableChars--;
                } else {
                    columnChars--;
                }
            }
            String sequence = (dot < 0 ? "" : table.substring(0, dot + 1)) + bare.substring(0, tableChars) + "_"
                    + name.substring(0, columnChars) + "_seq";
            sequences.add(new Sequence(sequence, 1, 1));
            c = c.notNull(true).defaultSql("nextval('" + sequence + "'::regclass)");
        }
        var checks = new ArrayList<String>();
        var namedChecks = new ArrayList<CheckConstraint>();
        var uniques = false;
        while (!clauses.isEmpty()) {
            String lower = clauses.toLowerCase(Locale.ROOT);
            if (lower.startsWith("not null")) {
                c = c.notNull(true);
                clauses = clauses.substring("not null".length()).strip();
            } else if (lower.equals("null") || lower.startsWith("null ")) {
                clauses = clauses.substring("null".length()).strip(); // a columnDefinition's explicit NULL
            } else if (lower.startsWith("unique")) {
                uniques = true;
                clauses = clauses.substring("unique".length()).strip();
            } else if (lower.startsWith("generated always as (")) {
                // a stored generated column: @GeneratedColumn, or a columnDefinition saying so
                String expr = inParens(clauses, "generated always as".length());
                c = c.generated(expr);
                String after = clauses.substring(clauses.indexOf('(') + expr.length() + 2).strip();
                if (!after.toLowerCase(Locale.ROOT).startsWith("stored")) {
                    throw new IllegalArgumentException("generated column not STORED: " + d);
                }
                clauses = after.substring("stored".length()).strip();
            } else if (lower.startsWith("generated by default as identity")) {
                c = c.identity(Identity.BY_DEFAULT);
                clauses = clauses.substring("generated by default as identity".length()).strip();
            } else if (lower.startsWith("default ")) {
                String after = clauses.substring("default ".length());
                int end = firstClause(after);
                c = c.defaultSql(after.substring(0, end).strip());
                clauses = after.substring(end).strip();
            } else if (lower.startsWith("check (")) {
                String expr = inParens(clauses, "check".length());
                checks.add(expr);
                clauses = clauses.substring(clauses.indexOf('(') + expr.length() + 2).strip();
            } else if (lower.startsWith("constraint ")) {
                String[] words = clauses.split("\\s+", 4);
                String expr = inParens(clauses, clauses.indexOf("check") + "check".length());
                namedChecks.add(CheckConstraint.of(fold(words[1]), expr));
                clauses = clauses.substring(clauses.indexOf('(', clauses.indexOf("check")) + expr.length() + 2).strip();
            } else {
                throw new IllegalArgumentException("column clause the oracle parser does not know: " + clauses + " in " + d);
            }
        }
        t = t.column(c);
        if (uniques) {
            t = t.constraint(UniqueConstraint.of("?unique" + (++anonymous), name));
        }
        for (String check : checks) {
            t = t.constraint(CheckConstraint.of("?check" + (++anonymous), check));
        }
        for (CheckConstraint check : namedChecks) {
            t = t.constraint(check);
        }
        return t;
    }

    /** Where the first clause after a column's type starts (the end of the type). */
    private static int firstClause(String s) {
        int depth = 0;
        String lower = s.toLowerCase(Locale.ROOT);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == '\'') {
                i = s.indexOf('\'', i + 1);
            } else if (depth == 0 && ch == ' ') {
                String next = lower.substring(i + 1);
                if (next.startsWith("not null") || next.equals("null") || next.startsWith("null ") || next.startsWith("unique") || next.startsWith("check (")
                        || next.startsWith("default ") || next.startsWith("generated ") || next.startsWith("constraint ")) {
                    return i;
                }
            }
        }
        return s.length();
    }

    /** The text inside the parentheses that open at or after {@code from}. */
    static String inParens(String s, int from) {
        int open = s.indexOf('(', from);
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'') {
                i = s.indexOf('\'', i + 1);
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return s.substring(open + 1, i);
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses: " + s);
    }

    static List<String> splitTopLevel(String body) {
        var parts = new ArrayList<String>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '\'') {
                i = body.indexOf('\'', i + 1);
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                parts.add(body.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(body.substring(start));
        return parts;
    }

    private static List<String> columns(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).map(HibernateDdl::fold).toList();
    }

    private static String indexColumn(String written) {
        String[] words = written.split("\\s+");
        return fold(words[0]) + (words.length > 1 && words[1].equalsIgnoreCase("desc") ? " DESC" : "");
    }

    /**
     * A table or sequence name as keel's state and PostgreSQL's catalog name it: folded, and without the
     * {@code public.} Hibernate writes for {@code schema = "public"} (the same relation as the unqualified name).
     */
    static String relation(String written) {
        var parts = new ArrayList<String>();
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < written.length(); i++) {
            char ch = written.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == '.' && !quoted) {
                parts.add(fold(written.substring(start, i)));
                start = i + 1;
            }
        }
        parts.add(fold(written.substring(start)));
        if (parts.size() > 1 && parts.get(0).equals("public")) {
            parts.remove(0);
        }
        return String.join(".", parts);
    }

    /** PostgreSQL's folding: unquoted names to lower case, quoted names as written; both cut to 63 bytes. */
    static String fold(String name) {
        String folded = name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1)
                : name.toLowerCase(Locale.ROOT);
        byte[] bytes = folded.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return bytes.length <= 63 ? folded : new String(bytes, 0, 63, java.nio.charset.StandardCharsets.UTF_8);
    }
}
