package dev.keel.scan.internal;

import dev.keel.state.Sequence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tables and sequences being mapped: each entity's own table, the join and collection tables, and
 * the sequences of generated identifiers. Mutable, filled by the mapping rules.
 */
public final class Schema {
    private final Map<String, TableSpec> entityTables = new LinkedHashMap<>();
    private final List<TableSpec> otherTables = new ArrayList<>();
    private final Map<String, Map<String, TableSpec>> byName = new java.util.HashMap<>();
    private final Map<TableSpec, String> databases = new java.util.IdentityHashMap<>();
    private final java.util.function.Function<EntityInfo, String> databaseOf;

    /** A schema whose entities all live in one database. */
    public Schema() {
        this(e -> null);
    }

    /** A schema whose entities live in the databases {@code databaseOf} names (null: the default). */
    public Schema(java.util.function.Function<EntityInfo, String> databaseOf) {
        this.databaseOf = databaseOf;
    }
    private final Map<String, Sequence> sequences = new TreeMap<>();
    private final Map<String, java.util.Set<EntityInfo>> sequenceOwners = new TreeMap<>();

    /**
     * Records the table an entity owns. When another entity (or a join or collection table) maps the same
     * physical table in the same database, the two become one ({@link TableSpec#absorb}): Hibernate
     * creates one table with the columns of both.
     */
    public void putEntityTable(EntityInfo entity, TableSpec table) {
        String database = databaseOf.apply(entity);
        Map<String, TableSpec> sameName = byName.computeIfAbsent(table.qualifiedDbName(), k -> new java.util.HashMap<>());
        TableSpec kept = sameName.get(key(database));
        if (kept != null) {
            kept.absorb(table);
        } else {
            kept = table;
            sameName.put(key(database), table);
            databases.put(table, key(database));
        }
        MappingRecorder.registered(kept);
        entityTables.put(entity.type().fqn(), kept);
    }

    /**
     * The entity table a join or collection table of the same name merges into: the one in the database
     * of the tables it references (a join table goes where they are), if there is one.
     */
    private TableSpec sameNamed(TableSpec table) {
        Map<String, TableSpec> sameName = byName.getOrDefault(table.qualifiedDbName(), Map.of());
        if (sameName.isEmpty()) {
            return null;
        }
        for (TableSpec.ForeignKeySpec fk : table.foreignKeys) {
            String db = databases.get(fk.target());
            if (db != null) {
                return sameName.get(db);
            }
        }
        return sameName.get(key(null));
    }

    private static String key(String database) {
        return database == null ? "" : database;
    }

    /** The table that holds an entity's columns: its own, or its root's for a single-table subclass. */
    public Optional<TableSpec> tableOf(EntityInfo entity) {
        EntityInfo e = entity.strategy() == EntityInfo.Strategy.SINGLE_TABLE ? entity.root() : entity;
        TableSpec table = entityTables.get(e.type().fqn());
        if (e != entity) {
            MappingRecorder.table(entity, true);
        }
        MappingRecorder.table(e, table != null);
        if (table == null && MappingRecorder.onDemand()) {
            table = entityTables.get(e.type().fqn()); // mapped on demand by a re-mapping (EntityRemap)
        }
        return Optional.ofNullable(table);
    }

    /**
     * {@link #tableOf}, for a reader that takes only the interface of the table (names, schema, key columns as a
     * foreign key to it needs them: {@link EntityRemap#iface}) and writes nothing into it.
     */
    public Optional<TableSpec> keyTableOf(EntityInfo entity) {
        if (entity.strategy() != EntityInfo.Strategy.NONE) {
            return tableOf(entity); // a hierarchy's table: read as a whole
        }
        MappingRecorder.iface(entity);
        TableSpec table = entityTables.get(entity.type().fqn());
        if (table == null && MappingRecorder.onDemand()) {
            String before = MappingRecorder.enter(entity.type().fqn());
            try {
                MappingRecorder.table(entity, false);
            } finally {
                MappingRecorder.leave(before);
            }
            table = entityTables.get(entity.type().fqn());
        }
        return Optional.ofNullable(table);
    }

    /** The table that holds an entity's columns, if mapped yet, without recording a read ({@link MappingRecorder}). */
    TableSpec peek(EntityInfo entity) {
        EntityInfo e = entity.strategy() == EntityInfo.Strategy.SINGLE_TABLE ? entity.root() : entity;
        return entityTables.get(e.type().fqn());
    }

    /** Adds a join or collection table (merged into the table of that name, if one is mapped already). */
    public void addOther(TableSpec table) {
        TableSpec kept = sameNamed(table);
        MappingRecorder.registered(kept != null ? kept : table);
        if (kept != null) {
            kept.absorb(table);
        } else {
            otherTables.add(table);
            Map<String, TableSpec> sameName = byName.computeIfAbsent(table.qualifiedDbName(), k -> new java.util.HashMap<>());
            String db = table.foreignKeys.stream().map(fk -> databases.get(fk.target())).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(key(null));
            sameName.putIfAbsent(db, table);
            databases.putIfAbsent(table, db);
        }
    }

    /** Every table once: entity tables first, then the others, in mapping order. */
    public List<TableSpec> tables() {
        var all = new ArrayList<TableSpec>();
        var seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<TableSpec, Boolean>());
        for (TableSpec t : entityTables.values()) {
            if (seen.add(t)) {
                all.add(t);
            }
        }
        all.addAll(otherTables);
        return all;
    }

    /** Adds a sequence; returns false when another sequence of that name differs. */
    public boolean addSequence(Sequence sequence) {
        MappingRecorder.sequence(sequence.name());
        Sequence before = sequences.putIfAbsent(sequence.name(), sequence);
        return before == null || before.equals(sequence);
    }

    /** Adds a sequence that gives the ids of {@code owner}; returns false when another sequence of that name differs. */
    public boolean addSequence(Sequence sequence, EntityInfo owner) {
        sequenceOwners.computeIfAbsent(sequence.name(), k -> new java.util.LinkedHashSet<>()).add(owner);
        return addSequence(sequence);
    }

    /** The entities whose ids a sequence gives. */
    public java.util.Set<EntityInfo> sequenceOwners(String name) {
        return sequenceOwners.getOrDefault(name, java.util.Set.of());
    }

    /** Every sequence, by name. */
    public List<Sequence> sequences() {
        return List.copyOf(sequences.values());
    }
}
