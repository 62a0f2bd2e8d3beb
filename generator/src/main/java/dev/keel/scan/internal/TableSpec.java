package dev.keel.scan.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A table being mapped: columns, keys and constraints as the mapping states them. Filled by the mapping
 * rules, then turned into a state table by {@link TableFinisher}. Mutable, and used by one thread.
 */
public final class TableSpec {
    /** A unique constraint; {@code name} is null when the mapping leaves it to PostgreSQL. */
    public record UniqueSpec(String name, List<Ident> columns) {}

    /** A plain index; {@code columns} carry their order ({@code "created_at DESC"}). */
    public record IndexSpec(String name, List<String> columns, List<Ident> columnIdents) {}

    /** A foreign key to {@code target}'s primary key; {@code name} null means Hibernate's hashed name. */
    public record ForeignKeySpec(String name, List<Ident> columns, TableSpec target, boolean enforced, String onDelete) {
        /** This foreign key with the referential action of {@code @OnDelete} (null: none). */
        public ForeignKeySpec onDelete(String action) {
            return new ForeignKeySpec(name, columns, target, enforced, action);
        }
    }

    /** A table-level check; {@code name} null when PostgreSQL names it. */
    public record CheckSpec(String name, String expression) {}

    final String app;
    final String model;
    final String entity;
    final Ident name;
    final String schema;
    final Path file;
    final int line;
    String comment;
    final List<ColumnSpec> columns = new ArrayList<>();
    List<Ident> primaryKey;
    final List<UniqueSpec> uniques = new ArrayList<>();
    final List<IndexSpec> indexes = new ArrayList<>();
    final List<ForeignKeySpec> foreignKeys = new ArrayList<>();
    final List<CheckSpec> checks = new ArrayList<>();
    final List<CheckSpec> namedColumnChecks = new ArrayList<>();

    public TableSpec(String app, String model, String entity, Ident name, String schema, Path file, int line) {
        this.app = app;
        this.model = model;
        this.entity = entity;
        this.name = name;
        this.schema = schema;
        this.file = file;
        this.line = line;
    }

    /** The physical table name. */
    public Ident name() {
        return name;
    }

    /** The app whose model the table is. */
    public String app() {
        return app;
    }

    /** The model key (entity name or join table name). */
    public String model() {
        return model;
    }

    /** The schema-qualified name the database holds. */
    public String qualifiedDbName() {
        return schema == null ? name.db() : schema + "." + name.db();
    }

    /** The columns mapped so far. */
    public List<ColumnSpec> columns() {
        return columns;
    }

    /** The column with this physical name, if mapped. */
    public java.util.Optional<ColumnSpec> column(Ident columnName) {
        return columns.stream().filter(c -> c.name().db().equals(columnName.db())).findFirst();
    }

    /** Whether a column of that name is already mapped. */
    public boolean hasColumn(Ident columnName) {
        return column(columnName).isPresent();
    }

    /** Adds a column. */
    public void add(ColumnSpec column) {
        columns.add(column);
    }

    /** Replaces the column of the same name. */
    public void replace(ColumnSpec column) {
        columns.replaceAll(c -> c.name().db().equals(column.name().db()) ? column : c);
    }

    /** The primary key's columns as mapped (null when the table has none). */
    public List<Ident> primaryKey() {
        return primaryKey;
    }

    /**
     * Adds a foreign key, or merges it with the one already there over the same columns to the same
     * table, as Hibernate keeps one key per column list and referenced table (both sides of a relation
     * mapped twice, like a {@code @ManyToOne} and a {@code @OneToMany @JoinColumn} over one column): a
     * relation without constraint ({@code NO_CONSTRAINT}) gives way to one with a constraint, and the
     * later key's explicit name and {@code @OnDelete} action win over the earlier one's.
     */
    public void addForeignKey(ForeignKeySpec fk) {
        for (int i = 0; i < foreignKeys.size(); i++) {
            ForeignKeySpec old = foreignKeys.get(i);
            if (old.target() == fk.target() && sameColumns(old.columns(), fk.columns())) {
                foreignKeys.set(i, merged(old, fk));
                return;
            }
        }
        foreignKeys.add(fk);
    }

    private static ForeignKeySpec merged(ForeignKeySpec old, ForeignKeySpec later) {
        if (old.enforced() != later.enforced()) {
            return old.enforced() ? old : later;
        }
        return new ForeignKeySpec(later.name() != null ? later.name() : old.name(), old.columns(), old.target(), old.enforced(),
                later.onDelete() != null ? later.onDelete() : old.onDelete());
    }

    private static boolean sameColumns(List<Ident> a, List<Ident> b) {
        return a.stream().map(Ident::db).toList().equals(b.stream().map(Ident::db).toList());
    }

    /** The primary-key columns, with their types. */
    public List<ColumnSpec> primaryKeyColumns() {
        return primaryKey == null ? List.of() : primaryKey.stream().map(k -> column(k).orElseThrow()).toList();
    }
}
