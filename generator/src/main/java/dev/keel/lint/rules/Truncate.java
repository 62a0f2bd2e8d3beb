package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.SqlStatement;
import dev.keel.lint.StatementSite;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code TRUNCATE} of a table the running code uses (also inside a {@code DO} block). */
public final class Truncate implements LintRule {
    private static final Pattern NAMES = Pattern.compile(SqlStatement.NAME);

    @Override public String name() { return "truncate"; }
    @Override public String why() {
        return "TRUNCATE deletes every row of the table, with no WHERE and no way back once committed, under an ACCESS"
                + " EXCLUSIVE lock that blocks every read and write of the table (and, with CASCADE, of every table"
                + " referencing it) until the migration's transaction ends.";
    }
    @Override public String fix() {
        return "do not empty a table the running code uses in a migration. If rows must go, delete only those in batches"
                + " in a non-atomic post-deployment migration (DELETE FROM t WHERE id IN (SELECT id FROM t WHERE ... LIMIT"
                + " 10000), repeated); to retire the table, remove its entity (two-phase removal: the table goes to pending,"
                + " and is dropped in a later deploy).";
    }
    @Override public String sqlFix() {
        return "do not empty a table the running code uses in a migration. If rows must go, delete only those in batches"
                + " outside a transaction (DELETE FROM t WHERE id IN (SELECT id FROM t WHERE ... LIMIT 10000), repeated);"
                + " to retire the table, stop using it in one deploy and DROP TABLE it in a later one.";
    }

    @Override public void check(StatementSite site, Findings out) {
        for (SqlStatement s : site.statement().withInner()) {
            s.match("TRUNCATE\\s+(?:TABLE\\s+)?(.*?)(?:\\s+(?:RESTART|CONTINUE)\\s+IDENTITY)?(?:\\s+(CASCADE|RESTRICT))?$")
                    .ifPresent(m -> {
                        List<String> tables = tables(m.group(1));
                        List<String> existing = tables.stream().filter(site::existingTable).toList();
                        if (!existing.isEmpty() || tables.isEmpty()) {
                            out.report(this, site.span(), "TRUNCATE " + (tables.isEmpty() ? "" : "of existing table "
                                    + String.join(", ", existing) + " ") + "deletes all its rows under an ACCESS EXCLUSIVE lock"
                                    + (m.group(2) != null && m.group(2).equalsIgnoreCase("CASCADE")
                                    ? ", and CASCADE empties the tables that reference it too" : "")
                                    + (s == site.statement() ? "" : " (inside a DO block)"));
                        }
                    });
        }
    }

    private static List<String> tables(String list) {
        var result = new ArrayList<String>();
        for (String part : list.split(",")) {
            String p = part.strip().replaceFirst("(?i)^ONLY\\s+", "").replaceFirst("\\s*\\*$", "");
            Matcher m = NAMES.matcher(p);
            if (m.lookingAt()) {
                result.add(SqlStatement.tableName(m.group()));
            }
        }
        return result;
    }
}
