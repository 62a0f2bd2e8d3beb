package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.OperationSite;
import dev.keel.lint.SqlStatement;
import dev.keel.lint.StatementSite;
import dev.keel.operations.DeleteSequence;
import dev.keel.project.ProjectState;
import dev.keel.state.PendingSequence;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A sequence the running code draws ids from, dropped at once (not after a pending phase). */
public final class DropSequence implements LintRule {
    private static final Pattern NAMES = Pattern.compile(SqlStatement.NAME);

    @Override public String name() { return "drop-sequence"; }
    @Override public String why() {
        return "the code still running during the deploy draws ids from the sequence (nextval): once it is gone, its"
                + " inserts fail.";
    }
    @Override public String fix() {
        return "drop it in two phases: safeDeleteSequence(name, MOVE_TO_PENDING) now, safeDeleteSequence(name, DELETE)"
                + " in a later deploy (keel makemigrations --delete-pending writes it).";
    }
    @Override public String sqlFix() {
        return "drop it in two deploys: first deploy code (and column defaults) that no longer draw from the sequence;"
                + " then DROP SEQUENCE in a migration of a later deploy.";
    }

    @Override public void check(OperationSite site, Findings out) {
        if (site.operation() instanceof DeleteSequence delete && live(site.before(), delete.name())
                && !site.migration().memory().created(delete.name())) {
            out.report(this, site.span(), "existing sequence " + delete.name() + " is dropped at once");
        }
    }

    @Override public void check(StatementSite site, Findings out) {
        site.statement().match("DROP\\s+SEQUENCE\\s+(?:IF\\s+EXISTS\\s+)?(.*?)(?:\\s+(?:CASCADE|RESTRICT))?$").ifPresent(m -> {
            Matcher names = NAMES.matcher(m.group(1));
            while (names.find()) {
                String sequence = SqlStatement.tableName(names.group());
                boolean pending = site.operation().before().pending().stream()
                        .anyMatch(p -> p instanceof PendingSequence s && s.sequence().name().equals(sequence));
                if (!pending && !site.memory().created(sequence)) {
                    out.report(this, site.span(), "DROP SEQUENCE " + sequence + " drops an existing sequence at once");
                }
            }
        });
    }

    /** Whether the state knows the sequence as one the code uses (not one waiting, pending, for its drop). */
    private static boolean live(ProjectState state, String name) {
        return state.sequence(name).isPresent();
    }
}
