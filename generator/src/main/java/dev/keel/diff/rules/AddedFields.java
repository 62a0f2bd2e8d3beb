package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.diff.FieldRef;
import dev.keel.operations.AddField;
import dev.keel.state.Column;
import dev.keel.state.Identity;
import dev.keel.state.Table;

import java.util.Map;
import java.util.Optional;

/**
 * New fields of kept models. A NOT NULL column on an existing table needs a database default: the
 * entity's {@code @ColumnDefault}, else the field's Java initializer (kept as the database default),
 * else the questioner's answer (kept too, marked {@link Column#keepDefault() kept} in the state, since the
 * entity does not declare it); without one the user must decide, and nothing is written.
 *
 * <p>The default stays: the code still running during the deploy inserts rows without the new column,
 * and only the database default keeps those inserts from violating NOT NULL. A one-off value dropped
 * right after the {@code ADD COLUMN} would fail them.
 */
public final class AddedFields implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        for (Table[] pair : ctx.keptTables()) {
            Table before = pair[0];
            Map<String, Column> existing = Columns.byKey(before);
            for (Column c : pair[1].columns()) {
                String key = Columns.key(pair[1], c);
                if (existing.containsKey(key)) {
                    continue;
                }
                Column added = c;
                if (needsDefault(c)) {
                    var ref = new FieldRef(before.app(), before.model(), key);
                    Optional<String> value = ctx.hints().initializerDefault(before.app(), before.model(), key);
                    if (value.isPresent()) {
                        ctx.acceptInitializerDefault(before.app(), before.model(), key, value.get());
                        added = c.defaultSql(value.get());
                    } else {
                        value = ctx.questioner().defaultForNotNullAdd(ref, c);
                        if (value.isEmpty()) {
                            boolean reference = pair[1].constraints().stream().anyMatch(k -> k instanceof dev.keel.state.ForeignKey fk
                                    && fk.columns().contains(c.name()));
                            ctx.needInput(before.entity() == null ? collectionMessage(before, c)
                                    : reference ? referenceMessage(ref, before, c) : notNullMessage(ref, before, c));
                            continue;
                        }
                        ctx.keepDefault(before.app(), before.model(), key, value.get());
                        added = c.defaultSql(value.get()).keepDefault();
                    }
                }
                ctx.emit(before.app(), new AddField(before.model(), key, added));
            }
        }
    }

    private static boolean needsDefault(Column c) {
        return c.notNull() && c.defaultSql() == null && c.identity() == Identity.NONE && !c.isGenerated();
    }

    private static String collectionMessage(Table table, Column c) {
        return "table " + table.qualifiedName() + " (a collection or join table) gains the NOT NULL column " + c.name() + " ("
                + c.type() + "), and its existing rows have no value for it: keel cannot choose one (an @OrderColumn needs each"
                + " row's position within its owner, a map key each entry's key)."
                + "\nTo fix, one of:"
                + "\n  - fill it by hand: keel makemigrations --empty writes an empty migration; in it add the column nullable"
                + " (addField), fill it with runSql (an order column: row_number() OVER (PARTITION BY the owner's key) - 1),"
                + " and make it NOT NULL (alterField); keel makemigrations then writes the rest (the primary key);"
                + "\n  - run keel makemigrations in a terminal and answer a value for every existing row, if the table holds at"
                + " most one row per owner.";
    }

    private static String referenceMessage(FieldRef ref, Table table, Column c) {
        return "field " + ref + ": the NOT NULL join column " + c.name() + " (" + c.type() + ") of a required relation is added to"
                + " the existing table " + table.qualifiedName() + "; its existing rows have no value for it, and would violate"
                + " NOT NULL and the foreign key."
                + "\nTo fix, one of:"
                + "\n  - make the relation optional now (@ManyToOne(optional = true), or @JoinColumn(nullable = true)), fill the"
                + " column in a data migration (keel makemigrations --empty), then make it required: keel writes NOT NULL in its"
                + " safe form;"
                + "\n  - run keel makemigrations in a terminal and answer with the key of an existing row (every existing row"
                + " refers to it, and it stays the column's default).";
    }

    private static String notNullMessage(FieldRef ref, Table table, Column c) {
        return "field " + ref + ": the NOT NULL column " + c.name() + " (" + c.type() + ") is added to the existing table "
                + table.qualifiedName() + " without a database default; its existing rows would violate NOT NULL."
                + "\nTo fix, one of:"
                + "\n  - give the field a Java initializer (= value); keel keeps it as the database default;"
                + "\n  - add @ColumnDefault(\"<sql value>\") to the field;"
                + "\n  - make it nullable now (@Column(nullable = true)), backfill it in a data migration, then make it NOT NULL.";
    }
}
