package dev.keel.lint;

import java.util.List;

/**
 * What {@code keel lint} found.
 *
 * @param migrations how many migration files were checked
 * @param findings   the findings, sorted by file, line and rule
 * @param allowed    the findings that allow comments let through, with their reasons
 */
public record LintReport(int migrations, List<Finding> findings, List<Findings.Allowed> allowed) {
    public LintReport {
        findings = List.copyOf(findings);
        allowed = List.copyOf(allowed);
    }

    /** Whether nothing was found. */
    public boolean clean() {
        return findings.isEmpty();
    }

    /** The one-line summary that ends the text report. */
    public String summary() {
        if (findings.isEmpty()) {
            return "keel lint: " + migrations + (migrations == 1 ? " migration" : " migrations") + " checked, no findings"
                    + (allowed.isEmpty() ? "." : " (" + allowed.size() + " allowed with a reason).");
        }
        long files = findings.stream().map(Finding::file).distinct().count();
        return "keel lint: " + findings.size() + (findings.size() == 1 ? " finding" : " findings") + " in " + files + " of "
                + migrations + (migrations == 1 ? " migration." : " migrations.");
    }
}
