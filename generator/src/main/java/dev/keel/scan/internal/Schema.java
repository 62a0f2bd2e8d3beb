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
    private final Map<String, TableSpec> byName = new java.util.HashMap<>();
    private final Map<String, Sequence> sequences = new TreeMap<>();
    private final Map<String, java.util.Set<EntityInfo>> sequenceOwners = new TreeMap<>();

    /**
     * Records the table an entity owns. When another entity (or a join or collection table) maps the same
     * physical table, the two become one ({@link TableSpec#absorb}): Hibernate creates one table with
     * the columns of both.
     */
    public void putEntityTable(EntityInfo entity, TableSpec table) {
        TableSpec kept = named(table);
        if (kept != null) {
            kept.absorb(table);
        } else {
            kept = table;
        }
        entityTables.put(entity.type().fqn(), kept);
    }

    /** The table mapped already under the same schema-qualified name, if any. */
    private TableSpec named(TableSpec table) {
        TableSpec before = byName.putIfAbsent(table.qualifiedDbName(), table);
        return before == table ? null : before;
    }

    /** The table that holds an entity's columns: its own, or its root's for a single-table subclass. */
    public Optional<TableSpec> tableOf(EntityInfo entity) {
        EntityInfo e = entity.strategy() == EntityInfo.Strategy.SINGLE_TABLE ? entity.root() : entity;
        return Optional.ofNullable(entityTables.get(e.type().fqn()));
    }

    /** Adds a join or collection table (merged into the table of that name, if one is mapped already). */
    public void addOther(TableSpec table) {
        TableSpec kept = named(table);
        if (kept != null) {
            kept.absorb(table);
        } else {
            otherTables.add(table);
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
