package dev.keel.runner.internal;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.Operation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which migrations {@link Executor#together} lets go with others in one send: atomic, applied forwards, every step one
 * of keel's statements that needs no answer, all under the migration's statement timeout (a step that runs without it,
 * a validation first in its transaction, keeps the migration apart), whatever the position of the step that decides.
 */
class ExecutorTogetherTest {
    private static final Executor EXECUTOR = EarlyStartHoldableTest.EXECUTOR;

    private static Script script(boolean atomic, boolean postDeployment, List<Operation> ops) {
        var spec = new MigrationSpec(new MigrationKey("blog", "0002_x"), List.of(new MigrationKey("blog", "0001_initial")),
                ops, atomic, postDeployment, false, List.of(), "test");
        return Scripts.forwards(spec, LockPlanTest.BASE);
    }

    @Test
    void keelsOwnStatementsUnderTheMigrationsTimeoutGoTogether() {
        assertTrue(EXECUTOR.together(script(true, false, EarlyStartHoldableTest.tables(30))));
        assertTrue(EXECUTOR.together(script(true, false, List.of(addField("post", "extra", column("extra", "text").nullable()),
                validateConstraint("post", "fk_post_tag")))), "a validation after another step runs under the timeout");
        assertTrue(EXECUTOR.together(script(true, false, List.of())), "no step");
    }

    @Test
    void aValidationFirstInItsTransactionRunsWithoutTheTimeoutAndKeepsItsMigrationApart() {
        assertFalse(EXECUTOR.together(script(true, false, List.of(validateConstraint("post", "fk_post_tag")))));
        assertFalse(EXECUTOR.together(script(true, false, List.of(validateConstraint("post", "fk_post_tag"),
                addField("post", "extra", column("extra", "text").nullable())))));
    }

    @Test
    void aPostDeploymentMigrationHasNoTimeoutToDifferFrom() {
        assertTrue(EXECUTOR.together(script(true, true, List.of(validateConstraint("post", "fk_post_tag"),
                addField("post", "extra", column("extra", "text").nullable())))));
    }

    @Test
    void aStepThatNeedsAnAnswerAnywhereOrANonAtomicMigrationIsSentAlone() {
        assertFalse(EXECUTOR.together(script(false, false, EarlyStartHoldableTest.tables(3))));
        assertFalse(EXECUTOR.together(script(true, false, List.of(addField("post", "extra", column("extra", "text").nullable()),
                runSql("SELECT 1")))));
        assertFalse(EXECUTOR.together(script(true, false, List.of(runSql("SELECT 1"),
                addField("post", "extra", column("extra", "text").nullable())))));
    }
}
