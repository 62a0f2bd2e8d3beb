package dev.keel.emit;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationNames;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.Operation;
import dev.keel.operations.RunJava;
import dev.keel.operations.RunSql;
import dev.keel.project.ProjectState;
import dev.keel.state.Column;
import dev.keel.state.Table;

import java.util.List;
import java.util.Optional;

/**
 * What {@code makemigrations --empty APP} writes: a data migration to edit, showing {@code runSql}
 * with its reverse and {@code runJava} with a batched walk, commented so that a reader knows what to
 * change. Unedited, it runs and changes nothing (its SQL is a comment, its methods log a line), reads
 * back from source like any migration and compiles. The example names a model of the app as of this
 * migration when the app has one.
 */
public final class DataMigrationTemplate {
    /** The statement the template's SQL starts as: a comment, which PostgreSQL runs as nothing. */
    static final String FORWARDS_SQL = "-- Write the SQL here; names are the database's as of this migration.\n";
    /** The template's reverse SQL. */
    static final String BACKWARDS_SQL = "-- Write the SQL that undoes FORWARDS_SQL here (RunSql.NOOP: nothing to undo).\n";
    /** The methods the template's {@code runJava} names. */
    static final String FORWARDS = "forwards";
    static final String BACKWARDS = "backwards";

    private DataMigrationTemplate() {}

    /**
     * The operations of the template: its SQL with the reverse, then its Java methods. A new
     * migration from the template is not atomic and runs after the deploy, as a batched walk needs.
     */
    public static List<Operation> operations() {
        return List.of(new RunSql(FORWARDS_SQL, BACKWARDS_SQL), new RunJava(FORWARDS, BACKWARDS));
    }

    /** The model and field the commented example walks: the app's first entity with a one-column key, if any. */
    record Example(String model, String table, String field) {
        static Example of(ProjectState state, String app) {
            Optional<Example> found = state.tables(app).stream()
                    .filter(t -> t.entity() != null && t.primaryKey() != null && t.primaryKey().columns().size() == 1)
                    .flatMap(t -> t.columns().stream()
                            .filter(c -> c.field() != null && !t.primaryKey().columns().contains(c.name()))
                            .findFirst().map(c -> new Example(t.model(), t.name(), c.field())).stream())
                    .findFirst();
            return found.orElse(new Example("my_model", "my_model", "myField"));
        }
    }

    /**
     * The source of the template migration {@code spec} (whose operations are {@link #operations()})
     * in {@code packageName}, its example on a model of {@code state} (the state it meets).
     */
    public static String write(MigrationSpec spec, String packageName, ProjectState state) {
        Example ex = Example.of(state, spec.app());
        String var = javaName(ex.model());
        var deps = new StringBuilder();
        for (MigrationKey dep : spec.dependencies()) {
            deps.append("        dependsOn(").append(JavaValues.string(dep.app())).append(", ")
                    .append(JavaValues.string(dep.name())).append(");\n");
        }
        if (spec.initial()) {
            deps.append("        initial();\n");
        }
        String field = JavaValues.string(ex.field());
        String model = JavaValues.string(ex.model());
        return "package " + packageName + ";\n"
                + "\n"
                + "import dev.keel.migration.HistoricalTable;\n"
                + "import dev.keel.migration.Migration;\n"
                + "import dev.keel.migration.MigrationContext;\n"
                + "\n"
                + "import java.time.Duration;\n"
                + "\n"
                + "import static dev.keel.migration.Operations.*;\n"
                + "\n"
                + "/**\n"
                + " * A data migration written by keel makemigrations --empty: edit it, keep what you need, delete the rest.\n"
                + " * As written it changes nothing.\n"
                + " *\n"
                + " * <p>runSql runs FORWARDS_SQL on keel migrate and BACKWARDS_SQL when the migration is unapplied\n"
                + " * (RunSql.NOOP: nothing to undo; runSql(FORWARDS_SQL) alone: it cannot be unapplied). runJava calls\n"
                + " * forwards() and backwards() below with a MigrationContext: the connection, ctx.log(), and the tables\n"
                + " * and columns as they are at this migration (ctx.table(\"model\"), ctx.column(\"model\", \"field\")), so\n"
                + " * this code keeps working after later renames. keel reads define() from source: keep it to literals,\n"
                + " * constants of this file and the operation factories. Test it with @MigrationTest (keel-junit).\n"
                + " */\n"
                + "public final class " + MigrationNames.className(spec.name()) + " extends Migration {\n"
                + "    private static final String FORWARDS_SQL = " + textBlock(FORWARDS_SQL) + ";\n"
                + "\n"
                + "    private static final String BACKWARDS_SQL = " + textBlock(BACKWARDS_SQL) + ";\n"
                + "\n"
                + "    @Override\n"
                + "    protected void define() {\n"
                + deps
                + "        // Batches commit one by one, so a migration that walks a table in batches is not atomic, and on a\n"
                + "        // large table it runs after the deploy (keel migrate --post-deploy). For one short transaction\n"
                + "        // instead, delete these two lines.\n"
                + "        atomic(false);\n"
                + "        postDeployment();\n"
                + "        operations(\n"
                + "                runSql(FORWARDS_SQL, BACKWARDS_SQL),\n"
                + "                runJava(\"" + FORWARDS + "\", \"" + BACKWARDS + "\"));\n"
                + "    }\n"
                + "\n"
                + "    /** Runs on keel migrate, after FORWARDS_SQL. */\n"
                + "    void " + FORWARDS + "(MigrationContext ctx) throws Exception {\n"
                + "        // Example: walk " + ex.table() + " by primary key, 1000 rows per batch, each batch its own short\n"
                + "        // transaction, with a progress bar; a stopped run resumes after the last batch done. Uncomment,\n"
                + "        // then write the condition (which rows change) and the SET (how), in SQL:\n"
                + "        // HistoricalTable " + var + " = ctx.table(" + model + ");\n"
                + "        // ctx.batches(" + model + ")\n"
                + "        //         .size(1000)\n"
                + "        //         .pause(Duration.ofMillis(10))\n"
                + "        //         .where(" + var + ".column(" + field + ") + \" IS NULL\")\n"
                + "        //         .update(" + var + ".column(" + field + ") + \" = \" + " + var + ".column(" + field + "));\n"
                + "        ctx.log(\"" + MigrationNames.className(spec.name()) + "." + FORWARDS + "(): nothing to do yet.\");\n"
                + "    }\n"
                + "\n"
                + "    /** Runs when the migration is unapplied, before BACKWARDS_SQL: undo what forwards() did. */\n"
                + "    void " + BACKWARDS + "(MigrationContext ctx) throws Exception {\n"
                + "        ctx.log(\"" + MigrationNames.className(spec.name()) + "." + BACKWARDS + "(): nothing to undo yet.\");\n"
                + "    }\n"
                + "}\n";
    }

    private static String textBlock(String text) {
        return "\"\"\"\n            " + text.strip().replace("\\", "\\\\").replace("\"\"\"", "\\\"\"\"") + "\n            \"\"\"";
    }

    /** {@code blog_post} as a Java variable: {@code blogPost}. */
    static String javaName(String model) {
        var sb = new StringBuilder();
        boolean upper = false;
        for (char ch : model.toCharArray()) {
            if (!Character.isLetterOrDigit(ch)) {
                upper = sb.length() > 0;
                continue;
            }
            sb.append(upper ? Character.toUpperCase(ch) : ch);
            upper = false;
        }
        String name = sb.length() == 0 || !Character.isLetter(sb.charAt(0)) ? "table" + sb : sb.toString();
        return javax.lang.model.SourceVersion.isKeyword(name) ? name + "Table" : name;
    }
}
