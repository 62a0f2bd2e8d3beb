package dev.keel.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the findings of one migration file. A finding that an allow comment with a reason covers is
 * kept apart as allowed, with that reason.
 */
public final class Findings {
    private final String file;
    private final List<AllowComment> allows;
    private final List<Finding> found = new ArrayList<>();
    private final List<Allowed> allowed = new ArrayList<>();

    /** A finding an allow comment let through. */
    public record Allowed(Finding finding, String reason) {}

    Findings(String file, List<AllowComment> allows) {
        this.file = file;
        this.allows = allows;
    }

    /**
     * Reports that {@code rule} found {@code message} in lines {@code first..last}, with the rule's own
     * explanation and safe form.
     */
    public void report(LintRule rule, Span span, String message) {
        report(rule, span, message, sql() ? rule.sqlFix() : rule.fix());
    }

    /** Reports a finding whose safe form is more specific than the rule's. */
    public void report(LintRule rule, Span span, String message, String fix) {
        Finding f = new Finding(file, span.first(), rule.name(), message, rule.why(), fix);
        for (AllowComment a : allows) {
            if (rule.allowable() && a.covers(rule.name(), span.first(), span.last())) {
                allowed.add(new Allowed(f, a.reason()));
                return;
            }
        }
        found.add(f);
    }

    /** Whether the findings are of a plain SQL migration file, whose safe forms are written in SQL. */
    public boolean sql() {
        return file.toLowerCase(java.util.Locale.ROOT).endsWith(".sql");
    }

    List<Finding> found() {
        return found;
    }

    List<Allowed> allowed() {
        return allowed;
    }
}
