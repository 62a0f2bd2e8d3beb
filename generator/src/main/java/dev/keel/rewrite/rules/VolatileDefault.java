package dev.keel.rewrite.rules;

import dev.keel.operations.AddField;
import dev.keel.operations.AlterField;
import dev.keel.operations.Operation;
import dev.keel.operations.RunSql;
import dev.keel.rewrite.RewriteContext;
import dev.keel.rewrite.SafetyRule;
import dev.keel.rewrite.SqlText;
import dev.keel.rewrite.Step;
import dev.keel.state.Column;
import dev.keel.state.Table;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code ADD COLUMN ... DEFAULT f()} with a volatile {@code f} ({@code gen_random_uuid()},
 * {@code clock_timestamp()}, {@code random()}, {@code nextval(...)}) rewrites the table under an exclusive
 * lock. Instead, expand: add the column nullable, set the default for new rows; backfill the old rows in
 * batches after deployment. The NOT NULL follows in a later migration (the next makemigrations writes it,
 * in its safe form), once the backfill has run. A non-volatile default stays one {@code ADD COLUMN}.
 */
public final class VolatileDefault implements SafetyRule {
    /**
     * The volatile functions a default is written with (PostgreSQL's {@code provolatile = 'v'}): {@code now()},
     * {@code statement_timestamp()} and {@code transaction_timestamp()} are stable, evaluated once for the ADD COLUMN.
     */
    private static final Pattern VOLATILE = Pattern.compile("\\b(gen_random_uuid|uuid_generate_v\\d\\w*|uuidv[47]|gen_random_bytes"
            + "|clock_timestamp|timeofday|random|random_normal|nextval)\\s*\\(");

    @Override public String name() { return "volatile-default"; }

    /** Whether a default expression is volatile, so that adding it rewrites the table. */
    public static boolean isVolatile(String defaultSql) {
        return defaultSql != null && VOLATILE.matcher(defaultSql.toLowerCase(Locale.ROOT)).find();
    }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (!(op instanceof AddField add) || !ctx.existingTable(add.model()) || !isVolatile(add.column().defaultSql())) {
            return Optional.empty();
        }
        Table table = ctx.table(add.model());
        Column target = add.column();
        Column bare = target.nullable().defaultSql(null);
        String column = target.name();
        String backfill = """
                DO $$
                DECLARE batch integer;
                BEGIN
                  LOOP
                    UPDATE %1$s SET %2$s = %3$s
                     WHERE ctid IN (SELECT ctid FROM %1$s WHERE %2$s IS NULL LIMIT 10000);
                    GET DIAGNOSTICS batch = ROW_COUNT;
                    EXIT WHEN batch = 0;
                    COMMIT;
                  END LOOP;
                END $$""".formatted(SqlText.table(table.qualifiedName()), SqlText.quote(column), target.defaultSql());
        return Optional.of(List.of(
                Step.deploy(new AddField(add.model(), add.field(), bare)),
                Step.deploy(new AlterField(add.model(), add.field(),
                        bare.defaultSql(target.defaultSql()).keepDefault(target.defaultKept()))),
                Step.post(ctx.options().declaresTables(table)
                        ? new RunSql(backfill, RunSql.NOOP).touches(table.qualifiedName())
                        : new RunSql(backfill, RunSql.NOOP))));
    }
}
