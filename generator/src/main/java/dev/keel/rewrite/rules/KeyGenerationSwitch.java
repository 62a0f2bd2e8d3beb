package dev.keel.rewrite.rules;

import dev.keel.operations.AlterField;
import dev.keel.operations.DeleteSequence;
import dev.keel.operations.Operation;
import dev.keel.operations.RunSql;
import dev.keel.operations.SafeDeleteSequence;
import dev.keel.rewrite.RewriteContext;
import dev.keel.rewrite.SafetyRule;
import dev.keel.rewrite.SqlText;
import dev.keel.rewrite.Step;
import dev.keel.state.Column;
import dev.keel.state.Identity;
import dev.keel.state.Sequence;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A key whose values switch between an identity column and a sequence the application calls
 * ({@code GenerationType.IDENTITY} to {@code SEQUENCE}, or back) on a table with rows. As written by the differ,
 * both break inserts: the new sequence (or the new identity) starts at 1, below the rows' keys (duplicate key), and
 * {@code DROP IDENTITY} at deploy time fails every insert of the code still running, which leaves the key to the
 * database. Instead:
 * <ul>
 *   <li>identity to sequence, at deploy time in one transaction: {@code DROP IDENTITY}, the column's default
 *       {@code nextval} of the new sequence (for the inserts of the code still running; kept), and the sequence moved
 *       past the largest key. The application takes blocks of the sequence's increment below or above each value
 *       it draws (Hibernate's pooled optimizers), and the default draws single values of the same sequence, so the
 *       two never meet.</li>
 *   <li>sequence to identity: at deploy time the column's default {@code nextval} of the old sequence (the new code
 *       leaves the key to the database while the old code still takes blocks of that sequence); after deployment,
 *       when no old code runs, in one transaction: the default dropped, the identity added, and its sequence moved
 *       past the largest key. The old sequence goes in two phases, as any removed sequence.</li>
 * </ul>
 * Applies when the sequence is known: the one this migration creates (or removes) on its own, or the one named
 * after the table or the model ({@code <table>_seq}, Hibernate's default name).
 */
public final class KeyGenerationSwitch implements SafetyRule {
    @Override public String name() { return "key-generation-switch"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (!(op instanceof AlterField alter) || !ctx.existingTable(alter.model())) {
            return Optional.empty();
        }
        Table table = ctx.table(alter.model());
        Optional<Column> found = table.findFieldOrColumn(alter.field());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Column old = found.get();
        Column target = alter.column();
        if (!old.type().equals(target.type()) || !old.name().equals(target.name())) {
            return Optional.empty(); // a type change or a rename: their own rules
        }
        if (old.identity() != Identity.NONE && target.identity() == Identity.NONE && target.defaultSql() == null) {
            Optional<String> seq = created(ctx, table);
            if (seq.isEmpty()) {
                return refuse(ctx, alter, table, "from the identity to a sequence");
            }
            return seq.map(s -> toSequence(ctx, alter, table, target, s));
        }
        if (old.identity() == Identity.NONE && target.identity() != Identity.NONE) {
            // the column may be fed by the sequence already (a kept default, from an earlier switch the other way)
            Optional<String> seq = removed(ctx, table)
                    .filter(s -> old.defaultSql() == null || old.defaultKept() && old.defaultSql().equals(nextval(s)));
            if (seq.isEmpty()) {
                return refuse(ctx, alter, table, "from a sequence to an identity");
            }
            return seq.map(s -> toIdentity(alter, table, old, target, s));
        }
        return Optional.empty();
    }

    private static List<Step> toSequence(RewriteContext ctx, AlterField alter, Table table, Column target, String seq) {
        Column fed = target.defaultSql(nextval(seq)).keepDefault();
        String column = SqlText.quote(target.name());
        String past = "SELECT setval(" + SqlText.literal(seq) + ", GREATEST(COALESCE(max(" + column + "), 0), 1)) FROM "
                + SqlText.table(table.qualifiedName());
        ctx.note("field " + ctx.app() + "." + alter.model() + "." + alter.field() + ": the key's values switch from the identity"
                + " to sequence " + seq + ": keel moves the sequence past the largest key and keeps nextval(" + seq + ") as the"
                + " column's default, so that the inserts of the code still running get keys too.");
        return List.of(Step.deploy(new AlterField(alter.model(), alter.field(), fed)),
                Step.deploy(new RunSql(past, RunSql.NOOP)));
    }

    private static List<Step> toIdentity(AlterField alter, Table table, Column old, Column target, String seq) {
        String column = SqlText.quote(target.name());
        String qualified = table.qualifiedName();
        String past = "SELECT setval(pg_get_serial_sequence(" + SqlText.literal(SqlText.table(qualified)) + ", " + SqlText.literal(target.name())
                + "), GREATEST(COALESCE(max(" + column + "), 0), 1)) FROM " + SqlText.table(qualified);
        var steps = new ArrayList<Step>();
        if (old.defaultSql() == null) {
            steps.add(Step.deploy(new AlterField(alter.model(), alter.field(), old.defaultSql(nextval(seq)).keepDefault())));
        }
        steps.add(Step.post(new AlterField(alter.model(), alter.field(), target)));
        steps.add(Step.post(new RunSql(past, RunSql.NOOP)));
        return steps;
    }

    private static Optional<List<Step>> refuse(RewriteContext ctx, AlterField alter, Table table, String how) {
        String key = table.qualifiedName();
        ctx.refuse("field " + ctx.app() + "." + alter.model() + "." + alter.field() + ": the keys of " + key + " switch " + how
                + ", and keel cannot tell which sequence feeds them (this migration creates or removes none for the table, and"
                + " none is named " + table.name() + "_seq). Written as it reads, the change would fail the inserts of the code"
                + " still running, or repeat keys: a new identity or sequence starts below the rows' keys."
                + "\nTo fix: write the change in a migration of your own (keel makemigrations --empty), at a time no code inserts"
                + " into " + key + ": alterField(\"" + alter.model() + "\", \"" + alter.field() + "\", column(...)) as the entity"
                + " wants it, then runSql(\"SELECT setval('<the sequence>', GREATEST((SELECT last_value FROM <the sequence>),"
                + " (SELECT max(" + alter.column().name() + ") FROM " + key + ")))\") (never backwards: another table may draw"
                + " from it); keel makemigrations then finds nothing left to do. How keel does it for a sequence it knows:"
                + " docs/safety.md, \"Key generation switched\".");
        return Optional.of(List.of(Step.deploy(alter)));
    }

    /** The sequence this migration has created so far for the table's keys, if one can be told. */
    private static Optional<String> created(RewriteContext ctx, Table table) {
        List<String> fresh = ctx.current().sequences().stream().map(Sequence::name)
                .filter(name -> ctx.before().sequences().stream().noneMatch(s -> s.name().equals(name))).toList();
        return pick(fresh, table);
    }

    /** The sequence this migration removes, which fed the table's keys, if one can be told. */
    private static Optional<String> removed(RewriteContext ctx, Table table) {
        var gone = new ArrayList<String>();
        for (Operation later : ctx.remaining()) {
            if (later instanceof SafeDeleteSequence d) {
                gone.add(d.name());
            } else if (later instanceof DeleteSequence d) {
                gone.add(d.name());
            }
        }
        return pick(gone, table);
    }

    private static Optional<String> pick(List<String> sequences, Table table) {
        if (sequences.size() == 1) {
            return Optional.of(sequences.get(0));
        }
        List<String> named = sequences.stream().filter(s -> s.equals(table.name() + "_seq") || s.equals(table.model() + "_seq")
                || s.equals(table.qualifiedName() + "_seq")).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /** The default PostgreSQL shows for a column fed by {@code sequence}. */
    static String nextval(String sequence) {
        return "nextval(" + SqlText.literal(SqlText.table(sequence)) + "::regclass)";
    }
}
