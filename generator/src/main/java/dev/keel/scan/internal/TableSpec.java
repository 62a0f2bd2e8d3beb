package dev.keel.scan.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * Which of several entities on one table names it in keel's state (the model): a writable entity
     * before one marked {@code @Immutable} (a read-only view), then one whose name alone gives the table's
     * name ({@code Product} for {@code product}, not {@code ProductSummary} with {@code @Table(name = "product")}),
     * then the first in binding order. A join or collection table never names a table an entity maps.
     * Adding a read-only view of a table thus leaves its model as it was.
     */
    record NameClaim(boolean immutable, boolean renamed, int binding) implements Comparable<NameClaim> {
        static final NameClaim NONE = new NameClaim(true, true, Integer.MAX_VALUE);

        @Override
        public int compareTo(NameClaim o) {
            int c = Boolean.compare(immutable, o.immutable);
            if (c == 0) {
                c = Boolean.compare(renamed, o.renamed);
            }
            return c != 0 ? c : Integer.compare(binding, o.binding);
        }
    }

    /** A writable mapping of a column by an entity (or by its hierarchy), for the duplicate check. */
    record Writer(EntityInfo entity, String what) {}

    String app;
    String model;
    String entity;
    final Ident name;
    final String schema;
    Path file;
    int line;
    String comment;
    final List<ColumnSpec> columns = new ArrayList<>();
    /**
     * The sequences PostgreSQL makes for the {@code serial} columns of a columnDefinition (their default takes the
     * next value of it); the mapping adds them to the schema once the entity's attributes are mapped.
     */
    final java.util.Set<String> serialSequences = new java.util.LinkedHashSet<>();
    private final Map<String, Precedence> precedence = new HashMap<>();
    private final Map<String, List<Writer>> writers = new HashMap<>();
    List<Ident> primaryKey;
    /** How strongly the mapping that names the table (its model) claims it; a join or collection table, least. */
    NameClaim namedBy = NameClaim.NONE;
    /** The binding order of the entity whose key is the primary key, or -1 for a collection's key. */
    int keyBy = -1;
    final List<UniqueSpec> uniques = new ArrayList<>();
    final List<IndexSpec> indexes = new ArrayList<>();
    final List<ForeignKeySpec> foreignKeys = new ArrayList<>();
    final List<CheckSpec> checks = new ArrayList<>();
    final List<CheckSpec> namedColumnChecks = new ArrayList<>();
    /** The discriminator column of the hierarchy whose root's table this is (null without one), and its kind. */
    Ident discriminator;
    /** {@code STRING}, {@code INTEGER} or {@code CHAR}, the {@code discriminatorType} of {@link #discriminator}. */
    String discriminatorKind;
    /**
     * What {@link HibernateRule#SUBCLASS_NOT_NULL_CHECK} reads: per entity (class name), the columns of its non-optional
     * attributes that were nullable when Hibernate 7 made the checks (before Bean Validation), with the attribute's name.
     */
    final Map<String, List<Required>> required = new java.util.LinkedHashMap<>();

    /** A column of a non-optional attribute, for {@link #required}. */
    record Required(String attribute, Ident column) {}

    /** Records that entity {@code e}'s non-optional attribute {@code attribute} maps the nullable {@code column}. */
    void require(EntityInfo e, String attribute, Ident column) {
        required.computeIfAbsent(e.type().fqn(), k -> new ArrayList<>()).add(new Required(attribute, column));
    }
    /**
     * A TABLE_PER_CLASS table whose rows may also be in its subclasses' tables (the entity has subclasses, or is
     * abstract): Hibernate creates no foreign key that references it, since a referenced row may be in another table.
     */
    boolean union;
    /**
     * The table of an abstract TABLE_PER_CLASS entity: never created (each concrete subclass has its own), it holds
     * the key that relations to the entity, and the collections it declares, refer to.
     */
    boolean virtual;
    /**
     * The table of an entity mapped to a query ({@code @Subselect}): never created (Hibernate reads the entity from the
     * query), so {@link #virtual} too; nothing may hold a foreign key to it.
     */
    boolean subselect;
    /**
     * Some attribute mapped into this table could not be mapped (its problem is reported): a column the table's
     * constraints or indexes name may be that attribute's, so a missing one is no problem of its own.
     */
    boolean incomplete;
    /** The entity's {@code @SecondaryTable}s, by the name the database holds. */
    final Map<String, TableSpec> secondaries = new java.util.LinkedHashMap<>();

    public TableSpec(String app, String model, String entity, Ident name, String schema, Path file, int line) {
        this.app = app;
        this.model = model;
        this.entity = entity;
        this.name = name;
        this.schema = schema;
        this.file = file;
        this.line = line;
    }

    /** Records that an attribute of the table (or of its secondary tables) could not be mapped. */
    void markIncomplete() {
        incomplete = true;
        secondaries.values().forEach(t -> t.incomplete = true);
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

    /** Adds a column of a collection table or a one-to-many join column (bound after every entity's columns). */
    public void add(ColumnSpec column) {
        add(column, Precedence.COLLECTION_COLUMN);
    }

    /**
     * Adds a column; when the table has one of that name already, keeps the mapping Hibernate binds first
     * ({@link Precedence}). Returns whether {@code column} defines the column now.
     */
    public boolean add(ColumnSpec column, Precedence when) {
        String key = column.name().db();
        Precedence before = precedence.get(key);
        if (before == null) {
            columns.add(column);
        } else if (when.compareTo(before) < 0) {
            replace(column);
        } else {
            return false;
        }
        precedence.put(key, when);
        return true;
    }

    /**
     * Records that {@code entity} writes the column; returns the writable mapping it conflicts with, if
     * that entity, one of its entity superclasses or subclasses writes the column already (Hibernate
     * refuses a column that one entity inserts or updates twice).
     */
    Optional<Writer> claim(Ident column, EntityInfo by, String what) {
        List<Writer> list = writers.computeIfAbsent(column.db(), k -> new ArrayList<>());
        for (Writer w : list) {
            if (by.isOrExtends(w.entity()) || w.entity().isOrExtends(by)) {
                return Optional.of(w);
            }
        }
        list.add(new Writer(by, what));
        return Optional.empty();
    }

    /**
     * Takes in another mapping of the same physical table (another entity's, or a join or collection
     * table): each column as the mapping bound first defines it, the model of the entity Hibernate binds
     * first, the primary key of the entity it binds last (a collection's only when no entity gives one),
     * and every constraint and index of both.
     */
    void absorb(TableSpec other) {
        if (other.namedBy.compareTo(namedBy) < 0) {
            app = other.app;
            model = other.model;
            entity = other.entity;
            file = other.file;
            line = other.line;
            namedBy = other.namedBy;
            if (other.comment != null) {
                comment = other.comment;
            }
        }
        if (comment == null) {
            comment = other.comment;
        }
        for (ColumnSpec c : other.columns) {
            add(c, other.precedence.getOrDefault(c.name().db(), Precedence.COLLECTION_COLUMN));
        }
        other.writers.forEach((column, list) -> writers.computeIfAbsent(column, k -> new ArrayList<>()).addAll(list));
        boolean otherIsEntityKey = other.keyBy >= 0;
        if (other.primaryKey != null && (primaryKey == null || otherIsEntityKey && other.keyBy > keyBy)) {
            primaryKey = other.primaryKey;
            keyBy = other.keyBy;
        }
        addAbsent(uniques, other.uniques, u -> u.name() != null ? u.name() : u.columns().toString());
        addAbsent(indexes, other.indexes, IndexSpec::name);
        addAbsent(checks, other.checks, c -> c.name() != null ? c.name() : c.expression());
        addAbsent(namedColumnChecks, other.namedColumnChecks, CheckSpec::name);
        foreignKeys.addAll(other.foreignKeys);
    }

    /** Adds those of {@code from} whose key (a constraint's name, else what it says) {@code into} lacks. */
    private static <T> void addAbsent(List<T> into, List<T> from, java.util.function.Function<T, String> key) {
        var keys = new java.util.HashSet<String>();
        into.forEach(x -> keys.add(key.apply(x)));
        from.stream().filter(x -> keys.add(key.apply(x))).forEach(into::add);
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
