package dev.keel.lint;

import dev.keel.operations.AddConstraint;
import dev.keel.operations.AddField;
import dev.keel.operations.AlterField;
import dev.keel.operations.AddIndex;
import dev.keel.operations.CreateModel;
import dev.keel.operations.CreateSequence;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveIndex;
import dev.keel.operations.RenameField;
import dev.keel.operations.RenameModel;
import dev.keel.operations.RunJava;
import dev.keel.operations.RunSql;
import dev.keel.operations.SafeDeleteModel;
import dev.keel.operations.SafeRemoveField;
import dev.keel.operations.SeparateDatabaseAndState;
import dev.keel.operations.ValidateConstraint;
import dev.keel.project.ProjectState;
import dev.keel.state.CheckConstraint;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the rules over one migration: the migration, then each operation and each of its SQL statements. */
final class MigrationLinter {
    private static final Pattern NOT_NULL_CHECK = Pattern.compile(
            "^\\(*\\s*(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)\\s+IS\\s+NOT\\s+NULL\\s*\\)*$", Pattern.CASE_INSENSITIVE);

    private final List<LintRule> rules;

    MigrationLinter(List<LintRule> rules) {
        this.rules = rules;
    }

    void lint(MigrationSite site, Findings out) {
        rules.forEach(r -> r.check(site, out));
        ProjectState state = site.before();
        List<Operation> ops = site.spec().operations();
        for (int i = 0; i < ops.size(); i++) {
            var op = new OperationSite(site, ops.get(i), i, state);
            rules.forEach(r -> r.check(op, out));
            for (String sql : sqlOf(op.operation())) {
                for (SqlStatement statement : SqlStatement.split(sql)) {
                    var st = new StatementSite(op, statement);
                    rules.forEach(r -> r.check(st, out));
                    remember(site, statement);
                }
            }
            remember(op);
            state = dev.keel.graph.MigrationGraph.applyOperation(state, site.spec(), i, op.span().first());
        }
    }

    /** The SQL texts an operation runs: a RunSql's, and those in the database part of SeparateDatabaseAndState. */
    static List<String> sqlOf(Operation op) {
        var result = new ArrayList<String>();
        if (op instanceof RunSql sql) {
            result.add(sql.sql());
        } else if (op instanceof SeparateDatabaseAndState both) {
            both.database().forEach(o -> result.addAll(sqlOf(o)));
        }
        return result;
    }

    private static void remember(OperationSite op) {
        MigrationMemory memory = op.migration().memory();
        Operation o = op.operation();
        if (o instanceof CreateModel create) {
            memory.create(create.table().qualifiedName());
            return;
        }
        if (o instanceof CreateSequence create) {
            memory.create(create.sequence().name());
            return;
        }
        if (o instanceof dev.keel.operations.AddEnumValue add) {
            if (op.atomic()) {
                memory.enumValue("'" + add.value().replace("'", "''") + "'", add.type());
            }
            return;
        }
        Optional<Table> table = model(o).flatMap(op::table);
        if (table.isEmpty()) {
            return;
        }
        String name = table.get().qualifiedName();
        if (o instanceof AddField add) {
            memory.addColumn(name, add.column().name(), add.column().defaultSql() != null, add.column().notNull());
        }
        if (o instanceof AlterField alter) {
            table.get().findFieldOrColumn(alter.field()).filter(old -> old.defaultSql() != null && alter.column().defaultSql() == null)
                    .ifPresent(old -> memory.dropDefault(name, alter.column().name()));
            memory.setNotNull(name, alter.column().name(), alter.column().notNull());
        }
        if (o instanceof AddConstraint add && add.constraint() instanceof CheckConstraint check) {
            Matcher m = NOT_NULL_CHECK.matcher(check.expression().strip());
            if (m.matches()) {
                memory.notNullCheck(check.name(), name, SqlStatement.tableName(m.group(1)));
            }
        }
        if (o instanceof ValidateConstraint v) {
            memory.validated(v.name());
        } else if (op.atomic() && takesWriteLock(o)) {
            memory.lock(name);
        }
    }

    private static void remember(MigrationSite site, SqlStatement statement) {
        MigrationMemory memory = site.memory();
        rememberFunction(memory, statement);
        statement.match("CREATE\\s+(?:(?:UNLOGGED\\s+)?TABLE|MATERIALIZED\\s+VIEW)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + SqlStatement.NAME + ")")
                .ifPresent(m -> memory.create(SqlStatement.tableName(m.group(1))));
        Matcher enumValue = ADD_ENUM_VALUE.matcher(statement.text());
        if (site.spec().atomic() && enumValue.find()) {
            memory.enumValue(enumValue.group(2), SqlStatement.tableName(enumValue.group(1)));
        }
        SqlColumnTypes.ofCreateTable(statement).ifPresent(t -> {
            memory.dropTable(t.getKey());
            t.getValue().forEach((column, type) -> memory.columnType(t.getKey(), column, type));
        });
        statement.match("DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(" + SqlStatement.NAME + "(?:\\s*,\\s*" + SqlStatement.NAME + ")*)")
                .ifPresent(m -> java.util.Arrays.stream(m.group(1).split(",")).map(SqlStatement::tableName).forEach(memory::dropTable));
        statement.match("CREATE\\s+(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?SEQUENCE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + SqlStatement.NAME + ")")
                .ifPresent(m -> memory.create(SqlStatement.tableName(m.group(1))));
        Optional<String> table = statement.alteredTable();
        if (table.isEmpty()) {
            return;
        }
        for (String action : statement.actions()) {
            rememberColumn(memory, table.get(), action);
            Matcher check = Pattern.compile("^ADD\\s+CONSTRAINT\\s+(" + SqlStatement.NAME + ")\\s+CHECK\\s*\\((.*)\\)"
                    + "(?:\\s+NOT\\s+VALID)?$", Pattern.CASE_INSENSITIVE).matcher(action);
            if (check.find()) {
                Matcher column = NOT_NULL_CHECK.matcher(check.group(2).strip());
                if (column.matches()) {
                    memory.notNullCheck(SqlStatement.tableName(check.group(1)), table.get(), SqlStatement.tableName(column.group(1)));
                }
            }
            Matcher validate = Pattern.compile("^VALIDATE\\s+CONSTRAINT\\s+(" + SqlStatement.NAME + ")$",
                    Pattern.CASE_INSENSITIVE).matcher(action);
            if (validate.find()) {
                memory.validated(SqlStatement.tableName(validate.group(1)));
            } else if (site.spec().atomic()) {
                memory.lock(table.get());
            }
        }
    }

    private static final Pattern ADD_COLUMN = Pattern.compile(
            "^ADD\\s+(?!CONSTRAINT\\b|PRIMARY\\b|UNIQUE\\b|CHECK\\b|FOREIGN\\b|EXCLUDE\\b)(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?("
                    + SqlStatement.NAME + ")\\s+(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ALTER_COLUMN = Pattern.compile(
            "^ALTER\\s+(?:COLUMN\\s+)?(" + SqlStatement.NAME + ")\\s+(SET\\s+NOT\\s+NULL|DROP\\s+NOT\\s+NULL|DROP\\s+DEFAULT"
                    + "|SET\\s+DEFAULT\\s+NULL)\\s*$", Pattern.CASE_INSENSITIVE);

    private static final Pattern ADD_ENUM_VALUE = Pattern.compile("^ALTER\\s+TYPE\\s+(" + SqlStatement.NAME
            + ")\\s+ADD\\s+VALUE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?('(?:[^']|'')*')", Pattern.CASE_INSENSITIVE);
    private static final Pattern TYPE_CHANGE = Pattern.compile(
            "^ALTER\\s+(?:COLUMN\\s+)?(" + SqlStatement.NAME + ")\\s+(?:SET\\s+DATA\\s+)?TYPE\\s+(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DROP_COLUMN = Pattern.compile(
            "^DROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?(?!CONSTRAINT\\b)(" + SqlStatement.NAME + ")(?:\\s+(?:CASCADE|RESTRICT))?$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern CREATE_FUNCTION = Pattern.compile(
            "^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:FUNCTION|PROCEDURE)\\s+(" + SqlStatement.NAME + ")\\s*\\(",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BODY = Pattern.compile("\\$([A-Za-z_0-9]*)\\$(.*?)\\$\\1\\$|\\bAS\\s+'((?:[^']|'')*)'",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** A function or procedure the migration creates: whether its body is what lint cannot read (a schema change, EXECUTE). */
    static void rememberFunction(MigrationMemory memory, SqlStatement statement) {
        Matcher create = CREATE_FUNCTION.matcher(statement.shape());
        if (!create.find()) {
            return;
        }
        String why = null;
        Matcher body = BODY.matcher(statement.text());
        while (why == null && body.find()) {
            String code = body.group(2) != null ? body.group(2) : body.group(3).replace("''", "'");
            why = SqlStatement.unreadableCode(code).orElse(null);
        }
        memory.function(SqlStatement.tableName(create.group(1)), why);
    }

    /** What an ALTER TABLE action does to the columns this migration added. */
    static void rememberColumn(MigrationMemory memory, String table, String action) {
        Matcher add = ADD_COLUMN.matcher(action);
        if (add.matches()) {
            String definition = add.group(2);
            memory.columnType(table, SqlStatement.tableName(add.group(1)), SqlColumnTypes.ofDefinition(definition));
            memory.addColumn(table, SqlStatement.tableName(add.group(1)),
                    Pattern.compile("\\bDEFAULT\\b", Pattern.CASE_INSENSITIVE).matcher(definition).find(),
                    Pattern.compile("\\bNOT\\s+NULL\\b|\\bPRIMARY\\s+KEY\\b", Pattern.CASE_INSENSITIVE).matcher(definition).find());
            return;
        }
        Matcher type = TYPE_CHANGE.matcher(action);
        if (type.matches()) {
            memory.columnType(table, SqlStatement.tableName(type.group(1)), SqlColumnTypes.ofDefinition(type.group(2)));
            return;
        }
        Matcher drop = DROP_COLUMN.matcher(action);
        if (drop.matches()) {
            memory.columnType(table, SqlStatement.tableName(drop.group(1)), null);
            return;
        }
        Matcher alter = ALTER_COLUMN.matcher(action);
        if (alter.matches()) {
            String column = SqlStatement.tableName(alter.group(1));
            String what = alter.group(2).toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
            switch (what) {
                case "SET NOT NULL" -> memory.setNotNull(table, column, true);
                case "DROP NOT NULL" -> memory.setNotNull(table, column, false);
                default -> memory.dropDefault(table, column);
            }
        }
    }

    /** Whether the operation takes a lock on its table that blocks writes until the transaction ends. */
    private static boolean takesWriteLock(Operation o) {
        boolean stateOnly = o instanceof RenameModel || o instanceof RenameField r && r.stateOnly()
                || o instanceof SafeRemoveField s && s.action() == dev.keel.operations.DeletionAction.MOVE_TO_PENDING
                || o instanceof SafeDeleteModel d && d.action() == dev.keel.operations.DeletionAction.MOVE_TO_PENDING
                || o instanceof dev.keel.operations.SafeDeleteSequence q && q.action() == dev.keel.operations.DeletionAction.MOVE_TO_PENDING;
        boolean code = o instanceof RunSql || o instanceof RunJava;
        boolean concurrent = o instanceof AddIndex a && a.isConcurrent() || o instanceof RemoveIndex r2 && r2.isConcurrent();
        return !stateOnly && !code && !concurrent;
    }

    /** The model an operation works on, when it works on one. */
    static Optional<String> model(Operation o) {
        try {
            var accessor = o.getClass().getMethod("model");
            return Optional.ofNullable((String) accessor.invoke(o));
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }
}
