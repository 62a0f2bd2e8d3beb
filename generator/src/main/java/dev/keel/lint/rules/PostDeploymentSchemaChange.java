package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.MigrationSite;
import dev.keel.operations.Operation;

import java.util.List;

/**
 * A post-deployment migration holding something other than index, validation and data operations and NOT VALID
 * constraints; the switch of a column kept in step by a sync (constraints, NOT NULL and default of that column
 * alone, after its copy), the brief steps of keel's switch of a type change (around a {@code switchColumn}) and a key
 * fed by a kept {@code nextval} default made an identity (keel's switch of a key from a sequence) are allowed.
 */
public final class PostDeploymentSchemaChange implements LintRule {
    @Override public String name() { return "post-deployment-schema-change"; }
    @Override public String why() {
        return "post-deployment migrations run after the new code is live, without the statement timeout: a schema"
                + " change there comes after the code that needs it, and may hold a lock for as long as it likes.";
    }
    @Override public String fix() {
        return "move the schema change to a deploy-time migration; keep post-deployment migrations to index builds,"
                + " validations (VALIDATE CONSTRAINT) and data changes.";
    }

    @Override public void check(MigrationSite site, Findings out) {
        if (!site.spec().postDeployment()) {
            return;
        }
        List<Operation> ops = site.spec().operations();
        for (int i = 0; i < ops.size(); i++) {
            if (!OperationKinds.postDeployable(ops.get(i)) && !OperationKinds.partOfSwitch(ops, i)
                    && !OperationKinds.switchesSyncedColumn(ops.get(i), site.spec().key().app(), site.before())
                    && !OperationKinds.identityAfterSequence(ops.get(i), site.spec().key().app(), site.before())) {
                out.report(this, site.span(i), "post-deployment migration holds \"" + ops.get(i).describe() + "\"");
            }
        }
    }
}
