package dev.keel.routing;

import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.operations.*;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.state.PendingDeletion;
import dev.keel.state.PendingTable;
import dev.keel.state.PendingSequence;
import dev.keel.operations.RenameSequence;
import dev.keel.operations.CreateEnumType;
import dev.keel.operations.AddEnumValue;
import dev.keel.operations.RenameEnumValue;
import dev.keel.operations.RemoveEnumValue;
import dev.keel.operations.DropEnumType;
import dev.keel.operations.ForkSequence;
import dev.keel.operations.UnforkSequence;
import dev.keel.operations.CreateCompatibilityView;
import dev.keel.operations.DropCompatibilityView;
import dev.keel.state.PendingView;
import dev.keel.state.PendingSync;
import dev.keel.operations.AddColumnSync;
import dev.keel.operations.RemoveColumnSync;
import dev.keel.operations.CopyColumn;
import dev.keel.operations.SafeDeleteSequence;
import dev.keel.operations.RestorePendingSequence;
import dev.keel.operations.RecreatePendingSequence;
import dev.keel.state.Sequence;
import dev.keel.state.Table;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which database of {@code keel.json} an operation runs in (Django's {@code allow_migrate}, decided by
 * the state rather than by code): an operation on a model runs where the model's table lives (its
 * {@code database}, recorded in the migrations, so a model whose entity class is gone still routes); a
 * sequence operation where the sequence lives; {@code RunSql} and {@code RunJava} where the tables they
 * declare live, or in the database they name. In a project with several databases, hand-written code
 * that declares nothing is an error: keel never guesses where it runs. Pure: no I/O.
 */
public final class Router {
    private final List<String> databases;

    private Router(List<String> databases) {
        this.databases = List.copyOf(databases);
    }

    /** The router of a project: the databases its {@code keel.json} names. */
    public static Router of(KeelConfig config) {
        return new Router(config.databaseNames());
    }

    /** The router of a project whose {@code keel.json} names these databases ({@code default} among them or not). */
    public static Router of(List<String> databases) {
        if (databases.isEmpty()) {
            throw new IllegalArgumentException("a project has at least one database");
        }
        return new Router(databases);
    }

    /** The router of a project with only the default database. */
    public static Router single() {
        return new Router(List.of(Table.DEFAULT_DATABASE));
    }

    /** The databases, in {@code keel.json}'s order. */
    public List<String> databases() {
        return databases;
    }

    /** Whether the project has several databases. */
    public boolean several() {
        return databases.size() > 1;
    }

    /**
     * The name of the database {@code op} runs in, for a migration of {@code app} meeting {@code before}.
     * A {@code SeparateDatabaseAndState} has no database of its own: route its database operations one by one.
     *
     * @throws KeelException of kind INVALID_OPERATION for hand-written code that declares nothing in a
     *                       project with several databases, that names an unknown database or table, or
     *                       whose tables live in different databases
     */
    public String databaseOf(String app, ProjectState before, Operation op) {
        String db = op.accept(new Visitor(app, before));
        if (!databases.contains(db)) {
            throw new KeelException(ErrorKind.INVALID_OPERATION, op.describe() + ": runs in the database \"" + db
                    + "\" (as the migrations record it), which " + KeelConfig.FILE_NAME + " does not name (databases: "
                    + databases + ").\nTo fix: add the database to \"databases\" in " + KeelConfig.FILE_NAME
                    + ", or correct the migration's .database(...).");
        }
        return db;
    }

    private String known(String database, String what) {
        if (!databases.contains(database)) {
            throw new KeelException(ErrorKind.INVALID_OPERATION, what + " names the database \"" + database
                    + "\", which " + KeelConfig.FILE_NAME + " does not name (databases: " + databases + ").\n"
                    + "To fix: use one of those names, or add the database to \"databases\" in " + KeelConfig.FILE_NAME + ".");
        }
        return database;
    }

    private String code(Operation op, Touches touches, ProjectState state) {
        String what = op.describe();
        if (touches == null) {
            if (!several()) {
                return databases.get(0);
            }
            throw new KeelException(ErrorKind.INVALID_OPERATION, what + ": hand-written code does not say which tables"
                    + " or database it touches, and " + KeelConfig.FILE_NAME + " names several databases " + databases
                    + ", so keel cannot tell where to run it.\nTo fix: declare it: "
                    + (op instanceof RunSql ? "runSql(...)" : "runJava(...)") + ".touches(\"TABLE\", ...) or .database(\"NAME\").");
        }
        if (touches.database() != null) {
            return known(touches.database(), what);
        }
        var found = new LinkedHashSet<String>();
        for (String table : touches.tables()) {
            String db = tableDatabase(state, table).orElseThrow(() -> new KeelException(ErrorKind.INVALID_OPERATION,
                    what + ": declares the table " + table + ", which no model has at this migration (tables: "
                            + state.tables().stream().map(Table::qualifiedName).sorted().toList() + ").\n"
                            + "To fix: name the table as the database calls it at this point of the history."));
            found.add(db);
        }
        if (found.size() > 1) {
            throw new KeelException(ErrorKind.INVALID_OPERATION, what + ": declares tables of different databases "
                    + found + " (" + touches.describe() + "); one operation runs in one database.\n"
                    + "To fix: split it into one operation per database.");
        }
        return known(found.iterator().next(), what);
    }

    private static Optional<String> tableDatabase(ProjectState state, String name) {
        Optional<Table> t = state.tableNamed(name);
        if (t.isEmpty() && !name.contains(".")) {
            t = state.tables().stream().filter(x -> x.name().equals(name)).findFirst();
        }
        if (t.isPresent()) {
            return Optional.of(t.get().databaseName());
        }
        return state.pending().stream().filter(p -> p instanceof PendingTable pt
                        && (pt.table().equals(name) || pt.definition().name().equals(name)))
                .map(p -> ((PendingTable) p).definition().databaseName()).findFirst();
    }

    private final class Visitor implements OperationVisitor<String> {
        private final String app;
        private final ProjectState state;

        Visitor(String app, ProjectState state) {
            this.app = app;
            this.state = state;
        }

        private String model(String model) {
            Optional<Table> t = state.table(app, model);
            if (t.isPresent()) {
                return t.get().databaseName();
            }
            String key = model.toLowerCase(java.util.Locale.ROOT);
            for (PendingDeletion p : state.pending()) {
                if (p instanceof PendingTable pt && pt.app().equals(app) && pt.model().equals(key)) {
                    return pt.definition().databaseName();
                }
            }
            return Table.DEFAULT_DATABASE;
        }

        private String sequence(String name, Sequence given) {
            return state.sequence(name).map(Sequence::databaseName)
                    .orElse(given == null ? Table.DEFAULT_DATABASE : given.databaseName());
        }

        @Override public String visit(CreateModel op) { return op.table().databaseName(); }
        @Override public String visit(DeleteModel op) { return model(op.model()); }
        @Override public String visit(RenameModel op) { return model(op.oldModel()); }
        @Override public String visit(AlterModelTable op) { return model(op.model()); }
        @Override public String visit(AlterModelComment op) { return model(op.model()); }
        @Override public String visit(AddField op) { return model(op.model()); }
        @Override public String visit(RemoveField op) { return model(op.model()); }
        @Override public String visit(AlterField op) { return model(op.model()); }
        @Override public String visit(RenameField op) { return model(op.model()); }
        @Override public String visit(dev.keel.operations.SwitchColumn op) { return model(op.model()); }
        @Override public String visit(AddIndex op) { return model(op.model()); }
        @Override public String visit(RemoveIndex op) { return model(op.model()); }
        @Override public String visit(RenameIndex op) { return model(op.model()); }
        @Override public String visit(AddConstraint op) { return model(op.model()); }
        @Override public String visit(RemoveConstraint op) { return model(op.model()); }
        @Override public String visit(ValidateConstraint op) { return model(op.model()); }
        @Override public String visit(AddConstraintUsingIndex op) { return model(op.model()); }
        @Override public String visit(RenameConstraint op) { return model(op.model()); }
        @Override public String visit(CreateSequence op) { return op.sequence().databaseName(); }
        @Override public String visit(CreateEnumType op) { return op.type().databaseName(); }
        @Override public String visit(AddEnumValue op) { return enumType(op.type()); }
        @Override public String visit(RenameEnumValue op) { return enumType(op.type()); }
        @Override public String visit(RemoveEnumValue op) { return enumType(op.type()); }
        @Override public String visit(DropEnumType op) { return enumType(op.name()); }

        private String enumType(String name) {
            return state.enumType(name).map(dev.keel.state.EnumType::databaseName).orElse(Table.DEFAULT_DATABASE);
        }
        @Override public String visit(AlterSequence op) { return sequence(op.sequence().name(), op.sequence()); }
        @Override public String visit(DeleteSequence op) { return sequence(op.name(), null); }
        @Override public String visit(RunSql op) { return code(op, op.touches(), state); }
        @Override public String visit(RunJava op) { return code(op, op.touches(), state); }
        @Override public String visit(SafeRemoveField op) { return model(op.model()); }
        @Override public String visit(SafeDeleteModel op) { return model(op.model()); }
        @Override public String visit(RestorePendingField op) { return model(op.model()); }
        @Override public String visit(RestorePendingModel op) { return model(op.model()); }
        @Override public String visit(RecreatePendingModel op) { return op.definition().databaseName(); }
        @Override public String visit(RenameSequence op) { return sequence(op.oldName(), null); }
        @Override public String visit(ForkSequence op) { return sequence(op.oldName(), null); }
        @Override public String visit(UnforkSequence op) { return sequence(op.newName(), null); }
        @Override public String visit(SafeDeleteSequence op) { return pendingOrLiveSequence(op.name()); }
        @Override public String visit(RestorePendingSequence op) { return pendingOrLiveSequence(op.name()); }
        @Override public String visit(RecreatePendingSequence op) { return op.sequence().databaseName(); }
        @Override public String visit(CreateCompatibilityView op) { return tableDatabase(state, op.table()).orElse(Table.DEFAULT_DATABASE); }

        @Override public String visit(AddColumnSync op) { return model(op.model()); }
        @Override public String visit(CopyColumn op) { return model(op.model()); }

        @Override public String visit(RemoveColumnSync op) {
            String key = op.model().toLowerCase(java.util.Locale.ROOT);
            return state.pending().stream().filter(p -> p instanceof PendingSync ps && ps.app().equals(app)
                            && ps.model().equals(key) && ps.column().equals(op.column()))
                    .map(p -> tableDatabase(state, p.table()).orElseGet(() -> model(op.model())))
                    .findFirst().orElseGet(() -> model(op.model()));
        }

        @Override public String visit(DropCompatibilityView op) {
            return state.pending().stream().filter(p -> p instanceof PendingView pv && pv.view().equals(op.view()))
                    .map(p -> tableDatabase(state, ((PendingView) p).target()).orElse(Table.DEFAULT_DATABASE))
                    .findFirst().orElse(Table.DEFAULT_DATABASE);
        }

        private String pendingOrLiveSequence(String name) {
            return state.pending().stream()
                    .filter(p -> p instanceof PendingSequence ps && ps.sequence().name().equals(name))
                    .map(p -> ((PendingSequence) p).sequence().databaseName()).findFirst()
                    .orElseGet(() -> sequence(name, null));
        }

        @Override
        public String visit(RecreatePendingField op) {
            Optional<String> db = tableDatabase(state, op.table());
            return db.orElseGet(() -> model(op.model()));
        }

        @Override
        public String visit(SeparateDatabaseAndState op) {
            var dbs = new LinkedHashSet<String>();
            ProjectState s = state;
            for (Operation o : op.database()) {
                dbs.add(databaseOf(app, s, o));
                s = StateTransitions.apply(o, app, s);
            }
            if (dbs.isEmpty()) {
                for (Operation o : op.state()) {
                    dbs.add(Objects.requireNonNull(databaseOf(app, state, o)));
                }
            }
            return dbs.size() == 1 ? dbs.iterator().next() : Table.DEFAULT_DATABASE;
        }
    }
}
