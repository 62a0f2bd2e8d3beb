package dev.keel.squash;

import dev.keel.operations.AddConstraint;
import dev.keel.operations.AddConstraintUsingIndex;
import dev.keel.operations.AddField;
import dev.keel.operations.AddIndex;
import dev.keel.operations.AlterField;
import dev.keel.operations.AlterModelComment;
import dev.keel.operations.AlterModelTable;
import dev.keel.operations.AlterSequence;
import dev.keel.operations.CreateModel;
import dev.keel.operations.CreateSequence;
import dev.keel.operations.DeleteModel;
import dev.keel.operations.DeleteSequence;
import dev.keel.operations.Operation;
import dev.keel.operations.RecreatePendingField;
import dev.keel.operations.RecreatePendingModel;
import dev.keel.operations.RemoveConstraint;
import dev.keel.operations.RemoveField;
import dev.keel.operations.RemoveIndex;
import dev.keel.operations.RenameConstraint;
import dev.keel.operations.RenameField;
import dev.keel.operations.RenameIndex;
import dev.keel.operations.RenameModel;
import dev.keel.operations.RestorePendingField;
import dev.keel.operations.RestorePendingModel;
import dev.keel.operations.SafeDeleteModel;
import dev.keel.operations.SafeRemoveField;
import dev.keel.operations.ValidateConstraint;
import dev.keel.project.ProjectState;
import dev.keel.state.Column;
import dev.keel.state.Constraint;
import dev.keel.state.ForeignKey;
import dev.keel.state.Table;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an operation touches in the database, in physical names: the tables, columns, named objects
 * (indexes, constraints) and sequences it writes and those it only reads (a foreign key reads its target
 * columns, a default reads its sequence). Two operations may change places when neither writes what
 * the other touches. {@code RunSql}, {@code RunJava} and {@code SeparateDatabaseAndState} may touch
 * anything: nothing moves across them. Pending deletions form one list in the state, so operations on
 * pending tables and columns keep their order.
 */
public record Footprint(Set<Touch> writes, Set<Touch> reads, boolean barrier) {
    /** One thing touched: a whole table ({@code part} null), or one column or named object of it. */
    public record Touch(String table, String part) {
        boolean overlaps(Touch o) {
            return table.equals(o.table) && (part == null || o.part == null || part.equals(o.part));
        }
    }

    private static final Footprint BARRIER = new Footprint(Set.of(), Set.of(), true);
    private static final Touch PENDING = new Touch("pending deletions", null);
    private static final Pattern NEXTVAL = Pattern.compile("nextval\\('([^']+)'");

    public Footprint {
        writes = Set.copyOf(writes);
        reads = Set.copyOf(reads);
    }

    /** Whether the two operations give the same result in either order. */
    public boolean commutesWith(Footprint o) {
        return !barrier && !o.barrier && !any(writes, o.writes) && !any(writes, o.reads) && !any(o.writes, reads);
    }

    /** What two operations touch together (the footprint of their fold). */
    public Footprint plus(Footprint o) {
        var w = new HashSet<>(writes);
        w.addAll(o.writes);
        var r = new HashSet<>(reads);
        r.addAll(o.reads);
        return new Footprint(w, r, barrier || o.barrier);
    }

    private static boolean any(Set<Touch> a, Set<Touch> b) {
        for (Touch x : a) {
            for (Touch y : b) {
                if (x.overlaps(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The footprint of {@code op}, run by a migration of {@code app} on {@code before}. */
    public static Footprint of(String app, ProjectState before, Operation op) {
        var f = new Builder(app, before);
        if (op instanceof CreateModel c) {
            f.table(c.table());
            f.writes.add(new Touch("model " + c.model(), null));
        } else if (op instanceof DeleteModel d) {
            f.wholeModel(d.model());
        } else if (op instanceof RenameModel r) {
            f.wholeModel(r.oldModel().toLowerCase(Locale.ROOT));
        } else if (op instanceof AlterModelTable a) {
            f.wholeModel(a.model());
            f.writes.add(new Touch(a.table(), null));
        } else if (op instanceof AlterModelComment a) {
            f.wholeModel(a.model());
        } else if (op instanceof AddField a) {
            f.column(a.model(), a.column().name());
            f.defaults(a.column());
        } else if (op instanceof AlterField a) {
            f.field(a.model(), a.field());
            f.column(a.model(), a.column().name());
            f.defaults(a.column());
        } else if (op instanceof RemoveField r) {
            f.field(r.model(), r.field());
        } else if (op instanceof RenameField r) {
            f.field(r.model(), r.oldField());
            if (r.newColumn() != null) {
                f.column(r.model(), r.newColumn());
            }
        } else if (op instanceof AddIndex a) {
            f.named(a.model(), a.index().name());
            a.index().columns().forEach(c -> f.read(a.model(), c));
            if (a.index().where() != null) {
                f.reads.add(new Touch(f.tableName(a.model()), null));
            }
        } else if (op instanceof RemoveIndex r) {
            f.named(r.model(), r.name());
        } else if (op instanceof RenameIndex r) {
            f.named(r.model(), r.oldName());
            f.named(r.model(), r.newName());
        } else if (op instanceof AddConstraint a) {
            f.constraint(a.model(), a.constraint());
        } else if (op instanceof AddConstraintUsingIndex a) {
            f.constraint(a.model(), a.constraint());
            f.named(a.model(), a.index());
        } else if (op instanceof RemoveConstraint r) {
            f.named(r.model(), r.name());
        } else if (op instanceof RenameConstraint r) {
            f.named(r.model(), r.oldName());
            f.named(r.model(), r.newName());
        } else if (op instanceof ValidateConstraint v) {
            f.named(v.model(), v.name());
        } else if (op instanceof CreateSequence c) {
            f.sequence(c.sequence().name());
        } else if (op instanceof AlterSequence a) {
            f.sequence(a.sequence().name());
        } else if (op instanceof DeleteSequence d) {
            f.sequence(d.name());
        } else if (op instanceof SafeRemoveField s) {
            f.field(s.model(), s.field());
            f.writes.add(PENDING);
        } else if (op instanceof SafeDeleteModel s) {
            f.wholeModel(s.model());
            f.writes.add(PENDING);
        } else if (op instanceof RestorePendingField r) {
            f.wholeModel(r.model());
            f.writes.add(PENDING);
        } else if (op instanceof RecreatePendingField r) {
            f.wholeModel(r.model());
            f.writes.add(PENDING);
        } else if (op instanceof RestorePendingModel || op instanceof RecreatePendingModel) {
            f.writes.add(PENDING);
            if (op instanceof RecreatePendingModel r) {
                f.table(r.definition());
            }
        } else {
            return BARRIER;
        }
        return new Footprint(f.writes, f.reads, false);
    }

    /** Collects touches, resolving models and fields to tables and columns in the state before the operation. */
    private static final class Builder {
        final String app;
        final ProjectState state;
        final Set<Touch> writes = new HashSet<>();
        final Set<Touch> reads = new HashSet<>();

        Builder(String app, ProjectState state) {
            this.app = app;
            this.state = state;
        }

        Optional<Table> model(String model) {
            return state.table(app, model.toLowerCase(Locale.ROOT));
        }

        String tableName(String model) {
            return model(model).map(Table::qualifiedName).orElse("model " + model.toLowerCase(Locale.ROOT));
        }

        void wholeModel(String model) {
            writes.add(new Touch(tableName(model), null));
            writes.add(new Touch("model " + model.toLowerCase(Locale.ROOT), null));
        }

        void table(Table t) {
            writes.add(new Touch(t.qualifiedName(), null));
            for (Constraint c : t.constraints()) {
                if (c instanceof ForeignKey fk) {
                    fk.targetColumns().forEach(col -> reads.add(new Touch(fk.targetTable(), "column " + col)));
                }
            }
            t.columns().forEach(this::defaults);
        }

        void column(String model, String column) {
            writes.add(new Touch(tableName(model), "column " + column));
        }

        void field(String model, String field) {
            Optional<Column> c = model(model).flatMap(t -> t.findFieldOrColumn(field));
            writes.add(new Touch(tableName(model), c.map(col -> "column " + col.name()).orElse(null)));
        }

        void read(String model, String column) {
            reads.add(new Touch(tableName(model), "column " + column));
        }

        void named(String model, String name) {
            // index and constraint names share the schema's relation namespace: key them by schema
            writes.add(new Touch(tableName(model), "object " + name));
            writes.add(new Touch("objects", name));
        }

        void constraint(String model, Constraint c) {
            named(model, c.name());
            c.columns().forEach(col -> read(model, col));
            if (c instanceof dev.keel.state.CheckConstraint) {
                reads.add(new Touch(tableName(model), null)); // its expression may name any column
            }
            if (c instanceof ForeignKey fk) {
                fk.targetColumns().forEach(col -> reads.add(new Touch(fk.targetTable(), "column " + col)));
            }
        }

        void sequence(String name) {
            writes.add(new Touch("sequence " + name, null));
        }

        void defaults(Column c) {
            if (c.defaultSql() != null) {
                Matcher m = NEXTVAL.matcher(c.defaultSql());
                while (m.find()) {
                    reads.add(new Touch("sequence " + m.group(1), null));
                }
            }
        }
    }
}
