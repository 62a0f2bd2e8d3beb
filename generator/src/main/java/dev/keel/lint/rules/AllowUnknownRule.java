package dev.keel.lint.rules;

import dev.keel.lint.AllowComment;
import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.LintRules;
import dev.keel.lint.MigrationSite;
import dev.keel.lint.Span;

/** An allow comment naming a rule lint does not have (a typo allows nothing). */
public final class AllowUnknownRule implements LintRule {
    @Override public String name() { return "allow-unknown-rule"; }
    @Override public String why() {
        return "an allow comment for a rule that does not exist allows nothing; it is most likely a misspelt rule name.";
    }
    @Override public String fix() {
        return "write one of the rule names that keel lint --rules lists.";
    }
    @Override public boolean allowable() { return false; }

    @Override public void check(MigrationSite site, Findings out) {
        for (AllowComment a : site.file().allows()) {
            if (!a.rule().isEmpty() && LintRules.ALL.stream().noneMatch(r -> r.name().equals(a.rule()))) {
                out.report(this, Span.line(a.line()), "keel:allow names no rule: " + a.rule(),
                        "write one of: " + String.join(", ", LintRules.names()));
            }
        }
    }
}
