package dev.keel.scan.internal;

import dev.keel.state.CheckConstraint;
import dev.keel.state.Column;
import dev.keel.state.ForeignKey;
import dev.keel.state.Identity;
import dev.keel.state.Index;
import dev.keel.state.PrimaryKey;
import dev.keel.state.Table;
import dev.keel.state.UniqueConstraint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a mapped table into a state table as the database ends up holding it: columns in Hibernate's
 * start-up order, composite primary keys reordered the same way, and every constraint named (by the
 * mapping, by Hibernate's hashed names, or by PostgreSQL's defaults for what Hibernate leaves unnamed).
 */
public final class TableFinisher {
    private static final Pattern WORD = Pattern.compile("\"([^\"]+)\"|([A-Za-z_][A-Za-z0-9_$]*)");

    private TableFinisher() {}

    /**
     * The primary-key columns in the order Hibernate creates them: the order of a unique constraint over exactly
     * the key's columns ({@link #keyTwin}), else the columns' order.
     */
    public static List<ColumnSpec> orderedPrimaryKey(TableSpec spec) {
        List<ColumnSpec> pk = new ArrayList<>(spec.primaryKeyColumns());
        if (pk.size() > 1) {
            pk.sort(ColumnOrdering.COLUMNS);
            keyTwin(spec).ifPresent(twin -> pk.sort(java.util.Comparator.comparingInt(c -> twin.columns().stream()
                    .map(Ident::db).toList().indexOf(c.name().db()))));
        }
        return pk;
    }

    /**
     * A unique constraint over exactly the primary key's columns (the last, if several): Hibernate drops it, the
     * key being unique already, and gives the key its column order and its name, if it has one.
     */
    static java.util.Optional<TableSpec.UniqueSpec> keyTwin(TableSpec spec) {
        if (spec.primaryKey == null || spec.primaryKey.isEmpty()) {
            return java.util.Optional.empty();
        }
        Set<String> key = spec.primaryKey.stream().map(Ident::db).collect(java.util.stream.Collectors.toSet());
        TableSpec.UniqueSpec twin = null;
        for (TableSpec.UniqueSpec u : spec.uniques) {
            Set<String> cols = u.columns().stream().map(Ident::db).collect(java.util.stream.Collectors.toSet());
            if (u.columns().size() == key.size() && cols.equals(key)) {
                twin = u;
            }
        }
        return java.util.Optional.ofNullable(twin);
    }

    /**
     * The state table. {@code relations} names constraints in the schema (unique constraints and the
     * primary key are indexes, whose names PostgreSQL keeps unique per schema).
     */
    public static Table finish(TableSpec spec, PgNames relations) {
        List<ColumnSpec> columns = new ArrayList<>(spec.columns);
        columns.sort(ColumnOrdering.COLUMNS);
        Table table = Table.named(spec.name.db()).schema(spec.schema).entity(spec.entity).comment(spec.comment);
        // the columns, constraints and indexes collected, then one Table (each Table checks its lists: once, not per item)
        var stateColumns = new ArrayList<Column>(columns.size());
        var constraints = new ArrayList<dev.keel.state.Constraint>();
        var indexes = new ArrayList<Index>();
        Set<String> keyColumns = spec.primaryKey == null ? Set.of() : Set.copyOf(spec.primaryKey.stream().map(Ident::db).toList());
        for (ColumnSpec c : columns) {
            // a primary-key column is NOT NULL, whichever mapping defines it (another entity's may not say so)
            stateColumns.add(column(keyColumns.contains(c.name().db()) ? c.withNullable(false) : c));
        }
        String tableName = spec.name.db();
        if (spec.primaryKey != null) {
            String twinName = keyTwin(spec).map(TableSpec.UniqueSpec::name).orElse(null);
            String pkName = twinName != null ? take(relations, twinName) : relations.choose(tableName, null, "pkey");
            table = table.withPrimaryKey(new PrimaryKey(pkName,
                    orderedPrimaryKey(spec).stream().map(c -> c.name().db()).toList()));
        }
        Set<String> pkColumns = spec.primaryKey == null ? Set.of()
                : new LinkedHashSet<>(spec.primaryKey.stream().map(Ident::db).toList());
        for (ColumnSpec c : columns) {
            if (c.unique() && !(pkColumns.size() == 1 && pkColumns.contains(c.name().db()))) {
                constraints.add(UniqueConstraint.of(relations.choose(tableName, c.name().db(), "key"), c.name().db()));
            }
        }
        for (TableSpec.UniqueSpec u : spec.uniques) {
            List<String> cols = u.columns().stream().map(Ident::db).toList();
            if (!pkColumns.isEmpty() && cols.size() == pkColumns.size() && pkColumns.containsAll(cols)) {
                continue; // the key's twin, dropped (keyTwin)
            }
            String name = u.name() != null ? take(relations, u.name())
                    : relations.choose(tableName, String.join("_", cols), "key");
            constraints.add(new UniqueConstraint(name, cols, false, false));
        }
        PgNames checkNames = new PgNames();
        spec.namedColumnChecks.forEach(c -> checkNames.take(Ident.parse(c.name()).db()));
        spec.checks.stream().filter(c -> c.name() != null).forEach(c -> checkNames.take(Ident.parse(c.name()).db()));
        List<String> columnNames = columns.stream().map(c -> c.name().db()).toList();
        for (ColumnSpec c : columns) {
            if (!c.checks().isEmpty()) {
                String expression = c.checks().size() == 1 ? c.checks().get(0)
                        : String.join(" and ", c.checks().stream().map(x -> "(" + x + ")").toList());
                constraints.add(CheckConstraint.of(
                        checkNames.choose(tableName, checkColumn(expression, columnNames), "check"), expression));
            }
        }
        for (TableSpec.CheckSpec c : spec.namedColumnChecks) {
            constraints.add(CheckConstraint.of(Ident.parse(c.name()).db(), c.expression()));
        }
        for (TableSpec.CheckSpec c : spec.checks) {
            String name = c.name() != null ? Ident.parse(c.name()).db()
                    : checkNames.choose(tableName, checkColumn(c.expression(), columnNames), "check");
            constraints.add(CheckConstraint.of(name, c.expression()));
        }
        for (TableSpec.IndexSpec ix : spec.indexes) {
            indexes.add(new Index(take(relations, ix.name()), ix.columns(), false, null, null));
        }
        for (TableSpec.ForeignKeySpec fk : distinctForeignKeys(spec)) {
            constraints.add(foreignKey(spec, fk));
        }
        return new Table(table.app(), table.model(), table.entity(), table.schema(), table.name(), stateColumns,
                table.primaryKey(), constraints, indexes, table.comment(), table.database());
    }

    /**
     * The foreign keys, each pair of (columns, referenced table) once: Hibernate makes one constraint of a
     * to-one and its read-only twin, or of an entity's to-one and the join table sharing its table. The
     * first mapped is kept.
     */
    static List<TableSpec.ForeignKeySpec> distinctForeignKeys(TableSpec spec) {
        var seen = new java.util.HashSet<List<Object>>();
        var result = new ArrayList<TableSpec.ForeignKeySpec>();
        for (TableSpec.ForeignKeySpec fk : spec.foreignKeys) {
            List<Object> key = List.of(fk.columns().stream().map(Ident::db).toList(), fk.target().qualifiedDbName());
            if (seen.add(key)) {
                result.add(fk);
            }
        }
        return result;
    }

    private static String take(PgNames relations, String name) {
        String db = Ident.parse(name).db();
        relations.take(db);
        return db;
    }

    private static Column column(ColumnSpec c) {
        Column col = Column.of(c.name().db(), c.type().ddl()).notNull(!c.nullable()).defaultSql(c.defaultSql())
                .field(c.field()).comment(c.comment()).generated(c.generated());
        return c.identity() ? col.identity(Identity.BY_DEFAULT) : col;
    }

    /** The foreign key, its columns in the order of the target's (reordered) primary key. */
    private static ForeignKey foreignKey(TableSpec spec, TableSpec.ForeignKeySpec fk) {
        TableSpec target = fk.target();
        List<ColumnSpec> mappedTargetPk = target.primaryKeyColumns();
        List<ColumnSpec> orderedTargetPk = orderedPrimaryKey(target);
        List<String> columns = new ArrayList<>();
        for (ColumnSpec targetColumn : orderedTargetPk) {
            columns.add(fk.columns().get(mappedTargetPk.indexOf(targetColumn)).db());
        }
        String name = fk.name() != null ? Ident.parse(fk.name()).db()
                : HibernateNames.foreignKey(spec.name, target.name, fk.columns()).toLowerCase(Locale.ROOT);
        ForeignKey key = new ForeignKey(name, columns, target.qualifiedDbName(),
                orderedTargetPk.stream().map(c -> c.name().db()).toList(), fk.onDelete(), true, true);
        return fk.enforced() ? key : key.noConstraint();
    }

    /**
     * The column PostgreSQL names a check after: the only column its expression mentions, else none.
     */
    static String checkColumn(String expression, List<String> columnNames) {
        Set<String> mentioned = new LinkedHashSet<>();
        Matcher m = WORD.matcher(stripStrings(expression));
        while (m.find()) {
            String word = m.group(1) != null ? m.group(1) : m.group(2).toLowerCase(Locale.ROOT);
            if (columnNames.contains(word)) {
                mentioned.add(word);
            }
        }
        return mentioned.size() == 1 ? mentioned.iterator().next() : null;
    }

    private static String stripStrings(String sql) {
        return sql.replaceAll("'(?:[^']|'')*'", "''");
    }
}
