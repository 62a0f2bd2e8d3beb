package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.StatementSite;

/**
 * {@code COMMIT}, {@code ROLLBACK}, {@code BEGIN} and their kin in the SQL of an atomic migration: the statements
 * before it would be committed behind keel's back, and a failure after it could not be rolled back. keel's runner
 * refuses such a statement when it runs; this rule says so before the deploy.
 */
public final class TransactionControl implements LintRule {
    private static final String CONTROL = "(?:COMMIT|END|ABORT|BEGIN|START\\s+TRANSACTION|SET\\s+TRANSACTION"
            + "|SET\\s+SESSION\\s+CHARACTERISTICS|PREPARE\\s+TRANSACTION|COMMIT\\s+PREPARED|ROLLBACK\\s+PREPARED"
            + "|ROLLBACK(?!\\s+(?:WORK\\s+|TRANSACTION\\s+)?TO\\b))\\b";

    @Override public String name() { return "transaction-control"; }
    @Override public String why() {
        return "an atomic migration runs in one transaction keel opens and ends; a COMMIT, ROLLBACK or BEGIN inside it"
                + " would commit part of the migration behind keel's back, so keel refuses it at migrate time.";
    }
    @Override public String fix() {
        return "let keel end the transaction: remove the statement. To commit as you go (a large backfill), make the"
                + " migration atomic(false) and each step re-runnable, or use ctx.batches() in runJava. Savepoints"
                + " (SAVEPOINT, ROLLBACK TO SAVEPOINT) are fine.";
    }
    @Override public String sqlFix() {
        return "let the tool end the transaction: remove the statement (Flyway and Liquibase run each file or changeset in"
                + " one). To commit as you go (a large backfill), run the file outside a transaction"
                + " (executeInTransaction=false in V<n>__<name>.sql.conf; Liquibase: runInTransaction:false) with each step"
                + " re-runnable. Savepoints (SAVEPOINT, ROLLBACK TO SAVEPOINT) are fine.";
    }

    @Override public void check(StatementSite site, Findings out) {
        if (site.atomic() && site.statement().is(CONTROL)) {
            out.report(this, site.span(), site.statement().abbreviated() + " inside an atomic migration");
        }
    }
}
