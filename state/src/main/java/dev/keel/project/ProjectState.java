package dev.keel.project;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.state.EnumType;
import dev.keel.state.PendingColumn;
import dev.keel.state.PendingDeletion;
import dev.keel.state.PendingTable;
import dev.keel.state.PendingSequence;
import dev.keel.state.PendingView;
import dev.keel.state.PendingSync;
import dev.keel.state.Sequence;
import dev.keel.state.Table;

import org.pcollections.HashTreePMap;
import org.pcollections.PMap;
import org.pcollections.PSortedMap;
import org.pcollections.PSortedSet;
import org.pcollections.TreePMap;
import org.pcollections.TreePSet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The schema that a set of migrations builds: tables keyed by {@code app.model}, sequences, and
 * pending deletions. Immutable: every change returns a new state. Operations describe their effect
 * through these methods only.
 *
 * <p>Tables and sequences are persistent sorted maps: a change shares every untouched entry with the
 * state it came from, so replaying thousands of migrations costs O(log n) per change instead of a copy
 * of every table. The tables are also indexed by their physical name ({@link #tableNamed}), persistently
 * too, so that finding a table by name (every created table's check that its name is free) is no walk
 * over all tables.
 */
public final class ProjectState {
    /** Pending deletions are kept sorted, so that states compare equal whatever order they arrived in. */
    private static final Comparator<PendingDeletion> PENDING_ORDER = Comparator
            .comparing(PendingDeletion::app)
            .thenComparing(PendingDeletion::model)
            .thenComparing(PendingDeletion::table)
            .thenComparing(p -> p instanceof PendingColumn c ? c.column().name() : p instanceof PendingSync s ? s.column() : "")
            .thenComparing(p -> p.getClass().getSimpleName());

    /** The state before any migration. */
    public static final ProjectState EMPTY = new ProjectState(Tables.EMPTY, TreePMap.empty(), TreePMap.empty(), List.of());

    /**
     * The tables by {@code app.model}, and the keys of the tables of each physical (schema-qualified) name, both
     * persistent: a change shares everything else with the tables before it.
     */
    private record Tables(PSortedMap<ModelKey, Table> byKey, PMap<String, PSortedSet<ModelKey>> byName) {
        static final Tables EMPTY = new Tables(TreePMap.empty(), HashTreePMap.empty());

        Tables plus(ModelKey key, Table table) {
            Table before = byKey.get(key);
            PMap<String, PSortedSet<ModelKey>> names = before == null ? byName : without(byName, before.qualifiedName(), key);
            PSortedSet<ModelKey> keys = names.get(table.qualifiedName());
            names = names.plus(table.qualifiedName(), (keys == null ? TreePSet.<ModelKey>empty() : keys).plus(key));
            return new Tables(byKey.plus(key, table), names);
        }

        Tables minus(ModelKey key) {
            Table before = byKey.get(key);
            return before == null ? this : new Tables(byKey.minus(key), without(byName, before.qualifiedName(), key));
        }

        private static PMap<String, PSortedSet<ModelKey>> without(PMap<String, PSortedSet<ModelKey>> names, String name,
                                                                   ModelKey key) {
            PSortedSet<ModelKey> keys = names.get(name).minus(key);
            return keys.isEmpty() ? names.minus(name) : names.plus(name, keys);
        }

        /** The table with this physical name, the first by {@code app.model} when several have it. */
        Optional<Table> named(String qualifiedName) {
            PSortedSet<ModelKey> keys = byName.get(qualifiedName);
            return keys == null ? Optional.empty() : Optional.of(byKey.get(keys.first()));
        }

        Table get(ModelKey key) {
            return byKey.get(key);
        }

        boolean containsKey(ModelKey key) {
            return byKey.containsKey(key);
        }

        Collection<Table> values() {
            return byKey.values();
        }

        java.util.Set<java.util.Map.Entry<ModelKey, Table>> entrySet() {
            return byKey.entrySet();
        }

        // the index follows from the tables: equal tables, equal states
        @Override
        public boolean equals(Object o) {
            return o instanceof Tables other && byKey.equals(other.byKey);
        }

        @Override
        public int hashCode() {
            return byKey.hashCode();
        }
    }

    private final Tables tables;
    private final PSortedMap<String, Sequence> sequences;
    private final PSortedMap<String, EnumType> enumTypes;
    private final List<PendingDeletion> pending;

    private ProjectState(Tables tables, PSortedMap<String, Sequence> sequences, PSortedMap<String, EnumType> enumTypes,
                         List<PendingDeletion> pending) {
        this(tables, sequences, enumTypes, pending.stream().sorted(PENDING_ORDER).toList(), true);
    }

    /** A state whose pending list is already sorted and immutable (taken over from another state). */
    private ProjectState(Tables tables, PSortedMap<String, Sequence> sequences, PSortedMap<String, EnumType> enumTypes,
                         List<PendingDeletion> sortedPending, boolean sorted) {
        this.tables = tables;
        this.sequences = sequences;
        this.enumTypes = enumTypes;
        this.pending = sortedPending;
    }

    /** Builds a state from its parts (as a snapshot reads it back); tables must be placed. */
    public static ProjectState of(Collection<Table> tables, Collection<Sequence> sequences,
                                  Collection<PendingDeletion> pending) {
        return of(tables, sequences, List.of(), pending);
    }

    /** Builds a state from its parts, enum types included; tables must be placed. */
    public static ProjectState of(Collection<Table> tables, Collection<Sequence> sequences, Collection<EnumType> enumTypes,
                                  Collection<PendingDeletion> pending) {
        Tables t = Tables.EMPTY;
        for (Table table : tables) {
            Objects.requireNonNull(table.app(), () -> "table " + table.name() + " has no app");
            var key = new ModelKey(table.app(), table.model());
            if (t.containsKey(key)) {
                throw new IllegalArgumentException("model " + table.app() + "." + table.model() + " appears twice");
            }
            t = t.plus(key, table);
        }
        PSortedMap<String, Sequence> s = TreePMap.empty();
        for (Sequence seq : sequences) {
            s = s.plus(seq.name(), seq);
        }
        PSortedMap<String, EnumType> e = TreePMap.empty();
        for (EnumType type : enumTypes == null ? List.<EnumType>of() : enumTypes) {
            e = e.plus(type.name(), type);
        }
        return new ProjectState(t, s, e, new ArrayList<>(pending));
    }

    // ---- reading ---------------------------------------------------------------------------

    /** Every table, sorted by app and model. */
    public Collection<Table> tables() {
        return tables.values();
    }

    /** The tables of one app, sorted by model. */
    public List<Table> tables(String app) {
        return tables.values().stream().filter(t -> t.app().equals(app)).toList();
    }

    public Optional<Table> table(ModelKey key) {
        return Optional.ofNullable(tables.get(key));
    }

    public Optional<Table> table(String app, String model) {
        return table(new ModelKey(app, model));
    }

    /** The table of {@code app.model}, or an error naming what is missing. */
    public Table requireTable(String app, String model) {
        return table(app, model).orElseThrow(() -> new KeelException(ErrorKind.INVALID_OPERATION,
                "no model " + app + "." + model + " in the state. Known models of " + app + ": "
                        + tables(app).stream().map(Table::model).toList()
                        + "\nTo fix: create the model in an earlier migration, or correct the model name."));
    }

    /** The table with this physical (schema-qualified) name, if any model has it. */
    public Optional<Table> tableNamed(String qualifiedName) {
        return tables.named(qualifiedName);
    }

    /** Every sequence, sorted by name. */
    public Collection<Sequence> sequences() {
        return sequences.values();
    }

    public Optional<Sequence> sequence(String name) {
        return Optional.ofNullable(sequences.get(name));
    }

    /** What has left the model but is still in the database, sorted by app, model, table and column. */
    public List<PendingDeletion> pending() {
        return pending;
    }

    /** Whether the physical table name is taken, by a model or by a pending deletion (a table, or the view of a renamed one). */
    public boolean tableNameTaken(String qualifiedName) {
        return tableNamed(qualifiedName).isPresent()
                || pending.stream().anyMatch(p -> (p instanceof PendingTable || p instanceof PendingView) && p.table().equals(qualifiedName));
    }

    /**
     * This state with only what lives in the database {@code databaseName} of {@code keel.json}: its
     * tables, its sequences, and the pending deletions of its tables. What one database should hold.
     */
    public ProjectState inDatabase(String databaseName) {
        Tables t = tables;
        for (var e : tables.entrySet()) {
            if (!e.getValue().databaseName().equals(databaseName)) {
                t = t.minus(e.getKey());
            }
        }
        PSortedMap<String, Sequence> s = sequences;
        for (var e : sequences.entrySet()) {
            if (!e.getValue().databaseName().equals(databaseName)) {
                s = s.minus(e.getKey());
            }
        }
        PSortedMap<String, EnumType> e = enumTypes;
        for (var en : enumTypes.entrySet()) {
            if (!en.getValue().databaseName().equals(databaseName)) {
                e = e.minus(en.getKey());
            }
        }
        List<PendingDeletion> p = pending.stream().filter(d -> {
            if (d instanceof PendingTable pt) {
                return pt.definition().databaseName().equals(databaseName);
            }
            if (d instanceof PendingSequence ps) {
                return ps.sequence().databaseName().equals(databaseName);
            }
            if (d instanceof PendingView pv) {
                return tableNamed(pv.target()).map(x -> x.databaseName().equals(databaseName))
                        .orElse(databaseName.equals(Table.DEFAULT_DATABASE));
            }
            String table = d.table();
            return tableNamed(table).map(x -> x.databaseName().equals(databaseName))
                    .orElseGet(() -> pending.stream().filter(o -> o instanceof PendingTable pt && pt.table().equals(table))
                            .map(o -> ((PendingTable) o).definition().databaseName().equals(databaseName))
                            .findFirst().orElse(databaseName.equals(Table.DEFAULT_DATABASE)));
        }).toList();
        return new ProjectState(t, s, e, p);
    }

    // ---- changing --------------------------------------------------------------------------

    /** This state with a new table for {@code app.model}. */
    public ProjectState addTable(String app, String model, Table table) {
        var key = new ModelKey(app, model);
        if (tables.containsKey(key)) {
            throw invalid("model " + key + " already exists", "pick another model name, or delete the old model first");
        }
        if (tableNameTaken(table.qualifiedName())) {
            throw invalid("table " + table.qualifiedName() + " already exists in the database",
                    "give the new table another name, or delete the pending table first");
        }
        return new ProjectState(tables.plus(key, table.placed(app, key.model())), sequences, enumTypes, pending, true);
    }

    /** This state without the model {@code app.model}. */
    public ProjectState removeTable(String app, String model) {
        requireTable(app, model);
        return new ProjectState(tables.minus(new ModelKey(app, model)), sequences, enumTypes, pending, true);
    }

    /** This state with the table of {@code app.model} changed by {@code change}. */
    public ProjectState updateTable(String app, String model, UnaryOperator<Table> change) {
        Table before = requireTable(app, model);
        Table after = change.apply(before);
        ProjectState next = new ProjectState(tables.plus(new ModelKey(app, model), after.placed(before.app(), before.model())),
                sequences, enumTypes, pending, true);
        if (!before.qualifiedName().equals(after.qualifiedName())) {
            next = next.retargetForeignKeys(before.qualifiedName(), after.qualifiedName())
                    .movePendingColumns(before.qualifiedName(), after.qualifiedName());
        }
        return next;
    }

    /** This state with the model {@code app.oldModel} known as {@code app.newModel}. */
    public ProjectState renameModel(String app, String oldModel, String newModel, String newEntity) {
        Table table = requireTable(app, oldModel);
        var newKey = new ModelKey(app, newModel);
        if (tables.containsKey(newKey)) {
            throw invalid("model " + newKey + " already exists", "rename to a name no model of " + app + " uses");
        }
        var t = tables.minus(new ModelKey(app, oldModel)).plus(newKey, table.entity(newEntity).placed(app, newKey.model()));
        return new ProjectState(t, sequences, enumTypes, pending, true);
    }

    private ProjectState retargetForeignKeys(String oldTarget, String newTarget) {
        Tables t = tables;
        for (var e : tables.entrySet()) {
            Table retargeted = e.getValue().retargetForeignKeys(oldTarget, newTarget);
            if (!retargeted.equals(e.getValue())) {
                t = t.plus(e.getKey(), retargeted);
            }
        }
        // a pending column's foreign keys follow the table they point at as well
        List<PendingDeletion> p = pending.stream().map(d -> d instanceof PendingColumn pc
                ? (PendingDeletion) pc.retargetForeignKeys(oldTarget, newTarget) : d).toList();
        return new ProjectState(t, sequences, enumTypes, p);
    }

    /** The pending columns of the physical table {@code table}. */
    public List<PendingColumn> pendingColumns(String table) {
        return pending.stream().filter(p -> p instanceof PendingColumn pc && pc.table().equals(table))
                .map(PendingColumn.class::cast).toList();
    }

    /**
     * This state after the column {@code column} of {@code table} is dropped: the pending columns of the table no
     * longer keep the indexes and constraints that use it, as PostgreSQL drops them with the column.
     */
    public ProjectState droppingColumn(String table, String column) {
        List<PendingDeletion> p = pending.stream().map(d -> d instanceof PendingColumn pc && pc.table().equals(table)
                && !pc.column().name().equals(column) ? (PendingDeletion) pc.withoutUsesOf(column) : d).toList();
        return p.equals(pending) ? this : new ProjectState(tables, sequences, enumTypes, p);
    }

    /**
     * Pending columns live in their table, so they follow it when it is renamed or moved; so does the view
     * that keeps an older name of the table (PostgreSQL's view refers to the table, not to its name).
     */
    private ProjectState movePendingColumns(String oldTable, String newTable) {
        List<PendingDeletion> p = pending.stream().map(d -> {
            if (d instanceof PendingColumn pc && pc.table().equals(oldTable)) {
                return (PendingDeletion) pc.inTable(newTable);
            }
            if (d instanceof PendingView pv && pv.target().equals(oldTable)) {
                return new PendingView(pv.app(), pv.view(), newTable, pv.columns());
            }
            if (d instanceof PendingSync ps && ps.table().equals(oldTable)) {
                return ps.inTable(newTable);
            }
            return d;
        }).toList();
        return new ProjectState(tables, sequences, enumTypes, p);
    }

    public ProjectState addSequence(Sequence sequence) {
        if (sequenceNameTaken(sequence.name())) {
            throw invalid("sequence " + sequence.name() + " already exists", "use another name or delete it first");
        }
        return new ProjectState(tables, sequences.plus(sequence.name(), sequence), enumTypes, pending, true);
    }

    public ProjectState replaceSequence(Sequence sequence) {
        requireSequence(sequence.name());
        return new ProjectState(tables, sequences.plus(sequence.name(), sequence), enumTypes, pending, true);
    }

    /** Whether a sequence of this name is in the database: in the state, or pending deletion. */
    public boolean sequenceNameTaken(String name) {
        return sequences.containsKey(name)
                || pending.stream().anyMatch(p -> p instanceof PendingSequence ps && ps.sequence().name().equals(name));
    }

    /** This state with the sequence {@code oldName} known as {@code newName}, with its start and increment. */
    public ProjectState renameSequence(String oldName, String newName) {
        Sequence s = requireSequence(oldName);
        if (sequenceNameTaken(newName)) {
            throw invalid("sequence " + newName + " already exists", "choose a sequence name that is free");
        }
        Sequence renamed = new Sequence(newName, s.start(), s.increment(), s.database());
        return new ProjectState(tables, sequences.minus(oldName).plus(newName, renamed), enumTypes, pending, true);
    }

    /** The sequences in the database: those of the state and the pending ones, sorted by name. */
    public List<Sequence> physicalSequences() {
        var all = new ArrayList<Sequence>(sequences.values());
        pending.stream().filter(PendingSequence.class::isInstance).map(p -> ((PendingSequence) p).sequence()).forEach(all::add);
        all.sort(Comparator.comparing(Sequence::name));
        return all;
    }

    public ProjectState removeSequence(String name) {
        requireSequence(name);
        return new ProjectState(tables, sequences.minus(name), enumTypes, pending, true);
    }

    public Sequence requireSequence(String name) {
        return sequence(name).orElseThrow(() -> invalid("no sequence " + name + " in the state. Known: "
                + sequences.keySet(), "create the sequence in an earlier migration, or correct its name"));
    }

    // ---- enum types ------------------------------------------------------------------------

    /** Every enum type, sorted by name. */
    public Collection<EnumType> enumTypes() {
        return enumTypes.values();
    }

    /** The enum types, or null when there are none (the JSON snapshot leaves them out then). */
    Collection<EnumType> enumTypesOrNull() {
        return enumTypes.isEmpty() ? null : enumTypes.values();
    }

    public Optional<EnumType> enumType(String name) {
        return Optional.ofNullable(enumTypes.get(name));
    }

    public EnumType requireEnumType(String name) {
        return enumType(name).orElseThrow(() -> invalid("no enum type " + name + " in the state. Known: "
                + enumTypes.keySet(), "create the enum type in an earlier migration, or correct its name"));
    }

    public ProjectState addEnumType(EnumType type) {
        if (enumTypes.containsKey(type.name())) {
            throw invalid("enum type " + type.name() + " already exists", "use another name or drop it first");
        }
        return new ProjectState(tables, sequences, enumTypes.plus(type.name(), type), pending, true);
    }

    /** This state with the enum type of {@code type}'s name replaced by {@code type}. */
    public ProjectState replaceEnumType(EnumType type) {
        requireEnumType(type.name());
        return new ProjectState(tables, sequences, enumTypes.plus(type.name(), type), pending, true);
    }

    public ProjectState removeEnumType(String name) {
        requireEnumType(name);
        return new ProjectState(tables, sequences, enumTypes.minus(name), pending, true);
    }

    /**
     * The columns of the tables (pending ones included) whose type is the enum type {@code name} or an array of it,
     * as {@code table.column}, sorted: what must be gone before it is dropped, what a rebuild of it rewrites.
     */
    public List<String> columnsOfEnumType(String name) {
        var result = new ArrayList<String>();
        for (Table t : tables.values()) {
            for (var c : t.columns()) {
                if (EnumType.isOfType(c.type(), name)) {
                    result.add(t.qualifiedName() + "." + c.name());
                }
            }
        }
        for (PendingDeletion d : pending) {
            if (d instanceof PendingColumn pc && EnumType.isOfType(pc.column().type(), name)) {
                result.add(pc.table() + "." + pc.column().name());
            } else if (d instanceof PendingTable pt) {
                for (var c : pt.definition().columns()) {
                    if (EnumType.isOfType(c.type(), name)) {
                        result.add(pt.table() + "." + c.name());
                    }
                }
            }
        }
        result.sort(null);
        return result;
    }

    public ProjectState addPending(PendingDeletion deletion) {
        var p = new ArrayList<>(pending);
        p.add(deletion);
        return new ProjectState(tables, sequences, enumTypes, p);
    }

    public ProjectState removePending(PendingDeletion deletion) {
        var p = new ArrayList<>(pending);
        if (!p.remove(deletion)) {
            throw invalid("nothing pending matches " + deletion, "check the model and field names");
        }
        return new ProjectState(tables, sequences, enumTypes, p);
    }

    private static KeelException invalid(String what, String fix) {
        return new KeelException(ErrorKind.INVALID_OPERATION, what + "\nTo fix: " + fix + ".");
    }

    // ---- value semantics -------------------------------------------------------------------

    @Override
    public boolean equals(Object o) {
        return o instanceof ProjectState other && tables.equals(other.tables) && sequences.equals(other.sequences)
                && enumTypes.equals(other.enumTypes)
                && pending.equals(other.pending);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tables, sequences, enumTypes, pending);
    }

    @Override
    public String toString() {
        return "ProjectState" + tables.values() + sequences.values() + (enumTypes.isEmpty() ? "" : enumTypes.values()) + pending;
    }
}
