package dev.keel.runner.sql;

import dev.keel.operations.Operation;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.state.Sequence;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The PostgreSQL statements of every operation, in their plain forms. Pure functions: no
 * connection, no I/O; the same operation and state always give the same text.
 */
public final class OperationSql {
    private OperationSql() {}

    /**
     * The steps that run {@code op} forwards.
     *
     * @param app    the app of the migration that holds the operation
     * @param before the state the operation meets
     * @throws dev.keel.error.KeelException of kind INVALID_OPERATION when the operation does not apply to {@code before}
     */
    public static List<Step> forwards(String app, ProjectState before, Operation op) {
        StateTransitions.apply(op, app, before);
        return op.accept(new ForwardSql(app, before));
    }

    /**
     * The steps that run a sequence of operations forwards, each against the state the previous ones left.
     */
    public static List<Step> forwards(String app, ProjectState before, List<Operation> ops) {
        var result = new ArrayList<Step>();
        ProjectState s = before;
        for (Operation op : ops) {
            result.addAll(forwards(app, s, op));
            s = StateTransitions.apply(op, app, s);
        }
        return result;
    }

    /**
     * The steps that undo {@code op}: the SQL of {@code StateTransitions.reverse(op, app, before)}, each reverse
     * operation applied to the state the previous one left, starting from the state after {@code op}.
     *
     * @param before the state {@code op} was applied to
     * @throws dev.keel.error.KeelException of kind IRREVERSIBLE when the operation has no reverse
     */
    public static List<Step> backwards(String app, ProjectState before, Operation op) {
        ProjectState after = StateTransitions.apply(op, app, before);
        return forwards(app, after, StateTransitions.reverse(op, app, before));
    }

    /**
     * The statements that build the whole of {@code state} on an empty database: schemas, sequences
     * (before the tables, whose defaults may call {@code nextval}), tables with their columns, keys,
     * uniques, checks and comments, then foreign keys and NOT VALID checks (so tables may reference
     * each other in any order), then indexes. Pending tables, columns and sequences are built too, as they are
     * still in the database.
     */
    public static List<String> createAll(ProjectState state) {
        return createAll(PhysicalTables.of(state), state.physicalSequences(), List.copyOf(state.enumTypes()), state.pending().stream()
                .filter(p -> p instanceof dev.keel.state.PendingView).map(p -> (dev.keel.state.PendingView) p).toList());
    }

    /**
     * Creates these tables (with their pending columns), sequences and compatibility views, as
     * {@link #createAll(ProjectState)} does for a state's.
     */
    public static List<String> createAll(List<Table> tables, List<Sequence> sequences, List<dev.keel.state.PendingView> views) {
        return createAll(tables, sequences, List.of(), views);
    }

    /**
     * Creates these tables, sequences, enum types (before the tables whose columns are of them) and compatibility
     * views.
     */
    public static List<String> createAll(List<Table> tables, List<Sequence> sequences, List<dev.keel.state.EnumType> enumTypes,
                                         List<dev.keel.state.PendingView> views) {
        var schemas = new LinkedHashSet<String>();
        enumTypes.forEach(e -> schemas.add(Identifiers.schemaOf(e.name())));
        sequences.forEach(s -> schemas.add(Identifiers.schemaOf(s.name())));
        tables.forEach(t -> schemas.add(t.schema()));
        var result = new ArrayList<String>();
        schemas.stream().filter(Objects::nonNull).sorted()
                .forEach(s -> Ddl.createSchema(s).ifPresent(result::add));
        for (Sequence s : sequences) {
            result.add(Ddl.createSequence(s));
        }
        for (var e : enumTypes) {
            result.addAll(EnumTypeSql.create(e).stream().filter(s -> !s.startsWith("CREATE SCHEMA")).toList());
        }
        for (Table t : tables) {
            result.add(Ddl.createTable(t));
            result.addAll(Ddl.comments(t));
        }
        tables.forEach(t -> result.addAll(Ddl.constraintsAfterCreate(t)));
        tables.forEach(t -> t.indexes().forEach(i -> result.add(Ddl.createIndex(t, i, false))));
        for (var v : views) {
            tables.stream().filter(t -> t.qualifiedName().equals(v.target())).findFirst()
                    .ifPresent(t -> result.add(Ddl.createCompatibilityView(v.view(), t, v.columns())));
        }
        return result;
    }

    /** The SQL text of steps as {@code sqlmigrate} prints it: statements ending in {@code ;}, Java steps as comments. */
    public static String render(List<Step> steps) {
        var sb = new StringBuilder();
        for (Step s : steps) {
            String text = s.toString().strip();
            sb.append(text);
            if (s instanceof Step.Sql && !text.endsWith(";")) {
                sb.append(';');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
