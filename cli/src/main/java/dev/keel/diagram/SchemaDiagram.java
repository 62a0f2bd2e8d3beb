package dev.keel.diagram;

import dev.keel.project.ModelKey;
import dev.keel.project.ProjectState;
import dev.keel.state.Column;
import dev.keel.state.ForeignKey;
import dev.keel.state.Index;
import dev.keel.state.PendingColumn;
import dev.keel.state.PendingDeletion;
import dev.keel.state.PendingTable;
import dev.keel.state.Table;
import dev.keel.state.UniqueConstraint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What an entity-relationship picture of the schema shows, independent of its format: the tables (by their
 * schema-qualified names, sorted), their columns in table order with type, nullability and keys, and one
 * relation per foreign key. Built from states alone ({@link #of}, {@link #changes}); {@link Mermaid} and
 * {@link Dot} write it out.
 */
public record SchemaDiagram(List<Entity> entities, List<Relation> relations) {
    /** How a table or column changed between two states; NONE in a picture of one state. */
    public enum Mark {
        NONE(""), ADDED("added"), REMOVED("removed"), CHANGED("changed"),
        /** Left the model, still in the database until a later migration deletes it. */
        PENDING_DELETION("pending deletion");

        private final String text;

        Mark(String text) {
            this.text = text;
        }

        /** The word the pictures write for it; empty for NONE. */
        public String text() {
            return text;
        }
    }

    /**
     * A column. {@code was} is what a CHANGED column was, its type or nullability or both ({@code varchar(100) nullable}),
     * otherwise null. {@code uniqueWith} names the other columns of a unique constraint it is part of.
     */
    public record Attribute(String name, String type, boolean nullable, boolean primaryKey, boolean foreignKey,
                            boolean unique, List<String> uniqueWith, Mark mark, String was) {
        public Attribute {
            uniqueWith = List.copyOf(uniqueWith);
        }
    }

    /** A table: its schema-qualified name ({@code billing.invoice}, or {@code post} in the default schema). */
    public record Entity(String name, List<Attribute> attributes, List<String> uniques, Mark mark) {
        public Entity {
            attributes = List.copyOf(attributes);
            uniques = List.copyOf(uniques);
        }
    }

    /**
     * A foreign key of {@code from} ({@code columns}) to {@code to} ({@code targetColumns}). {@code optional}: a
     * row may reference nothing (a column of the key allows nulls); {@code oneToOne}: the key's columns are unique
     * (a primary key or unique constraint on exactly them); {@code enforced}: the database has the constraint.
     */
    public record Relation(String from, String to, String name, List<String> columns, List<String> targetColumns,
                           boolean optional, boolean oneToOne, boolean enforced, Mark mark) {
        public Relation {
            columns = List.copyOf(columns);
            targetColumns = List.copyOf(targetColumns);
        }
    }

    public SchemaDiagram {
        entities = List.copyOf(entities);
        relations = List.copyOf(relations);
    }

    /**
     * Every table of {@code state} that {@code include} keeps, and the tables their foreign keys reference
     * directly (so that no relation points nowhere). Columns and tables waiting for deletion are shown, marked, since
     * the database still has them.
     */
    public static SchemaDiagram of(ProjectState state, Predicate<Table> include) {
        var selected = new TreeMap<String, Table>();
        for (Table t : state.tables()) {
            if (include.test(t)) {
                selected.put(t.qualifiedName(), t);
            }
        }
        var included = Set.copyOf(selected.keySet());
        addReferenced(selected, state);
        var entities = new ArrayList<Entity>();
        var relations = new ArrayList<Relation>();
        for (Table t : selected.values()) {
            var attributes = new ArrayList<Attribute>();
            t.columns().forEach(c -> attributes.add(attribute(t, c, Mark.NONE, null)));
            pendingColumns(state, t).forEach(c -> attributes.add(attribute(t, c, Mark.PENDING_DELETION, null)));
            entities.add(new Entity(t.qualifiedName(), attributes, uniques(t), Mark.NONE));
            // a referenced table's own foreign keys are drawn when they lead to a drawn table (or to one no model has)
            t.foreignKeys().stream().filter(fk -> included.contains(t.qualifiedName())
                            || selected.containsKey(fk.targetTable()) || state.tableNamed(fk.targetTable()).isEmpty())
                    .forEach(fk -> relations.add(relation(t, fk, Mark.NONE)));
        }
        for (PendingDeletion p : state.pending()) { // a deleted model's table, still in the database until deleted
            if (p instanceof PendingTable pt && !selected.containsKey(pt.table())) {
                Table t = pt.definition().placed(pt.app(), pt.model());
                if (include.test(t)) {
                    entities.add(new Entity(t.qualifiedName(), t.columns().stream()
                            .map(c -> attribute(t, c, Mark.PENDING_DELETION, null)).toList(), uniques(t),
                            Mark.PENDING_DELETION));
                    t.foreignKeys().forEach(fk -> relations.add(relation(t, fk, Mark.PENDING_DELETION)));
                }
            }
        }
        return sorted(entities, relations);
    }

    /**
     * The tables that differ between {@code before} and {@code after} (matched by model, so a renamed table is
     * one table), and the tables they reference directly: each column marked ADDED, REMOVED, CHANGED or PENDING_DELETION
     * against {@code before}, a table that appears ADDED, one that is gone REMOVED (with its columns as they were).
     * Empty when no table changed.
     */
    public static SchemaDiagram changes(ProjectState before, ProjectState after) {
        var models = new TreeSet<ModelKey>();
        before.tables().forEach(t -> models.add(key(t)));
        after.tables().forEach(t -> models.add(key(t)));
        var touched = new TreeMap<String, Entity>();
        var relations = new ArrayList<Relation>();
        var shown = new TreeMap<String, Table>();
        for (ModelKey m : models) {
            Table old = before.table(m).orElse(null);
            Table now = after.table(m).orElse(null);
            List<Column> oldPending = old == null ? List.of() : pendingColumns(before, old);
            List<Column> newPending = now == null ? List.of() : pendingColumns(after, now);
            if (Objects.equals(old, now) && oldPending.equals(newPending)) {
                continue;
            }
            if (now == null) {
                boolean pending = after.pending().stream().anyMatch(p -> p instanceof PendingTable pt
                        && pt.table().equals(old.qualifiedName()));
                Mark mark = pending ? Mark.PENDING_DELETION : Mark.REMOVED;
                var attributes = old.columns().stream().map(c -> attribute(old, c, mark, null)).toList();
                touched.put(old.qualifiedName(), new Entity(old.qualifiedName(), attributes, uniques(old), mark));
                old.foreignKeys().forEach(fk -> relations.add(relation(old, fk, mark)));
                shown.put(old.qualifiedName(), old);
                continue;
            }
            touched.put(now.qualifiedName(), changedEntity(old, now, oldPending, newPending));
            shown.put(now.qualifiedName(), now);
            for (ForeignKey fk : now.foreignKeys()) {
                boolean added = old == null || old.findConstraint(fk.name()).isEmpty();
                relations.add(relation(now, fk, added ? Mark.ADDED : Mark.NONE));
            }
            if (old != null) {
                old.foreignKeys().stream().filter(fk -> now.findConstraint(fk.name()).isEmpty())
                        .forEach(fk -> relations.add(relation(now, fk, Mark.REMOVED)));
            }
        }
        if (touched.isEmpty()) {
            return new SchemaDiagram(List.of(), List.of());
        }
        var referenced = new TreeMap<>(shown);
        for (Relation r : relations) { // removed relations too: their table is drawn as it is now, or as it was
            if (!referenced.containsKey(r.to())) {
                after.tableNamed(r.to()).or(() -> before.tableNamed(r.to())).ifPresent(t -> referenced.put(r.to(), t));
            }
        }
        var entities = new ArrayList<>(touched.values());
        for (var e : referenced.entrySet()) {
            if (!touched.containsKey(e.getKey())) {
                Table t = e.getValue();
                ProjectState from = after.tableNamed(t.qualifiedName()).isPresent() ? after : before;
                var attributes = new ArrayList<Attribute>();
                t.columns().forEach(c -> attributes.add(attribute(t, c, Mark.NONE, null)));
                pendingColumns(from, t).forEach(c -> attributes.add(attribute(t, c, Mark.PENDING_DELETION, null)));
                entities.add(new Entity(t.qualifiedName(), attributes, uniques(t), Mark.NONE));
            }
        }
        return sorted(entities, relations);
    }

    private static Entity changedEntity(Table old, Table now, List<Column> oldPending, List<Column> newPending) {
        var attributes = new ArrayList<Attribute>();
        for (Column c : now.columns()) {
            Column was = old == null ? null : old.findColumn(c.name()).orElse(null);
            if (was == null) {
                attributes.add(attribute(now, c, Mark.ADDED, null));
            } else if (!was.type().equals(c.type()) || was.notNull() != c.notNull()) {
                String before = (was.type().equals(c.type()) ? "" : was.type())
                        + (was.notNull() == c.notNull() ? "" : was.notNull() ? " not null" : " nullable");
                attributes.add(attribute(now, c, Mark.CHANGED, before.strip()));
            } else {
                attributes.add(attribute(now, c, Mark.NONE, null));
            }
        }
        Set<String> present = new HashSet<>();
        now.columns().forEach(c -> present.add(c.name()));
        for (Column c : newPending) {
            present.add(c.name());
            attributes.add(attribute(now, c, oldPending.contains(c) ? Mark.NONE : Mark.PENDING_DELETION, null));
        }
        if (old != null) {
            var gone = new ArrayList<Column>(old.columns());
            gone.addAll(oldPending);
            gone.stream().filter(c -> !present.contains(c.name()))
                    .forEach(c -> attributes.add(attribute(old, c, Mark.REMOVED, null)));
        }
        return new Entity(now.qualifiedName(), attributes, uniques(now), old == null ? Mark.ADDED : Mark.NONE);
    }

    private static ModelKey key(Table t) {
        return new ModelKey(t.app(), t.model());
    }

    /** The columns of {@code t} that left the model and wait for their deletion, by name. */
    private static List<Column> pendingColumns(ProjectState state, Table t) {
        return state.pending().stream().filter(p -> p instanceof PendingColumn pc && pc.app().equals(t.app())
                        && pc.model().equals(t.model())).map(p -> ((PendingColumn) p).column())
                .filter(c -> t.findColumn(c.name()).isEmpty()).sorted(Comparator.comparing(Column::name)).toList();
    }

    /**
     * Adds the tables the foreign keys of {@code tables} reference directly, from {@code state}: one step, so that
     * a picture of a few tables does not pull in the whole schema behind them.
     */
    private static void addReferenced(Map<String, Table> tables, ProjectState state) {
        for (Table t : List.copyOf(tables.values())) {
            for (ForeignKey fk : t.foreignKeys()) {
                if (!tables.containsKey(fk.targetTable())) {
                    state.tableNamed(fk.targetTable()).ifPresent(target -> tables.put(target.qualifiedName(), target));
                }
            }
        }
    }

    private static Attribute attribute(Table t, Column c, Mark mark, String was) {
        boolean pk = t.primaryKey() != null && t.primaryKey().columns().contains(c.name());
        boolean fk = t.foreignKeys().stream().anyMatch(f -> f.columns().contains(c.name()));
        var with = new LinkedHashSet<String>();
        boolean unique = false;
        for (List<String> cols : uniqueColumnSets(t)) {
            if (cols.contains(c.name())) {
                unique = true;
                cols.stream().filter(o -> !o.equals(c.name())).forEach(with::add);
            }
        }
        return new Attribute(c.name(), c.type(), !c.notNull(), pk, fk, unique, new ArrayList<>(with), mark, was);
    }

    /** The column lists of the unique constraints and of the unique indexes that cover every row. */
    private static List<List<String>> uniqueColumnSets(Table t) {
        var sets = new ArrayList<List<String>>();
        t.uniques().forEach(u -> sets.add(u.columns()));
        t.indexes().stream().filter(i -> i.isUnique() && i.where() == null).map(Index::columns).forEach(sets::add);
        return sets;
    }

    /** {@code name (a, b)} for each unique constraint and unique index, sorted by name. */
    private static List<String> uniques(Table t) {
        var out = new ArrayList<String>();
        for (UniqueConstraint u : t.uniques()) {
            out.add(u.name() + " (" + String.join(", ", u.columns()) + ")");
        }
        t.indexes().stream().filter(Index::isUnique).forEach(i -> out.add(i.name() + " (" + String.join(", ", i.columns())
                + ")" + (i.where() == null ? "" : " where " + i.where())));
        out.sort(null);
        return out;
    }

    private static Relation relation(Table t, ForeignKey fk, Mark mark) {
        boolean optional = fk.columns().stream().anyMatch(c -> t.findColumn(c).map(col -> !col.notNull()).orElse(true));
        Set<String> cols = new HashSet<>(fk.columns());
        boolean oneToOne = (t.primaryKey() != null && new HashSet<>(t.primaryKey().columns()).equals(cols))
                || uniqueColumnSets(t).stream().anyMatch(u -> new HashSet<>(u).equals(cols));
        return new Relation(t.qualifiedName(), fk.targetTable(), fk.name(), fk.columns(), fk.targetColumns(), optional,
                oneToOne, fk.enforced(), mark);
    }

    private static SchemaDiagram sorted(Collection<Entity> entities, List<Relation> relations) {
        var es = new ArrayList<>(entities);
        es.sort(Comparator.comparing(Entity::name));
        var rs = new ArrayList<>(relations);
        rs.sort(Comparator.comparing(Relation::from).thenComparing(Relation::name).thenComparing(Relation::mark));
        return new SchemaDiagram(es, rs);
    }

    /** Whether the picture is empty (no table). */
    public boolean isEmpty() {
        return entities.isEmpty();
    }
}
