package dev.keel.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A table as the database holds it, with the entity it maps (null for join and collection tables).
 * {@code app} and {@code model} are filled in when an operation puts the table into a state; in a
 * migration file a table is written without them: {@code table("post").entity("Post").field(...)}.
 *
 * <p>{@code database} names the database of {@code keel.json} the table lives in ({@code @Database} on
 * its entity); null is the database named {@code default}.
 *
 * <p>Removing a column removes the indexes and constraints that use it, as PostgreSQL does.
 */
public record Table(String app, String model, String entity, String schema, String name, List<Column> columns,
                    PrimaryKey primaryKey, List<Constraint> constraints, List<Index> indexes, String comment,
                    String database) {

    public Table {
        Names.require(name, "table name");
        model = model == null ? null : Names.modelKey(model);
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        indexes = List.copyOf(indexes);
        // loops, not streams: every builder step and every replayed change of a table makes one
        var seen = new java.util.HashSet<String>();
        for (Column c : columns) {
            requireUnique(seen, c.name(), "column", name);
        }
        seen.clear();
        for (Column c : columns) {
            if (c.field() != null) {
                requireUnique(seen, c.field(), "field", name);
            }
        }
        seen.clear();
        for (Constraint c : constraints) {
            requireUnique(seen, c.name(), "constraint", name);
        }
        seen.clear();
        for (Index i : indexes) {
            requireUnique(seen, i.name(), "index", name);
        }
        if (schema != null && schema.isBlank()) {
            schema = null;
        }
        if (database != null && (database.isBlank() || database.equals(DEFAULT_DATABASE))) {
            database = null;
        }
    }

    private static void requireUnique(java.util.Set<String> seen, String n, String what, String table) {
        if (!seen.add(n)) {
            throw new IllegalArgumentException("table " + table + " has the " + what + " " + n + " twice");
        }
    }

    /** The database a table without a {@code database} lives in. */
    public static final String DEFAULT_DATABASE = "default";

    /** An empty table to be filled with the builder methods. */
    public static Table named(String name) {
        return new Table(null, null, null, null, name, List.of(), null, List.of(), List.of(), null, null);
    }

    /** The name of the database the table lives in: {@code database}, or {@code default}. */
    public String databaseName() {
        return database == null ? DEFAULT_DATABASE : database;
    }

    /** This table in the database {@code databaseName} of {@code keel.json} ({@code default} or null: the default one). */
    public Table database(String databaseName) {
        return new Table(app, model, entity, schema, name, columns, primaryKey, constraints, indexes, comment, databaseName);
    }

    /** {@code schema.name}, or {@code name} in the default schema. */
    public String qualifiedName() {
        return schema == null ? name : schema + "." + name;
    }

    // ---- builder-style copies -------------------------------------------------------------

    /** This table placed in a state under {@code app.model}. */
    public Table placed(String appLabel, String modelName) {
        return new Table(appLabel, modelName, entity, schema, name, columns, primaryKey, constraints, indexes, comment, database);
    }

    /**
     * The name a migration gives this table's model: the entity class's name where the model is that name in lower
     * case ({@code Post} for {@code post}), else the model itself (an entity named by {@code @Entity(name = "posts")},
     * whose model is {@code posts}; a join or collection table).
     */
    public String modelName() {
        return entity != null && entity.toLowerCase(java.util.Locale.ROOT).equals(model) ? entity : model;
    }

    /** This table as the table of the entity class {@code entityName}. */
    public Table entity(String entityName) {
        return new Table(app, model, entityName, schema, name, columns, primaryKey, constraints, indexes, comment, database);
    }

    /** This table in a schema other than the default. */
    public Table schema(String schemaName) {
        return new Table(app, model, entity, schemaName, name, columns, primaryKey, constraints, indexes, comment, database);
    }

    /** This table under another physical name. */
    public Table rename(String newName) {
        return new Table(app, model, entity, schema, newName, columns, primaryKey, constraints, indexes, comment, database);
    }

    /** This table with a {@code COMMENT ON TABLE}. */
    public Table comment(String text) {
        return new Table(app, model, entity, schema, name, columns, primaryKey, constraints, indexes, text, database);
    }

    /** This table with one more column, owned by the Java field {@code fieldName}. */
    public Table field(String fieldName, Column column) {
        return column(column.field(fieldName));
    }

    /** This table with one more column at the end. */
    public Table column(Column column) {
        var list = new ArrayList<>(columns);
        list.add(column);
        return withColumns(list);
    }

    /** This table with its primary key on {@code columnNames}, named {@code <table>_pkey}. */
    public Table primaryKey(String... columnNames) {
        return withPrimaryKey(new PrimaryKey(name + "_pkey", List.of(columnNames)));
    }

    /** This table with another primary key (or none). */
    public Table withPrimaryKey(PrimaryKey key) {
        return new Table(app, model, entity, schema, name, columns, key, constraints, indexes, comment, database);
    }

    /** This table with one more constraint. */
    public Table constraint(Constraint constraint) {
        var list = new ArrayList<>(constraints);
        list.add(constraint);
        return new Table(app, model, entity, schema, name, columns, primaryKey, list, indexes, comment, database);
    }

    /** This table with one more index. */
    public Table index(Index index) {
        var list = new ArrayList<>(indexes);
        list.add(index);
        return new Table(app, model, entity, schema, name, columns, primaryKey, constraints, list, comment, database);
    }

    // ---- lookups ---------------------------------------------------------------------------

    public Optional<Column> findColumn(String columnName) {
        for (Column c : columns) {
            if (c.name().equals(columnName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public Optional<Column> findField(String fieldName) {
        for (Column c : columns) {
            if (fieldName.equals(c.field())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The column of a field; else the column of that name that no field owns: every column of a table
     * without an entity (a join or collection table), and on an entity's table the columns another
     * entity's mapping puts there (the join column of a unidirectional {@code @OneToMany}), which
     * operations name by column as the diff does.
     */
    public Optional<Column> findFieldOrColumn(String fieldName) {
        Optional<Column> byField = findField(fieldName);
        return byField.isPresent() ? byField : findColumn(fieldName).filter(c -> entity == null || c.field() == null);
    }

    public Optional<Constraint> findConstraint(String constraintName) {
        return constraints.stream().filter(c -> c.name().equals(constraintName)).findFirst();
    }

    public Optional<Index> findIndex(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    public List<ForeignKey> foreignKeys() {
        return constraints.stream().filter(ForeignKey.class::isInstance).map(ForeignKey.class::cast).toList();
    }

    public List<UniqueConstraint> uniques() {
        return constraints.stream().filter(UniqueConstraint.class::isInstance).map(UniqueConstraint.class::cast).toList();
    }

    public List<CheckConstraint> checks() {
        return constraints.stream().filter(CheckConstraint.class::isInstance).map(CheckConstraint.class::cast).toList();
    }

    // ---- changes ---------------------------------------------------------------------------

    public Table withColumns(List<Column> newColumns) {
        return new Table(app, model, entity, schema, name, newColumns, primaryKey, constraints, indexes, comment, database);
    }

    /** This table with the column named {@code columnName} replaced (renames carry into keys and indexes). */
    public Table replaceColumn(String columnName, Column replacement) {
        var list = new ArrayList<Column>();
        for (Column c : columns) {
            list.add(c.name().equals(columnName) ? replacement : c);
        }
        Table t = withColumns(list);
        return columnName.equals(replacement.name()) ? t : t.renameColumnReferences(columnName, replacement.name());
    }

    private Table renameColumnReferences(String from, String to) {
        UnaryOperator<List<String>> ren = cols -> cols.stream().map(c -> c.equals(from) ? to : c).toList();
        PrimaryKey pk = primaryKey == null ? null : new PrimaryKey(primaryKey.name(), ren.apply(primaryKey.columns()));
        List<Constraint> cs = constraints.stream().map(c -> {
            if (c instanceof ForeignKey fk) {
                return (Constraint) new ForeignKey(fk.name(), ren.apply(fk.columns()), fk.targetTable(), fk.targetColumns(),
                        fk.onDelete(), fk.enforced(), fk.validated());
            }
            if (c instanceof UniqueConstraint u) {
                return new UniqueConstraint(u.name(), ren.apply(u.columns()), u.isDeferrable(), u.isInitiallyDeferred());
            }
            return c instanceof CheckConstraint ch ? ch.renameColumn(from, to) : c;
        }).toList();
        List<Index> ix = indexes.stream().map(i -> i.renameColumn(from, to)).toList();
        return new Table(app, model, entity, schema, name, columns, pk, cs, ix, comment, database);
    }

    /** This table without the column, and without the keys, constraints and indexes that use it. */
    public Table withoutColumn(String columnName) {
        List<Column> cols = columns.stream().filter(c -> !c.name().equals(columnName)).toList();
        PrimaryKey pk = primaryKey != null && primaryKey.columns().contains(columnName) ? null : primaryKey;
        List<Constraint> cs = constraints.stream().filter(c -> !c.uses(columnName)).toList();
        List<Index> ix = indexes.stream().filter(i -> !i.uses(columnName)).toList();
        return new Table(app, model, entity, schema, name, cols, pk, cs, ix, comment, database);
    }

    public Table withoutConstraint(String constraintName) {
        return new Table(app, model, entity, schema, name, columns, primaryKey,
                constraints.stream().filter(c -> !c.name().equals(constraintName)).toList(), indexes, comment, database);
    }

    public Table replaceConstraint(String constraintName, Constraint replacement) {
        return new Table(app, model, entity, schema, name, columns, primaryKey,
                constraints.stream().map(c -> c.name().equals(constraintName) ? replacement : c).toList(), indexes, comment, database);
    }

    public Table withoutIndex(String indexName) {
        return new Table(app, model, entity, schema, name, columns, primaryKey, constraints,
                indexes.stream().filter(i -> !i.name().equals(indexName)).toList(), comment, database);
    }

    public Table replaceIndex(String indexName, Index replacement) {
        return new Table(app, model, entity, schema, name, columns, primaryKey, constraints,
                indexes.stream().map(i -> i.name().equals(indexName) ? replacement : i).toList(), comment, database);
    }

    /** This table with foreign keys that pointed at {@code oldTarget} pointing at {@code newTarget}. */
    public Table retargetForeignKeys(String oldTarget, String newTarget) {
        return new Table(app, model, entity, schema, name, columns, primaryKey,
                constraints.stream().map(c -> c instanceof ForeignKey fk && fk.targetTable().equals(oldTarget)
                        ? fk.retarget(newTarget) : c).toList(), indexes, comment, database);
    }

    /*
     * equals and hashCode written out, as Java's record methods define them (the same components, the same hash:
     * RecordMethodsTest compares them with java.lang.runtime.ObjectMethods'): those are linked through method
     * handles on first use, a few milliseconds of a short command each, which no class-data archive keeps.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Table other
                && java.util.Objects.equals(app, other.app)
                && java.util.Objects.equals(model, other.model)
                && java.util.Objects.equals(entity, other.entity)
                && java.util.Objects.equals(schema, other.schema)
                && java.util.Objects.equals(name, other.name)
                && java.util.Objects.equals(columns, other.columns)
                && java.util.Objects.equals(primaryKey, other.primaryKey)
                && java.util.Objects.equals(constraints, other.constraints)
                && java.util.Objects.equals(indexes, other.indexes)
                && java.util.Objects.equals(comment, other.comment)
                && java.util.Objects.equals(database, other.database);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + java.util.Objects.hashCode(app);
        h = 31 * h + java.util.Objects.hashCode(model);
        h = 31 * h + java.util.Objects.hashCode(entity);
        h = 31 * h + java.util.Objects.hashCode(schema);
        h = 31 * h + java.util.Objects.hashCode(name);
        h = 31 * h + java.util.Objects.hashCode(columns);
        h = 31 * h + java.util.Objects.hashCode(primaryKey);
        h = 31 * h + java.util.Objects.hashCode(constraints);
        h = 31 * h + java.util.Objects.hashCode(indexes);
        h = 31 * h + java.util.Objects.hashCode(comment);
        h = 31 * h + java.util.Objects.hashCode(database);
        return h;
    }
}
