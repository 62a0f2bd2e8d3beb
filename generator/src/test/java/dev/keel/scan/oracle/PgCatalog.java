package dev.keel.scan.oracle;

import dev.keel.state.CheckConstraint;
import dev.keel.state.Column;
import dev.keel.state.ForeignKey;
import dev.keel.state.Identity;
import dev.keel.state.Index;
import dev.keel.state.PrimaryKey;
import dev.keel.state.Sequence;
import dev.keel.state.Table;
import dev.keel.state.UniqueConstraint;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the tables and sequences of one schema from PostgreSQL's catalog into keel's state records,
 * with the names PostgreSQL gave every constraint. A small, test-only reader for the oracle; the
 * runner's catalog comparison is the product's.
 */
public final class PgCatalog {
    private PgCatalog() {}

    /** The user schemas of the database ({@code public} included, PostgreSQL's own left out), sorted. */
    public static List<String> schemas(Connection c) throws SQLException {
        var result = new ArrayList<String>();
        try (PreparedStatement ps = c.prepareStatement("""
                select nspname from pg_namespace where nspname not like 'pg\\_%' and nspname <> 'information_schema'
                order by 1""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }

    /** {@code schema.name}, or {@code name} in {@code public}, as keel's state names tables and sequences. */
    static String qualified(String schema, String name) {
        return schema.equals("public") ? name : schema + "." + name;
    }

    /**
     * The tables of {@code schema}, by name; outside {@code public} they carry their schema, and foreign keys
     * name their targets schema-qualified outside {@code public}.
     */
    public static List<Table> tables(Connection c, String schema) throws SQLException {
        var tables = new LinkedHashMap<String, Table>();
        try (PreparedStatement ps = c.prepareStatement("""
                select cl.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                       pg_get_expr(d.adbin, d.adrelid), a.attidentity, col_description(cl.oid, a.attnum),
                       obj_description(cl.oid, 'pg_class'), a.attgenerated
                from pg_class cl join pg_namespace n on n.oid = cl.relnamespace
                join pg_attribute a on a.attrelid = cl.oid and a.attnum > 0 and not a.attisdropped
                left join pg_attrdef d on d.adrelid = cl.oid and d.adnum = a.attnum
                where n.nspname = ? and cl.relkind = 'r' order by cl.relname, a.attnum""")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    Table t = tables.computeIfAbsent(table, n -> Table.named(n).schema(schema.equals("public") ? null : schema));
                    Column col = Column.of(rs.getString(2), rs.getString(3)).notNull(rs.getBoolean(4))
                            .comment(rs.getString(7));
                    String identity = rs.getString(6);
                    if ("d".equals(identity)) {
                        col = col.identity(Identity.BY_DEFAULT);
                    } else if ("a".equals(identity)) {
                        col = col.identity(Identity.ALWAYS);
                    } else if ("s".equals(rs.getString(9))) {
                        col = col.generated(rs.getString(5)); // a stored generated column's expression, not a default
                    } else {
                        col = col.defaultSql(rs.getString(5));
                    }
                    t = t.column(col).comment(rs.getString(8));
                    tables.put(table, t);
                }
            }
        }
        constraints(c, schema, tables);
        indexes(c, schema, tables);
        return List.copyOf(tables.values());
    }

    private static void constraints(Connection c, String schema, Map<String, Table> tables) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select cl.relname, co.conname, co.contype,
                       array(select a.attname from unnest(co.conkey) with ordinality k(n, o)
                             join pg_attribute a on a.attrelid = co.conrelid and a.attnum = k.n order by k.o),
                       tn.nspname, tc.relname,
                       array(select a.attname from unnest(co.confkey) with ordinality k(n, o)
                             join pg_attribute a on a.attrelid = co.confrelid and a.attnum = k.n order by k.o),
                       pg_get_constraintdef(co.oid), co.confdeltype
                from pg_constraint co join pg_class cl on cl.oid = co.conrelid
                join pg_namespace n on n.oid = cl.relnamespace
                left join pg_class tc on tc.oid = co.confrelid
                left join pg_namespace tn on tn.oid = tc.relnamespace
                where n.nspname = ? order by cl.relname, co.conname""")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    String name = rs.getString(2);
                    List<String> cols = strings(rs.getArray(4));
                    String target = rs.getString(6) == null ? null : qualified(rs.getString(5), rs.getString(6));
                    Table t = tables.get(table);
                    t = switch (rs.getString(3)) {
                        case "p" -> t.withPrimaryKey(new PrimaryKey(name, cols));
                        case "u" -> t.constraint(new UniqueConstraint(name, cols, false, false));
                        case "c" -> t.constraint(CheckConstraint.of(name, checkBody(rs.getString(8))));
                        case "f" -> t.constraint(new ForeignKey(name, cols, target, strings(rs.getArray(7)),
                                onDelete(rs.getString(9)), true, true));
                        default -> t;
                    };
                    tables.put(table, t);
                }
            }
        }
    }

    private static void indexes(Connection c, String schema, Map<String, Table> tables) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select t.relname, i.relname, ix.indisunique, pg_get_indexdef(ix.indexrelid)
                from pg_index ix join pg_class i on i.oid = ix.indexrelid join pg_class t on t.oid = ix.indrelid
                join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = ? and not exists (select 1 from pg_constraint co where co.conindid = ix.indexrelid)
                order by t.relname, i.relname""")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String def = rs.getString(4);
                    String cols = def.substring(def.lastIndexOf('(') + 1, def.lastIndexOf(')'));
                    List<String> columns = Arrays.stream(cols.split(",")).map(String::strip)
                            .map(s -> s.replaceAll("\\s+(?i)desc$", " DESC")).toList();
                    Index index = new Index(rs.getString(2), columns, rs.getBoolean(3), null, null);
                    tables.computeIfPresent(rs.getString(1), (k, t) -> t.index(index));
                }
            }
        }
    }

    /** The sequences of {@code schema} (schema-qualified outside {@code public}), identity columns' own left out. */
    public static List<Sequence> sequences(Connection c, String schema) throws SQLException {
        var result = new ArrayList<Sequence>();
        try (PreparedStatement ps = c.prepareStatement("""
                select s.sequencename, s.start_value, s.increment_by from pg_sequences s
                where s.schemaname = ? and not exists (
                  select 1 from pg_depend d join pg_class sc on sc.oid = d.objid
                  join pg_namespace sn on sn.oid = sc.relnamespace
                  where sc.relname = s.sequencename and sn.nspname = s.schemaname and d.deptype = 'i')
                order by 1""")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Sequence(qualified(schema, rs.getString(1)), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return result;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String checkBody(String def) {
        String body = def.substring(def.indexOf('(') + 1, def.lastIndexOf(')'));
        return body.strip();
    }

    private static String onDelete(String code) {
        return switch (code) {
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            case "r" -> "RESTRICT";
            default -> null;
        };
    }
}
