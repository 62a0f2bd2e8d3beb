package dev.keel.runner.catalog;

import dev.keel.project.ProjectState;
import dev.keel.runner.catalog.Catalog.CheckDef;
import dev.keel.runner.catalog.Catalog.ColumnDef;
import dev.keel.runner.catalog.Catalog.ForeignKeyDef;
import dev.keel.runner.catalog.Catalog.IndexDef;
import dev.keel.runner.catalog.Catalog.SequenceDef;
import dev.keel.runner.catalog.Catalog.TableDef;
import dev.keel.runner.sql.Identifiers;
import dev.keel.runner.sql.OperationSql;
import dev.keel.runner.sql.PhysicalTables;
import dev.keel.state.Column;
import dev.keel.state.Constraint;
import dev.keel.state.ForeignKey;
import dev.keel.state.PendingDeletion;
import dev.keel.state.PendingView;
import dev.keel.state.Sequence;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A state built in scratch schemas instead of its own: the default schema becomes {@code prefix}
 * (put first on the search path), every other schema the state uses becomes {@code prefix_1},
 * {@code prefix_2}... Tables, foreign-key targets, sequences (and {@code nextval('schema.seq')} in
 * defaults) and compatibility views move with their schema. {@link #back} reads what PostgreSQL built
 * there as the catalog of the real schemas, every expression as PostgreSQL prints it. Pure: the
 * caller creates the schemas and runs the SQL.
 *
 * @param defaultSchema the scratch schema standing for the default one
 * @param scratchOf     each other schema of the state, with the scratch schema standing for it
 */
public record ScratchSchemas(String defaultSchema, Map<String, String> scratchOf) {

    public ScratchSchemas {
        scratchOf = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scratchOf));
    }

    /** The scratch schemas for {@code state}, named from {@code prefix} (a fresh, unquoted identifier). */
    public static ScratchSchemas of(ProjectState state, String prefix) {
        var schemas = new TreeSet<String>();
        for (Table t : PhysicalTables.of(state)) {
            addSchema(schemas, t.schema());
            t.foreignKeys().forEach(fk -> addSchema(schemas, Identifiers.schemaOf(fk.targetTable())));
        }
        state.physicalSequences().forEach(s -> addSchema(schemas, Identifiers.schemaOf(s.name())));
        for (PendingDeletion p : state.pending()) {
            if (p instanceof PendingView v) {
                addSchema(schemas, Identifiers.schemaOf(v.view()));
            }
        }
        var map = new LinkedHashMap<String, String>();
        int n = 0;
        for (String s : schemas) {
            map.put(s, prefix + "_" + ++n);
        }
        return new ScratchSchemas(prefix, map);
    }

    private static void addSchema(TreeSet<String> schemas, String schema) {
        if (schema != null && !schema.equals(Identifiers.DEFAULT_SCHEMA)) {
            schemas.add(schema);
        }
    }

    /** Every scratch schema, the default one first. */
    public List<String> schemas() {
        var all = new ArrayList<String>();
        all.add(defaultSchema);
        all.addAll(scratchOf.values());
        return all;
    }

    /** The statements that build {@code state} in the scratch schemas (with {@link #defaultSchema} first on the search path). */
    public List<String> createSql(ProjectState state) {
        List<Table> tables = PhysicalTables.of(state).stream().map(this::table).toList();
        List<Sequence> sequences = state.physicalSequences().stream()
                .map(s -> new Sequence(dotted(s.name()), s.start(), s.increment(), s.database())).toList();
        List<PendingView> views = state.pending().stream().filter(PendingView.class::isInstance).map(PendingView.class::cast)
                .map(v -> new PendingView(v.app(), dotted(v.view()), dotted(v.target()), v.columns())).toList();
        return OperationSql.createAll(tables, sequences, views);
    }

    /** A schema of the state as the scratch build names it: null for the default schema. */
    private String scratch(String schema) {
        return schema == null || schema.equals(Identifiers.DEFAULT_SCHEMA) ? null : scratchOf.getOrDefault(schema, schema);
    }

    /** A dotted name of the state as the scratch build names it. */
    private String dotted(String name) {
        String schema = Identifiers.schemaOf(name);
        if (schema == null) {
            return name;
        }
        String s = scratch(schema);
        return s == null ? Identifiers.nameOf(name) : s + "." + Identifiers.nameOf(name);
    }

    private Table table(Table t) {
        List<Column> columns = t.columns().stream().map(c -> c.defaultSql() == null ? c : c.defaultSql(nextvalForward(c.defaultSql()))).toList();
        List<Constraint> constraints = t.constraints().stream().map(c -> c instanceof ForeignKey fk
                ? new ForeignKey(fk.name(), fk.columns(), dotted(fk.targetTable()), fk.targetColumns(), fk.onDelete(), fk.enforced(), fk.validated())
                : c).toList();
        return new Table(t.app(), t.model(), t.entity(), scratch(t.schema()), t.name(), columns, t.primaryKey(),
                constraints, t.indexes(), t.comment(), t.database());
    }

    private static final Pattern NEXTVAL = Pattern.compile("(?i)(nextval\\s*\\(\\s*')(\"?)([^'\".]+)\\2\\.");

    /** {@code nextval('schema.seq')} pointing at the scratch schema of {@code schema}. */
    private String nextvalForward(String sql) {
        Matcher m = NEXTVAL.matcher(sql);
        var out = new StringBuilder();
        while (m.find()) {
            String s = m.group(2).isEmpty() ? m.group(3).toLowerCase(java.util.Locale.ROOT) : m.group(3);
            String to = scratch(s);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + (to == null ? "" : to + ".")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The catalog of the real schemas from {@code read}, the scratch build read with
     * {@link #defaultSchema} as default schema: what is in no scratch schema is left out, names and
     * expressions name the real schemas again.
     */
    public Catalog back(Catalog read) {
        var tables = new TreeMap<String, TableDef>();
        read.tables().forEach((name, t) -> {
            String real = realName(name);
            if (real != null) {
                tables.put(real, table(t, real));
            }
        });
        var sequences = new TreeMap<String, SequenceDef>();
        read.sequences().forEach((name, s) -> {
            String real = realName(name);
            if (real != null) {
                sequences.put(real, new SequenceDef(real, s.start(), s.increment()));
            }
        });
        return new Catalog(tables, sequences);
    }

    /** The real name of a catalog name of the scratch build, or null when it is outside the scratch schemas. */
    private String realName(String name) {
        String schema = Identifiers.schemaOf(name);
        if (schema == null) {
            return name;
        }
        for (var e : scratchOf.entrySet()) {
            if (e.getValue().equals(schema)) {
                return e.getKey() + "." + Identifiers.nameOf(name);
            }
        }
        return null;
    }

    private TableDef table(TableDef t, String realName) {
        UnaryOperator<String> x = this::realText;
        var columns = new TreeMap<String, ColumnDef>();
        t.columns().forEach((k, c) -> columns.put(k, new ColumnDef(c.name(), c.type(), c.notNull(), x.apply(c.defaultSql()), c.identity(), c.comment(),
                x.apply(c.generated()))));
        var fks = new TreeMap<String, ForeignKeyDef>();
        t.foreignKeys().forEach((k, f) -> {
            String target = realName(f.targetTable());
            fks.put(k, new ForeignKeyDef(f.name(), f.columns(), target == null ? f.targetTable() : target, f.targetColumns(),
                    f.onDelete(), f.validated()));
        });
        var checks = new TreeMap<String, CheckDef>();
        t.checks().forEach((k, c) -> checks.put(k, new CheckDef(c.name(), x.apply(c.expression()), c.validated())));
        var indexes = new TreeMap<String, IndexDef>();
        t.indexes().forEach((k, i) -> indexes.put(k, new IndexDef(i.name(), i.elements().stream().map(x).toList(), i.unique(),
                i.method(), x.apply(i.where()), i.valid(), i.ready(), i.build())));
        return new TableDef(realName, columns, t.primaryKey(), fks, t.uniques(), checks, indexes, t.comment());
    }

    /** An expression of the scratch build naming the real schemas: {@code prefix_1.seq} becomes {@code crm.seq}. */
    private String realText(String sql) {
        if (sql == null) {
            return null;
        }
        String out = sql;
        for (var e : scratchOf.entrySet()) {
            out = out.replaceAll("\\b" + Pattern.quote(e.getValue()) + "\\b", Matcher.quoteReplacement(Identifiers.quote(e.getKey())));
        }
        return out.replaceAll("\\b" + Pattern.quote(defaultSchema) + "\\.", "");
    }
}
