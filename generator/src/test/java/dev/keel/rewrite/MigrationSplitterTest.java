package dev.keel.rewrite;

import dev.keel.operations.Operation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Grouping safe steps into migrations: by phase and stage, or in the rules' order when staging would change the outcome. */
class MigrationSplitterTest {
    static final dev.keel.project.ProjectState BEFORE = SafetyRewriterTest.BEFORE;

    @Test
    void stagesGroupIntoSchemaConcurrentAndValidatedMigrations() {
        var check = check("post_title_check", "title <> ''").notValid();
        List<Step> steps = List.of(
                Step.deploy(addIndex("post", index("ix_post_title", "title"), true)),
                Step.deploy(addConstraint("post", check)),
                Step.deploy(validateConstraint("post", "post_title_check")),
                Step.deploy(addField("post", "slug", column("slug", "text").nullable())));
        var plans = MigrationSplitter.split("blog", BEFORE, steps);
        assertEquals(List.of(
                new PlannedMigration(List.of(addConstraint("post", check), addField("post", "slug", column("slug", "text").nullable())), true, false),
                new PlannedMigration(List.of(addIndex("post", index("ix_post_title", "title"), true)), false, false),
                new PlannedMigration(List.of(validateConstraint("post", "post_title_check")), true, false)), plans);
    }

    @Test
    void whenStagingWouldChangeTheOutcomeTheRulesOrderIsKept() {
        var check = check("post_title_check", "title <> ''").notValid();
        List<Step> steps = List.of(
                Step.deploy(addConstraint("post", check)).last(),
                Step.deploy(validateConstraint("post", "post_title_check")));
        var plans = MigrationSplitter.split("blog", BEFORE, steps);
        assertEquals(List.<Operation>of(addConstraint("post", check)), plans.get(0).operations());
        assertEquals(List.<Operation>of(validateConstraint("post", "post_title_check")), plans.get(1).operations(),
                "the validation still gets a transaction of its own");
    }

    @Test
    void postDeploymentStepsThatDeployTimeStepsNeedAreAKeelBug() {
        List<Step> steps = List.of(
                Step.post(addField("post", "slug", column("slug", "text").nullable())),
                Step.deploy(alterField("post", "slug", column("slug", "varchar(200)").nullable())));
        assertThrows(IllegalStateException.class, () -> MigrationSplitter.split("blog", BEFORE, steps));
    }
}
