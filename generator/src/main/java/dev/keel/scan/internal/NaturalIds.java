package dev.keel.scan.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Hibernate's {@code @NaturalId}: the natural-id attributes of an entity make one unique key of its table, left
 * unnamed (PostgreSQL names it {@code <table>_<columns>_key}), over their columns in Hibernate's binding order:
 * the attributes sorted by name, each with its columns in its own order (a relation's join columns).
 */
final class NaturalIds {
    private final TableSpec table;
    private final TreeMap<String, List<Ident>> columns = new TreeMap<>(Comparator.naturalOrder());

    NaturalIds(TableSpec table) {
        this.table = table;
    }

    /** Maps {@code a} with {@code mapping} and, when it is a natural id, remembers the columns the mapping added. */
    void map(Attribute a, Runnable mapping) {
        if (!a.has(JpaNames.NATURAL_ID)) {
            mapping.run();
            return;
        }
        Set<String> before = new HashSet<>();
        table.columns().forEach(c -> before.add(c.name().db()));
        mapping.run();
        var added = new ArrayList<Ident>();
        table.columns().stream().filter(c -> !before.contains(c.name().db())).forEach(c -> added.add(c.name()));
        columns.put(a.name(), added);
    }

    /** Adds the unique key of the natural id, when the entity has one. */
    void finish() {
        var key = new ArrayList<Ident>();
        columns.values().forEach(key::addAll);
        if (!key.isEmpty()) {
            table.uniques.add(new TableSpec.UniqueSpec(null, key));
        }
    }
}
