package dev.keel.cache;

import dev.keel.project.ProjectState;
import dev.keel.state.CheckConstraint;
import dev.keel.state.Column;
import dev.keel.state.Constraint;
import dev.keel.state.ForeignKey;
import dev.keel.state.Identity;
import dev.keel.state.Index;
import dev.keel.state.PendingColumn;
import dev.keel.state.PendingDeletion;
import dev.keel.state.PendingSequence;
import dev.keel.state.PendingSync;
import dev.keel.state.PendingTable;
import dev.keel.state.PendingView;
import dev.keel.state.PrimaryKey;
import dev.keel.state.Sequence;
import dev.keel.state.Table;
import dev.keel.state.UniqueConstraint;

/**
 * A {@link ProjectState} in a compact document ({@link Compact}): its tables, sequences and pending deletions, each
 * record component by component in the order of its declaration, read back through the records' constructors and
 * {@link ProjectState#of}, as the state's JSON snapshot is. {@code StateCodecTest} pins every record's components:
 * a component added to one of them fails it until it is written here too. Used by the replayed state's document
 * ({@link ReplayCache}) and the stored entity scan's (the generator's {@code ScanCodec}).
 */
public final class StateCodec {
    private StateCodec() {}

    /** Writes {@code state}; {@link #read} reads it back. */
    public static void write(Compact.Writer w, ProjectState state) {
        w.list(state.tables(), StateCodec::table);
        w.list(state.sequences(), StateCodec::sequence);
        w.list(state.pending(), StateCodec::pending);
    }

    /** The state {@link #write} wrote, as {@link ProjectState#of} makes it. */
    public static ProjectState read(Compact.Reader r) {
        var tables = r.list(StateCodec::table);
        var sequences = r.list(StateCodec::sequence);
        var pending = r.list(StateCodec::pending);
        return ProjectState.of(tables, sequences, pending);
    }

    static void table(Compact.Writer w, Table t) {
        w.string(t.app());
        w.string(t.model());
        w.string(t.entity());
        w.string(t.schema());
        w.string(t.name());
        w.list(t.columns(), StateCodec::column);
        if (w.present(t.primaryKey())) {
            w.string(t.primaryKey().name());
            w.strings(t.primaryKey().columns());
        }
        w.list(t.constraints(), StateCodec::constraint);
        w.list(t.indexes(), StateCodec::index);
        w.string(t.comment());
        w.string(t.database());
    }

    static Table table(Compact.Reader r) {
        String app = r.string();
        String model = r.string();
        String entity = r.string();
        String schema = r.string();
        String name = r.string();
        var columns = r.list(StateCodec::column);
        PrimaryKey primaryKey = r.present() ? new PrimaryKey(r.string(), r.strings()) : null;
        var constraints = r.list(StateCodec::constraint);
        var indexes = r.list(StateCodec::index);
        return new Table(app, model, entity, schema, name, columns, primaryKey, constraints, indexes, r.string(), r.string());
    }

    static void column(Compact.Writer w, Column c) {
        w.string(c.name());
        w.string(c.type());
        w.bool(c.notNull());
        w.string(c.defaultSql());
        w.string(c.identity() == null ? null : c.identity().name());
        w.string(c.field());
        w.string(c.comment());
        w.bool(c.defaultKept());
        w.string(c.generated());
    }

    static Column column(Compact.Reader r) {
        String name = r.string();
        String type = r.string();
        boolean notNull = r.bool();
        String defaultSql = r.string();
        String identity = r.string();
        return new Column(name, type, notNull, defaultSql, identity == null ? null : Identity.valueOf(identity), r.string(),
                r.string(), r.bool(), r.string());
    }

    static void index(Compact.Writer w, Index i) {
        w.string(i.name());
        w.strings(i.columns());
        w.bool(i.isUnique());
        w.string(i.method());
        w.string(i.where());
    }

    static Index index(Compact.Reader r) {
        return new Index(r.string(), r.strings(), r.bool(), r.string(), r.string());
    }

    /** A constraint: 1 a foreign key, 2 a unique constraint, 3 a check. */
    static void constraint(Compact.Writer w, Constraint c) {
        if (c instanceof ForeignKey f) {
            w.count(1);
            w.string(f.name());
            w.strings(f.columns());
            w.string(f.targetTable());
            w.strings(f.targetColumns());
            w.string(f.onDelete());
            w.bool(f.enforced());
            w.bool(f.validated());
        } else if (c instanceof UniqueConstraint u) {
            w.count(2);
            w.string(u.name());
            w.strings(u.columns());
            w.bool(u.isDeferrable());
            w.bool(u.isInitiallyDeferred());
        } else if (c instanceof CheckConstraint k) {
            w.count(3);
            w.string(k.name());
            w.string(k.expression());
            w.bool(k.validated());
        } else {
            throw new IllegalArgumentException("keel bug: a constraint the cache does not know: " + c);
        }
    }

    static Constraint constraint(Compact.Reader r) {
        long kind = r.count();
        if (kind == 1) {
            return new ForeignKey(r.string(), r.strings(), r.string(), r.strings(), r.string(), r.bool(), r.bool());
        }
        if (kind == 2) {
            return new UniqueConstraint(r.string(), r.strings(), r.bool(), r.bool());
        }
        if (kind == 3) {
            return new CheckConstraint(r.string(), r.string(), r.bool());
        }
        throw new IllegalArgumentException("no constraint of kind " + kind);
    }

    static void sequence(Compact.Writer w, Sequence s) {
        w.string(s.name());
        w.number(s.start());
        w.number(s.increment());
        w.string(s.database());
    }

    static Sequence sequence(Compact.Reader r) {
        return new Sequence(r.string(), r.number(), r.number(), r.string());
    }

    /** A pending deletion: 1 a column, 2 a table, 3 a sequence, 4 a view, 5 a sync. */
    private static void pending(Compact.Writer w, PendingDeletion p) {
        if (p instanceof PendingColumn c) {
            w.count(1);
            w.string(c.app());
            w.string(c.model());
            w.string(c.table());
            column(w, c.column());
            w.list(c.indexes(), StateCodec::index);
            w.list(c.constraints(), StateCodec::constraint);
        } else if (p instanceof PendingTable t) {
            w.count(2);
            w.string(t.app());
            w.string(t.model());
            table(w, t.definition());
        } else if (p instanceof PendingSequence s) {
            w.count(3);
            w.string(s.app());
            sequence(w, s.sequence());
        } else if (p instanceof PendingView v) {
            w.count(4);
            w.string(v.app());
            w.string(v.view());
            w.string(v.target());
            w.strings(v.columns());
        } else if (p instanceof PendingSync s) {
            w.count(5);
            w.string(s.app());
            w.string(s.model());
            w.string(s.table());
            w.string(s.source());
            w.string(s.column());
            w.string(s.forward());
            w.string(s.backward());
        } else {
            throw new IllegalArgumentException("keel bug: a pending deletion the cache does not know: " + p);
        }
    }

    private static PendingDeletion pending(Compact.Reader r) {
        long kind = r.count();
        if (kind == 1) {
            return new PendingColumn(r.string(), r.string(), r.string(), column(r), r.list(StateCodec::index),
                    r.list(StateCodec::constraint));
        }
        if (kind == 2) {
            return new PendingTable(r.string(), r.string(), table(r));
        }
        if (kind == 3) {
            return new PendingSequence(r.string(), sequence(r));
        }
        if (kind == 4) {
            return new PendingView(r.string(), r.string(), r.string(), r.strings());
        }
        if (kind == 5) {
            return new PendingSync(r.string(), r.string(), r.string(), r.string(), r.string(), r.string(), r.string());
        }
        throw new IllegalArgumentException("no pending deletion of kind " + kind);
    }
}
