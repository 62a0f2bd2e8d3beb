package dev.keel.runner.catalog;

import dev.keel.runner.catalog.Catalog.CheckDef;
import dev.keel.runner.catalog.Catalog.ColumnDef;
import dev.keel.runner.catalog.Catalog.ForeignKeyDef;
import dev.keel.runner.catalog.Catalog.IndexDef;
import dev.keel.runner.catalog.Catalog.KeyDef;
import dev.keel.runner.catalog.Catalog.SequenceDef;
import dev.keel.runner.catalog.Catalog.TableDef;
import dev.keel.runner.catalog.Catalog.UniqueDef;
import dev.keel.state.Identity;
import dev.keel.state.PgTypes;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads a {@link Catalog} from PostgreSQL's system catalogs. */
final class CatalogReader {
    private static final String USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";

    /** Ordinary and partitioned tables of user schemas. */
    private static final String RELATIONS = "SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p') AND " + USER_SCHEMA;

    private final Connection connection;
    private final String defaultSchema;
    private final Set<String> excluded;

    CatalogReader(Connection connection, String defaultSchema, Set<String> excluded) {
        this.connection = connection;
        this.defaultSchema = defaultSchema;
        this.excluded = Set.copyOf(excluded);
    }

    /** A table's parts while they are read. */
    private static final class Parts {
        final String name;
        final String comment;
        final List<ColumnDef> columns = new ArrayList<>();
        KeyDef primaryKey;
        final List<ForeignKeyDef> foreignKeys = new ArrayList<>();
        final List<UniqueDef> uniques = new ArrayList<>();
        final List<CheckDef> checks = new ArrayList<>();
        final Map<String, IndexParts> indexes = new TreeMap<>();

        Parts(String name, String comment) {
            this.name = name;
            this.comment = comment;
        }
    }

    private record IndexParts(String name, boolean unique, String method, String where, boolean valid, boolean ready,
                              Catalog.Build build, List<String> elements) {}

    Catalog read() throws SQLException {
        var tables = new TreeMap<Long, Parts>();
        query("SELECT c.oid, n.nspname, c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid IN (" + RELATIONS + ")", r -> {
            String name = name(r.getString(2), r.getString(3));
            if (!excluded.contains(name)) {
                tables.put(r.getLong(1), new Parts(name, r.getString(4)));
            }
        });
        readColumns(tables);
        readConstraints(tables);
        readIndexes(tables);
        var result = new TreeMap<String, TableDef>();
        for (Parts p : tables.values()) {
            var indexes = p.indexes.values().stream()
                    .map(i -> new IndexDef(i.name(), i.elements(), i.unique(), i.method(), i.where(), i.valid(), i.ready(),
                            i.build())).toList();
            result.put(p.name, new TableDef(p.name, Catalog.byName(p.columns, ColumnDef::name), p.primaryKey,
                    Catalog.byName(p.foreignKeys, ForeignKeyDef::name), Catalog.byName(p.uniques, UniqueDef::name),
                    Catalog.byName(p.checks, CheckDef::name), Catalog.byName(indexes, IndexDef::name), p.comment));
        }
        return new Catalog(result, readSequences());
    }

    private void readColumns(Map<Long, Parts> tables) throws SQLException {
        query("SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                + " pg_get_expr(d.adbin, d.adrelid, true), a.attidentity, col_description(a.attrelid, a.attnum), a.attgenerated"
                + " FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attrelid IN (" + RELATIONS + ")"
                + " ORDER BY a.attrelid, a.attnum", r -> {
            Parts p = tables.get(r.getLong(1));
            if (p != null) {
                String identity = r.getString(6);
                Identity kind = "a".equals(identity) ? Identity.ALWAYS : "d".equals(identity) ? Identity.BY_DEFAULT : Identity.NONE;
                // a stored generated column's expression is in pg_attrdef too, where a default would be
                boolean generated = "s".equals(r.getString(8));
                p.columns.add(new ColumnDef(r.getString(2), PgTypes.canonical(r.getString(3)), r.getBoolean(4),
                        generated ? null : r.getString(5), kind, r.getString(7), generated ? r.getString(5) : null));
            }
        });
    }

    private static final String KEY_NAMES = "ARRAY(SELECT a.attname FROM unnest(%1$s) WITH ORDINALITY k(num, ord)"
            + " JOIN pg_attribute a ON a.attrelid = %2$s AND a.attnum = k.num ORDER BY k.ord)";

    private void readConstraints(Map<Long, Parts> tables) throws SQLException {
        query("SELECT con.conrelid, con.conname, con.contype, " + String.format(KEY_NAMES, "con.conkey", "con.conrelid")
                + ", tn.nspname, t.relname, " + String.format(KEY_NAMES, "con.confkey", "con.confrelid")
                + ", con.confdeltype, con.convalidated, con.condeferrable, con.condeferred, pg_get_constraintdef(con.oid, true)"
                + " FROM pg_constraint con LEFT JOIN pg_class t ON t.oid = con.confrelid"
                + " LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace"
                + " WHERE con.contype IN ('p', 'u', 'f', 'c') AND con.conrelid IN (" + RELATIONS + ")", r -> {
            Parts p = tables.get(r.getLong(1));
            if (p == null) {
                return;
            }
            String name = r.getString(2);
            List<String> columns = strings(r, 4);
            switch (r.getString(3)) {
                case "p" -> p.primaryKey = new KeyDef(name, columns);
                case "u" -> p.uniques.add(new UniqueDef(name, columns, r.getBoolean(10), r.getBoolean(11)));
                case "f" -> p.foreignKeys.add(new ForeignKeyDef(name, columns, name(r.getString(5), r.getString(6)),
                        strings(r, 7), onDelete(r.getString(8)), r.getBoolean(9)));
                default -> p.checks.add(new CheckDef(name, checkExpression(r.getString(12)), r.getBoolean(9)));
            }
        });
    }

    private static List<String> strings(ResultSet r, int column) throws SQLException {
        var array = r.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String onDelete(String code) {
        return switch (code) {
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }

    /** {@code CHECK (price > 0) NOT VALID} as {@code price > 0}. */
    static String checkExpression(String definition) {
        String d = definition.strip();
        if (d.endsWith(" NOT VALID")) {
            d = d.substring(0, d.length() - " NOT VALID".length()).strip();
        }
        if (d.startsWith("CHECK ")) {
            d = d.substring("CHECK ".length()).strip();
        }
        if (d.startsWith("(") && d.endsWith(")")) {
            d = d.substring(1, d.length() - 1);
        }
        return d;
    }

    private void readIndexes(Map<Long, Parts> tables) throws SQLException {
        query("WITH b AS (SELECT DISTINCT ON (index_relid) index_relid, pid, command, phase"
                + " FROM pg_stat_progress_create_index ORDER BY index_relid, pid)"
                + " SELECT i.indrelid, ic.relname, i.indisunique, am.amname, pg_get_expr(i.indpred, i.indrelid, true),"
                + " k.n, i.indkey[k.n - 1], a.attname, pg_get_indexdef(i.indexrelid, k.n, true), i.indoption[k.n - 1],"
                + " opc.opcname, opc.opcdefault, i.indisvalid, i.indisready, b.pid, b.command, b.phase"
                + " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam"
                + " LEFT JOIN b ON b.index_relid = i.indexrelid AND NOT i.indisvalid"
                + " CROSS JOIN LATERAL generate_series(1, i.indnkeyatts) k(n)"
                + " JOIN pg_opclass opc ON opc.oid = i.indclass[k.n - 1]"
                + " LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.n - 1]"
                + " WHERE i.indrelid IN (" + RELATIONS + ") AND NOT EXISTS (SELECT 1 FROM pg_constraint con"
                + " WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))"
                + " ORDER BY i.indrelid, ic.relname, k.n", r -> {
            Parts p = tables.get(r.getLong(1));
            if (p == null) {
                return;
            }
            String name = r.getString(2);
            boolean unique = r.getBoolean(3);
            String method = r.getString(4);
            String where = r.getString(5);
            boolean valid = r.getBoolean(13);
            boolean ready = r.getBoolean(14);
            int pid = r.getInt(15);
            Catalog.Build build = r.wasNull() ? null : new Catalog.Build(pid, r.getString(16), r.getString(17));
            IndexParts index = p.indexes.computeIfAbsent(name, n -> new IndexParts(n, unique, method, where, valid, ready,
                    build, new ArrayList<>()));
            String head = r.getInt(7) != 0 ? r.getString(8) : r.getString(9);
            int option = r.getInt(10);
            index.elements().add(IndexElements.of(head, r.getBoolean(12) ? null : r.getString(11),
                    (option & 1) != 0, (option & 2) != 0));
        });
    }

    private TreeMap<String, SequenceDef> readSequences() throws SQLException {
        var result = new TreeMap<String, SequenceDef>();
        query("SELECT n.nspname, c.relname, s.seqstart, s.seqincrement FROM pg_sequence s"
                + " JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE " + USER_SCHEMA + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass"
                + " AND d.objid = c.oid AND d.deptype = 'i')", r -> {
            String name = name(r.getString(1), r.getString(2));
            result.put(name, new SequenceDef(name, r.getLong(3), r.getLong(4)));
        });
        return result;
    }

    private String name(String schema, String relation) {
        return schema == null || schema.equals(defaultSchema) ? relation : schema + "." + relation;
    }

    private interface RowHandler {
        void row(ResultSet r) throws SQLException;
    }

    private void query(String sql, RowHandler handler) throws SQLException {
        try (var st = connection.createStatement(); ResultSet r = st.executeQuery(sql)) {
            while (r.next()) {
                handler.row(r);
            }
        }
    }
}
