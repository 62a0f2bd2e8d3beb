package dev.keel.migration;

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
import dev.keel.operations.CreateEnumType;
import dev.keel.operations.AddEnumValue;
import dev.keel.operations.RenameEnumValue;
import dev.keel.operations.RemoveEnumValue;
import dev.keel.operations.DropEnumType;
import dev.keel.state.EnumType;
import dev.keel.operations.DeleteModel;
import dev.keel.operations.DeleteSequence;
import dev.keel.operations.DeletionAction;
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
import dev.keel.operations.RunJava;
import dev.keel.operations.RunSql;
import dev.keel.operations.SafeDeleteModel;
import dev.keel.operations.SafeDeleteSequence;
import dev.keel.operations.RenameSequence;
import dev.keel.operations.ForkSequence;
import dev.keel.operations.UnforkSequence;
import dev.keel.operations.RestorePendingSequence;
import dev.keel.operations.RecreatePendingSequence;
import dev.keel.operations.CreateCompatibilityView;
import dev.keel.operations.DropCompatibilityView;
import dev.keel.operations.SwitchColumn;
import dev.keel.operations.AddColumnSync;
import dev.keel.operations.RemoveColumnSync;
import dev.keel.operations.CopyColumn;
import dev.keel.operations.SafeRemoveField;
import dev.keel.operations.SeparateDatabaseAndState;
import dev.keel.operations.ValidateConstraint;
import dev.keel.state.CheckConstraint;
import dev.keel.state.Column;
import dev.keel.state.Constraint;
import dev.keel.state.ForeignKey;
import dev.keel.state.Index;
import dev.keel.state.Sequence;
import dev.keel.state.Table;
import dev.keel.state.UniqueConstraint;

import java.util.List;

/**
 * The factories migration files are written with ({@code import static dev.keel.migration.Operations.*;}).
 * Model names are case-insensitive ({@code "post"} and {@code "Post"} are one model); field names are
 * the Java field names; column, table, constraint and index names are the database's.
 */
public final class Operations {
    private Operations() {}

    // ---- values ----------------------------------------------------------------------------

    /** A table to give to {@link #createModel}: {@code table("post").entity("Post").field("id", column("id", "bigint")).primaryKey("id")}. */
    public static Table table(String name) { return Table.named(name); }

    /** A NOT NULL column of a PostgreSQL type; {@code .nullable()}, {@code .defaultSql(..)}, {@code .identity(..)} refine it. */
    public static Column column(String name, String type) { return Column.of(name, type); }

    /** A foreign key on {@code columns}; complete it with {@code .references(table, columns...)}. */
    public static ForeignKey foreignKey(String name, String... columns) { return ForeignKey.of(name, columns); }

    /** A unique constraint on {@code columns}. */
    public static UniqueConstraint unique(String name, String... columns) { return UniqueConstraint.of(name, columns); }

    /** A check constraint with an SQL boolean expression. */
    public static CheckConstraint check(String name, String expression) { return CheckConstraint.of(name, expression); }

    /** An index on columns or expressions. */
    public static Index index(String name, String... columns) { return Index.of(name, columns); }

    /** A sequence starting at 1 and incrementing by 1; refine with {@code .startWith(..)}, {@code .incrementBy(..)}. */
    public static Sequence sequence(String name) { return Sequence.of(name); }

    /** A list of operations, for {@link #separateDatabaseAndState}. */
    public static List<Operation> ops(Operation... operations) { return List.of(operations); }

    // ---- models ----------------------------------------------------------------------------

    public static CreateModel createModel(String model, Table table) { return new CreateModel(model, table); }

    public static DeleteModel deleteModel(String model) { return new DeleteModel(model); }

    public static RenameModel renameModel(String oldModel, String newModel) { return new RenameModel(oldModel, newModel); }

    public static AlterModelTable alterModelTable(String model, String table) { return new AlterModelTable(model, table); }

    public static AlterModelComment alterModelComment(String model, String comment) { return new AlterModelComment(model, comment); }

    // ---- fields ----------------------------------------------------------------------------

    public static AddField addField(String model, String field, Column column) { return new AddField(model, field, column); }

    public static RemoveField removeField(String model, String field) { return new RemoveField(model, field); }

    public static AlterField alterField(String model, String field, Column column) { return new AlterField(model, field, column); }

    /** A state-only rename: the column keeps its name. {@code .renamingColumn("new_col")} renames it too. */
    public static RenameField renameField(String model, String oldField, String newField) {
        return new RenameField(model, oldField, newField, null);
    }

    /** A rename of a field that renames its column to {@code newColumn} too (null keeps the column). */
    public static RenameField renameField(String model, String oldField, String newField, String newColumn) {
        return new RenameField(model, oldField, newField, newColumn);
    }

    // ---- indexes and constraints -----------------------------------------------------------

    /** Creates an index; {@code .concurrently()} builds it without blocking writes. */
    public static AddIndex addIndex(String model, Index index) { return new AddIndex(model, index, false); }

    /** Creates an index, concurrently ({@code CREATE INDEX CONCURRENTLY IF NOT EXISTS}) when asked. */
    public static AddIndex addIndex(String model, Index index, boolean concurrently) { return new AddIndex(model, index, concurrently); }

    public static RemoveIndex removeIndex(String model, String name) { return new RemoveIndex(model, name, false); }

    /** Drops an index, concurrently when asked. */
    public static RemoveIndex removeIndex(String model, String name, boolean concurrently) { return new RemoveIndex(model, name, concurrently); }

    public static RenameIndex renameIndex(String model, String oldName, String newName) { return new RenameIndex(model, oldName, newName); }

    public static AddConstraint addConstraint(String model, Constraint constraint) { return new AddConstraint(model, constraint); }

    public static RemoveConstraint removeConstraint(String model, String name) { return new RemoveConstraint(model, name); }

    /** Turns a unique index (built concurrently before) into the unique constraint. */
    public static AddConstraintUsingIndex addConstraintUsingIndex(String model, UniqueConstraint constraint, String index) {
        return new AddConstraintUsingIndex(model, constraint, index);
    }

    public static RenameConstraint renameConstraint(String model, String oldName, String newName) {
        return new RenameConstraint(model, oldName, newName);
    }

    public static ValidateConstraint validateConstraint(String model, String name) { return new ValidateConstraint(model, name); }

    // ---- enum types ------------------------------------------------------------------------

    /** A PostgreSQL enum type with its values in order. */
    public static EnumType enumType(String name, String... values) { return EnumType.of(name, values); }

    public static CreateEnumType createEnumType(EnumType type) { return new CreateEnumType(type); }

    /** Adds {@code value} at the end of the enum type. */
    public static AddEnumValue addEnumValue(String type, String value) { return new AddEnumValue(type, value); }

    /** Adds {@code value} before {@code before} or after {@code after} (one of them, or neither: at the end). */
    public static AddEnumValue addEnumValue(String type, String value, String before, String after) {
        return new AddEnumValue(type, value, before, after);
    }

    /** Adds {@code value} just before {@code before}. */
    public static AddEnumValue addEnumValueBefore(String type, String value, String before) { return new AddEnumValue(type, value, before, null); }

    /** Adds {@code value} just after {@code after}. */
    public static AddEnumValue addEnumValueAfter(String type, String value, String after) { return new AddEnumValue(type, value, null, after); }

    public static RenameEnumValue renameEnumValue(String type, String oldValue, String newValue) { return new RenameEnumValue(type, oldValue, newValue); }

    /** Rebuilds the type without {@code value}: rewrites every column of the type, fails while a row holds it. */
    public static RemoveEnumValue removeEnumValue(String type, String value) { return new RemoveEnumValue(type, value); }

    public static DropEnumType dropEnumType(String name) { return new DropEnumType(name); }

    // ---- sequences -------------------------------------------------------------------------

    public static CreateSequence createSequence(Sequence sequence) { return new CreateSequence(sequence); }

    public static AlterSequence alterSequence(Sequence sequence) { return new AlterSequence(sequence); }

    public static DeleteSequence deleteSequence(String name) { return new DeleteSequence(name); }

    /** Renames a sequence, keeping its value (the sequence of a renamed table). */
    public static RenameSequence renameSequence(String oldName, String newName) { return new RenameSequence(oldName, newName); }

    /**
     * Continues a sequence under a new name while the running code still draws from the old one: the old one
     * is capped {@code headroom} ids above its value and pending deletion, the new one starts above the cap.
     */
    public static ForkSequence forkSequence(String oldName, String newName, long headroom) {
        return new ForkSequence(oldName, newName, headroom);
    }

    /** The reverse of {@link #forkSequence}: the old sequence again, past every value either gave. */
    public static UnforkSequence unforkSequence(String oldName, String newName, long headroom) {
        return new UnforkSequence(oldName, newName, headroom);
    }

    // ---- code ------------------------------------------------------------------------------

    /** Irreversible SQL. */
    public static RunSql runSql(String sql) { return new RunSql(sql, null); }

    /** SQL with its reverse ({@code RunSql.NOOP} for "nothing to undo"). */
    public static RunSql runSql(String sql, String reverseSql) { return new RunSql(sql, reverseSql); }

    /** Irreversible Java: the migration's method {@code forward(MigrationContext)}. */
    public static RunJava runJava(String forward) { return new RunJava(forward, null); }

    /** Java with its reverse: two methods of the migration class. */
    public static RunJava runJava(String forward, String reverse) { return new RunJava(forward, reverse); }

    public static SeparateDatabaseAndState separateDatabaseAndState(List<Operation> database, List<Operation> state) {
        return new SeparateDatabaseAndState(database, state);
    }

    // ---- safe removals ---------------------------------------------------------------------

    public static SafeRemoveField safeRemoveField(String model, String field, DeletionAction action) {
        return new SafeRemoveField(model, field, action);
    }

    public static SafeDeleteModel safeDeleteModel(String model, DeletionAction action) { return new SafeDeleteModel(model, action); }

    public static SafeDeleteSequence safeDeleteSequence(String name, DeletionAction action) { return new SafeDeleteSequence(name, action); }

    public static RestorePendingSequence restorePendingSequence(String name) { return new RestorePendingSequence(name); }

    public static RecreatePendingSequence recreatePendingSequence(Sequence sequence) { return new RecreatePendingSequence(sequence); }

    /** A list of names, as operations that take several write them: {@code names("post_id", "tags_id")}. */
    public static List<String> names(String... names) { return List.of(names); }

    /** Keeps a renamed table's old name as a view until the pending deletions (its columns under their old names). */
    public static CreateCompatibilityView createCompatibilityView(String view, String table, List<String> columns) {
        return new CreateCompatibilityView(view, table, columns);
    }

    public static DropCompatibilityView dropCompatibilityView(String view) { return new DropCompatibilityView(view); }

    /**
     * The switch of a type change: {@code field} takes the column of {@code other} under its own column's name;
     * {@code other} takes the field's former column, renamed {@code otherColumn}.
     */
    public static SwitchColumn switchColumn(String model, String field, String other, String otherColumn) {
        return new SwitchColumn(model, field, other, otherColumn);
    }

    /**
     * Keeps {@code column} in step with {@code source} (a trigger) while old and new code run:
     * {@code addColumnSync("user", "nick", "nickname", "nick", "nickname")}. {@code forward} gives
     * {@code column} from {@code source}, {@code backward} gives {@code source} from {@code column}.
     */
    public static AddColumnSync addColumnSync(String model, String source, String column, String forward, String backward) {
        return new AddColumnSync(model, source, column, forward, backward);
    }

    /** Drops the sync of {@code column} (the contract, before the old column is dropped). */
    public static RemoveColumnSync removeColumnSync(String model, String column) { return new RemoveColumnSync(model, column); }

    /** Fills {@code column} of the existing rows with {@code expression}, in resumable batches (non-atomic migrations). */
    public static CopyColumn copyColumn(String model, String column, String expression) {
        return new CopyColumn(model, column, expression);
    }

    public static RestorePendingField restorePendingField(String model, String field) { return new RestorePendingField(model, field); }

    public static RestorePendingModel restorePendingModel(String model) { return new RestorePendingModel(model); }

    public static RecreatePendingField recreatePendingField(String model, String table, Column column) {
        return new RecreatePendingField(model, table, column);
    }

    public static RecreatePendingField recreatePendingField(String model, String table, Column column, List<Index> indexes,
                                                            List<Constraint> constraints) {
        return new RecreatePendingField(model, table, column, indexes, constraints);
    }

    /** A list of indexes, as an operation's argument. */
    public static List<Index> indexes(Index... indexes) { return List.of(indexes); }

    /** A list of constraints, as an operation's argument. */
    public static List<Constraint> constraints(Constraint... constraints) { return List.of(constraints); }

    public static RecreatePendingModel recreatePendingModel(String model, Table table) { return new RecreatePendingModel(model, table); }
}
