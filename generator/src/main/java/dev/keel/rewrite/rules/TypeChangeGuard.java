package dev.keel.rewrite.rules;

import dev.keel.operations.AlterField;
import dev.keel.operations.Operation;
import dev.keel.rewrite.RewriteContext;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.rewrite.SafetyRule;
import dev.keel.rewrite.Step;
import dev.keel.state.Column;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ALTER COLUMN ... TYPE} rewrites the table under an exclusive lock, except for the widenings
 * PostgreSQL does in place: {@code varchar(n)} to {@code varchar(m > n)} or {@code text}, and
 * {@code numeric(p, s)} to {@code numeric(q > p, s)}. Anything else is refused, with the expand/contract
 * steps, unless explicitly allowed.
 */
public final class TypeChangeGuard implements SafetyRule {
    private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");

    @Override public String name() { return "type-change"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (!(op instanceof AlterField alter) || !ctx.existingTable(alter.model())) {
            return Optional.empty();
        }
        Column old = ctx.table(alter.model()).findField(alter.field()).orElseThrow();
        String from = old.type();
        String to = alter.column().type();
        if (from.equals(to) || safeWidening(from, to) || ctx.options().allows(SafetyOptions.TYPE_CHANGE)) {
            return Optional.empty();
        }
        String table = ctx.table(alter.model()).qualifiedName();
        ctx.refuse("field " + ctx.app() + "." + alter.model() + "." + alter.field() + ": changing column " + old.name()
                + " from " + from + " to " + to + " rewrites table " + table + " under an exclusive lock."
                + "\nTo fix, expand and contract over several deploys:"
                + "\n  1. add a new nullable field with the new type and write both fields in the code;"
                + "\n  2. backfill the new column in batches (a data migration);"
                + "\n  3. read from the new field, then remove the old one (keel removes it in two phases);"
                + "\nor, if the table is small or offline, allow it: keel makemigrations --allow-unsafe type-change.");
        return Optional.of(List.of(Step.deploy(op)));
    }

    /** Whether PostgreSQL changes {@code from} to {@code to} without rewriting the table. */
    public static boolean safeWidening(String from, String to) {
        Matcher vf = VARCHAR.matcher(from);
        if (vf.matches()) {
            if (to.equals("text") || to.equals("varchar")) {
                return true;
            }
            Matcher vt = VARCHAR.matcher(to);
            return vt.matches() && Integer.parseInt(vt.group(1)) >= Integer.parseInt(vf.group(1));
        }
        if (from.equals("varchar") && to.equals("text")) {
            return true;
        }
        Matcher nf = NUMERIC.matcher(from);
        Matcher nt = NUMERIC.matcher(to);
        return nf.matches() && nt.matches() && nf.group(2).equals(nt.group(2))
                && Integer.parseInt(nt.group(1)) >= Integer.parseInt(nf.group(1));
    }
}
