package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.StatementSite;

import java.util.Locale;
import java.util.regex.Matcher;

/**
 * {@code ALTER TABLE ... DISABLE TRIGGER} on an existing table: the running code's writes skip the trigger, or wait
 * for the whole migration. ({@code ENABLE TRIGGER} alone takes the same lock only for a moment, and passes.)
 */
public final class DisableTrigger implements LintRule {
    @Override public String name() { return "disable-trigger"; }
    @Override public String why() {
        return "DISABLE TRIGGER takes a SHARE ROW EXCLUSIVE lock, which blocks every write to the table until the"
                + " transaction ends: a migration that disables a trigger, changes rows and enables it again blocks the"
                + " table's writes for the whole change. Committed, it lets the running code's writes skip the trigger (an"
                + " audit row, a column kept in step) until it is enabled again; DISABLE TRIGGER ALL also turns off the"
                + " table's foreign key checks, and the rows that break them stay.";
    }
    @Override public String fix() {
        return "leave the trigger enabled. To keep the migration's own writes out of it, make the trigger function return"
                + " early when a setting says so (IF current_setting('app.migrating', true) = 'on' THEN RETURN NEW; END IF)"
                + " and SET LOCAL app.migrating = 'on' in the migration's transaction: other sessions still fire it.";
    }

    @Override public void check(StatementSite site, Findings out) {
        site.statement().alteredTable().filter(site::existingTable).ifPresent(table -> {
            for (String action : site.statement().actions()) {
                Matcher m = Sql.action("DISABLE\\s+TRIGGER\\s+(" + Sql.NAME + ")", action);
                if (m.find()) {
                    String which = m.group(1).toUpperCase(Locale.ROOT);
                    out.report(this, site.span(), "DISABLE TRIGGER " + (which.equals("ALL") ? "ALL (the foreign key checks too)"
                            : which.equals("USER") ? "USER" : m.group(1)) + " on existing table " + table);
                }
            }
        });
    }
}
