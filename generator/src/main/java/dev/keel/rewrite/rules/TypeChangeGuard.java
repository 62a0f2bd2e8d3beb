package dev.keel.rewrite.rules;

import dev.keel.operations.AlterField;
import dev.keel.operations.Operation;
import dev.keel.rewrite.RewriteContext;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.rewrite.SafetyRule;
import dev.keel.rewrite.Step;
import dev.keel.rewrite.conversions.Conversion;
import dev.keel.rewrite.conversions.Conversions;
import dev.keel.state.Column;
import dev.keel.state.Identity;
import dev.keel.state.Table;

import java.util.List;
import java.util.Optional;

/**
 * {@code ALTER COLUMN ... TYPE} rewrites the table under an exclusive lock, except for the changes
 * PostgreSQL makes in place ({@link InPlaceTypeChange}: a longer {@code varchar}, {@code text}, a larger numeric
 * precision with the same scale, a finer timestamp...). On a table with rows keel writes the change as expand
 * and contract instead ({@link TypeChangeExpandContract}), converting the values with the expression of the
 * {@link Conversions conversion} of the two types, or the user's ({@code --using}) where keel cannot derive a
 * safe one (asked: exit 3 when it cannot ask). Refused, unless allowed: a column of the primary key, one that
 * foreign keys of other tables reference, an identity or sequence-fed column, a column of a join or collection
 * table, and a type change that renames the column too.
 */
public final class TypeChangeGuard implements SafetyRule {

    @Override public String name() { return "type-change"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (!(op instanceof AlterField alter) || !ctx.existingTable(alter.model())) {
            return Optional.empty();
        }
        Table table = ctx.table(alter.model());
        Column old = table.findFieldOrColumn(alter.field()).orElseThrow();
        String from = old.type();
        String to = alter.column().type();
        if (InPlaceTypeChange.of(from, to) || ctx.options().allows(SafetyOptions.TYPE_CHANGE)) {
            return Optional.empty();
        }
        String where = "field " + ctx.app() + "." + alter.model() + "." + alter.field();
        Optional<String> why = whyNotExpandContract(ctx, table, old, alter.column());
        if (why.isPresent()) {
            ctx.refuse(where + ": changing column " + old.name() + " from " + from + " to " + to + " rewrites table "
                    + table.qualifiedName() + " under an exclusive lock, and keel cannot write it as expand and contract: "
                    + why.get() + "."
                    + "\nTo fix, expand and contract by hand over several deploys:"
                    + "\n  1. add a new nullable field with the new type and write both fields in the code;"
                    + "\n  2. backfill the new column in batches (a data migration);"
                    + "\n  3. read from the new field, then remove the old one (keel removes it in two phases);"
                    + "\nor, if the table is small or offline, allow it: keel makemigrations --allow-unsafe type-change.");
            return Optional.of(List.of(Step.deploy(op)));
        }
        Conversion conversion = Conversions.of(from, to);
        Optional<String> using = ctx.options().using(ctx.app(), alter.model(), alter.field());
        if (using.isPresent()) {
            conversion = conversion.using(using.get(), old.name());
        } else if (!conversion.derived()) {
            // the checks of the column before the migration, now, and those it adds: an enum's names are in one of them
            var checks = new java.util.ArrayList<dev.keel.state.Constraint>(table.constraints());
            ctx.before().table(ctx.app(), alter.model()).ifPresent(t -> checks.addAll(t.constraints()));
            ctx.refuse(usingMessage(where, table, old, to, conversion,
                    dev.keel.rewrite.conversions.EnumStorage.conversion(old.name(), from, to, checks, ctx.remaining(), alter.model())));
            return Optional.of(List.of(Step.deploy(op)));
        }
        ctx.note(where + ": the type change of column " + old.name() + " (" + from + " to " + to + ") is written as expand"
                + " and contract: the post-deployment migrations fill the new column and switch to it; once they have run"
                + " everywhere, keel makemigrations --delete-pending drops the old column.");
        return Optional.of(TypeChangeExpandContract.steps(alter.model(), alter.field(), table, old, alter.column(), conversion));
    }

    /**
     * Whether {@code alter} will be written as expand and contract: a type change PostgreSQL cannot make in place, not
     * allowed as is, on an existing table whose column keel can pair with a twin, with a conversion keel derives or the
     * user gave. The twin then takes the column's checks as they are in the state at the type change.
     */
    static boolean expandsAndContracts(RewriteContext ctx, AlterField alter) {
        if (!ctx.existingTable(alter.model()) || ctx.options().allows(SafetyOptions.TYPE_CHANGE)) {
            return false;
        }
        Table table = ctx.table(alter.model());
        Optional<Column> old = table.findFieldOrColumn(alter.field());
        if (old.isEmpty() || InPlaceTypeChange.of(old.get().type(), alter.column().type())
                || whyNotExpandContract(ctx, table, old.get(), alter.column()).isPresent()) {
            return false;
        }
        return Conversions.of(old.get().type(), alter.column().type()).derived()
                || ctx.options().using(ctx.app(), alter.model(), alter.field()).isPresent();
    }

    /** Why the type change of {@code old} cannot be written as expand and contract, if it cannot. */
    private static Optional<String> whyNotExpandContract(RewriteContext ctx, Table table, Column old, Column target) {
        if (table.entity() == null) {
            return Optional.of("the column belongs to a join or collection table, which has no field keel can pair a new column with");
        }
        if (!old.name().equals(target.name())) {
            return Optional.of("the column is renamed to " + target.name() + " at the same time; change its type and its name in two runs");
        }
        if (old.isGenerated() || target.isGenerated()) {
            return Optional.of("it is a generated column, whose values PostgreSQL computes (a new generated field with the new"
                    + " type, added beside it, rewrites the table too)");
        }
        if (table.primaryKey() != null && table.primaryKey().columns().contains(old.name())) {
            return Optional.of("it is part of the primary key " + table.primaryKey().name());
        }
        if (old.identity() != Identity.NONE || target.identity() != Identity.NONE
                || old.defaultSql() != null && old.defaultSql().contains("nextval(")) {
            return Optional.of("its values come from a sequence (identity or nextval default)");
        }
        String retired = dev.keel.rewrite.Identifiers.make(old.name(), TypeChangeExpandContract.OLD);
        boolean earlier = ctx.current().pending().stream().anyMatch(p -> p.table().equals(table.qualifiedName())
                && (p instanceof dev.keel.state.PendingSync sync && (sync.source().equals(old.name()) || sync.column().equals(old.name()))
                    || p instanceof dev.keel.state.PendingColumn column && column.column().name().equals(retired)));
        if (earlier) {
            return Optional.of("an earlier rename or type change of the column is not finished (its old column or its sync is"
                    + " pending); finish it first with keel makemigrations --delete-pending once its migrations are deployed");
        }
        List<String> references = References.to(ctx.current(), table, old.name());
        if (!references.isEmpty()) {
            return Optional.of("foreign keys of other tables reference it:" + References.listing(references));
        }
        return Optional.empty();
    }

    private static String usingMessage(String where, Table table, Column old, String to, Conversion conversion,
                                       Optional<String> enumMapping) {
        String example = enumMapping.orElse(conversion.hint().replaceFirst("^x", java.util.regex.Matcher.quoteReplacement(old.name())));
        return where + ": column " + old.name() + " of " + table.qualifiedName() + " changes from " + old.type() + " to " + to
                + ", and keel has no safe conversion of the existing values (" + conversion.kind() + "): a value the"
                + " conversion does not fit would fail the backfill or the writes of the code still running."
                + "\nkeel writes the change as expand and contract, and needs the SQL expression giving the new value from"
                + " column " + old.name() + ", for example " + example + "."
                + (enumMapping.isEmpty() ? "" : "\nThe column holds an enum whose storage changes between @Enumerated(ORDINAL)"
                + " and @Enumerated(STRING): the example maps each ordinal to its constant's name in the order of the check"
                + " constraint; it holds only if the enum's constants kept their order (a plain cast does not map names and ordinals).")
                + "\nTo fix: keel makemigrations --using \"" + where.substring("field ".length()) + "=" + example + "\""
                + "\n(or answer the question when keel runs in a terminal); or, if the table is small or offline,"
                + " keel makemigrations --allow-unsafe type-change.";
    }

}
