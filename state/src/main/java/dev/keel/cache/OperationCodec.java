package dev.keel.cache;

import dev.keel.operations.AddColumnSync;
import dev.keel.operations.AddConstraint;
import dev.keel.operations.AddConstraintUsingIndex;
import dev.keel.operations.AddField;
import dev.keel.operations.AddIndex;
import dev.keel.operations.AlterField;
import dev.keel.operations.AlterModelComment;
import dev.keel.operations.AlterModelTable;
import dev.keel.operations.AlterSequence;
import dev.keel.operations.CopyColumn;
import dev.keel.operations.CreateCompatibilityView;
import dev.keel.operations.CreateModel;
import dev.keel.operations.CreateSequence;
import dev.keel.operations.DeleteModel;
import dev.keel.operations.DeleteSequence;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.DropCompatibilityView;
import dev.keel.operations.ForkSequence;
import dev.keel.operations.Operation;
import dev.keel.operations.RecreatePendingField;
import dev.keel.operations.RecreatePendingModel;
import dev.keel.operations.RecreatePendingSequence;
import dev.keel.operations.RemoveColumnSync;
import dev.keel.operations.RemoveConstraint;
import dev.keel.operations.RemoveField;
import dev.keel.operations.RemoveIndex;
import dev.keel.operations.RenameConstraint;
import dev.keel.operations.RenameField;
import dev.keel.operations.RenameIndex;
import dev.keel.operations.RenameModel;
import dev.keel.operations.RenameSequence;
import dev.keel.operations.RestorePendingField;
import dev.keel.operations.RestorePendingModel;
import dev.keel.operations.RestorePendingSequence;
import dev.keel.operations.RunJava;
import dev.keel.operations.RunSql;
import dev.keel.operations.SafeDeleteModel;
import dev.keel.operations.SafeDeleteSequence;
import dev.keel.operations.SafeRemoveField;
import dev.keel.operations.SeparateDatabaseAndState;
import dev.keel.operations.SwitchColumn;
import dev.keel.operations.Touches;
import dev.keel.operations.UnforkSequence;
import dev.keel.operations.ValidateConstraint;
import dev.keel.state.UniqueConstraint;

import java.util.List;

/**
 * A migration's operations in compact bytes ({@link Compact}): each operation as its kind's number and its record's
 * components in the order of their declaration (nested tables, columns, indexes, constraints and sequences as
 * {@link StateCodec} writes them), read back through the records' constructors. What keel's cache of read migrations
 * keeps for each migration; decoding needs no JSON parser (Jackson's start, its parse and the classes it generates
 * were most of the CPU time {@code keel migrate} spent on reading 1000 cached migrations). {@code OperationCodecTest}
 * pins every operation record's components and the kinds' numbers: a component or a kind added fails it until it is
 * written here too.
 */
public final class OperationCodec {
    private OperationCodec() {}

    /** The bytes of {@code operations}, for {@link #decode}. */
    public static byte[] encode(List<Operation> operations) {
        var w = new Compact.Writer(256 + 64 * operations.size());
        w.list(operations, OperationCodec::operation);
        return w.bytes();
    }

    /**
     * The operations {@link #encode} wrote into {@code bytes[from, to)}.
     *
     * @throws IllegalArgumentException when those bytes are not such operations (or do not end where they do)
     */
    public static List<Operation> decode(byte[] bytes, int from, int to) {
        var r = new Compact.Reader(bytes, from, to);
        List<Operation> operations = r.list(OperationCodec::operation);
        if (operations == null || !r.atEnd()) {
            throw new IllegalArgumentException("not a list of operations of " + (to - from) + " bytes");
        }
        return operations;
    }

    /**
     * {@link #decode} of the operations keel's cache keeps.
     *
     * @throws IllegalStateException when they cannot be decoded (a damaged cache file), saying what to do
     */
    public static List<Operation> decodeCached(byte[] bytes, int from, int to) {
        try {
            return decode(bytes, from, to);
        } catch (RuntimeException e) {
            throw ProjectCache.damaged(e);
        }
    }

    static void operation(Compact.Writer w, Operation op) {
        if (op instanceof CreateModel o) {
            w.count(1);
            w.string(o.model());
            StateCodec.table(w, o.table());
        } else if (op instanceof DeleteModel o) {
            w.count(2);
            w.string(o.model());
        } else if (op instanceof RenameModel o) {
            w.count(3);
            w.string(o.oldModel());
            w.string(o.newModel());
        } else if (op instanceof AlterModelTable o) {
            w.count(4);
            w.string(o.model());
            w.string(o.table());
        } else if (op instanceof AlterModelComment o) {
            w.count(5);
            w.string(o.model());
            w.string(o.comment());
        } else if (op instanceof AddField o) {
            w.count(6);
            w.string(o.model());
            w.string(o.field());
            StateCodec.column(w, o.column());
        } else if (op instanceof RemoveField o) {
            w.count(7);
            w.string(o.model());
            w.string(o.field());
        } else if (op instanceof AlterField o) {
            w.count(8);
            w.string(o.model());
            w.string(o.field());
            StateCodec.column(w, o.column());
        } else if (op instanceof RenameField o) {
            w.count(9);
            w.string(o.model());
            w.string(o.oldField());
            w.string(o.newField());
            w.string(o.newColumn());
        } else if (op instanceof AddIndex o) {
            w.count(10);
            w.string(o.model());
            StateCodec.index(w, o.index());
            w.bool(o.isConcurrent());
        } else if (op instanceof RemoveIndex o) {
            w.count(11);
            w.string(o.model());
            w.string(o.name());
            w.bool(o.isConcurrent());
        } else if (op instanceof RenameIndex o) {
            w.count(12);
            w.string(o.model());
            w.string(o.oldName());
            w.string(o.newName());
        } else if (op instanceof AddConstraint o) {
            w.count(13);
            w.string(o.model());
            StateCodec.constraint(w, o.constraint());
        } else if (op instanceof RemoveConstraint o) {
            w.count(14);
            w.string(o.model());
            w.string(o.name());
        } else if (op instanceof ValidateConstraint o) {
            w.count(15);
            w.string(o.model());
            w.string(o.name());
        } else if (op instanceof AddConstraintUsingIndex o) {
            w.count(16);
            w.string(o.model());
            StateCodec.constraint(w, o.constraint());
            w.string(o.index());
        } else if (op instanceof RenameConstraint o) {
            w.count(17);
            w.string(o.model());
            w.string(o.oldName());
            w.string(o.newName());
        } else if (op instanceof CreateSequence o) {
            w.count(18);
            StateCodec.sequence(w, o.sequence());
        } else if (op instanceof AlterSequence o) {
            w.count(19);
            StateCodec.sequence(w, o.sequence());
        } else if (op instanceof DeleteSequence o) {
            w.count(20);
            w.string(o.name());
        } else if (op instanceof RunSql o) {
            w.count(21);
            w.string(o.sql());
            w.string(o.reverseSql());
            touches(w, o.touches());
        } else if (op instanceof RunJava o) {
            w.count(22);
            w.string(o.forward());
            w.string(o.reverse());
            touches(w, o.touches());
        } else if (op instanceof SeparateDatabaseAndState o) {
            w.count(23);
            w.list(o.database(), OperationCodec::operation);
            w.list(o.state(), OperationCodec::operation);
        } else if (op instanceof SafeRemoveField o) {
            w.count(24);
            w.string(o.model());
            w.string(o.field());
            action(w, o.action());
        } else if (op instanceof SafeDeleteModel o) {
            w.count(25);
            w.string(o.model());
            action(w, o.action());
        } else if (op instanceof RestorePendingField o) {
            w.count(26);
            w.string(o.model());
            w.string(o.field());
        } else if (op instanceof RestorePendingModel o) {
            w.count(27);
            w.string(o.model());
        } else if (op instanceof RecreatePendingField o) {
            w.count(28);
            w.string(o.model());
            w.string(o.table());
            StateCodec.column(w, o.column());
            w.list(o.indexes(), StateCodec::index);
            w.list(o.constraints(), StateCodec::constraint);
        } else if (op instanceof RecreatePendingModel o) {
            w.count(29);
            w.string(o.model());
            StateCodec.table(w, o.definition());
        } else if (op instanceof RenameSequence o) {
            w.count(30);
            w.string(o.oldName());
            w.string(o.newName());
        } else if (op instanceof SafeDeleteSequence o) {
            w.count(31);
            w.string(o.name());
            action(w, o.action());
        } else if (op instanceof RestorePendingSequence o) {
            w.count(32);
            w.string(o.name());
        } else if (op instanceof RecreatePendingSequence o) {
            w.count(33);
            StateCodec.sequence(w, o.sequence());
        } else if (op instanceof CreateCompatibilityView o) {
            w.count(34);
            w.string(o.view());
            w.string(o.table());
            w.strings(o.columns());
        } else if (op instanceof DropCompatibilityView o) {
            w.count(35);
            w.string(o.view());
        } else if (op instanceof ForkSequence o) {
            w.count(36);
            w.string(o.oldName());
            w.string(o.newName());
            w.number(o.headroom());
        } else if (op instanceof UnforkSequence o) {
            w.count(37);
            w.string(o.oldName());
            w.string(o.newName());
            w.number(o.headroom());
        } else if (op instanceof AddColumnSync o) {
            w.count(38);
            w.string(o.model());
            w.string(o.source());
            w.string(o.column());
            w.string(o.forward());
            w.string(o.backward());
        } else if (op instanceof RemoveColumnSync o) {
            w.count(39);
            w.string(o.model());
            w.string(o.column());
        } else if (op instanceof CopyColumn o) {
            w.count(40);
            w.string(o.model());
            w.string(o.column());
            w.string(o.expression());
        } else if (op instanceof SwitchColumn o) {
            w.count(41);
            w.string(o.model());
            w.string(o.field());
            w.string(o.other());
            w.string(o.otherColumn());
        } else if (op instanceof dev.keel.operations.CreateEnumType o) {
            w.count(42);
            StateCodec.enumType(w, o.type());
        } else if (op instanceof dev.keel.operations.AddEnumValue o) {
            w.count(43);
            w.string(o.type());
            w.string(o.value());
            w.string(o.before());
            w.string(o.after());
        } else if (op instanceof dev.keel.operations.RenameEnumValue o) {
            w.count(44);
            w.string(o.type());
            w.string(o.oldValue());
            w.string(o.newValue());
        } else if (op instanceof dev.keel.operations.RemoveEnumValue o) {
            w.count(45);
            w.string(o.type());
            w.string(o.value());
        } else if (op instanceof dev.keel.operations.DropEnumType o) {
            w.count(46);
            w.string(o.name());
        } else {
            throw new IllegalArgumentException("keel bug: an operation the cache does not know: " + op);
        }
    }

    static Operation operation(Compact.Reader r) {
        long kind = r.count();
        return switch ((int) kind) {
            case 1 -> new CreateModel(r.string(), StateCodec.table(r));
            case 2 -> new DeleteModel(r.string());
            case 3 -> new RenameModel(r.string(), r.string());
            case 4 -> new AlterModelTable(r.string(), r.string());
            case 5 -> new AlterModelComment(r.string(), r.string());
            case 6 -> new AddField(r.string(), r.string(), StateCodec.column(r));
            case 7 -> new RemoveField(r.string(), r.string());
            case 8 -> new AlterField(r.string(), r.string(), StateCodec.column(r));
            case 9 -> new RenameField(r.string(), r.string(), r.string(), r.string());
            case 10 -> new AddIndex(r.string(), StateCodec.index(r), r.bool());
            case 11 -> new RemoveIndex(r.string(), r.string(), r.bool());
            case 12 -> new RenameIndex(r.string(), r.string(), r.string());
            case 13 -> new AddConstraint(r.string(), StateCodec.constraint(r));
            case 14 -> new RemoveConstraint(r.string(), r.string());
            case 15 -> new ValidateConstraint(r.string(), r.string());
            case 16 -> new AddConstraintUsingIndex(r.string(), unique(StateCodec.constraint(r)), r.string());
            case 17 -> new RenameConstraint(r.string(), r.string(), r.string());
            case 18 -> new CreateSequence(StateCodec.sequence(r));
            case 19 -> new AlterSequence(StateCodec.sequence(r));
            case 20 -> new DeleteSequence(r.string());
            case 21 -> new RunSql(r.string(), r.string(), touches(r));
            case 22 -> new RunJava(r.string(), r.string(), touches(r));
            case 23 -> new SeparateDatabaseAndState(r.list(OperationCodec::operation), r.list(OperationCodec::operation));
            case 24 -> new SafeRemoveField(r.string(), r.string(), action(r));
            case 25 -> new SafeDeleteModel(r.string(), action(r));
            case 26 -> new RestorePendingField(r.string(), r.string());
            case 27 -> new RestorePendingModel(r.string());
            case 28 -> new RecreatePendingField(r.string(), r.string(), StateCodec.column(r), r.list(StateCodec::index),
                    r.list(StateCodec::constraint));
            case 29 -> new RecreatePendingModel(r.string(), StateCodec.table(r));
            case 30 -> new RenameSequence(r.string(), r.string());
            case 31 -> new SafeDeleteSequence(r.string(), action(r));
            case 32 -> new RestorePendingSequence(r.string());
            case 33 -> new RecreatePendingSequence(StateCodec.sequence(r));
            case 34 -> new CreateCompatibilityView(r.string(), r.string(), r.strings());
            case 35 -> new DropCompatibilityView(r.string());
            case 36 -> new ForkSequence(r.string(), r.string(), r.number());
            case 37 -> new UnforkSequence(r.string(), r.string(), r.number());
            case 38 -> new AddColumnSync(r.string(), r.string(), r.string(), r.string(), r.string());
            case 39 -> new RemoveColumnSync(r.string(), r.string());
            case 40 -> new CopyColumn(r.string(), r.string(), r.string());
            case 41 -> new SwitchColumn(r.string(), r.string(), r.string(), r.string());
            case 42 -> new dev.keel.operations.CreateEnumType(StateCodec.enumType(r));
            case 43 -> new dev.keel.operations.AddEnumValue(r.string(), r.string(), r.string(), r.string());
            case 44 -> new dev.keel.operations.RenameEnumValue(r.string(), r.string(), r.string());
            case 45 -> new dev.keel.operations.RemoveEnumValue(r.string(), r.string());
            case 46 -> new dev.keel.operations.DropEnumType(r.string());
            default -> throw new IllegalArgumentException("no operation of kind " + kind);
        };
    }

    private static UniqueConstraint unique(dev.keel.state.Constraint c) {
        if (c instanceof UniqueConstraint u) {
            return u;
        }
        throw new IllegalArgumentException("not a unique constraint: " + c);
    }

    private static void touches(Compact.Writer w, Touches t) {
        if (w.present(t)) {
            w.strings(t.tables());
            w.string(t.database());
        }
    }

    private static Touches touches(Compact.Reader r) {
        return r.present() ? new Touches(r.strings(), r.string()) : null;
    }

    private static void action(Compact.Writer w, DeletionAction a) {
        w.string(a == null ? null : a.name());
    }

    private static DeletionAction action(Compact.Reader r) {
        String a = r.string();
        return a == null ? null : DeletionAction.valueOf(a);
    }
}
