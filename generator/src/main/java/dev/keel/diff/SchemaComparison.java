package dev.keel.diff;

import dev.keel.project.ProjectState;
import dev.keel.state.Column;
import dev.keel.state.Constraint;
import dev.keel.state.Index;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two states as the database sees them: column order and pending deletions do not matter,
 * everything else does.
 */
public final class SchemaComparison {
    private SchemaComparison() {}

    /** The differences between two states, one line each; empty when they are the same schema. */
    public static List<String> differences(ProjectState a, ProjectState b) {
        var out = new ArrayList<String>();
        Set<String> keys = new TreeSet<>();
        a.tables().forEach(t -> keys.add(t.app() + "." + t.model()));
        b.tables().forEach(t -> keys.add(t.app() + "." + t.model()));
        for (String key : keys) {
            String app = key.substring(0, key.indexOf('.'));
            String model = key.substring(key.indexOf('.') + 1);
            var ta = a.table(app, model);
            var tb = b.table(app, model);
            if (ta.isEmpty() || tb.isEmpty()) {
                out.add("model " + key + (ta.isEmpty() ? " only in the entities" : " only in the migrations"));
            } else if (!normal(ta.get()).equals(normal(tb.get()))) {
                out.add("model " + key + ": " + normal(ta.get()) + " vs " + normal(tb.get()));
            }
        }
        if (!new ArrayList<>(a.sequences()).equals(new ArrayList<>(b.sequences()))) {
            out.add("sequences: " + a.sequences() + " vs " + b.sequences());
        }
        List<dev.keel.state.EnumType> typesA = enumTypes(a, b);
        List<dev.keel.state.EnumType> typesB = enumTypes(b, a);
        if (!typesA.equals(typesB)) {
            out.add("enum types: " + typesA + " vs " + typesB);
        }
        return out;
    }

    /**
     * The enum types of {@code s} but one {@code other} lacks while only pending deletions of {@code s} are of it: it
     * waits for them (keel drops it with them, {@code makemigrations --delete-pending}).
     */
    private static List<dev.keel.state.EnumType> enumTypes(ProjectState s, ProjectState other) {
        return s.enumTypes().stream().filter(e -> other.enumType(e.name()).isPresent() || !waitsForPending(s, e.name())).toList();
    }

    /** Whether the enum type {@code name} is only the type of pending columns or tables of {@code s}. */
    public static boolean waitsForPending(ProjectState s, String name) {
        List<String> users = s.columnsOfEnumType(name);
        if (users.isEmpty()) {
            return false;
        }
        for (Table t : s.tables()) {
            for (Column c : t.columns()) {
                if (dev.keel.state.EnumType.isOfType(c.type(), name)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A table with its columns, constraints and indexes sorted by name, and whether it maps an entity (not which class). A column owned by no field (a join table's, or
     * a unidirectional one-to-many's join column in its target's table) is the same as one whose field is named like
     * the column: {@code AddField} names its field by the column when it adds such a column to an existing table.
     */
    public static Table normal(Table t) {
        List<Column> cols = t.columns().stream().map(c -> t.entity() == null || c.name().equals(c.field()) ? c.field(null) : c)
                .sorted(Comparator.comparing(Column::name)).toList();
        List<Constraint> cs = t.constraints().stream().sorted(Comparator.comparing(Constraint::name)).toList();
        List<Index> ix = t.indexes().stream().sorted(Comparator.comparing(Index::name)).toList();
        // whether the table is an entity's counts, not the class's name: the model is the entity name, so a class renamed
        // under the same @Entity(name) changes nothing in the database (the migrations keep the class name they wrote)
        String entity = t.entity() == null ? null : "(an entity)";
        return new Table(t.app(), t.model(), entity, t.schema(), t.name(), cols, t.primaryKey(), cs, ix, t.comment(), t.database());
    }

    /** Whether two tables hold the same columns, whatever their order and field names. */
    public static boolean sameColumns(Table a, Table b) {
        if (a.columns().size() != b.columns().size()) {
            return false;
        }
        for (Column c : a.columns()) {
            var other = b.findColumn(c.name());
            if (other.isEmpty() || !other.get().sameInDatabase(c)) {
                return false;
            }
        }
        return true;
    }
}
