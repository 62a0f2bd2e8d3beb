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

    /** Every sequence, by name. */
    public List<Sequence> sequences() {
        return List.copyOf(sequences.values());
    }
}
