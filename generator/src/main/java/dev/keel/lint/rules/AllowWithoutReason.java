package dev.keel.lint.rules;

import dev.keel.lint.AllowComment;
import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.MigrationSite;
import dev.keel.lint.Span;

/** An allow comment that gives no reason: it allows nothing. */
public final class AllowWithoutReason implements LintRule {
    @Override public String name() { return "allow-without-reason"; }
    @Override public String why() {
        return "an allow comment switches a safety rule off for one operation; without a reason the next reader cannot"
                + " tell whether it is still safe, so keel does not honour it.";
    }
    @Override public String fix() {
        return "say why it is safe here after a colon: // keel:allow drop-column: the table is empty in every environment.";
    }
    @Override public String sqlFix() {
        return "say why it is safe here after a colon: -- keel:allow drop-column: the table is empty in every environment.";
    }
    @Override public boolean allowable() { return false; }

    @Override public void check(MigrationSite site, Findings out) {
        for (AllowComment a : site.file().allows()) {
            if (!a.hasReason()) {
                out.report(this, Span.line(a.line()), "keel:allow " + (a.rule().isEmpty() ? "(no rule)" : a.rule())
                        + " gives no reason");
            }
        }
    }
}
