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
    private final Map<String, Sequence> sequences = new TreeMap<>();
    private final Map<String, java.util.Set<EntityInfo>> sequenceOwners = new TreeMap<>();

    /** Records the table an entity owns. */
    public void putEntityTable(EntityInfo entity, TableSpec table) {
        entityTables.put(entity.type().fqn(), table);
    }

    /** The table that holds an entity's columns: its own, or its root's for a single-table subclass. */
    public Optional<TableSpec> tableOf(EntityInfo entity) {
        EntityInfo e = entity.strategy() == EntityInfo.Strategy.SINGLE_TABLE ? entity.root() : entity;
        return Optional.ofNullable(entityTables.get(e.type().fqn()));
    }

    /** Adds a join or collection table. */
    public void addOther(TableSpec table) {
        otherTables.add(table);
    }

    /** Every table: entity tables first, then the others, in mapping order. */
    public List<TableSpec> tables() {
        var all = new ArrayList<>(entityTables.values());
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
